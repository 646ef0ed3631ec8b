import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { AreaReport } from '../../../main/api/reports.contract';
import { CHART_MAX_BARS, chartAreas, chartLabel, REPORT_GROUP_LABEL } from '../../../main/domain/reports';

// Equal counts put one line on top of another: each type has its own colour and dash, so a hidden line shows.
const TYPES = [
  { name: 'Mandiri', color: 'teal.7' },
  { name: 'Alamiah', color: 'indigo.5', strokeDasharray: '7 4' },
  { name: 'Keluar', color: 'orange.6', strokeDasharray: '2 3' },
];

/** An area's name under its bars: slanted, cut at CHART_LABEL_MAX, the whole name as a tooltip. */
function AreaTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const name = payload?.value ?? '';
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`}>
      <text dy={10} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)" transform="rotate(-30)">
        <title>{name}</title>
        {chartLabel(name)}
      </text>
    </g>
  );
}

/** Graduations against target per area, and graduations by type per month. */
export function AreaCharts({ report }: { report: AreaReport }) {
  const withTarget = report.group !== 'desa';
  const bars = chartAreas(report.rows);
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
          xAxisProps={{ interval: 0, tick: <AreaTick />, height: 90 }}
        />
        {report.rows.length > CHART_MAX_BARS && (
          <Text size="xs" c="dimmed">
            Grafik menampilkan {CHART_MAX_BARS} {area} dengan graduasi terbanyak; tabel memuat semuanya.
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
          strokeWidth={2.5}
        />
      </Paper>
    </SimpleGrid>
  );
}
