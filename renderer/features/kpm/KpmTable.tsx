import { Anchor, Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { formatTanggal } from '../../../main/domain/format';
import type { KpmSearchInput } from '../../../main/domain/schemas';
import { StatusBadge } from './labels';

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

  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped stickyHeader layout="fixed">
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
            <Table.Th w="20%" aria-sort={sort === 'nama' ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
              {header('nama', 'Nama pengurus')}
            </Table.Th>
            <Table.Th w={150} aria-sort={sort === 'idKpm' ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
              {header('idKpm', 'ID KPM')}
            </Table.Th>
            <Table.Th w={170}>NIK</Table.Th>
            <Table.Th>Alamat</Table.Th>
            <Table.Th w="14%">Pendamping</Table.Th>
            <Table.Th w={170}>Status</Table.Th>
            <Table.Th
              w={150}
              aria-sort={sort === 'updatedAt' ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {header('updatedAt', 'Diubah')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              onClick={() => navigate(`/kpm/${row.id}`)}
              style={{ cursor: 'pointer' }}
              bg={selected.has(row.id) ? 'var(--mantine-color-blue-0)' : undefined}
            >
              {selectable && (
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={`Pilih ${row.nama}`}
                    checked={selected.has(row.id)}
                    onChange={(e) => onSelect([row.id], e.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/kpm/${row.id}`} fw={500} size="sm" onClick={(e) => e.stopPropagation()}>
                  {row.nama}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" truncate title={row.idKpm ?? undefined}>
                  {row.idKpm}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {row.nik}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate title={row.alamat}>
                  {row.alamat || '–'}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {row.villageName}, Kec. {row.districtName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate c={row.pendampingName ? undefined : 'dimmed'}>
                  {row.pendampingName ?? 'Belum ada'}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatTanggal(row.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
