import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNames, formatNumber } from '../../../main/domain/format';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

/** Candidates chosen in the list: id -> the family's name, for the dialog to name them. */
export type Chosen = Map<number, string>;

/** One reason for one or several candidates; the server withdraws all of them or none. */
export function WithdrawModal({
  candidates,
  onClose,
  onDone,
}: {
  candidates: Chosen | null;
  onClose: () => void;
  onDone: (ids: number[]) => void;
}) {
  const queryClient = useQueryClient();
  const withdraw = useApiMutation('graduation.candidateWithdraw');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setFailure(null);
    onClose();
  };
  const names = [...(candidates?.values() ?? [])];
  const single = names.length === 1;
  const what = single ? `calon ${names[0]}` : `${formatNumber(names.length)} calon`;
  return (
    <Modal opened={candidates !== null} onClose={close} title={`Batalkan ${what}`}>
      <Stack>
        {!single && (
          <Text size="sm">
            {formatNames(names, 10)}. Semua dibatalkan dengan alasan yang sama, atau tidak satu pun bila ada yang tidak
            dapat dibatalkan.
          </Text>
        )}
        <TextInput
          label="Alasan pembatalan"
          withAsterisk
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Kembali
          </Button>
          <Button
            color="red"
            loading={withdraw.isPending}
            onClick={async () => {
              if (!candidates) return;
              const ids = [...candidates.keys()];
              try {
                const { withdrawn } = await withdraw.mutateAsync({ ids, reason });
                await queryClient.invalidateQueries({ queryKey: ['graduation.candidates'] });
                notifySuccess(
                  single ? `Calon ${names[0]} dibatalkan.` : `${formatNumber(withdrawn)} calon dibatalkan.`,
                );
                onDone(ids);
                close();
              } catch (error) {
                setFailure(errorMessage(error));
              }
            }}
          >
            {single ? 'Batalkan calon' : `Batalkan ${formatNumber(names.length)} calon`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
