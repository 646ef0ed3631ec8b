import { Alert, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { formatWaktu } from '../../../main/domain/format';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess } from '../shared/errors';

/** Usernames (and addresses) held after too many wrong passwords; the administrator may lift a hold. */
export function LoginHolds() {
  const holds = useApi('users.holds', {});
  const release = useApiMutation('users.releaseHold');
  const queryClient = useQueryClient();
  if (!holds.data || holds.data.length === 0) return null;
  const lift = async (key: string, who: string) => {
    try {
      await release.mutateAsync({ key });
      await queryClient.invalidateQueries({ queryKey: ['users.holds'] });
      notifySuccess(`Penahanan ${who} dilepas; ia dapat mencoba masuk lagi.`);
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="login-holds-title">
      <Title order={2} size="h5" id="login-holds-title" mb={4}>
        Ditahan karena salah kata sandi
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Lima kali salah kata sandi dalam 15 menit menahan nama pengguna itu selama 15 menit. Lepaskan bila Anda yakin
        pemiliknya sendiri yang salah ketik.
      </Text>
      <Alert color="yellow" variant="light" p="xs" mb="sm">
        Bila bukan pemiliknya, biarkan penahanan berjalan dan periksa log audit.
      </Alert>
      <Table aria-label="Penahanan masuk">
        <Table.Tbody>
          {holds.data.map((hold) => {
            const who = hold.username ? `nama pengguna ${hold.username}` : `percobaan dari ${hold.source}`;
            return (
              <Table.Tr key={hold.key}>
                <Table.Td>{who}</Table.Td>
                <Table.Td fz="sm">
                  {hold.failures} kali gagal; ditahan sampai {formatWaktu(hold.until)}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => lift(hold.key, who)}
                    loading={release.isPending && release.variables?.key === hold.key}
                    aria-label={`Lepas penahanan ${who}`}
                  >
                    Lepas penahanan
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
