import { Anchor, Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { formatTanggal } from '../../../main/domain/format';
import type { KpmSearchInput } from '../../../main/domain/schemas';
import { StatusBadge } from './labels';
import { IdKpmText } from './MissingIdKpm';

type KpmListRow = OutputOf<'kpm.search'>['items'][number];

type Sort = KpmSearchInput['sort'];

interface Props {
  rows: KpmListRow[];
  sort: Sort;
  dir: 'asc' | 'desc';
  onSort: (sort: Sort, dir: 'asc' | 'desc') => void;
  selected: Set<number>;
  onSelect: (ids: number[], checked: boolean) => void;
  selectable: boolean;
}

export function KpmTable({ rows, sort, dir, onSort, selected, onSelect, selectable }: Props) {
  const navigate = useNavigate();
  const pageIds = rows.map((r) => r.id);
  const selectedOnPage = pageIds.filter((id) => selected.has(id)).length;

  const header = (key: Sort, label: string) => (
    <SortHeader
      active={sort === key}
      dir={dir}
      onClick={() => onSort(key, sort === key && dir === 'asc' ? 'desc' : 'asc')}
    >
      {label}
    </SortHeader>
  );

  const ariaSort = (key: Sort) => (sort === key ? (dir === 'asc' ? 'ascending' : 'descending') : undefined);

  // Sized for 1366x768 (the usual office screen): the address takes what the fixed columns leave.
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table striped stickyHeader layout="fixed" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Pilih semua KPM di halaman ini"
                  checked={rows.length > 0 && selectedOnPage === rows.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < rows.length}
                  onChange={(e) => onSelect(pageIds, e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th w={210} aria-sort={ariaSort('nama')}>
              {header('nama', 'Nama pengurus')}
            </Table.Th>
            <Table.Th w={170} aria-sort={ariaSort('idKpm')}>
              {header('idKpm', 'ID KPM / NIK')}
            </Table.Th>
            <Table.Th>Alamat</Table.Th>
            <Table.Th w={170}>Desa / kecamatan</Table.Th>
            <Table.Th w={150}>Pendamping</Table.Th>
            <Table.Th w={170} aria-sort={ariaSort('updatedAt')}>
              {header('updatedAt', 'Status / diubah')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <KpmRow
              key={row.id}
              row={row}
              selectable={selectable}
              selected={selected.has(row.id)}
              onSelect={onSelect}
              onOpen={() => navigate(`/kpm/${row.id}`)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One family: name and birth date, ID KPM and NIK, address, region, pendamping and status. */
function KpmRow({
  row,
  selectable,
  selected,
  onSelect,
  onOpen,
}: {
  row: KpmListRow;
  selectable: boolean;
  selected: boolean;
  onSelect: (ids: number[], checked: boolean) => void;
  onOpen: () => void;
}) {
  return (
    <Table.Tr
      onClick={onOpen}
      style={{ cursor: 'pointer', verticalAlign: 'top' }}
      bg={selected ? 'var(--mantine-color-blue-0)' : undefined}
    >
      {selectable && (
        <Table.Td onClick={(e) => e.stopPropagation()}>
          <Checkbox
            aria-label={`Pilih ${row.nama}`}
            checked={selected}
            onChange={(e) => onSelect([row.id], e.currentTarget.checked)}
          />
        </Table.Td>
      )}
      <Table.Td>
        <Anchor component={Link} to={`/kpm/${row.id}`} fw={500} size="sm" onClick={(e) => e.stopPropagation()}>
          {row.nama}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.tanggalLahir ? `Lahir ${formatTanggal(row.tanggalLahir)}` : 'Tanggal lahir belum diisi'}
        </Text>
        {row.matchedBy && (
          <Text size="xs" c="teal.9" data-testid="match-reason">
            Cocok: {row.matchedBy}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate title={row.idKpm ?? undefined}>
          <IdKpmText idKpm={row.idKpm} />
        </Text>
        <Text size="xs" ff="monospace" c="dimmed" aria-label={`NIK ${row.nik}`}>
          {row.nik}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} title={row.alamat}>
          {row.alamat || '–'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.villageName}</Text>
        <Text size="xs" c="dimmed">
          Kec. {row.districtName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} c={row.pendampingName ? undefined : 'dimmed'}>
          {row.pendampingName ?? 'Belum ada'}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={row.status} wrap />
        <Text size="xs" c="dimmed" mt={2} title="Terakhir diubah">
          {formatTanggal(row.updatedAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function SortHeader({
  active,
  dir,
  onClick,
  children,
}: {
  active: boolean;
  dir: 'asc' | 'desc';
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <UnstyledButton onClick={onClick} fw={700} fz="sm" title="Klik untuk mengurutkan">
      {children}{' '}
      <Text span c={active ? 'teal' : 'dimmed'} inherit>
        {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
      </Text>
    </UnstyledButton>
  );
}
