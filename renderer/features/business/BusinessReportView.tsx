import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BusinessReport } from '../../../main/api/business.contract';
import { SLIP_REASON_LABEL } from '../../../main/domain/business';
import { formatNumber, formatRupiah } from '../../../main/domain/format';
import { ReportFiles } from '../reports/ReportFiles';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { regionOptions, useDistricts } from '../shared/regions';

type Row = BusinessReport['byKecamatan'][number];

const COLUMNS: [keyof Omit<Row, 'key' | 'label'>, string][] = [
  ['graduates', 'KPM graduasi'],
  ['withBusiness', 'Tercatat usaha'],
  ['running', 'Usaha berjalan'],
  ['aboveUmk', 'Pendapatan di atas UMK'],
  ['slippedBack', 'Kembali rentan'],
];

function FiguresTable({
  label,
  first,
  rows,
  total,
}: {
  label: string;
  first: string;
  rows: Row[];
  total?: Omit<Row, 'key' | 'label'>;
}) {
  return (
    <Table aria-label={label} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          {COLUMNS.map(([key, header]) => (
            <Table.Th key={key} ta="right">
              {header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.label}</Table.Td>
            {COLUMNS.map(([key]) => (
              <Table.Td key={key} ta="right">
                {formatNumber(row[key])}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        {total && (
          <Table.Tr fw={700}>
            <Table.Td>Jumlah</Table.Td>
            {COLUMNS.map(([key]) => (
              <Table.Td key={key} ta="right">
                {formatNumber(total[key])}
              </Table.Td>
            ))}
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

function SlippedList({ report }: { report: BusinessReport }) {
  if (report.slipped.length === 0) return <Text size="sm">Tidak ada keluarga yang kembali rentan.</Text>;
  return (
    <Table aria-label="Keluarga kembali rentan" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Nama</Table.Th>
          <Table.Th>Kecamatan</Table.Th>
          <Table.Th>Alasan</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.slipped.map((s) => (
          <Table.Tr key={s.kpmId}>
            <Table.Td>
              <Link to={`/kpm/${s.kpmId}`}>{s.nama}</Link>
            </Table.Td>
            <Table.Td>{s.kecamatan}</Table.Td>
            <Table.Td>{SLIP_REASON_LABEL[s.reason]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The report per kecamatan and award programme, with the families that slipped back and its printable form. */
export function BusinessReportView() {
  const [districtCode, setDistrict] = useState<string | null>(null);
  const filter = { districtCode: districtCode ?? undefined };
  const report = useApi('business.report', filter);
  const pdf = useApiMutation('business.reportPdf');
  const xlsx = useApiMutation('business.reportXlsx');
  const districts = useDistricts();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Select
          label="Kecamatan"
          placeholder="Semua kecamatan"
          clearable
          data={regionOptions(districts.data)}
          value={districtCode}
          onChange={setDistrict}
        />
        <ReportFiles
          title="Laporan usaha keluarga graduasi"
          xlsx={() => xlsx.mutateAsync(filter)}
          pdf={() => pdf.mutateAsync(filter)}
        />
      </Group>
      <Loaded query={report} label="Memuat laporan usaha">
        {(data) => (
          <Stack>
            <Text size="sm">
              UMK:{' '}
              {data.umk > 0 ? `${formatRupiah(data.umk)} per bulan` : 'belum diatur (pendapatan belum dibandingkan)'}.
              Usaha berjalan dan pendapatan dibaca dari catatan usaha terakhir.
            </Text>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Per kecamatan
              </Title>
              <FiguresTable label="Usaha per kecamatan" first="Kecamatan" rows={data.byKecamatan} total={data.total} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Per program bantuan usaha
              </Title>
              <FiguresTable label="Usaha per program bantuan" first="Program" rows={data.byProgram} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Keluarga kembali rentan
              </Title>
              <SlippedList report={data} />
            </Paper>
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
}
