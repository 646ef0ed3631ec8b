/**
 * The logged-in sessions of one app instance, in memory (restarting the app logs everyone out). A session
 * ends after `security_settings.sessionIdleMinutes` without a call, and when its user is deactivated or
 * their password changes: it remembers the user's `credentials_changed_at` from when it began, so a session
 * of a user deactivated and later reactivated does not come back.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open';
import { idleMessage } from '../domain/security';
import { getUser, type PublicUser } from '../services/auth';
import { getSecuritySettings } from '../services/security-settings';

interface Session {
  /** Names the session to the administrator (the token itself never leaves the store). */
  id: string;
  userId: number;
  credentialsChangedAt: string | null;
  /** The PC it was started from: a staff PC's address in server mode, 'lokal' on the app's own PC. */
  address: string;
  startedAt: number;
  lastCallAt: number;
}

/** One logged-in session as the administrator sees it (Pengaturan > Server kantor). */
export interface SessionView {
  id: string;
  userId: number;
  username: string;
  fullName: string;
  address: string;
  since: string;
  lastCallAt: string;
}

export interface ResolvedSession {
  user: PublicUser | null;
  /** Why the caller's session ended, when it did (shown on the login page). */
  ended: string | null;
}

// Only a memory bound: a forgotten reason just means the plainer NO_SESSION_MESSAGE.
const MAX_ENDED_REASONS = 1000;

export const NO_SESSION_MESSAGE = 'Sesi Anda berakhir. Silakan masuk kembali.';
export const ENDED_BY_ADMIN_MESSAGE = 'Sesi Anda diakhiri oleh administrator. Silakan masuk kembali.';
const REVOKED_MESSAGE =
  'Sesi Anda berakhir karena akun Anda dinonaktifkan atau kata sandinya diganti. Silakan masuk kembali.';

export { idleMessage };

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  // Ended tokens keep their reason, so every call still in flight from that screen says the same thing.
  private readonly endedReasons = new Map<string, string>();

  constructor(
    /** Read per call: a restore swaps the database under a running app (main/app-database.ts). */
    private readonly database: { readonly db: Db },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Every session ends (after a restore: the restored database has its own users); each screen's next call is
   * told `reason`, which its login page shows.
   */
  endAll(reason: string): void {
    this.endedReasons.clear();
    for (const token of this.sessions.keys()) this.endedReasons.set(token, reason);
    this.sessions.clear();
  }

  start(user: PublicUser, address: string): string {
    const token = randomBytes(24).toString('base64url');
    const now = this.now().getTime();
    this.sessions.set(token, {
      id: randomBytes(9).toString('base64url'),
      userId: user.id,
      credentialsChangedAt: user.credentialsChangedAt,
      address,
      startedAt: now,
      lastCallAt: now,
    });
    return token;
  }

  /** The live sessions, longest-running first; sessions past their idle time are ended on the way. */
  list(): SessionView[] {
    const views: SessionView[] = [];
    for (const [token, session] of [...this.sessions].sort((a, b) => a[1].startedAt - b[1].startedAt)) {
      const { user } = this.resolveWithoutTouch(token);
      if (!user) continue;
      views.push({
        id: session.id,
        userId: user.id,
        username: user.username,
        fullName: user.fullName,
        address: session.address,
        since: new Date(session.startedAt).toISOString(),
        lastCallAt: new Date(session.lastCallAt).toISOString(),
      });
    }
    return views;
  }

  /** Ends the session the administrator chose; its next call is told so. False when it has already ended. */
  endById(id: string): boolean {
    for (const [token, session] of this.sessions) {
      if (session.id !== id) continue;
      this.sessions.delete(token);
      this.remember(token, ENDED_BY_ADMIN_MESSAGE);
      return true;
    }
    return false;
  }

  /** After the user changed their own password: the session that did it stays, their other sessions end. */
  renew(token: string, user: PublicUser): void {
    const session = this.sessions.get(token);
    if (session) session.credentialsChangedAt = user.credentialsChangedAt;
  }

  /** Whether the token names a live session (not checked for expiry: resolve does that on the call). */
  has(token: string): boolean {
    return this.sessions.has(token);
  }

  end(token: string): void {
    this.sessions.delete(token);
    this.endedReasons.delete(token);
  }

  /** The session's user, touching it (each call counts as activity), or why it ended. */
  resolve(token: string | null): ResolvedSession {
    const resolved = this.resolveWithoutTouch(token);
    const session = token ? this.sessions.get(token) : undefined;
    if (resolved.user && session) session.lastCallAt = this.now().getTime();
    return resolved;
  }

  private remember(token: string, reason: string): void {
    if (this.endedReasons.size >= MAX_ENDED_REASONS) this.endedReasons.clear();
    this.endedReasons.set(token, reason);
  }

  private resolveWithoutTouch(token: string | null): ResolvedSession {
    if (!token) return { user: null, ended: null };
    const ended = this.endedReasons.get(token);
    if (ended) return { user: null, ended };
    const session = this.sessions.get(token);
    if (!session) return { user: null, ended: null };
    const user = getUser(this.database.db, session.userId);
    const reason = this.deadReason(session, user);
    if (reason || !user) {
      this.sessions.delete(token);
      this.remember(token, reason ?? REVOKED_MESSAGE);
      return { user: null, ended: reason ?? REVOKED_MESSAGE };
    }
    return { user, ended: null };
  }

  private deadReason(session: Session, user: PublicUser | null): string | null {
    const { sessionIdleMinutes } = getSecuritySettings(this.database.db);
    if (this.now().getTime() - session.lastCallAt > sessionIdleMinutes * 60_000) return idleMessage(sessionIdleMinutes);
    if (!user?.active || user.credentialsChangedAt !== session.credentialsChangedAt) return REVOKED_MESSAGE;
    return null;
  }
}
