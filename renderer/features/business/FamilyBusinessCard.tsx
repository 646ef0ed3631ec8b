import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { FamilyBusiness } from '../../../main/api/business.contract';
import {
  BUSINESS_DUTIES,
  BUSINESS_TYPE_LABEL,
  type BusinessType,
  SLIP_REASON_LABEL,
} from '../../../main/domain/business';
import { GRADUATED_STATUSES } from '../../../main/domain/enums';
import { formatRupiah, formatTanggal } from '../../../main/domain/format';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { FamilyRecordButtons } from './FamilyRecordForms';
import { timelineText } from './timeline-text';

const STANDING = {
  di_atas: { label: 'Di atas UMK', color: 'teal' },
  di_bawah: { label: 'Di bawah UMK', color: 'orange' },
  belum_diatur: { label: 'UMK belum diatur', color: 'gray' },
} as const;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Stack>
  );
}

function BusinessSummary({ data }: { data: FamilyBusiness }) {
  if (!data.business) {
    return (
      <Text size="sm">Belum ada catatan usaha. Usaha dicatat dari kunjungan pemantauan setelah keluarga graduasi.</Text>
    );
  }
  const standing = data.standing ? STANDING[data.standing] : null;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Jenis usaha" value={BUSINESS_TYPE_LABEL[data.business.type as BusinessType]} />
        <Figure label="Mulai usaha" value={formatTanggal(data.business.startDate)} />
        <Figure label="Omzet per bulan (terakhir)" value={data.latest ? formatRupiah(data.latest.turnover) : '–'} />
        <Figure label="Pendapatan per bulan (terakhir)" value={data.latest ? formatRupiah(data.latest.income) : '–'} />
      </SimpleGrid>
      <Group gap="xs">
        {standing && (
          <Badge color={standing.color} variant="light">
            {standing.label}
            {data.umk > 0 ? ` (${formatRupiah(data.umk)})` : ''}
          </Badge>
        )}
        {data.latest && !data.latest.running && (
          <Badge color="red" variant="light">
            Usaha tidak berjalan
          </Badge>
        )}
        {data.slipReason && (
          <Badge color="red" variant="filled">
            Kembali rentan: {SLIP_REASON_LABEL[data.slipReason]}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

function Timeline({ data }: { data: FamilyBusiness }) {
  if (data.timeline.length === 0) return null;
  return (
    <Table aria-label="Riwayat usaha" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tanggal</Table.Th>
          <Table.Th>Catatan</Table.Th>
          <Table.Th>Keterangan</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.timeline.map((row) => {
          const [what, detail] = timelineText(row);
          return (
            <Table.Tr key={`${row.kind}-${row.id}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTanggal(row.date)}</Table.Td>
              <Table.Td>{what}</Table.Td>
              <Table.Td>{detail}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The family page's business section: the business against the UMK and everything recorded, newest first. */
export function FamilyBusinessCard({ kpmId }: { kpmId: number }) {
  const family = useApi('business.family', { kpmId });
  const id = useId();
  const { can } = useSession();
  const graduated = (status: string) => (GRADUATED_STATUSES as readonly string[]).includes(status);
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" mt="md">
      <Title id={id} order={2} size="h4" mb="sm">
        Usaha keluarga graduasi
      </Title>
      <Loaded query={family} label="Memuat usaha">
        {(data) => (
          <Stack gap="sm">
            <BusinessSummary data={data} />
            {can(BUSINESS_DUTIES.record) && graduated(data.status) && <FamilyRecordButtons kpmId={kpmId} />}
            <Timeline data={data} />
          </Stack>
        )}
      </Loaded>
    </Paper>
  );
}
