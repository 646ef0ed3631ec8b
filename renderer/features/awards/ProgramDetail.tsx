import { Badge, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ProgramSummary } from '../../../main/api/awards.contract';
import { AWARD_FORM_LABEL, FUNDING_SOURCE_LABEL, PROGRAM_STATUS_LABEL } from '../../../main/domain/awards';
import { AWARD_DUTIES } from '../../../main/domain/duties';
import { type KpmStatus, STATUS_LABEL } from '../../../main/domain/enums';
import { formatNumber, formatRupiah, formatTanggal } from '../../../main/domain/format';
import { useSession } from '../session/session';
import { AddRecipients } from './AddRecipients';
import { BudgetBar } from './money';
import { RecipientsTab } from './RecipientsTab';
import { useTab } from './use-tab';

const TABS = ['penerima', 'tambah'] as const;

/** One programme: its money and rules on top, its recipients and the planning of new ones below. */
export function ProgramDetail({ program }: { program: ProgramSummary }) {
  const { can } = useSession();
  const [tab, setTab] = useTab(TABS, 'penerima');
  const mayPlan = can(AWARD_DUTIES.plan) && program.status === 'active';
  return (
    <Stack>
      <ProgramSummaryCard program={program} />
      <Tabs value={mayPlan ? tab : 'penerima'} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="penerima">
            Penerima ({formatNumber(Object.values(program.counts).reduce((a, b) => a + b, 0))})
          </Tabs.Tab>
          {mayPlan && <Tabs.Tab value="tambah">Tambah penerima</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="penerima">
          <RecipientsTab program={program} />
        </Tabs.Panel>
        {mayPlan && (
          <Tabs.Panel value="tambah">
            <AddRecipients program={program} onPlanned={() => setTab('penerima')} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </div>
  );
}

function ProgramSummaryCard({ program: p }: { program: ProgramSummary }) {
  return (
    <Paper withBorder p="md" radius="sm" role="region" aria-label="Ringkasan program">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          <Fact label="Pagu anggaran">{formatRupiah(p.budget)}</Fact>
          <Fact label="Direncanakan">{formatRupiah(p.planned)}</Fact>
          <Fact label="Disetujui">{formatRupiah(p.approved)}</Fact>
          <Fact label="Diserahkan">{formatRupiah(p.handedOver)}</Fact>
          <Fact label="Sisa pagu">
            <span data-testid="program-remaining">{formatRupiah(p.remaining)}</span>
          </Fact>
        </SimpleGrid>
        <BudgetBar figures={p} label={`Penggunaan pagu ${p.name}`} />
        <Group gap="xs">
          <Badge variant="light" color={p.status === 'active' ? 'teal' : 'gray'}>
            {PROGRAM_STATUS_LABEL[p.status]}
          </Badge>
          <Text size="sm" c="dimmed">
            {FUNDING_SOURCE_LABEL[p.fundingSource]}
            {p.sponsorName ? ` (${p.sponsorName})` : ''} · {AWARD_FORM_LABEL[p.form]} · {formatRupiah(p.minPerFamily)}–
            {formatRupiah(p.maxPerFamily)} per KPM ·{' '}
            {p.graduationTypes.map((g) => STATUS_LABEL[g as KpmStatus] ?? g).join(', ')}{' '}
            {formatTanggal(p.graduatedFrom)}–{formatTanggal(p.graduatedTo)}
            {p.onePerFamily ? ' · satu bantuan per KPM' : ''}
          </Text>
        </Group>
        {p.status !== 'active' && (
          <Text size="sm" c="orange">
            Penerima baru hanya dapat ditambahkan ketika program berstatus Aktif.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
