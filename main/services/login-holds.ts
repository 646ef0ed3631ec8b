/**
 * The login holds in force (login-throttle.ts), for the administrator's Pengguna page, and lifting one: a
 * colleague held after five typos need not wait 15 minutes.
 */

import { eq, isNotNull } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { loginThrottle, users } from '../../db/schema';
import { ACCOUNT_DUTIES } from '../domain/duties';
import { AppError } from '../domain/errors';
import { type Actor, requireRole } from './actor';
import { writeAudit } from './audit';

export interface LoginHold {
  key: string;
  /** The username held, or null for a held source (an address trying many usernames). */
  username: string | null;
  source: string | null;
  until: string;
  failures: number;
}

export function listHolds(db: Db, now: Date): LoginHold[] {
  return db
    .select()
    .from(loginThrottle)
    .where(isNotNull(loginThrottle.lockedUntil))
    .all()
    .filter((row) => Date.parse(row.lockedUntil as string) > now.getTime())
    .map((row) => ({
      key: row.key,
      username: row.key.startsWith('user:') ? row.key.slice('user:'.length) : null,
      source: row.key.startsWith('source:') ? row.key.slice('source:'.length) : null,
      until: row.lockedUntil as string,
      failures: row.failures,
    }));
}

export function releaseHold(db: Db, actor: Actor, key: string, now: Date): { released: true } {
  requireRole(actor, ACCOUNT_DUTIES.manageUsers);
  return inTransaction(db, () => {
    const hold = listHolds(db, now).find((h) => h.key === key);
    if (!hold) throw new AppError('NOT_FOUND', 'Penahanan ini sudah berakhir atau sudah dilepas.');
    db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
    const user = hold.username
      ? db.select({ id: users.id }).from(users).where(eq(users.username, hold.username)).get()
      : undefined;
    writeAudit(db, actor, {
      action: 'unlock',
      entity: hold.username ? 'user' : 'session',
      entityId: user?.id ?? null,
      summary: hold.username
        ? `Penahanan masuk nama pengguna ${hold.username} dilepas`
        : `Penahanan masuk dari ${hold.source} dilepas`,
      before: hold,
    });
    return { released: true };
  });
}
