import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { WorkPlanItemRow } from '../../../main/api/workplan.contract';
import { formatTanggal } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { useRefreshWorkPlans } from './use-workplan';

/** "Tidak terlaksana" asks why; the reason is required (the evaluation reads it). */
export function OutcomeModal({ item, onClose }: { item: WorkPlanItemRow | null; onClose: () => void }) {
  return (
    <Modal opened={item !== null} onClose={onClose} title="Kegiatan tidak terlaksana">
      {item && <NotDoneForm item={item} onDone={onClose} />}
    </Modal>
  );
}

function NotDoneForm({ item, onDone }: { item: WorkPlanItemRow; onDone: () => void }) {
  const mark = useApiMutation('workPlans.markOutcome');
  const refresh = useRefreshWorkPlans();
  const [reason, setReason] = useState(item.outcomeReason);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    if (reason.trim() === '') {
      setError('Tulis alasan kegiatan tidak terlaksana.');
      return;
    }
    try {
      await mark.mutateAsync({ id: item.id, outcome: 'not_done', reason });
      await refresh();
      notifySuccess('Kegiatan dicatat tidak terlaksana.');
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields?.reason ?? errorMessage(e)) : errorMessage(e));
    }
  };
  return (
    <Stack>
      <Text size="sm">
        {item.title} · {formatTanggal(item.date)}
      </Text>
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
        <Button variant="default" onClick={onDone}>
          Batal
        </Button>
        <Button onClick={save} loading={mark.isPending}>
          Simpan
        </Button>
      </Group>
    </Stack>
  );
}
