/// <reference types="vite/client" />
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './layout.css';
import 'dayjs/locale/id';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { App } from './App';
import { ApiError } from './api';
import { forgetSession, SESSION_KEY } from './features/session/session';
import { apiKey } from './features/shared/api-hooks';
import { cssVariablesResolver, theme } from './theme';

/**
 * An expired session anywhere sends the user back to the login page instead of showing a broken screen;
 * a lost browser-mode token (the server was restarted) makes App show how to open the app again.
 */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
    // The first answer says why (e.g. 30 minutes without activity); the login page shows it.
    forgetSession(queryClient, error.message);
  }
  // A reset while this user works: auth.session now says so, and App asks for the new password.
  if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
  // The database became unusable while the app ran (or is being restored): App shows the recovery page.
  if (error instanceof ApiError && error.code === 'DATABASE_UNAVAILABLE') {
    queryClient.invalidateQueries({ queryKey: apiKey('database.status', {}) });
  }
  // Only once: App's own failed setup.status lands here too and must not start it again.
  if (error instanceof ApiError && error.code === 'TOKEN_INVALID' && queryClient.getQueryData(SETUP_KEY)) {
    queryClient.resetQueries({ queryKey: SETUP_KEY });
  }
}

const SETUP_KEY = apiKey('setup.status', {});

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Answers from the app's own server are final; only a broken connection is worth one retry.
      retry: (count, error) => !(error instanceof ApiError) && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

// Hash routes work from file:// in Electron as well as over HTTP. A data router (not <HashRouter>) so that forms
// with unsaved changes can hold a navigation (useBlocker); App keeps its own <Routes> under the one splat route.
const router = createHashRouter([{ path: '*', element: <App /> }]);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      {/* Indonesian month and day names in every calendar, whatever the PC's language; weeks start on Monday. */}
      <DatesProvider settings={{ locale: 'id', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
