import { Button, Group, NumberInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

/** The administrator's deadline day: plans for month M are due on this day of M. */
export function DeadlineSetting() {
  const settings = useApi('workPlans.settings', {});
  const update = useApiMutation('workPlans.updateSettings');
  const queryClient = useQueryClient();
  const [day, setDay] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setDay(settings.data.deadlineDay);
  }, [settings.data]);
  const save = async () => {
    setError(null);
    try {
      await update.mutateAsync({ deadlineDay: Number(day) });
      await Promise.all(
        ['workPlans.settings', 'workPlans.submissions', 'workPlans.get'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
      notifySuccess('Batas pengajuan rencana kerja disimpan.');
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields?.deadlineDay ?? errorMessage(e)) : errorMessage(e));
    }
  };
  return (
    <Group align="flex-end" gap="xs">
      <NumberInput
        label="Batas pengajuan (tanggal)"
        description="Rencana bulan M diajukan paling lambat tanggal ini di bulan M."
        min={1}
        max={28}
        w={260}
        value={day}
        onChange={setDay}
        error={error}
      />
      <Button variant="default" onClick={save} loading={update.isPending}>
        Simpan batas
      </Button>
    </Group>
  );
}
