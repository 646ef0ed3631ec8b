import { Anchor, Center, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatTanggal } from '../../../main/domain/format';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { paginationControlProps } from '../shared/pagination';

const PAGE_SIZE = 50;

/** Meetings held, newest first: every group's, or one group's. */
export function MeetingList({ groupId }: { groupId: number | null }) {
  const [page, setPage] = useState(1);
  const query = useApi('p2k2.meetings.list', { groupId, page, pageSize: PAGE_SIZE });
  return (
    <Stack gap="sm">
      <Paper withBorder radius="sm">
        <Loaded query={query} label="Memuat pertemuan">
          {(data) =>
            data.total === 0 ? (
              <Center p="lg">
                <Text c="dimmed">Belum ada pertemuan yang dicatat.</Text>
              </Center>
            ) : (
              <Table striped highlightOnHover aria-label="Pertemuan P2K2">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Tanggal</Table.Th>
                    {groupId === null && <Table.Th>Kelompok</Table.Th>}
                    <Table.Th>Modul / sesi</Table.Th>
                    <Table.Th>Tempat</Table.Th>
                    <Table.Th ta="right">Hadir</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/p2k2/pertemuan/${m.id}`}>
                          {formatTanggal(m.heldOn)}
                        </Anchor>
                      </Table.Td>
                      {groupId === null && (
                        <Table.Td>
                          {m.groupName}, {m.villageName}
                        </Table.Td>
                      )}
                      <Table.Td>
                        {m.moduleName} / {m.topicName}
                      </Table.Td>
                      <Table.Td>{m.place || '-'}</Table.Td>
                      <Table.Td ta="right">
                        {m.present} dari {m.families}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </Loaded>
      </Paper>
      {query.data && query.data.total > PAGE_SIZE && (
        <Group justify="flex-end">
          <Pagination
            total={Math.ceil(query.data.total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            getControlProps={paginationControlProps}
          />
        </Group>
      )}
    </Stack>
  );
}
