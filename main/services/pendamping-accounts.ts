/**
 * The link between a pendamping account and its pendamping record: required for the role, refused for the
 * others, and one account per record (two accounts for one pendamping would make its plans and visits ambiguous).
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { pendamping, users } from '../../db/schema';
import type { Role } from '../domain/enums';
import { AppError } from '../domain/errors';

function refuse(message: string): never {
  throw new AppError('INVALID_INPUT', message, { fields: { pendampingId: message } });
}

/** The link to store for an account of this role, checked; `userId` is the account being edited (null: a new one). */
export function checkPendampingLink(db: Db, role: Role, pendampingId: number | null, userId: number | null) {
  if (role !== 'pendamping') {
    if (pendampingId != null) refuse('Hanya akun berperan pendamping yang ditautkan ke data pendamping.');
    return null;
  }
  if (pendampingId == null) refuse('Pilih data pendamping untuk akun pendamping.');
  const record = db.select({ id: pendamping.id }).from(pendamping).where(eq(pendamping.id, pendampingId)).get();
  if (!record) refuse('Data pendamping yang dipilih tidak ditemukan.');
  const other = db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.pendampingId, pendampingId), userId == null ? undefined : ne(users.id, userId)))
    .get();
  if (other)
    throw new AppError('DUPLICATE', `Data pendamping ini sudah ditautkan ke akun ${other.username}.`, {
      fields: { pendampingId: 'Satu data pendamping hanya untuk satu akun.' },
    });
  return pendampingId;
}
