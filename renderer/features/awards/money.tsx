import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { BudgetFigures } from '../../../main/api/awards.contract';
import { formatRupiah } from '../../../main/domain/format';

/** Segments of the budget bar, in the order money moves: handed over, approved, planned. */
export const BUDGET_SEGMENTS = [
  { key: 'handedOver', label: 'Diserahkan', color: 'teal' },
  { key: 'approved', label: 'Disetujui', color: 'blue' },
  { key: 'planned', label: 'Direncanakan', color: 'yellow' },
] as const;

/** The budget as one bar: what each stage holds and what remains, with the figures written under it. */
export function BudgetBar({ figures, label }: { figures: BudgetFigures; label: string }) {
  const pct = (amount: number) => (figures.budget > 0 ? (amount * 100) / figures.budget : 0);
  return (
    <Stack gap={4}>
      {/* A group of three progress bars: each segment is named, the group carries the bar's label. */}
      <Progress.Root size="lg" role="group" aria-label={label}>
        {BUDGET_SEGMENTS.map((s) => (
          <Tooltip key={s.key} label={`${s.label}: ${formatRupiah(figures[s.key])}`}>
            <Progress.Section
              value={pct(figures[s.key])}
              color={s.color}
              aria-label={`${label}: ${s.label} ${formatRupiah(figures[s.key])}`}
            />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="md">
        {BUDGET_SEGMENTS.map((s) => (
          <Text key={s.key} size="xs">
            <Text span c={s.color} fw={700} inherit>
              ■
            </Text>{' '}
            {s.label} {formatRupiah(figures[s.key])}
          </Text>
        ))}
        <Text size="xs" fw={600}>
          Sisa {formatRupiah(figures.remaining)} dari pagu {formatRupiah(figures.budget)}
        </Text>
      </Group>
    </Stack>
  );
}
