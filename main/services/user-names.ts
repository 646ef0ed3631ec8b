import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../db/schema';

/**
 * Records keep the username of whoever acted (the audit's word for them); pages show people by name. An id of
 * a removed user, or the system (null), falls back to the stored username.
 */
export function userNames(db: Db, ids: readonly (number | null)[]): (id: number | null, stored: string) => string {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const names = new Map(
    wanted.length === 0
      ? []
      : db
          .select({ id: users.id, fullName: users.fullName })
          .from(users)
          .where(inArray(users.id, wanted))
          .all()
          .map((u) => [u.id, u.fullName] as const),
  );
  return (id, stored) => (id === null ? stored : (names.get(id) ?? stored));
}
