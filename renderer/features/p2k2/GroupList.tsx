import { Anchor, Button, Center, Group, Pagination, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { P2K2_DUTIES } from '../../../main/domain/duties';
import { formatNumber } from '../../../main/domain/format';
import { GROUP_SIZE } from '../../../main/domain/p2k2';
import { MEETING_DAY_LABEL } from '../../../main/domain/p2k2-labels';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { paginationControlProps } from '../shared/pagination';
import { regionOptions, useDistricts, useVillages } from '../shared/regions';
import { GroupCreateModal } from './GroupCreateModal';
import { SplitModal } from './SplitModal';

const PAGE_SIZE = 50;

/** The groups, filtered by kecamatan and desa, with the ways to make new ones. */
export function GroupList() {
  const { can } = useSession();
  const [districtCode, setDistrictCode] = useState<string | null>(null);
  const [villageCode, setVillageCode] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [making, setMaking] = useState<'create' | 'split' | null>(null);
  const districts = useDistricts();
  const villages = useVillages(districtCode);
  const query = useApi('p2k2.groups.list', { districtCode, villageCode, page, pageSize: PAGE_SIZE });

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group>
          <Select
            label="Kecamatan"
            placeholder="Semua kecamatan"
            data={regionOptions(districts.data)}
            value={districtCode}
            onChange={(v) => {
              setDistrictCode(v);
              setVillageCode(null);
              setPage(1);
            }}
            searchable
            clearable
          />
          <Select
            label="Desa/kelurahan"
            placeholder="Semua desa"
            data={regionOptions(villages.data)}
            value={villageCode}
            onChange={(v) => {
              setVillageCode(v);
              setPage(1);
            }}
            disabled={!districtCode}
            searchable
            clearable
          />
        </Group>
        {can(P2K2_DUTIES.record) && (
          <Group>
            <Button variant="default" onClick={() => setMaking('split')}>
              Bagi desa ke kelompok
            </Button>
            <Button onClick={() => setMaking('create')}>Buat kelompok</Button>
          </Group>
        )}
      </Group>
      <Paper withBorder radius="sm">
        <Loaded query={query} label="Memuat kelompok">
          {(data) =>
            data.total === 0 ? (
              <Center p="lg">
                <Text c="dimmed">Belum ada kelompok P2K2{villageCode ? ' di desa ini' : ''}.</Text>
              </Center>
            ) : (
              <GroupTable items={data.items} />
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
      <GroupCreateModal
        opened={making === 'create'}
        districtCode={districtCode}
        villageCode={villageCode}
        onClose={() => setMaking(null)}
      />
      <SplitModal
        opened={making === 'split'}
        districtCode={districtCode}
        villageCode={villageCode}
        onClose={() => setMaking(null)}
      />
    </Stack>
  );
}

/** One page of groups: name (to open it), desa, pendamping, ketua, day and size (above 30 in orange). */
function GroupTable({ items }: { items: OutputOf<'p2k2.groups.list'>['items'] }) {
  return (
    <Table striped highlightOnHover aria-label="Kelompok P2K2">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kelompok</Table.Th>
          <Table.Th>Desa/kelurahan</Table.Th>
          <Table.Th>Pendamping</Table.Th>
          <Table.Th>Ketua</Table.Th>
          <Table.Th>Hari</Table.Th>
          <Table.Th ta="right">KPM</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              <Anchor component={Link} to={`/p2k2/kelompok/${g.id}`}>
                {g.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {g.villageName}, {g.districtName}
            </Table.Td>
            <Table.Td>{g.pendampingName ?? '-'}</Table.Td>
            <Table.Td>{g.leaderName ?? '-'}</Table.Td>
            <Table.Td>{g.meetingDay ? MEETING_DAY_LABEL[g.meetingDay] : '-'}</Table.Td>
            <Table.Td ta="right" c={g.memberCount > GROUP_SIZE.max ? 'orange' : undefined}>
              {formatNumber(g.memberCount)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
