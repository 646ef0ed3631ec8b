import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { SessionInfo } from '../../../main/api/contract';
import { roleDutiesText } from '../../../main/domain/duties';
import { ROLES, type Role } from '../../../main/domain/enums';
import { idleMessage } from '../../../main/domain/security';
import { call, lastCallTime, setSession } from '../../api';
import { apiKey } from '../shared/api-hooks';

export const SESSION_KEY = apiKey('auth.session', {});

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  operator: 'Operator',
  verifikator: 'Verifikator',
  pimpinan: 'Pimpinan',
  pendamping: 'Pendamping',
};

const ROLE_WORK: Record<Role, string> = {
  admin: 'Mengelola pengguna, profil kantor, besaran bantuan dan semua data.',
  operator: 'Memasukkan dan mengubah data KPM dan pendamping, mengimpor data.',
  verifikator: 'Melihat data KPM.',
  pimpinan: 'Melihat data dan laporan.',
  pendamping: 'Mengelola rencana kerja, kunjungan dan kelompok P2K2 keluarga dampingannya sendiri.',
};

/** The role's daily work, then who decides, voids and approves, read from the duties tables (main/domain). */
export const ROLE_DESCRIPTION: Record<Role, string> = Object.fromEntries(
  ROLES.map((role) => [role, `${ROLE_WORK[role]} ${roleDutiesText(role)}`.trim()]),
) as Record<Role, string>;

interface SessionValue extends SessionInfo {
  can: (roles: readonly Role[]) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  useIdleEnd(session.sessionIdleMinutes);
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

/**
 * A session that ended (logout, idle, revoked) forgets every cached answer at once: the login page replaces the
 * screen, and the next user must not see the previous user's data.
 */
export function forgetSession(queryClient: QueryClient, reason?: string) {
  if (reason) noteSessionEnded(reason);
  setSession(null);
  queryClient.setQueryData(SESSION_KEY, null);
  // Keep the queries App is subscribed to (clearing them would detach its observers).
  queryClient.removeQueries({ predicate: (q) => !KEEP_ON_LOGOUT.includes(String(q.queryKey[0])) });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return async () => {
    await call('auth.logout', {}).catch(() => undefined);
    forgetSession(queryClient);
    window.location.hash = '#/';
  };
}

// Checked this often: the data is hidden at most this long after the idle time ran out.
const IDLE_CHECK_MS = 5_000;

/**
 * Ends the session in the renderer when the server's idle time passes without a call, so an unattended screen
 * stops showing families' data at once rather than at the next click.
 */
export function useIdleEnd(minutes: number) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (Date.now() - lastCallTime() < minutes * 60_000) return;
      window.clearInterval(timer);
      forgetSession(queryClient, idleMessage(minutes));
    }, IDLE_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [minutes, queryClient]);
}
