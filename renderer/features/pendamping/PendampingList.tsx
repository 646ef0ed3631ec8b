import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { PENDAMPING_DUTIES } from '../../../main/domain/duties';
import { formatNumber } from '../../../main/domain/format';
import { useSession } from '../session/session';
import { errorMessage } from '../shared/errors';
import { useDistrictNames } from '../shared/regions';
import { MoveAllModal } from './MoveAllModal';
import { PendampingFormModal } from './PendampingFormModal';
import { usePendampingList } from './use-pendamping';

type PendampingRow = OutputOf<'pendamping.list'>[number];

export function PendampingList() {
  const { can } = useSession();
  const writer = can(PENDAMPING_DUTIES.edit);
  const list = usePendampingList();
  const districtNames = useDistrictNames();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<PendampingRow | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [moving, setMoving] = useState<PendampingRow | null>(null);

  const q = query.trim().toLowerCase();
  const rows = (list.data ?? []).filter((p) => !q || p.name.toLowerCase().includes(q) || (p.nip ?? '').includes(q));
  const openForm = (row: PendampingRow | null) => {
    setEditing(row);
    setFormOpen(true);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <TextInput
          aria-label="Cari pendamping"
          placeholder="Cari nama atau NIP"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={320}
        />
        {writer && <Button onClick={() => openForm(null)}>Tambah pendamping</Button>}
      </Group>
      <Paper withBorder radius="sm">
        {list.error ? (
          <Alert color="red" m="md">
            {errorMessage(list.error)}
          </Alert>
        ) : !list.data ? (
          <Center p="xl">
            <Loader aria-label="Memuat pendamping" />
          </Center>
        ) : rows.length === 0 ? (
          <Stack align="center" p="xl" gap="xs">
            <Text fw={500}>
              {list.data.length === 0 ? 'Belum ada pendamping.' : 'Tidak ada pendamping yang cocok.'}
            </Text>
            {list.data.length === 0 && (
              <Text size="sm" c="dimmed">
                Tambahkan pendamping (SDM PKH) agar KPM dapat ditugaskan kepadanya.
              </Text>
            )}
          </Stack>
        ) : (
          <Table striped highlightOnHover layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nama</Table.Th>
                <Table.Th w={175}>NIP</Table.Th>
                <Table.Th w={125}>Telepon</Table.Th>
                <Table.Th>Kecamatan</Table.Th>
                <Table.Th w={100} ta="right">
                  KPM aktif
                </Table.Th>
                <Table.Th w={105}>Status</Table.Th>
                {writer && <Table.Th w={300}>Tindakan</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <PendampingTableRow
                  key={p.id}
                  row={p}
                  districtNames={districtNames}
                  writer={writer}
                  onEdit={() => openForm(p)}
                  onMove={() => setMoving(p)}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <PendampingFormModal editing={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      <MoveAllModal from={moving} onClose={() => setMoving(null)} />
    </Stack>
  );
}

/** One pendamping: name, NIP, phone, kecamatan, active families (linked to the list) and status. */
function PendampingTableRow({
  row: p,
  districtNames,
  writer,
  onEdit,
  onMove,
}: {
  row: PendampingRow;
  districtNames: Map<string, string>;
  writer: boolean;
  onEdit: () => void;
  onMove: () => void;
}) {
  return (
    <Table.Tr c={p.active ? undefined : 'dimmed'}>
      <Table.Td fw={500}>{p.name}</Table.Td>
      <Table.Td ff="monospace" fz="sm">
        {p.nip ?? '–'}
      </Table.Td>
      <Table.Td fz="sm">{p.phone || '–'}</Table.Td>
      <Table.Td fz="sm">{p.districtCodes.map((c) => districtNames.get(c) ?? c).join(', ') || '–'}</Table.Td>
      <Table.Td ta="right">
        <Anchor component={Link} to={`/kpm?pendamping=${p.id}&status=aktif`} size="sm">
          {formatNumber(p.activeKpm)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={p.active ? 'teal' : 'gray'} tt="none">
          {p.active ? 'Aktif' : 'Tidak aktif'}
        </Badge>
      </Table.Td>
      {writer && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" variant="default" onClick={onEdit} aria-label={`Ubah ${p.name}`}>
              Ubah
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              disabled={p.activeKpm === 0}
              onClick={onMove}
              aria-label={`Pindahkan semua KPM ${p.name}`}
            >
              Pindahkan semua KPM
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
