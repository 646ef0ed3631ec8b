import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Decision } from '../../../main/api/proposal.contract';
import { formatTanggal } from '../../../main/domain/format';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

/** Reverses a decision recorded by mistake; the decision stays in the history, marked reversed. */
export function ReverseModal({ decision, onClose }: { decision: Decision; onClose: () => void }) {
  const queryClient = useQueryClient();
  const reverse = useApiMutation('decision.reverse');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    setFailure(null);
    try {
      await reverse.mutateAsync({ decisionId: decision.id, reason });
      // A decision changes families, candidates, visits and the home page's figures: every cached view is stale.
      await queryClient.invalidateQueries();
      notifySuccess(`Keputusan SK ${decision.skNumber} dibatalkan.`);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Batalkan keputusan SK ${decision.skNumber}`}>
      <Stack>
        <Text size="sm">
          Keputusan tanggal {formatTanggal(decision.skDate)} dibatalkan: keluarga yang disetujui kembali berstatus
          aktif, kunjungan lanjutan yang belum dilakukan dihapus, dan usulan kembali menunggu keputusan. Keputusan ini
          tetap tercatat di riwayat.
        </Text>
        <Textarea
          label="Alasan pembatalan"
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button color="red" onClick={submit} loading={reverse.isPending}>
            Batalkan keputusan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
