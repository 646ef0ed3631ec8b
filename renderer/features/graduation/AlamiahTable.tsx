import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { formatTanggal } from '../../../main/domain/format';
import { KOMPONEN_LABEL } from '../../../main/domain/komponen';

export type View = 'alamiah' | 'berubah';
type ScanRow = OutputOf<'graduation.alamiahScan'>['items'][number];

interface Props {
  items: ScanRow[];
  view: View;
  onDate: string;
  selected: number[];
  onToggle: (kpmId: number) => void;
}

/** One page of the scan: each family's komponen left and how its members' komponen change on the date. */
export function AlamiahTable({ items, view, onDate, selected, onToggle: toggle }: Props) {
  return (
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
  );
}
