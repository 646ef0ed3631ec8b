import type { Db } from '../../../db/open';
import { kpmPendamping } from '../../../db/queries/verkom';
import { AppError } from '../../domain/errors';
import { type Actor, ownPendampingId } from '../actor';

/**
 * Refuses a family the actor may not see: unknown, or another pendamping's when the actor is a pendamping. Both
 * answer the same "not found", so a pendamping account cannot tell another's family from an unused id.
 */
export function requireOwnFamily(db: Db, actor: Actor, kpmId: number): void {
  const own = ownPendampingId(actor);
  const family = kpmPendamping(db, kpmId);
  if (!family || (own !== null && family.pendampingId !== own)) {
    throw new AppError('NOT_FOUND', 'Keluarga tidak ditemukan.');
  }
}
