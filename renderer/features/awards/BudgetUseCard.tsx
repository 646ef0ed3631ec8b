import { Anchor, Group, Paper, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber } from '../../../main/domain/format';
import { useApi } from '../shared/api-hooks';
import { BudgetBar } from './money';

/** Beranda: the year's award budgets at a glance, with the way to the programmes. */
export function BudgetUseCard({ year }: { year: number }) {
  const { data, error } = useApi('awards.budgetUse', { year });
  return (
    <Paper withBorder p="md" radius="sm" role="region" aria-label="Penggunaan pagu bantuan usaha">
      <Group justify="space-between" mb={4}>
        <Text size="sm" c="dimmed">
          Bantuan usaha {year}
          {data ? ` · ${formatNumber(data.programs)} program` : ''}
        </Text>
        <Anchor component={Link} to="/bantuan" size="sm">
          Buka bantuan usaha
        </Anchor>
      </Group>
      {error ? (
        <Text size="sm" c="dimmed">
          Penggunaan pagu belum dapat dimuat.
        </Text>
      ) : !data ? (
        <Skeleton h={40} />
      ) : data.programs === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada program bantuan usaha tahun ini.
        </Text>
      ) : (
        <BudgetBar figures={data} label={`Penggunaan pagu bantuan usaha ${year}`} />
      )}
    </Paper>
  );
}
