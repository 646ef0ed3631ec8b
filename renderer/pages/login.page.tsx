import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { setSession } from '../api';
import { clearSessionEnded, SESSION_KEY, sessionEndedMessage } from '../features/session/session';
import { useApiMutation } from '../features/shared/api-hooks';
import { errorMessage } from '../features/shared/errors';

export function LoginPage() {
  const queryClient = useQueryClient();
  const login = useApiMutation('auth.login');
  const [failure, setFailure] = useState<string | null>(null);
  const [ended, setEnded] = useState(sessionEndedMessage);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : 'Isi nama pengguna.'),
      password: (v) => (v ? null : 'Isi kata sandi.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setEnded(null);
    clearSessionEnded();
    try {
      const { sessionToken, ...session } = await login.mutateAsync(values);
      setSession(sessionToken);
      queryClient.setQueryData(SESSION_KEY, session);
    } catch (error) {
      setFailure(errorMessage(error));
      form.setFieldValue('password', '');
    }
  });

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} size="h3">
                Graduasi PKH
              </Title>
              <Text size="sm" c="dimmed">
                Masuk dengan akun yang diberikan administrator kantor.
              </Text>
            </div>
            {ended && !failure && (
              <Alert color="yellow" role="status">
                {ended}
              </Alert>
            )}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <TextInput label="Nama pengguna" autoComplete="username" autoFocus {...form.getInputProps('username')} />
            <PasswordInput label="Kata sandi" autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={login.isPending} fullWidth>
              Masuk
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
