import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PendampingReport } from '../../../main/api/reports.contract';
import { formatNumber, formatRupiah } from '../../../main/domain/format';
import type { Period } from '../../../main/domain/reports';
import { P2k2Table } from '../p2k2-reports/P2k2Table';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { PeriodFilter } from './PeriodFilter';
import { ReportFiles } from './ReportFiles';

interface Props {
  period: Period;
  onPeriod: (period: Period) => void;
}

/** One pendamping's report for a period, printed to attach to their monthly performance report. */
export function PendampingReportView({ period, onPeriod }: Props) {
  const [pendampingId, setPendampingId] = useState<number | null>(null);
  const pendamping = useApi('pendamping.list', {});
  const pdf = useApiMutation('reports.pendampingPdf');
  const input = pendampingId ? { ...period, pendampingId } : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label="Pendamping"
            placeholder="Pilih pendamping"
            searchable
            w={280}
            data={(pendamping.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={pendampingId ? String(pendampingId) : null}
            onChange={(v) => setPendampingId(v ? Number(v) : null)}
          />
          <PeriodFilter period={period} onChange={onPeriod} />
        </Group>
        {input && <ReportFiles title="Laporan kinerja pendamping" pdf={() => pdf.mutateAsync(input)} />}
      </Group>
      {input ? (
        <Figures input={input} />
      ) : (
        <Text size="sm" c="dimmed">
          Pilih pendamping untuk melihat dan mencetak laporannya.
        </Text>
      )}
    </Stack>
  );
}

function Figures({ input }: { input: Period & { pendampingId: number } }) {
  const report = useApi('reports.pendamping', input);
  return (
    <Loaded query={report} label="Memuat laporan pendamping">
      {(data) => <FigureCards report={data} />}
    </Loaded>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function FigureCards({ report }: { report: PendampingReport }) {
  const { row } = report;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        <Figure
          label="KPM aktif"
          value={formatNumber(row.families)}
          note={`${formatNumber(row.withoutKomponen)} tanpa komponen`}
        />
        <Figure
          label={`Graduasi / target ${report.period.year}`}
          value={`${formatNumber(row.graduated)} / ${row.target === null ? '–' : formatNumber(row.target)}`}
          note={row.percent === null ? undefined : `${row.percent}% dari target`}
        />
        <Figure label="Mandiri / alamiah" value={`${formatNumber(row.mandiri)} / ${formatNumber(row.alamiah)}`} />
        <Figure
          label="Calon dalam proses"
          value={formatNumber(row.pipeline.candidate + row.pipeline.verified + row.pipeline.proposed)}
        />
        <Figure
          label="Kunjungan jatuh tempo"
          value={formatNumber(row.visitsDue)}
          note={`${formatNumber(row.visitsDone)} sudah dikunjungi`}
        />
        <Figure label="Bantuan usaha" value={formatRupiah(row.amount)} note={`${formatNumber(row.awards)} paket`} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">
          Graduasi per bulan, {report.periodLabel}
        </Title>
        <BarChart
          h={240}
          aria-label="Grafik graduasi pendamping per bulan"
          type="stacked"
          data={report.months.map((m) => ({
            bulan: m.label.slice(0, 3),
            Mandiri: m.mandiri,
            Alamiah: m.alamiah,
            Keluar: m.keluar,
          }))}
          dataKey="bulan"
          series={[
            { name: 'Mandiri', color: 'teal.6' },
            { name: 'Alamiah', color: 'blue.6' },
            { name: 'Keluar', color: 'orange.6' },
          ]}
          withLegend
          yAxisProps={{ allowDecimals: false }}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">
          P2K2 kelompok dampingan, {report.periodLabel}
        </Title>
        <P2k2Table report={report.p2k2} />
      </Paper>
    </Stack>
  );
}
