import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TargetMode } from '../../../main/domain/graduation';
import { targetSchema } from '../../../main/domain/progress';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

export interface TargetEditing {
  year: number;
  /** null: the office's own target. */
  pendampingId: number | null;
  who: string;
  set: { mode: TargetMode; value: number } | null;
  /** What applies without a set target, e.g. "10 KPM (bawaan)". */
  fallback: string;
}

/** Sets or clears one target; a fresh form per opening. */
export function TargetModal({ editing, onClose }: { editing: TargetEditing | null; onClose: () => void }) {
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing ? `Target ${editing.year}: ${editing.who}` : ''}>
      {editing && <TargetForm editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function TargetForm({ editing, onDone }: { editing: TargetEditing; onDone: () => void }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('progress.setTarget');
  const clear = useApiMutation('progress.clearTarget');
  const [mode, setMode] = useState<TargetMode>(editing.set?.mode ?? 'kpm');
  const [value, setValue] = useState<number | string>(editing.set?.value ?? '');
  const [error, setError] = useState<string | null>(null);

  const done = async (message: string) => {
    await Promise.all(
      ['progress.targets', 'progress.dashboard'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
    notifySuccess(message);
    onDone();
  };
  const submit = async () => {
    const input = { year: editing.year, pendampingId: editing.pendampingId, mode, value: Number(value) };
    const parsed = targetSchema.safeParse(value === '' ? { ...input, value: undefined } : input);
    if (!parsed.success) {
      setError(parsed.error.issues[0].message);
      return;
    }
    try {
      await save.mutateAsync(parsed.data);
      await done(`Target ${editing.who} disimpan.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const reset = async () => {
    try {
      await clear.mutateAsync({ year: editing.year, pendampingId: editing.pendampingId });
      await done(`Target ${editing.who} kembali ke bawaan.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Tanpa target khusus berlaku: {editing.fallback}.
      </Text>
      <SegmentedControl
        aria-label="Jenis target"
        value={mode}
        onChange={(v) => setMode(v as TargetMode)}
        data={[
          { value: 'kpm', label: 'Jumlah KPM' },
          { value: 'persen', label: 'Persen KPM aktif' },
        ]}
      />
      <NumberInput
        label={mode === 'persen' ? 'Target (%)' : 'Target (KPM)'}
        value={value}
        onChange={setValue}
        min={0}
        max={mode === 'persen' ? 100 : 10_000}
        allowDecimal={false}
        error={error}
        data-autofocus
      />
      {error && !error.startsWith('Target') && <Alert color="red">{error}</Alert>}
      <Group justify="space-between">
        <Button variant="subtle" color="red" onClick={reset} disabled={!editing.set} loading={clear.isPending}>
          Kembalikan ke bawaan
        </Button>
        <Group>
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            Simpan
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
