import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { FamilyP2k2 } from '../../../main/api/p2k2-reports.contract';
import { formatTanggal } from '../../../main/domain/format';
import type { Attendance } from '../../../main/domain/p2k2';
import { ATTENDANCE_LABEL, RATING_LABEL, RATING_NAMES } from '../../../main/domain/p2k2-labels';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';

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

/** A family's P2K2: its group, attendance over twelve months, its latest meetings and ratings, modules done. */
export function FamilyP2k2Summary({ data }: { data: FamilyP2k2 }) {
  const a = data.attendance;
  const rate = a.rate === null ? '–' : `${String(a.rate).replace('.', ',')}%`;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {data.group
          ? `Kelompok ${data.group.groupName}, ${data.group.desa}${data.group.pendampingName ? ` (pendamping ${data.group.pendampingName})` : ''}, sejak ${formatTanggal(data.group.joinedOn)}.`
          : 'Belum masuk kelompok P2K2.'}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label="Tingkat kehadiran 12 bulan" value={rate} />
        <Figure label="Hadir" value={String(a.hadir)} />
        <Figure label="Izin/sakit" value={String(a.izin + a.sakit)} />
        <Figure label="Alfa" value={String(a.alfa)} />
        <Figure
          label="Modul selesai"
          value={`${data.modules.filter((m) => m.topics > 0 && m.attended >= m.topics).length} dari ${data.modules.length}`}
        />
      </SimpleGrid>
      {data.meetings.length > 0 && (
        <Table aria-label="Pertemuan P2K2 terakhir">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tanggal</Table.Th>
              <Table.Th>Sesi</Table.Th>
              <Table.Th>Kehadiran</Table.Th>
              <Table.Th>{RATING_NAMES.behaviourRating}</Table.Th>
              <Table.Th>{RATING_NAMES.potentialRating}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.meetings.slice(0, 6).map((m) => (
              <Table.Tr key={m.meetingId}>
                <Table.Td>{formatTanggal(m.heldOn)}</Table.Td>
                <Table.Td>{m.topicName}</Table.Td>
                <Table.Td>{m.status ? ATTENDANCE_LABEL[m.status as Attendance] : '–'}</Table.Td>
                <Table.Td>{m.behaviourRating ? RATING_LABEL[m.behaviourRating] : '–'}</Table.Td>
                <Table.Td>{m.potentialRating ? RATING_LABEL[m.potentialRating] : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data.criteria.map((c) => (
        <Group key={c.code} gap="xs">
          <Badge color={c.met ? 'teal' : 'orange'} variant="light">
            {c.met ? 'Ya' : 'Tidak'}
          </Badge>
          <Text size="sm">
            {c.label}: {c.why}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The family page's P2K2 section, a region named by its title like the page's other cards. */
export function FamilyP2k2Card({ kpmId }: { kpmId: number }) {
  const family = useApi('p2k2Reports.family', { id: kpmId });
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" mt="md">
      <Title id={id} order={2} size="h4" mb="sm">
        P2K2
      </Title>
      <Loaded query={family} label="Memuat P2K2">
        {(data) => <FamilyP2k2Summary data={data} />}
      </Loaded>
    </Paper>
  );
}
