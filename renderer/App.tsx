import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { ApiError } from './api';
import { AppLayout } from './features/session/AppLayout';
import { SessionProvider } from './features/session/session';
import { useApi } from './features/shared/api-hooks';
import { errorMessage } from './features/shared/errors';
import { Titled } from './features/shared/page-title';
import { ForcedPasswordChangePage } from './pages/change-password.page';
import { LoginPage } from './pages/login.page';
import { OpenAppHelp } from './pages/open-app-help.page';
import { RecoveryPage } from './pages/recovery.page';
import { SetupPage } from './pages/setup.page';

/** Database not usable -> recovery; first run -> setup wizard; no session -> login; else the application. */
export function App() {
  const health = useApi('database.status', {}, { staleTime: Number.POSITIVE_INFINITY });
  const usable = health.data?.state === 'ok';
  const setup = useApi('setup.status', {}, { enabled: usable, staleTime: Number.POSITIVE_INFINITY });
  const done = setup.data?.done === true;
  const session = useApi('auth.session', {}, { enabled: done, staleTime: Number.POSITIVE_INFINITY });

  if (health.isPending || (usable && setup.isPending) || (done && session.isPending)) {
    return (
      <Center h="100vh">
        <Loader aria-label="Memuat" />
      </Center>
    );
  }
  const failure = health.error ?? setup.error ?? session.error;
  // Checked before the wizard: without the token we cannot know whether the office is set up.
  if (failure instanceof ApiError && failure.code === 'TOKEN_INVALID') {
    return (
      <Titled title="Buka aplikasi">
        <OpenAppHelp />
      </Titled>
    );
  }
  if (failure && !(failure instanceof ApiError && failure.code === 'UNAUTHENTICATED')) {
    return (
      <Titled title="Aplikasi tidak dapat dimulai">
        <StartupError message={errorMessage(failure)} onRetry={() => window.location.reload()} />
      </Titled>
    );
  }
  // Checked before the wizard: a missing or broken file must never look like a first run.
  if (health.data && !usable) {
    return (
      <Titled title="Pemulihan database">
        <RecoveryPage status={health.data} />
      </Titled>
    );
  }
  if (!done) {
    return (
      <Titled title="Penyiapan aplikasi">
        <SetupPage />
      </Titled>
    );
  }
  if (!session.data) {
    return (
      <Titled title="Masuk">
        <LoginPage />
      </Titled>
    );
  }
  if (session.data.user.mustChangePassword) {
    return (
      <Titled title="Ganti kata sandi">
        <ForcedPasswordChangePage session={session.data} />
      </Titled>
    );
  }
  return (
    <SessionProvider session={session.data}>
      <AppLayout />
    </SessionProvider>
  );
}

function StartupError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Center h="100vh">
      <Stack maw={480}>
        <Alert color="red" title="Aplikasi tidak dapat dimulai">
          {message}
        </Alert>
        <Button onClick={onRetry}>Coba lagi</Button>
      </Stack>
    </Center>
  );
}
