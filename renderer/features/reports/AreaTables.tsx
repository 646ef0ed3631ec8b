import { Paper, ScrollArea, SegmentedControl, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { AreaReport, AreaRow } from '../../../main/api/reports.contract';
import { formatNumber, formatRupiah } from '../../../main/domain/format';
import { KOMPONEN, KOMPONEN_LABEL } from '../../../main/domain/komponen';
import { REPORT_GROUP_LABEL } from '../../../main/domain/reports';
import { TargetFigure } from '../targets/TargetFigure';

interface Column {
  header: string;
  value: (row: AreaRow) => ReactNode;
}

const n = (value: number | null) => (value === null ? '–' : formatNumber(value));

const VIEWS = {
  graduasi: {
    label: 'Graduasi dan target',
    columns: (desa: boolean): Column[] => [
      { header: 'KPM aktif', value: (r) => n(r.families) },
      { header: 'Mandiri', value: (r) => n(r.mandiri) },
      { header: 'Alamiah', value: (r) => n(r.alamiah) },
      { header: 'Jumlah graduasi', value: (r) => n(r.graduated) },
      ...(desa
        ? []
        : [
            { header: 'Target', value: (r: AreaRow) => <TargetFigure value={r.target} how={r.targetHow} /> },
            { header: 'Capaian', value: (r: AreaRow) => (r.percent === null ? '–' : `${r.percent}%`) },
          ]),
      { header: 'Keluar', value: (r) => n(r.keluar) },
    ],
  },
  komponen: {
    label: 'KPM aktif per komponen',
    columns: (): Column[] => [
      { header: 'KPM aktif', value: (r) => n(r.families) },
      ...KOMPONEN.map((k) => ({ header: KOMPONEN_LABEL[k], value: (r: AreaRow) => n(r.komponen[k]) })),
      { header: 'Tanpa komponen', value: (r) => n(r.withoutKomponen) },
    ],
  },
  proses: {
    label: 'Calon, kunjungan, bantuan',
    columns: (): Column[] => [
      { header: 'Calon', value: (r) => n(r.pipeline.candidate) },
      { header: 'Terverifikasi', value: (r) => n(r.pipeline.verified) },
      { header: 'Diusulkan', value: (r) => n(r.pipeline.proposed) },
      { header: 'Kunjungan jatuh tempo', value: (r) => n(r.visitsDue) },
      { header: 'Sudah dikunjungi', value: (r) => n(r.visitsDone) },
      { header: 'Bantuan (paket)', value: (r) => n(r.awards) },
      { header: 'Nilai bantuan', value: (r) => formatRupiah(r.amount) },
    ],
  },
} as const;
type View = keyof typeof VIEWS;

/** The report's figures per area as one of three tables, with the total row. */
export function AreaTables({ report }: { report: AreaReport }) {
  const [view, setView] = useState<View>('graduasi');
  const desa = report.group === 'desa';
  const columns = VIEWS[view].columns(desa);
  const cells = (row: AreaRow, bold = false) =>
    columns.map((c) => (
      <Table.Td key={c.header} ta="right" fw={bold ? 700 : undefined}>
        {c.value(row)}
      </Table.Td>
    ));
  return (
    <Paper withBorder p="md">
      <SegmentedControl
        mb="sm"
        value={view}
        onChange={(v) => setView(v as View)}
        data={Object.entries(VIEWS).map(([value, v]) => ({ value, label: v.label }))}
      />
      {report.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada data untuk periode ini.
        </Text>
      ) : (
        <ScrollArea>
          <Table
            aria-label={`Laporan per ${REPORT_GROUP_LABEL[report.group].toLowerCase()}`}
            striped
            verticalSpacing={4}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{REPORT_GROUP_LABEL[report.group]}</Table.Th>
                {desa && <Table.Th>Kecamatan</Table.Th>}
                {columns.map((c) => (
                  <Table.Th key={c.header} ta="right">
                    {c.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{row.label}</Table.Td>
                  {desa && <Table.Td>{row.parent}</Table.Td>}
                  {cells(row)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Td fw={700}>Jumlah</Table.Td>
                {desa && <Table.Td />}
                {cells(report.total, true)}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}
