import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import type { SessionInfo } from '../../../main/api/contract';
import { roleDutiesText } from '../../../main/domain/duties';
import { ROLES, type Role } from '../../../main/domain/enums';
import { call, setSession } from '../../api';
import { apiKey } from '../shared/api-hooks';

export const SESSION_KEY = apiKey('auth.session', {});

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  operator: 'Operator',
  verifikator: 'Verifikator',
  pimpinan: 'Pimpinan',
};

const ROLE_WORK: Record<Role, string> = {
  admin: 'Mengelola pengguna, profil kantor, besaran bantuan dan semua data.',
  operator: 'Memasukkan dan mengubah data KPM dan pendamping, mengimpor data.',
  verifikator: 'Melihat data KPM.',
  pimpinan: 'Melihat data dan laporan.',
};

/** The role's daily work, then who decides, voids and approves, read from the duties tables (main/domain). */
export const ROLE_DESCRIPTION: Record<Role, string> = Object.fromEntries(
  ROLES.map((role) => [role, `${ROLE_WORK[role]} ${roleDutiesText(role)}`.trim()]),
) as Record<Role, string>;

/** Roles that may change families and pendamping (the server checks the same list). */
export const WRITER_ROLES: readonly Role[] = ['admin', 'operator'];

interface SessionValue extends SessionInfo {
  can: (roles: readonly Role[]) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const value: SessionValue = { ...session, can: (roles) => roles.includes(session.user.role) };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

// Why the last session ended (idle, deactivated, password changed), for the login page to say.
let endedSession: string | null = null;

/** Called by the global error handler when a call comes back UNAUTHENTICATED. */
export function noteSessionEnded(message: string) {
  endedSession ??= message;
}

export function sessionEndedMessage(): string | null {
  return endedSession;
}

export function clearSessionEnded() {
  endedSession = null;
}

const KEEP_ON_LOGOUT = ['auth.session', 'setup.status', 'database.status'];

/** Logging out forgets every cached answer: the next user must not see the previous user's data. */
export function useLogout() {
  const queryClient = useQueryClient();
  return async () => {
    await call('auth.logout', {}).catch(() => undefined);
    setSession(null);
    queryClient.setQueryData(SESSION_KEY, null);
    // Keep the two queries App is subscribed to (clearing them would detach its observers).
    queryClient.removeQueries({ predicate: (q) => !KEEP_ON_LOGOUT.includes(String(q.queryKey[0])) });
    window.location.hash = '#/';
  };
}
