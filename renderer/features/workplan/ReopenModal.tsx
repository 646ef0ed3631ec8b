import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { useRefreshWorkPlans } from './use-workplan';

/** The office takes a submitted plan back to draft, saying why (written to the audit). */
export function ReopenModal({ planId, opened, onClose }: { planId: number; opened: boolean; onClose: () => void }) {
  const reopen = useApiMutation('workPlans.reopen');
  const refresh = useRefreshWorkPlans();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (reason.trim() === '') {
      setError('Tulis alasan membuka kembali rencana.');
      return;
    }
    try {
      await reopen.mutateAsync({ id: planId, reason });
      await refresh();
      notifySuccess('Rencana kerja dibuka kembali sebagai draf.');
      setReason('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Buka kembali rencana kerja">
      <Stack>
        <Text size="sm">Rencana yang dibuka kembali menjadi draf dan dapat diubah, lalu diajukan lagi.</Text>
        <Textarea
          label="Alasan"
          withAsterisk
          data-autofocus
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button color="orange" onClick={save} loading={reopen.isPending}>
            Buka kembali
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
