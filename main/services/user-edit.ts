/** An administrator corrects a user's name or changes their role; the office never loses its last administrator. */

import { and, count, eq, ne } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { users } from '../../db/schema';
import { ACCOUNT_DUTIES } from '../domain/duties';
import { AppError } from '../domain/errors';
import type { UserUpdateInput } from '../domain/schemas';
import { type Actor, requireRole } from './actor';
import { writeAudit } from './audit';
import { getUser, type PublicUser } from './auth';
import { checkPendampingLink } from './pendamping-accounts';

export function updateUser(db: Db, actor: Actor, input: UserUpdateInput): PublicUser {
  requireRole(actor, ACCOUNT_DUTIES.manageUsers);
  return inTransaction(db, () => {
    const before = getUser(db, input.id);
    if (!before) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    if (before.role === 'admin' && input.role !== 'admin') {
      const otherAdmins =
        db
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, before.id)))
          .get()?.n ?? 0;
      if (otherAdmins === 0) {
        throw new AppError(
          'CONFLICT',
          `${before.fullName} adalah satu-satunya administrator aktif; angkat administrator lain lebih dulu.`,
          { fields: { role: 'Kantor harus tetap punya administrator aktif.' } },
        );
      }
    }
    const pendampingId = checkPendampingLink(db, input.role, input.pendampingId ?? null, before.id);
    db.update(users)
      .set({ fullName: input.fullName, role: input.role, pendampingId })
      .where(eq(users.id, before.id))
      .run();
    const after = getUser(db, before.id) as PublicUser;
    const changes = [
      before.fullName !== after.fullName ? `nama "${before.fullName}" menjadi "${after.fullName}"` : null,
      before.role !== after.role ? `peran ${before.role} menjadi ${after.role}` : null,
      before.pendampingId !== after.pendampingId
        ? `data pendamping #${before.pendampingId ?? '-'} menjadi #${after.pendampingId ?? '-'}`
        : null,
    ].filter(Boolean);
    writeAudit(db, actor, {
      action: 'update',
      entity: 'user',
      entityId: before.id,
      summary: `Pengguna ${before.username} diubah: ${changes.join(', ') || 'tanpa perubahan'}`,
      before,
      after,
    });
    return after;
  });
}
