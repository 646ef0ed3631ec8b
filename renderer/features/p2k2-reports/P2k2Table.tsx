import { Table, Text } from '@mantine/core';
import type { P2k2AreaRow, P2k2Report } from '../../../main/api/p2k2-reports.contract';
import { formatNumber } from '../../../main/domain/format';
import { P2K2_AREA_LABEL } from '../../../main/domain/p2k2-reports';

const rate = (r: { rate: number | null }) => (r.rate === null ? '–' : `${String(r.rate).replace('.', ',')}%`);
const good = (r: P2k2AreaRow, kind: 'behaviour' | 'potential') => r[kind].baik + r[kind].sangat_baik;

function Row({ row, bold = false }: { row: P2k2AreaRow; bold?: boolean }) {
  const n = (v: number) => formatNumber(v);
  return (
    <Table.Tr fw={bold ? 700 : undefined}>
      <Table.Td>
        {row.label}
        {row.parent && (
          <Text span size="xs" c="dimmed">
            {' '}
            · {row.parent}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{n(row.planned)}</Table.Td>
      <Table.Td ta="right">{n(row.held)}</Table.Td>
      <Table.Td ta="right">{n(row.marked)}</Table.Td>
      <Table.Td ta="right">{n(row.hadir)}</Table.Td>
      <Table.Td ta="right">{n(row.izin + row.sakit)}</Table.Td>
      <Table.Td ta="right">{n(row.alfa)}</Table.Td>
      <Table.Td ta="right">{rate(row)}</Table.Td>
      <Table.Td ta="right">{n(row.neverAttending)}</Table.Td>
      <Table.Td ta="right">{n(good(row, 'behaviour'))}</Table.Td>
      <Table.Td ta="right">{n(good(row, 'potential'))}</Table.Td>
    </Table.Tr>
  );
}

/** The report's rows: sessions planned and held, attendance, families never attending, ratings Baik or better. */
export function P2k2Table({ report }: { report: P2k2Report }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={`Laporan P2K2 per ${P2K2_AREA_LABEL[report.area].toLowerCase()}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{P2K2_AREA_LABEL[report.area]}</Table.Th>
            <Table.Th ta="right">Sesi direncanakan</Table.Th>
            <Table.Th ta="right">Sesi dilaksanakan</Table.Th>
            <Table.Th ta="right">Kehadiran ditandai</Table.Th>
            <Table.Th ta="right">Hadir</Table.Th>
            <Table.Th ta="right">Izin/sakit</Table.Th>
            <Table.Th ta="right">Alfa</Table.Th>
            <Table.Th ta="right">Tingkat kehadiran</Table.Th>
            <Table.Th ta="right">Tidak pernah hadir</Table.Th>
            <Table.Th ta="right">Perilaku baik+</Table.Th>
            <Table.Th ta="right">Potensi baik+</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={11}>
                <Text size="sm" c="dimmed">
                  Belum ada sesi P2K2 pada periode ini.
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            report.rows.map((row) => <Row key={row.key} row={row} />)
          )}
          {report.rows.length > 0 && <Row row={report.total} bold />}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
