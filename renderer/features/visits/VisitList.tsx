import {
  Anchor,
  Button,
  Center,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { PENDAMPING_DUTIES, VISIT_DUTIES } from '../../../main/domain/duties';
import { formatNumber, formatTanggal } from '../../../main/domain/format';
import { VISIT_LIST_LABEL, type VisitListKind } from '../../../main/domain/progress';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { paginationControlProps } from '../shared/pagination';
import { VisitRecordModal } from './VisitRecordModal';

type VisitRow = OutputOf<'visits.list'>['items'][number];

const PAGE_SIZE = 50;

/** Visits due this month and overdue (?daftar=terlambat), per pendamping (?pendamping=id), paged. */
export function VisitList() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const kind: VisitListKind = params.get('daftar') === 'terlambat' ? 'terlambat' : 'bulan_ini';
  const pendampingId = Number(params.get('pendamping')) || null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const counts = useApi('visits.counts', {});
  const query = useApi('visits.list', { kind, pendampingId, page, pageSize: PAGE_SIZE });
  const pendamping = usePendampingOptions({ activeOnly: false });
  const [recording, setRecording] = useState<VisitRow | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Daftar kunjungan"
          value={kind}
          onChange={(v) => set({ daftar: v === 'terlambat' ? 'terlambat' : null })}
          data={(['bulan_ini', 'terlambat'] as const).map((k) => ({
            value: k,
            label: `${VISIT_LIST_LABEL[k]}${counts.data ? ` (${formatNumber(counts.data[k])})` : ''}`,
          }))}
        />
        {can(PENDAMPING_DUTIES.view) && (
          <Select
            aria-label="Pendamping"
            placeholder="Semua pendamping"
            data={pendamping}
            value={pendampingId ? String(pendampingId) : null}
            onChange={(v) => set({ pendamping: v })}
            searchable
            clearable
            w={280}
          />
        )}
      </Group>
      <Paper withBorder radius="sm">
        <Loaded query={query} label="Memuat kunjungan">
          {(data) =>
            data.total === 0 ? (
              <Center p="lg">
                <Text c="dimmed">
                  {kind === 'terlambat'
                    ? 'Tidak ada kunjungan yang terlambat.'
                    : 'Tidak ada kunjungan jatuh tempo bulan ini.'}
                </Text>
              </Center>
            ) : (
              <VisitTable items={data.items} kind={kind} canRecord={can(VISIT_DUTIES.record)} onRecord={setRecording} />
            )
          }
        </Loaded>
      </Paper>
      {query.data && query.data.total > PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {formatNumber(query.data.total)} kunjungan
          </Text>
          <Pagination
            total={Math.ceil(query.data.total / PAGE_SIZE)}
            value={page}
            onChange={(p) => set({ page: p === 1 ? null : String(p) })}
            getControlProps={paginationControlProps}
          />
        </Group>
      )}
      <VisitRecordModal visit={recording} onClose={() => setRecording(null)} />
    </Stack>
  );
}

/** One page of visits: the family, its kecamatan and pendamping, which visit, when due, and the way to record it. */
function VisitTable({
  items,
  kind,
  canRecord,
  onRecord,
}: {
  items: VisitRow[];
  kind: VisitListKind;
  canRecord: boolean;
  onRecord: (visit: VisitRow) => void;
}) {
  return (
    <Table striped highlightOnHover aria-label={VISIT_LIST_LABEL[kind]}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Nama pengurus</Table.Th>
          <Table.Th>Kecamatan</Table.Th>
          <Table.Th>Pendamping</Table.Th>
          <Table.Th>Kunjungan</Table.Th>
          <Table.Th>Jatuh tempo</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>
              <Anchor component={Link} to={`/kpm/${v.kpmId}`}>
                {v.nama}
              </Anchor>
              <Text size="xs" c="dimmed">
                {v.idKpm ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>{v.kecamatan ?? '-'}</Table.Td>
            <Table.Td>{v.pendamping ?? '-'}</Table.Td>
            <Table.Td>Bulan ke-{v.monthsAfter}</Table.Td>
            <Table.Td>
              {formatTanggal(v.dueDate)}
              {v.daysLate > 0 && (
                <Text size="xs" c="red">
                  terlambat {formatNumber(v.daysLate)} hari
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {canRecord && (
                <Button size="xs" variant="light" onClick={() => onRecord(v)} aria-label={`Catat kunjungan ${v.nama}`}>
                  Catat kunjungan
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
