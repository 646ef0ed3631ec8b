import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AwardProgram, ProgramSummary } from '../../../main/api/awards.contract';
import { AWARD_FORM_LABEL, PROGRAM_STATUS_LABEL } from '../../../main/domain/awards';
import { AWARD_DUTIES } from '../../../main/domain/duties';
import { formatNumber, formatRupiah } from '../../../main/domain/format';
import { useYear, yearOptions } from '../dashboard/year';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { BudgetBar } from './money';
import { ProgramFormModal } from './ProgramFormModal';

const STATUS_COLOR = { draft: 'gray', active: 'teal', closed: 'dark' } as const;

/** The year's programmes, each with its budget bar; planners add and edit them. */
export function ProgramList() {
  const { can } = useSession();
  const [year, setYear] = useYear();
  const query = useApi('awards.programs', { year });
  const [editing, setEditing] = useState<AwardProgram | null | 'new'>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Select
          label="Tahun"
          w={120}
          allowDeselect={false}
          data={yearOptions()}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
        />
        {can(AWARD_DUTIES.plan) && <Button onClick={() => setEditing('new')}>Program baru</Button>}
      </Group>
      <Loaded query={query} label="Memuat program bantuan">
        {(programs) =>
          programs.length === 0 ? (
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                Belum ada program bantuan usaha tahun {year}.
              </Text>
            </Paper>
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {programs.map((p) => (
                <ProgramCard
                  key={p.id}
                  program={p} // A closed programme is read-only.
                  onEdit={can(AWARD_DUTIES.plan) && p.status !== 'closed' ? () => setEditing(p) : undefined}
                />
              ))}
            </SimpleGrid>
          )
        }
      </Loaded>
      <ProgramFormModal
        editing={editing === 'new' ? null : editing}
        year={year}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}

function ProgramCard({ program: p, onEdit }: { program: ProgramSummary; onEdit?: () => void }) {
  const families = p.counts.planned + p.counts.approved + p.counts.handed_over;
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-label={`Program ${p.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Anchor component={Link} to={`/bantuan/${p.id}`} fw={600}>
              {p.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {p.year} · {p.fundingSource}
              {p.sponsorName ? ` (${p.sponsorName})` : ''} · {AWARD_FORM_LABEL[p.form]} · {formatRupiah(p.minPerFamily)}
              –{formatRupiah(p.maxPerFamily)} per KPM
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Badge color={STATUS_COLOR[p.status]} variant="light">
              {PROGRAM_STATUS_LABEL[p.status]}
            </Badge>
            {onEdit && (
              <Button size="compact-sm" variant="default" onClick={onEdit} aria-label={`Ubah program ${p.name}`}>
                Ubah
              </Button>
            )}
          </Group>
        </Group>
        <BudgetBar figures={p} label={`Penggunaan pagu ${p.name}`} />
        <Text size="xs" c="dimmed">
          {formatNumber(families)} KPM penerima ({formatNumber(p.counts.handed_over)} sudah diserahkan)
        </Text>
      </Stack>
    </Paper>
  );
}
