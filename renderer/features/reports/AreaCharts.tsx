import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { AreaReport } from '../../../main/api/reports.contract';
import { REPORT_GROUP_LABEL } from '../../../main/domain/reports';

/** More bars than this do not read: the chart shows the areas with most graduations, the table all of them. */
const MAX_BARS = 20;

const TYPES = [
  { name: 'Mandiri', color: 'teal.6' },
  { name: 'Alamiah', color: 'blue.6' },
  { name: 'Keluar', color: 'orange.6' },
];

/** Graduations against target per area, and graduations by type per month. */
export function AreaCharts({ report }: { report: AreaReport }) {
  const withTarget = report.group !== 'desa';
  const shown = [...report.rows].sort((a, b) => b.graduated - a.graduated).slice(0, MAX_BARS);
  const bars = report.rows.length > MAX_BARS ? shown : report.rows;
  const area = REPORT_GROUP_LABEL[report.group].toLowerCase();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">
          {withTarget ? `Graduasi dan target per ${area}` : `Graduasi per ${area}`}
        </Title>
        <BarChart
          h={280}
          aria-label={`Grafik graduasi per ${area}`}
          data={bars.map((r) => ({ area: r.label, Graduasi: r.graduated, Target: r.target ?? 0, Keluar: r.keluar }))}
          dataKey="area"
          series={[
            { name: 'Graduasi', color: 'teal.6' },
            ...(withTarget ? [{ name: 'Target', color: 'gray.4' }] : [{ name: 'Keluar', color: 'orange.6' }]),
          ]}
          withLegend
          yAxisProps={{ allowDecimals: false }}
          tickLine="y"
          xAxisProps={{ interval: 0, angle: bars.length > 6 ? -30 : 0, textAnchor: 'end', height: 70 }}
        />
        {report.rows.length > MAX_BARS && (
          <Text size="xs" c="dimmed">
            Grafik menampilkan {MAX_BARS} {area} dengan graduasi terbanyak; tabel memuat semuanya.
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="sm">
          Graduasi dan KPM keluar per bulan
        </Title>
        <LineChart
          h={280}
          aria-label="Grafik graduasi per bulan"
          data={report.months.map((m) => ({
            bulan: m.label.slice(0, 3),
            Mandiri: m.mandiri,
            Alamiah: m.alamiah,
            Keluar: m.keluar,
          }))}
          dataKey="bulan"
          series={TYPES}
          withLegend
          yAxisProps={{ allowDecimals: false }}
          curveType="linear"
        />
      </Paper>
    </SimpleGrid>
  );
}
