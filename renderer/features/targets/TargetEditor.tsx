import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import type { TargetMode } from '../../../main/domain/graduation';
import { useYear, yearOptions } from '../dashboard/year';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { TargetFigure } from './TargetFigure';
import { type TargetEditing, TargetModal } from './TargetModal';

type Targets = OutputOf<'progress.targets'>;

const targetText = (set: { mode: TargetMode; value: number }) =>
  set.mode === 'persen' ? `${set.value}% KPM dalam program` : `${formatNumber(set.value)} KPM`;

function OfficeTarget({ data, onEdit }: { data: Targets; onEdit: (e: TargetEditing) => void }) {
  const { office } = data;
  const fallback = `${office.percentDefault}% dari KPM dalam program (bawaan)`;
  return (
    <Paper withBorder p="md" radius="sm">
      <Group justify="space-between">
        <div>
          <Text fw={600}>Target kantor {data.year}</Text>
          <Text size="sm" data-testid="office-target">
            {office.set ? targetText(office.set) : fallback} ={' '}
            <TargetFigure value={office.target} how={office.how} unit=" KPM" /> dari {formatNumber(office.baseKpm)} KPM
            (aktif dan yang lulus tahun ini)
          </Text>
          <Text size="xs" c="dimmed">
            Jumlah target semua pendamping: <TargetFigure value={data.sumPendamping} how={data.sumPendampingHow} /> KPM.
          </Text>
        </div>
        <Button
          variant="default"
          onClick={() => onEdit({ year: data.year, pendampingId: null, who: 'kantor', set: office.set, fallback })}
        >
          Ubah target kantor
        </Button>
      </Group>
    </Paper>
  );
}

function PendampingTargets({ data, onEdit }: { data: Targets; onEdit: (e: TargetEditing) => void }) {
  const [q, setQ] = useState('');
  const fallback = `${formatNumber(data.defaultTargetKpm)} KPM (bawaan)`;
  const rows = data.pendamping.filter((p) => p.name.toLowerCase().includes(q.trim().toLowerCase()));
  return (
    <Paper withBorder radius="sm" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Target per pendamping (bawaan {fallback.replace(' (bawaan)', '')})
        </Title>
        <TextInput
          aria-label="Cari pendamping"
          placeholder="Cari pendamping"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
      </Group>
      <Table striped aria-label="Target per pendamping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Pendamping</Table.Th>
            <Table.Th ta="right">KPM</Table.Th>
            <Table.Th>Ketentuan</Table.Th>
            <Table.Th ta="right">Target</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.pendampingId}>
              <Table.Td>
                {p.name}
                {!p.active && (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    (tidak aktif)
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(p.baseKpm)}</Table.Td>
              <Table.Td c={p.set ? undefined : 'dimmed'}>{p.set ? targetText(p.set) : 'Bawaan'}</Table.Td>
              <Table.Td ta="right" fw={600}>
                <TargetFigure value={p.target} how={p.how} />
              </Table.Td>
              <Table.Td ta="right">
                <Anchor
                  component="button"
                  type="button"
                  aria-label={`Ubah target ${p.name}`}
                  onClick={() =>
                    onEdit({ year: data.year, pendampingId: p.pendampingId, who: p.name, set: p.set, fallback })
                  }
                >
                  Ubah
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The Target page: the office's target and each pendamping's for a year, with the default shown. */
export function TargetEditor() {
  const [year, setYear] = useYear();
  const query = useApi('progress.targets', { year });
  const [editing, setEditing] = useState<TargetEditing | null>(null);
  return (
    <Stack>
      <Group>
        <Select
          label="Tahun"
          data={yearOptions()}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          w={120}
          allowDeselect={false}
        />
      </Group>
      <Loaded query={query} label="Memuat target">
        {(data) =>
          data.pendamping.length === 0 ? (
            <Alert>Belum ada pendamping aktif.</Alert>
          ) : (
            <>
              <OfficeTarget data={data} onEdit={setEditing} />
              <PendampingTargets data={data} onEdit={setEditing} />
            </>
          )
        }
      </Loaded>
      <TargetModal editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
