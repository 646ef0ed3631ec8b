import { Anchor, Button, Group, Menu, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { P2K2_DUTIES } from '../../../main/domain/duties';
import { formatTanggal } from '../../../main/domain/format';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { notifyError, notifySuccess } from '../shared/errors';
import { AddMembersModal } from './AddMembersModal';
import { useP2k2Refresh } from './use-p2k2-refresh';

type GroupDetail = OutputOf<'p2k2.groups.get'>;
type Member = GroupDetail['members'][number];
type Pending = { kind: 'remove'; member: Member } | { kind: 'move'; member: Member; toGroupId: string | null };

/** The group's families now, the ones who left (history), and moving, removing and adding families. */
export function GroupMembers({ group }: { group: GroupDetail }) {
  const { can } = useSession();
  const editable = can(P2K2_DUTIES.record);
  const [pending, setPending] = useState<Pending | null>(null);
  const [adding, setAdding] = useState(false);
  const others = useApi('p2k2.groups.list', { villageCode: group.villageCode, pageSize: 200 }, { enabled: editable });
  const remove = useApiMutation('p2k2.groups.removeMember');
  const move = useApiMutation('p2k2.groups.moveMember');
  const refresh = useP2k2Refresh();
  const done = (message: string) => ({
    onSuccess: async (saved: { warnings: string[] }) => {
      await refresh();
      notifySuccess([message, ...saved.warnings].join(' '));
      setPending(null);
    },
    onError: (error: Error) => notifyError(error),
  });
  const confirm = () => {
    if (!pending) return;
    if (pending.kind === 'remove') {
      remove.mutate({ groupId: group.id, kpmId: pending.member.kpmId }, done(`${pending.member.nama} dikeluarkan.`));
    } else if (pending.toGroupId) {
      move.mutate(
        { kpmId: pending.member.kpmId, toGroupId: Number(pending.toGroupId) },
        done(`${pending.member.nama} dipindahkan.`),
      );
    }
  };
  const targets = (others.data?.items ?? [])
    .filter((g) => g.id !== group.id)
    .map((g) => ({ value: String(g.id), label: g.name }));

  return (
    <Stack gap="sm">
      {editable && (
        <Group>
          <Button variant="default" onClick={() => setAdding(true)}>
            Tambah anggota
          </Button>
        </Group>
      )}
      <MemberTable
        group={group}
        editable={editable}
        onMove={(member) => setPending({ kind: 'move', member, toGroupId: null })}
        onRemove={(member) => setPending({ kind: 'remove', member })}
      />
      <FormerMembers members={group.formerMembers} />
      <ConfirmModal
        opened={pending !== null}
        title={pending?.kind === 'move' ? 'Pindah kelompok' : 'Keluarkan dari kelompok'}
        confirmLabel={pending?.kind === 'move' ? 'Pindahkan' : 'Keluarkan'}
        color={pending?.kind === 'move' ? 'blue' : 'red'}
        loading={remove.isPending || move.isPending}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {pending?.kind === 'move' ? (
          <Stack gap="xs" component="span">
            <Text size="sm" component="span">
              {pending.member.nama} keluar dari {group.name} hari ini dan masuk kelompok tujuan; riwayatnya tetap
              tersimpan.
            </Text>
            <Select
              label="Kelompok tujuan"
              data={targets}
              value={pending.toGroupId}
              onChange={(v) => setPending({ ...pending, toGroupId: v })}
            />
          </Stack>
        ) : (
          `${pending?.member.nama ?? ''} keluar dari kelompok ${group.name} hari ini. Riwayat kehadirannya tetap tersimpan.`
        )}
      </ConfirmModal>
      <AddMembersModal group={group} opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

/** Families who left the group, with the time they were in it. */
function FormerMembers({ members }: { members: Member[] }) {
  if (members.length === 0) return null;
  return (
    <>
      <Title order={2} size="h5">
        Riwayat anggota yang keluar
      </Title>
      <Table aria-label="Riwayat anggota">
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={`${m.kpmId}-${m.leftOn}`}>
              <Table.Td>{m.nama}</Table.Td>
              <Table.Td>
                {formatTanggal(m.joinedOn)} – {formatTanggal(m.leftOn)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

interface MemberTableProps {
  group: GroupDetail;
  editable: boolean;
  onMove: (member: Member) => void;
  onRemove: (member: Member) => void;
}

/** The group's families now, each with its ways to move or leave when the user may change the group. */
function MemberTable({ group, editable, onMove, onRemove }: MemberTableProps) {
  return (
    <Paper withBorder radius="sm">
      <Table striped aria-label="Anggota kelompok">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>No</Table.Th>
            <Table.Th>Nama pengurus</Table.Th>
            <Table.Th>NIK</Table.Th>
            <Table.Th>Alamat</Table.Th>
            <Table.Th>Masuk</Table.Th>
            {editable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.members.map((m, i) => (
            <Table.Tr key={m.kpmId}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/kpm/${m.kpmId}`}>
                  {m.nama}
                </Anchor>
                {m.kpmId === group.leaderKpmId ? ' (ketua)' : ''}
              </Table.Td>
              <Table.Td>{m.nik}</Table.Td>
              <Table.Td>{m.alamat}</Table.Td>
              <Table.Td>{formatTanggal(m.joinedOn)}</Table.Td>
              {editable && (
                <Table.Td>
                  <Menu>
                    <Menu.Target>
                      <Button size="xs" variant="subtle" aria-label={`Ubah keanggotaan ${m.nama}`}>
                        Ubah
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onMove(m)}>Pindah kelompok</Menu.Item>
                      <Menu.Item color="red" onClick={() => onRemove(m)}>
                        Keluarkan dari kelompok
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
