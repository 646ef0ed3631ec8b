import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNumber } from '../../../main/domain/format';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

interface Props {
  opened: boolean;
  onClose: () => void;
  kpmIds: number[];
  onDone: () => void;
}

/** Moves the chosen families to one active pendamping. */
export function ReassignModal({ opened, onClose, kpmIds, onDone }: Props) {
  const options = usePendampingOptions({ activeOnly: true });
  const [target, setTarget] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reassign = useApiMutation('pendamping.reassign');
  const queryClient = useQueryClient();
  const targetName = options.find((o) => o.value === target)?.label;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) {
      setFailure('Pilih pendamping tujuan.');
      return;
    }
    setFailure(null);
    try {
      const { moved } = await reassign.mutateAsync({ toPendampingId: Number(target), kpmIds });
      notifySuccess(`${formatNumber(moved)} KPM dipindahkan ke ${targetName}.`);
      await queryClient.invalidateQueries();
      setTarget(null);
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Pindahkan ke pendamping lain">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {formatNumber(kpmIds.length)} KPM yang dipilih akan didampingi oleh pendamping tujuan. Setiap perpindahan
            tercatat di riwayat keluarga.
          </Text>
          <Select
            label="Pendamping tujuan"
            placeholder="Pilih pendamping aktif"
            data={options}
            value={target}
            onChange={setTarget}
            searchable
            data-autofocus
            nothingFoundMessage="Tidak ada pendamping aktif"
          />
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={reassign.isPending} disabled={!target}>
              Pindahkan {formatNumber(kpmIds.length)} KPM
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
