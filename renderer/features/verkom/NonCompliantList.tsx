import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { QuarterNonCompliance } from '../../../main/api/verkom.contract';
import { formatNumber } from '../../../main/domain/format';
import { ReportFiles } from '../reports/ReportFiles';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { QuarterPicker, useQuarter } from './QuarterPicker';

/** The quarter's families that missed a commitment, per pendamping, with the xlsx and the printed A4 list. */
export function NonCompliantList() {
  const [quarter, setQuarter] = useQuarter();
  const list = useApi('verkom.quarter', quarter);
  const xlsx = useApiMutation('verkom.quarterXlsx');
  const pdf = useApiMutation('verkom.quarterPdf');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <QuarterPicker value={quarter} onChange={setQuarter} />
        <ReportFiles
          title="KPM tidak memenuhi komitmen"
          xlsx={() => xlsx.mutateAsync(quarter)}
          pdf={() => pdf.mutateAsync(quarter)}
        />
      </Group>
      <Loaded query={list} label="Memuat KPM tidak memenuhi komitmen">
        {(data) => <FamilyTable data={data} />}
      </Loaded>
    </Stack>
  );
}

function FamilyTable({ data }: { data: QuarterNonCompliance }) {
  if (data.families.length === 0) {
    return <Text size="sm">Tidak ada KPM yang tercatat tidak memenuhi komitmen pada {data.quarterText}.</Text>;
  }
  return (
    <Stack gap={4}>
      <Text size="sm">
        {formatNumber(data.families.length)} KPM tidak memenuhi komitmen pada {data.quarterText} (ambang kehadiran{' '}
        {String(data.thresholdPercent).replace('.', ',')}%).
      </Text>
      <Table striped withTableBorder aria-label={`KPM tidak memenuhi komitmen ${data.quarterText}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Pendamping</Table.Th>
            <Table.Th>Nama pengurus</Table.Th>
            <Table.Th>NIK</Table.Th>
            <Table.Th ta="right">Bulan pendidikan tidak terpenuhi</Table.Th>
            <Table.Th ta="right">Pemeriksaan kesehatan tidak hadir</Table.Th>
            <Table.Th>Bulan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.families.map((f) => (
            <Table.Tr key={f.kpmId}>
              <Table.Td>{f.pendampingName ?? '(tanpa pendamping)'}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/kpm/${f.kpmId}`}>
                  {f.nama}
                </Anchor>
              </Table.Td>
              <Table.Td ff="monospace">{f.nik}</Table.Td>
              <Table.Td ta="right">{f.educationMissed}</Table.Td>
              <Table.Td ta="right">{f.healthMissed}</Table.Td>
              <Table.Td>{f.months.split(',').join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
