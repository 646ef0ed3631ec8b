import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatTanggal } from '../../../main/domain/format';
import { ROLE_DESCRIPTION, ROLE_LABEL, useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { LoginHolds } from './LoginHolds';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserEditModal } from './UserEditModal';
import { UserFormModal } from './UserFormModal';

type PublicUser = OutputOf<'users.list'>[number];

export function UserList() {
  const list = useApi('users.list', {});
  const [formOpen, form] = useDisclosure(false);
  const [editing, setEditing] = useState<PublicUser | null>(null);
  return (
    <Stack gap="sm">
      <LoginHolds />
      <Group justify="flex-end">
        <Button onClick={form.open}>Tambah pengguna</Button>
      </Group>
      <Paper withBorder radius="sm">
        {list.error ? (
          <Alert color="red" m="md">
            {errorMessage(list.error)}
          </Alert>
        ) : !list.data ? (
          <Center p="xl">
            <Loader aria-label="Memuat pengguna" />
          </Center>
        ) : (
          <Table striped layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>Nama pengguna</Table.Th>
                <Table.Th w={220}>Nama lengkap</Table.Th>
                <Table.Th>Peran</Table.Th>
                <Table.Th w={150}>Dibuat</Table.Th>
                <Table.Th w={130}>Status</Table.Th>
                <Table.Th w={240} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((u) => (
                <UserRow key={u.id} user={u} onEdit={() => setEditing(u)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <UserFormModal opened={formOpen} onClose={form.close} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/**
 * The pendamping record a pendamping account acts for (its families are all the account sees), under the role: a
 * column of its own would be empty for every other account and squeeze the roles' descriptions.
 */
function LinkedPendamping({ user }: { user: PublicUser }) {
  if (user.role !== 'pendamping') return null;
  return user.pendampingName ? (
    <Text size="sm">Data pendamping: {user.pendampingName}</Text>
  ) : (
    <Text size="sm" c="orange.8">
      Data pendamping: — (pilih lewat Ubah)
    </Text>
  );
}

function UserRow({ user, onEdit }: { user: PublicUser; onEdit: () => void }) {
  const { user: me } = useSession();
  const queryClient = useQueryClient();
  const setActive = useApiMutation('users.setActive');
  const [confirmOpen, confirm] = useDisclosure(false);
  const toggle = async () => {
    const active = !user.active;
    try {
      await setActive.mutateAsync({ id: user.id, active });
      await queryClient.invalidateQueries({ queryKey: ['users.list'] });
      notifySuccess(`Pengguna ${user.username} ${active ? 'diaktifkan' : 'dinonaktifkan'}.`);
    } catch (error) {
      notifyError(error);
    } finally {
      confirm.close();
    }
  };
  const self = user.id === me.id;
  return (
    <Table.Tr c={user.active ? undefined : 'dimmed'}>
      <Table.Td ff="monospace" fz="sm">
        {user.username}
      </Table.Td>
      <Table.Td>
        {user.fullName}
        {self && (
          <Text span size="xs" c="dimmed">
            {' '}
            (Anda)
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {ROLE_LABEL[user.role]}
        </Text>
        <LinkedPendamping user={user} />
        <Text size="xs" c="dimmed">
          {ROLE_DESCRIPTION[user.role]}
        </Text>
      </Table.Td>
      <Table.Td fz="sm">{formatTanggal(user.createdAt)}</Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Badge variant="light" color={user.active ? 'teal' : 'gray'} tt="none">
            {user.active ? 'Aktif' : 'Tidak aktif'}
          </Badge>
          {user.mustChangePassword && (
            <Badge variant="light" color="yellow" tt="none">
              Harus ganti sandi
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={`Ubah ${user.username}`}>
          Ubah
        </Button>
        {!self && <ResetPasswordButton user={user} />}
        {!self && (
          <Button
            size="compact-sm"
            variant={user.active ? 'subtle' : 'light'}
            color={user.active ? 'red' : 'teal'}
            onClick={user.active ? confirm.open : toggle}
            loading={setActive.isPending}
          >
            {user.active ? 'Nonaktifkan' : 'Aktifkan'}
          </Button>
        )}
        <ConfirmModal
          opened={confirmOpen}
          title={`Nonaktifkan pengguna ${user.username}?`}
          confirmLabel="Ya, nonaktifkan"
          loading={setActive.isPending}
          onConfirm={toggle}
          onClose={confirm.close}
        >
          {user.fullName} tidak dapat masuk lagi sampai akunnya diaktifkan kembali. Riwayat kerjanya tetap tersimpan.
        </ConfirmModal>
      </Table.Td>
    </Table.Tr>
  );
}
