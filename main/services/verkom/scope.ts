import type { Db } from '../../../db/open';
import { kpmPendamping } from '../../../db/queries/verkom';
import { AppError } from '../../domain/errors';
import { type Actor, ownPendampingId } from '../actor';

/** Refuses a family the actor may not see: unknown, or another pendamping's when the actor is a pendamping. */
export function requireOwnFamily(db: Db, actor: Actor, kpmId: number): void {
  const own = ownPendampingId(actor);
  const family = kpmPendamping(db, kpmId);
  if (!family) throw new AppError('NOT_FOUND', 'Keluarga tidak ditemukan.');
  if (own !== null && family.pendampingId !== own) {
    throw new AppError('FORBIDDEN', 'Keluarga ini bukan dampingan Anda.');
  }
}
