import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import {
  Anchor,
  Badge,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { CANDIDATE_STAGE_LABEL, OPEN_STAGES } from '../../../main/domain/graduation';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { TargetFigure } from '../targets/TargetFigure';
import { useYear, yearOptions } from './year';

type Dashboard = OutputOf<'progress.dashboard'>;
type PendampingProgress = Dashboard['pendamping'][number];

/** The candidates page (graduation feature) reads its stage filter from the URL. */
const candidatesUrl = (stage: string) => `/graduasi/calon?stage=${stage}`;
const kpmUrl = (status: 'graduasi_mandiri' | 'graduasi_alamiah', extra = '') => `/kpm?status=${status}${extra}`;

function NumberLink({ value, to, label }: { value: number; to: string; label: string }) {
  return (
    // The name starts with the number shown (WCAG 2.5.3), then says what it counts.
    <Anchor component={Link} to={to} aria-label={`${formatNumber(value)} ${label}`} fw={600} underline="hover">
      {formatNumber(value)}
    </Anchor>
  );
}

function OfficeProgress({ data }: { data: Dashboard }) {
  const { office } = data;
  const percent = office.target > 0 ? Math.min(100, (office.graduated * 100) / office.target) : 0;
  return (
    <Paper withBorder p="md" radius="sm" aria-label="Capaian graduasi kantor" role="region">
      <Text size="sm" c="dimmed">
        Graduasi {data.year} (sudah ditetapkan)
      </Text>
      <Group align="baseline" gap={6}>
        <Text fz={32} fw={700} data-testid="office-graduated">
          {formatNumber(office.graduated)}
        </Text>
        <Text size="lg" c="dimmed">
          / <TargetFigure value={office.target} how={office.how} unit=" KPM" />
        </Text>
        <Text size="lg" fw={600} ml="auto" data-testid="office-percent">
          {office.percent ?? 0}%
        </Text>
      </Group>
      <Progress value={percent} size="lg" color={percent >= 100 ? 'teal' : 'blue'} aria-label="Capaian target kantor" />
      <Group gap="lg" mt="xs">
        <Text size="sm">
          Mandiri: <NumberLink value={office.mandiri} to={kpmUrl('graduasi_mandiri')} label="KPM graduasi mandiri" />
        </Text>
        <Text size="sm">
          Alamiah: <NumberLink value={office.alamiah} to={kpmUrl('graduasi_alamiah')} label="KPM graduasi alamiah" />
        </Text>
        <Text size="xs" c="dimmed">
          Target kantor{' '}
          {office.set
            ? office.set.mode === 'persen'
              ? `${office.set.value}%`
              : `${formatNumber(office.set.value)} KPM`
            : `${office.percentDefault}% (bawaan)`}{' '}
          dari {formatNumber(office.baseKpm)} KPM; jumlah target pendamping{' '}
          <TargetFigure value={office.sumPendamping} how={office.sumPendampingHow} />.
        </Text>
      </Group>
    </Paper>
  );
}

function Pipeline({ data }: { data: Dashboard }) {
  const stages = [...OPEN_STAGES, 'rejected'] as const;
  return (
    <Paper withBorder p="md" radius="sm" role="region" aria-label="Calon graduasi per tahap">
      <Text size="sm" c="dimmed" mb={4}>
        Calon dalam proses
      </Text>
      <SimpleGrid cols={4} spacing="xs">
        {stages.map((stage) => (
          <div key={stage}>
            <NumberLink
              value={data.pipeline[stage]}
              to={candidatesUrl(stage)}
              label={`${CANDIDATE_STAGE_LABEL[stage]}: ${data.pipeline[stage]}`}
            />
            <Text size="xs" c="dimmed">
              {CANDIDATE_STAGE_LABEL[stage]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <VisitReminder />
    </Paper>
  );
}

function VisitReminder() {
  const { data } = useApi('visits.counts', {});
  if (!data) return null;
  return (
    <Text size="sm" mt="sm">
      Kunjungan pemantauan:{' '}
      <Anchor component={Link} to="/pemantauan">
        {formatNumber(data.bulan_ini)} jatuh tempo bulan ini
      </Anchor>
      ,{' '}
      <Anchor component={Link} to="/pemantauan?daftar=terlambat" c={data.terlambat > 0 ? 'red' : undefined}>
        {formatNumber(data.terlambat)} terlambat
      </Anchor>
    </Text>
  );
}

function KecamatanChart({ data }: { data: Dashboard }) {
  if (data.kecamatan.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="sm">
      <Title order={3} size="h5" mb="sm">
        Graduasi dan target per kecamatan
      </Title>
      <BarChart
        h={260}
        data={data.kecamatan.map((k) => ({ kecamatan: k.name, Graduasi: k.graduated, Target: k.target }))}
        dataKey="kecamatan"
        series={[
          { name: 'Graduasi', color: 'teal.6' },
          { name: 'Target', color: 'gray.4' },
        ]}
        withLegend
        tickLine="y"
        xAxisProps={{ interval: 0, angle: data.kecamatan.length > 6 ? -30 : 0, textAnchor: 'end', height: 60 }}
      />
    </Paper>
  );
}

const MEDAL = ['yellow', 'gray', 'orange'] as const;

function RankBadge({ rank }: { rank: number | null }) {
  if (rank === null) return <Text c="dimmed">–</Text>;
  if (rank > 3) return <Text>{rank}</Text>;
  return (
    <Badge color={MEDAL[rank - 1]} variant="filled" circle aria-label={`Peringkat ${rank} (tiga besar)`}>
      {rank}
    </Badge>
  );
}

function RankingRow({ row }: { row: PendampingProgress }) {
  const filter = `&pendamping=${row.pendampingId}`;
  return (
    <Table.Tr data-top={row.rank !== null && row.rank <= 3 ? 'ya' : undefined}>
      <Table.Td>
        <RankBadge rank={row.rank} />
      </Table.Td>
      <Table.Td fw={row.rank !== null && row.rank <= 3 ? 600 : undefined}>{row.name}</Table.Td>
      <Table.Td ta="right">
        <NumberLink value={row.mandiri} to={kpmUrl('graduasi_mandiri', filter)} label={`Mandiri ${row.name}`} />
      </Table.Td>
      <Table.Td ta="right">
        <NumberLink value={row.alamiah} to={kpmUrl('graduasi_alamiah', filter)} label={`Alamiah ${row.name}`} />
      </Table.Td>
      <Table.Td ta="right" fw={600}>
        {formatNumber(row.graduated)}
      </Table.Td>
      <Table.Td ta="right">
        <TargetFigure value={row.target} how={row.how} />
      </Table.Td>
      <Table.Td w={140}>
        <Group gap={6} wrap="nowrap">
          <Progress value={Math.min(100, row.percent ?? 0)} w={70} size="sm" aria-hidden />
          <Text size="sm">{row.percent === null ? '–' : `${row.percent}%`}</Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function Ranking({ data }: { data: Dashboard }) {
  return (
    <Paper withBorder radius="sm" p="md">
      <Title order={3} size="h5" mb="xs">
        Peringkat pendamping menurut graduasi {data.year}
      </Title>
      <ScrollArea.Autosize mah={420}>
        <Table striped highlightOnHover aria-label="Peringkat pendamping" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Peringkat</Table.Th>
              <Table.Th>Pendamping</Table.Th>
              <Table.Th ta="right">Mandiri</Table.Th>
              <Table.Th ta="right">Alamiah</Table.Th>
              <Table.Th ta="right">Jumlah</Table.Th>
              <Table.Th ta="right">Target</Table.Th>
              <Table.Th>Capaian</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.pendamping.map((row) => (
              <RankingRow key={row.pendampingId} row={row} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {data.withoutPendamping > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {formatNumber(data.withoutPendamping)} graduasi tanpa pendamping tidak masuk peringkat.
        </Text>
      )}
    </Paper>
  );
}

/** The year's graduation figures at a glance: office progress, pipeline, per kecamatan, ranking. */
export function GraduationProgress() {
  const [year, setYear] = useYear();
  const query = useApi('progress.dashboard', { year });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Capaian graduasi
        </Title>
        <Select
          aria-label="Tahun"
          data={yearOptions()}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          w={110}
          allowDeselect={false}
        />
      </Group>
      <Loaded query={query} label="Memuat capaian graduasi">
        {(data) => (
          <Stack gap="md">
            <SimpleGrid cols={2} spacing="md">
              <OfficeProgress data={data} />
              <Pipeline data={data} />
            </SimpleGrid>
            <KecamatanChart data={data} />
            <Ranking data={data} />
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
}
