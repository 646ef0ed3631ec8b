import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SessionInfo } from '../../main/api/contract';
import { ChangePasswordForm } from '../features/session/ChangePasswordForm';
import { useLogout } from '../features/session/session';

/**
 * After an administrator reset the password: the user chooses a new one before anything else. The server
 * refuses every other call meanwhile; this page only makes that the obvious next step.
 */
export function ForcedPasswordChangePage({ session }: { session: SessionInfo }) {
  const logout = useLogout();
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={440}>
        <Stack gap="md">
          <div>
            <Title order={1} size="h3">
              Ganti kata sandi
            </Title>
            <Text size="sm" c="dimmed">
              {session.user.fullName} ({session.user.username}) · {session.office.agencyName}
            </Text>
          </div>
          <Alert color="yellow">
            Kata sandi Anda diatur ulang oleh administrator. Pilih kata sandi baru yang hanya Anda ketahui sebelum
            melanjutkan.
          </Alert>
          <ChangePasswordForm oldLabel="Kata sandi sementara" username={session.user.username} />
          <Group justify="center">
            <Button variant="subtle" color="gray" size="xs" onClick={logout}>
              Keluar
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
