import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { PHASE_LABEL } from './labels';

type ImportProgress = OutputOf<'import.progress'>;

interface Props {
  progress: ImportProgress | null;
  /** Shown before the first progress arrives (the file is still being sent). */
  waitingLabel: string;
  onCancel: () => void;
  cancelLabel?: string;
}

/** The phase in words, a bar, and the way out. */
export function ProgressPanel({ progress, waitingLabel, onCancel, cancelLabel = 'Batalkan' }: Props) {
  const phase = progress ? PHASE_LABEL[progress.phase] : waitingLabel;
  const percent = progress?.percent ?? 0;
  // Reading counts bytes, which mean nothing to the user; checking and saving count families.
  const detail =
    progress && progress.phase !== 'reading' && progress.total > 0
      ? `${formatNumber(progress.done)} dari ${formatNumber(progress.total)} keluarga`
      : `${percent}%`;
  return (
    <Paper withBorder p="md" radius="sm" maw={640}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500} aria-live="polite" data-testid="import-phase">
            {phase}…
          </Text>
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        </Group>
        <Progress
          value={progress ? Math.max(percent, 2) : 100}
          animated={!progress || percent < 100}
          aria-label={phase}
          size="lg"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Jangan tutup aplikasi selama proses berjalan.
          </Text>
          <Button variant="default" size="xs" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
