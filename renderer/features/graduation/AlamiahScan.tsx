import {
  Alert,
  Button,
  Group,
  NumberInput,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { CANDIDATE_DUTIES } from '../../../main/domain/duties';
import { formatNumber, formatTanggal, todayIso } from '../../../main/domain/format';
import { KOMPONEN_AGES_NOTE } from '../../../main/domain/komponen-rules';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { DateField } from '../shared/DateField';
import { paginationControlProps } from '../shared/pagination';
import { AlamiahTable, type View } from './AlamiahTable';
import { FamilyFilterFields, type FamilyFilterValues, NO_FAMILY_FILTERS } from './FamilyFilterFields';
import { useAlamiahAdd } from './use-alamiah-add';

const PAGE_SIZE = 50;
type AlamiahFilterValues = FamilyFilterValues & { maxKomponen: number | null };

/** Families left with no komponen on a date (alamiah candidates) and families whose komponen change. */
export function AlamiahScan() {
  const { can } = useSession();
  const [onDate, setOnDate] = useState(todayIso());
  const [filters, setFilters] = useState<AlamiahFilterValues>({
    ...NO_FAMILY_FILTERS,
    maxKomponen: null,
  });
  const [view, setView] = useState<View>('alamiah');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [confirmAll, setConfirmAll] = useState(false);
  const scanInput = { ...filters, onDate };
  const scan = useApi(
    'graduation.alamiahScan',
    { ...scanInput, view, page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData, enabled: /^\d{4}-\d{2}-\d{2}$/.test(onDate) },
  );
  const { add, failure, addCandidates } = useAlamiahAdd(scanInput, () => setSelected([]));
  const reset = () => {
    setPage(1);
    setSelected([]);
  };
  const change = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    reset();
  };
  const items = scan.data?.items ?? [];
  const matching = scan.data?.alamiahTotal ?? 0;
  const pages = Math.max(1, Math.ceil((scan.data?.total ?? 0) / PAGE_SIZE));
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <Stack>
      <Alert color="blue" variant="light">
        Komponen tiap anggota dihitung dari tanggal lahir pada tanggal acuan. {KOMPONEN_AGES_NOTE}
      </Alert>
      <AlamiahFilters
        onDate={onDate}
        onDateChange={(v) => {
          setOnDate(v);
          reset();
        }}
        filters={filters}
        onChange={change}
      />
      <Group justify="space-between">
        <SegmentedControl
          value={view}
          onChange={(v) => {
            setView(v as View);
            reset();
          }}
          data={[
            { value: 'alamiah', label: `Tanpa komponen (${formatNumber(scan.data?.alamiahTotal ?? 0)})` },
            { value: 'berubah', label: `Komponen berubah (${formatNumber(scan.data?.changedTotal ?? 0)})` },
          ]}
        />
        {view === 'alamiah' && can(CANDIDATE_DUTIES.edit) && (
          <Group>
            <Button disabled={selected.length === 0} loading={addCandidates.isPending} onClick={() => add(selected)}>
              Tambahkan terpilih ({formatNumber(selected.length)})
            </Button>
            <Button
              variant="outline"
              disabled={matching === 0}
              loading={addCandidates.isPending}
              onClick={() => setConfirmAll(true)}
            >
              Tambahkan semua yang cocok ({formatNumber(matching)})
            </Button>
          </Group>
        )}
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
      <ConfirmModal
        opened={confirmAll}
        onClose={() => setConfirmAll(false)}
        title="Tambahkan semua yang cocok?"
        confirmLabel={`Tambahkan ${formatNumber(matching)} keluarga`}
        color="blue"
        loading={addCandidates.isPending}
        onConfirm={async () => {
          await add('semua');
          setConfirmAll(false);
        }}
      >
        {formatNumber(matching)} keluarga tanpa komponen per {formatTanggal(onDate)} (dengan saringan yang dipilih)
        ditambahkan sebagai calon graduasi alamiah, semuanya atau tidak satu pun.
      </ConfirmModal>
      <AlamiahTable items={items} view={view} onDate={onDate} selected={selected} onToggle={toggle} />
      {scan.data?.total === 0 && <Text size="sm">Tidak ada keluarga yang cocok.</Text>}
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} getControlProps={paginationControlProps} />
        </Group>
      )}
    </Stack>
  );
}

/** The reference date and the saringan of the scan. */
function AlamiahFilters({
  onDate,
  onDateChange,
  filters,
  onChange: change,
}: {
  onDate: string;
  onDateChange: (value: string) => void;
  filters: AlamiahFilterValues;
  onChange: (patch: Partial<AlamiahFilterValues>) => void;
}) {
  return (
    <SimpleGrid cols={6} spacing="sm">
      <DateField label="Tanggal acuan" clearable={false} value={onDate} onChange={onDateChange} />
      <FamilyFilterFields value={filters} onChange={change} />
      <NumberInput
        label="Maks. komponen tersisa"
        placeholder="Semua"
        min={0}
        max={20}
        value={filters.maxKomponen ?? ''}
        onChange={(v) => change({ maxKomponen: typeof v === 'number' ? v : null })}
      />
    </SimpleGrid>
  );
}
