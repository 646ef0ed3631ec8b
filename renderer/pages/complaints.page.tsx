import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { ComplaintRow } from '../../main/api/evaluation.contract';
import { COMPLAINT_STATES } from '../../main/domain/evaluation';
import { ComplaintModal } from '../features/evaluation/ComplaintModal';
import { ComplaintsTable } from '../features/evaluation/ComplaintsTable';
import { MonthSelect, thisMonth } from '../features/evaluation/MonthSelect';
import { useApi } from '../features/shared/api-hooks';
import { Loaded } from '../features/shared/Loaded';
import { PageFooter } from '../features/shared/PageFooter';
import { PageHeader } from '../features/shared/PageHeader';

const STATE_LABEL: Record<(typeof COMPLAINT_STATES)[number], string> = {
  semua: 'Semua',
  terbuka: 'Terbuka',
  selesai: 'Selesai',
};
const PAGE_SIZE = 50;

/** Pengaduan: the month's complaints (a pendamping: its own families'); a new case is recorded on the family page. */
export function ComplaintsPage() {
  const [month, setMonth] = useState(thisMonth());
  const [state, setState] = useState<(typeof COMPLAINT_STATES)[number]>('semua');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ComplaintRow | null>(null);
  const list = useApi(
    'complaints.list',
    { month, state, page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  return (
    <>
      <PageHeader
        title="Pengaduan"
        subtitle="Pengaduan KPM per bulan: kategori, penanganan dan penyelesaiannya. Pengaduan baru dicatat di halaman data keluarga."
      />
      <Stack>
        <Group align="flex-end">
          <MonthSelect
            value={month}
            onChange={(m) => {
              setMonth(m);
              setPage(1);
            }}
          />
          <SegmentedControl
            aria-label="Status pengaduan"
            value={state}
            onChange={(v) => {
              setState(v as typeof state);
              setPage(1);
            }}
            data={COMPLAINT_STATES.map((s) => ({ value: s, label: STATE_LABEL[s] }))}
          />
        </Group>
        <Loaded query={list} label="Memuat pengaduan">
          {(data) => (
            <Stack gap="xs">
              <Text size="sm">{data.total} pengaduan</Text>
              <ComplaintsTable rows={data.items} withFamily onEdit={setEditing} />
              <PageFooter page={page} pageSize={PAGE_SIZE} total={data.total} noun="pengaduan" onChange={setPage} />
            </Stack>
          )}
        </Loaded>
      </Stack>
      {editing && (
        <ComplaintModal
          kpmId={editing.kpmId}
          kpmName={editing.kpmName}
          complaint={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
