import { Alert, Button, Center, Group, Loader, Pagination, Paper, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { Link } from 'react-router';
import { FAMILY_DUTIES } from '../../../main/domain/duties';
import { formatNumber } from '../../../main/domain/format';
import type { KpmSearchInput } from '../../../main/domain/schemas';
import { GroupFromFilterButton } from '../p2k2/GroupFromFilterButton';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { errorMessage } from '../shared/errors';
import { hasFilters, KpmFilters, KpmSearchBox, NO_FILTERS } from './KpmFilters';
import { KpmTable } from './KpmTable';
import { ReassignModal } from './ReassignModal';
import { PAGE_SIZE, useKpmListParams } from './use-kpm-list-params';
import { useKpmSelection } from './use-kpm-selection';

const PAGINATION_LABEL = {
  first: 'Halaman pertama',
  previous: 'Halaman sebelumnya',
  next: 'Halaman berikutnya',
  last: 'Halaman terakhir',
};

const SORT_OPTIONS = [
  { value: 'nama:asc', label: 'Nama (A–Z)' },
  { value: 'nama:desc', label: 'Nama (Z–A)' },
  { value: 'idKpm:asc', label: 'ID KPM' },
  { value: 'updatedAt:desc', label: 'Terakhir diubah' },
];

export function KpmList() {
  const { can } = useSession();
  const writer = can(FAMILY_DUTIES.edit);
  const { filters, update } = useKpmListParams();
  // Keep the current rows on screen while the next page or search loads, so the table does not flicker.
  const result = useApi('kpm.search', { ...filters, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const { selected, setSelected, select } = useKpmSelection(filters);
  const [reassignOpen, reassign] = useDisclosure(false);

  const refreshing = result.isFetching && result.data !== undefined && !result.error;
  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="sm">
      <KpmListToolbar filters={filters} update={update} writer={writer} />
      <KpmFilters filters={filters} update={update} />

      <KpmListStatus
        filters={filters}
        update={update}
        result={result}
        writer={writer}
        selectedCount={selected.size}
        onClearSelection={() => setSelected(new Set())}
        onReassign={reassign.open}
      />

      {/* While another page or search loads, the previous rows stay (no flicker) but are dimmed and busy. */}
      <Paper
        withBorder
        radius="sm"
        pos="relative"
        aria-busy={refreshing}
        style={{ opacity: refreshing ? 0.55 : 1, transition: 'opacity 150ms' }}
      >
        {result.error ? (
          <Alert color="red" m="md" title="Daftar KPM tidak dapat dimuat">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(result.error)}</Text>
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => result.refetch()}
                loading={result.isFetching}
              >
                Coba lagi
              </Button>
            </Stack>
          </Alert>
        ) : !result.data ? (
          <Center p="xl">
            <Loader aria-label="Memuat daftar KPM" />
          </Center>
        ) : result.data.items.length === 0 ? (
          <EmptyList
            writer={writer}
            searching={filters.q !== ''}
            filtered={hasFilters(filters)}
            onClearFilters={() => update(NO_FILTERS)}
          />
        ) : (
          <KpmTable
            rows={result.data.items}
            sort={filters.sort}
            dir={filters.dir}
            onSort={(sort, dir) => update({ sort, dir })}
            selected={selected}
            onSelect={select}
            selectable={writer}
          />
        )}
      </Paper>

      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={filters.page}
            onChange={(page) => update({ page })}
            siblings={2}
            getControlProps={(control) => ({ 'aria-label': PAGINATION_LABEL[control] })}
          />
        </Group>
      )}

      <ReassignModal
        opened={reassignOpen}
        onClose={reassign.close}
        kpmIds={[...selected]}
        onDone={() => {
          setSelected(new Set());
          reassign.close();
        }}
      />
    </Stack>
  );
}

type ListParams = ReturnType<typeof useKpmListParams>;
type SearchResult = ReturnType<typeof useApi<'kpm.search'>>;

/** Search, sort order and the way to register a family. */
function KpmListToolbar({ filters, update, writer }: ListParams & { writer: boolean }) {
  const sortValue = SORT_OPTIONS.some((o) => o.value === `${filters.sort}:${filters.dir}`)
    ? `${filters.sort}:${filters.dir}`
    : null;

  return (
    <Group gap="sm" wrap="nowrap">
      <KpmSearchBox filters={filters} update={update} />
      <Select
        aria-label="Urutkan"
        data={SORT_OPTIONS}
        value={sortValue}
        placeholder="Urutkan"
        onChange={(v) => {
          if (!v) return;
          const [sort, dir] = v.split(':') as [KpmSearchInput['sort'], 'asc' | 'desc'];
          update({ sort, dir });
        }}
        w={180}
        allowDeselect={false}
      />
      {writer && (
        <Button component={Link} to="/kpm/baru">
          Tambah KPM
        </Button>
      )}
    </Group>
  );
}

interface StatusProps extends ListParams {
  result: SearchResult;
  writer: boolean;
  selectedCount: number;
  onClearSelection: () => void;
  onReassign: () => void;
}

/** Which rows are shown out of how many, and what can be done with the families chosen. */
function KpmListStatus({ filters, update, result, writer, selectedCount, onClearSelection, onReassign }: StatusProps) {
  const refreshing = result.isFetching && result.data !== undefined && !result.error;
  const total = result.data?.total ?? 0;
  const first = total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(filters.page * PAGE_SIZE, total);

  return (
    <Group justify="space-between" mih={36}>
      <Group gap="xs">
        {refreshing && <Loader size="xs" aria-label="Memuat ulang daftar KPM" />}
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="kpm-count">
          {result.data
            ? total === 0
              ? 'Tidak ada KPM yang cocok'
              : `${formatNumber(first)}–${formatNumber(last)} dari ${formatNumber(total)} KPM`
            : 'Memuat…'}
        </Text>
        {hasFilters(filters) && (
          <Button variant="subtle" size="compact-sm" onClick={() => update(NO_FILTERS)}>
            Hapus filter
          </Button>
        )}
        <GroupFromFilterButton filter={filters} />
      </Group>
      {writer && selectedCount > 0 && (
        <Group gap="xs">
          <Text size="sm">{formatNumber(selectedCount)} KPM dipilih</Text>
          <Button variant="subtle" size="xs" onClick={onClearSelection}>
            Batalkan pilihan
          </Button>
          <Button size="xs" onClick={onReassign}>
            Pindahkan ke pendamping…
          </Button>
        </Group>
      )}
    </Group>
  );
}

interface EmptyProps {
  searching: boolean;
  filtered: boolean;
  writer: boolean;
  onClearFilters: () => void;
}

/** Says why the table is empty and offers the one next step that helps. */
function EmptyList({ searching, filtered, writer, onClearFilters }: EmptyProps) {
  const [title, hint] = searching
    ? ['Tidak ada KPM yang cocok dengan pencarian.', 'Periksa ejaan, atau cari dengan NIK/No. KK lengkap (16 digit).']
    : filtered
      ? ['Tidak ada KPM yang cocok dengan filter.', 'Ubah atau hapus filter untuk melihat KPM lain.']
      : ['Belum ada KPM terdaftar.', 'Daftarkan keluarga satu per satu, atau impor dari berkas Excel.'];
  return (
    <Stack align="center" gap="xs" p="xl">
      <Text fw={500}>{title}</Text>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {filtered && !searching && (
        <Button variant="light" mt="xs" onClick={onClearFilters}>
          Hapus filter
        </Button>
      )}
      {writer && !filtered && !searching && (
        <Group gap="sm" mt="xs">
          <Button component={Link} to="/kpm/baru" variant="light">
            Daftarkan KPM pertama
          </Button>
          <Button component={Link} to="/impor" variant="default">
            Impor dari Excel
          </Button>
        </Group>
      )}
    </Stack>
  );
}
