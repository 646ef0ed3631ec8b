import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { CANDIDATE_DUTIES } from '../../../main/domain/duties';
import { formatNumber, formatTanggal, todayIso } from '../../../main/domain/format';
import { KOMPONEN_LABEL } from '../../../main/domain/komponen';
import { KOMPONEN_AGES_NOTE } from '../../../main/domain/komponen-rules';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';
import { paginationControlProps } from '../shared/pagination';
import { FamilyFilterFields, type FamilyFilterValues, NO_FAMILY_FILTERS } from './FamilyFilterFields';

const PAGE_SIZE = 50;
type View = 'alamiah' | 'berubah';

/** Families left with no komponen on a date (alamiah candidates) and families whose komponen change. */
export function AlamiahScan() {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [onDate, setOnDate] = useState(todayIso());
  const [filters, setFilters] = useState<FamilyFilterValues & { maxKomponen: number | null }>({
    ...NO_FAMILY_FILTERS,
    maxKomponen: null,
  });
  const [view, setView] = useState<View>('alamiah');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const scanInput = { ...filters, onDate };
  const scan = useApi(
    'graduation.alamiahScan',
    { ...scanInput, view, page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData, enabled: /^\d{4}-\d{2}-\d{2}$/.test(onDate) },
  );
  const addCandidates = useApiMutation('graduation.alamiahAdd');
  const reset = () => {
    setPage(1);
    setSelected([]);
  };
  const change = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    reset();
  };
  const add = async (kpmIds: number[] | 'semua') => {
    setFailure(null);
    try {
      const { added } = await addCandidates.mutateAsync({ ...scanInput, kpmIds });
      for (const key of ['graduation.alamiahScan', 'graduation.candidates', 'kpm.search']) {
        await queryClient.invalidateQueries({ queryKey: [key] });
      }
      notifySuccess(`${formatNumber(added)} keluarga ditambahkan sebagai calon graduasi alamiah.`);
      setSelected([]);
    } catch (error) {
      setFailure(errorMessage(error));
    }
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
      <SimpleGrid cols={6} spacing="sm">
        <DateField
          label="Tanggal acuan"
          clearable={false}
          value={onDate}
          onChange={(v) => {
            setOnDate(v);
            reset();
          }}
        />
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
      <Table striped withTableBorder aria-label="Hasil pemindaian alamiah">
        <Table.Thead>
          <Table.Tr>
            {view === 'alamiah' && <Table.Th w={40} />}
            <Table.Th>Nama pengurus</Table.Th>
            <Table.Th>Tahun bergabung</Table.Th>
            <Table.Th>Komponen tersisa</Table.Th>
            <Table.Th>Perubahan per {formatTanggal(onDate)}</Table.Th>
            <Table.Th>Pendamping</Table.Th>
            <Table.Th>Desa/kecamatan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.kpmId}>
              {view === 'alamiah' && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Pilih ${r.nama}`}
                    checked={selected.includes(r.kpmId)}
                    onChange={() => toggle(r.kpmId)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/kpm/${r.kpmId}`} size="sm">
                  {r.nama}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.idKpm ?? ''}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">{r.tahunBergabung ?? '–'}</Table.Td>
              <Table.Td fz="sm">{r.komponenCount}</Table.Td>
              <Table.Td fz="sm">
                {r.changes.map((c) => (
                  <div key={`${c.artId}-${c.name}`}>
                    {c.name}: {c.recorded ? KOMPONEN_LABEL[c.recorded] : 'tanpa komponen'} →{' '}
                    {c.derived ? KOMPONEN_LABEL[c.derived] : 'tanpa komponen'}
                  </div>
                ))}
              </Table.Td>
              <Table.Td fz="sm">{r.pendampingName ?? '–'}</Table.Td>
              <Table.Td fz="sm">
                {r.villageName}, {r.districtName}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {scan.data?.total === 0 && <Text size="sm">Tidak ada keluarga yang cocok.</Text>}
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} getControlProps={paginationControlProps} />
        </Group>
      )}
    </Stack>
  );
}
