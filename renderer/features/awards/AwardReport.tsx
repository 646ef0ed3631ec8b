import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { GroupFigure, ProgramSummary } from '../../../main/api/awards.contract';
import { formatNumber, formatRupiah } from '../../../main/domain/format';
import { useYear, yearOptions } from '../dashboard/year';
import { ReportFiles } from '../reports/ReportFiles';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { BUDGET_SEGMENTS, BudgetBar } from './money';

/** "Laporan bantuan": where the money went, per programme, kecamatan, desa, source and business type. */
export function AwardReport() {
  const [year, setYear] = useYear();
  const [programId, setProgramId] = useState<number | null>(null);
  const programs = useApi('awards.programs', { year });
  const filter = { year, programId: programId ?? undefined };
  const report = useApi('awards.report', filter);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label="Tahun"
            w={120}
            allowDeselect={false}
            data={yearOptions()}
            value={String(year)}
            onChange={(v) => {
              if (v) setYear(Number(v));
              setProgramId(null);
            }}
          />
          <Select
            label="Program"
            placeholder="Semua program"
            clearable
            w={320}
            data={(programs.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={programId ? String(programId) : null}
            onChange={(v) => setProgramId(v ? Number(v) : null)}
          />
        </Group>
        <AwardReportFiles filter={filter} />
      </Group>
      <Loaded query={report} label="Memuat laporan bantuan">
        {(data) => (
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Title order={2} size="h5">
                  Penggunaan pagu
                </Title>
                <BudgetBar figures={data.totals} label="Penggunaan pagu seluruhnya" />
                <ProgramsTable programs={data.programs} />
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">
                Per kecamatan
              </Title>
              {data.byDistrict.length > 0 && (
                <BarChart
                  h={260}
                  data={data.byDistrict}
                  dataKey="label"
                  type="stacked"
                  valueFormatter={formatRupiah}
                  yAxisProps={{ width: 110 }}
                  maxBarWidth={90}
                  withLegend
                  series={BUDGET_SEGMENTS.map((s) => ({ name: s.key, label: s.label, color: `${s.color}.6` }))}
                />
              )}
              <GroupTable caption="Per kecamatan" rows={data.byDistrict} />
            </Paper>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb="sm">
                  Per sumber dana
                </Title>
                <GroupTable caption="Per sumber dana" rows={data.bySource} />
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb="sm">
                  Per jenis usaha
                </Title>
                <GroupTable caption="Per jenis usaha" rows={data.byBusiness} />
              </Paper>
            </SimpleGrid>
            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">
                Per desa
              </Title>
              <GroupTable
                caption="Per desa"
                rows={data.byVillage.map((v) => ({ ...v, label: `${v.label}, ${v.district}` }))}
              />
            </Paper>
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
}

/** "Unduh Excel" and "Cetak" for the chosen year or programme (the reports' buttons). */
function AwardReportFiles({ filter }: { filter: { year: number; programId?: number } }) {
  const xlsx = useApiMutation('awards.reportXlsx');
  const pdf = useApiMutation('awards.reportPdf');
  return (
    <ReportFiles
      title="Laporan bantuan usaha"
      xlsx={() => xlsx.mutateAsync(filter)}
      pdf={() => pdf.mutateAsync(filter)}
    />
  );
}

function ProgramsTable({ programs }: { programs: ProgramSummary[] }) {
  return (
    <Table aria-label="Program" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Program</Table.Th>
          <Table.Th>Sumber dana</Table.Th>
          <Table.Th ta="right">Pagu</Table.Th>
          <Table.Th ta="right">Direncanakan</Table.Th>
          <Table.Th ta="right">Disetujui</Table.Th>
          <Table.Th ta="right">Diserahkan</Table.Th>
          <Table.Th ta="right">Sisa</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {programs.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.fundingSource}</Table.Td>
            <Table.Td ta="right">{formatRupiah(p.budget)}</Table.Td>
            <Table.Td ta="right">{formatRupiah(p.planned)}</Table.Td>
            <Table.Td ta="right">{formatRupiah(p.approved)}</Table.Td>
            <Table.Td ta="right">{formatRupiah(p.handedOver)}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {formatRupiah(p.remaining)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function GroupTable({ caption, rows }: { caption: string; rows: GroupFigure[] }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Belum ada bantuan.
      </Text>
    );
  }
  return (
    <Table aria-label={caption} verticalSpacing={4} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{caption.replace('Per ', '').replace(/^./, (c) => c.toUpperCase())}</Table.Th>
          <Table.Th ta="right">KPM</Table.Th>
          <Table.Th ta="right">Direncanakan</Table.Th>
          <Table.Th ta="right">Disetujui</Table.Th>
          <Table.Th ta="right">Diserahkan</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.families)}</Table.Td>
            <Table.Td ta="right">{formatRupiah(r.planned)}</Table.Td>
            <Table.Td ta="right">{formatRupiah(r.approved)}</Table.Td>
            <Table.Td ta="right">{formatRupiah(r.handedOver)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
