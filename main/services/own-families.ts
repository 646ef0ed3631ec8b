/**
 * Scoping for the pendamping role: a pendamping account sees and records only the families whose
 * `kpm.pendamping_id` is its own record; the office's roles see every family (ownPendampingId returns null).
 * Another pendamping's family answers NOT_FOUND, as if it did not exist, so its name never leaks.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { kpm } from '../../db/schema';
import { AppError } from '../domain/errors';
import { type Actor, ownPendampingId } from './actor';

/** The pendamping filter a list runs with: the account's own for a pendamping, else what the caller chose. */
export function scopedPendampingFilter(actor: Actor, requested: number | null | undefined): number | null {
  return ownPendampingId(actor) ?? requested ?? null;
}

/** Refuses a family (or a record of one) outside the actor's scope. */
export function requireOwnFamily(actor: Actor, familyPendampingId: number | null, notFound: string): void {
  const own = ownPendampingId(actor);
  if (own != null && familyPendampingId !== own) throw new AppError('NOT_FOUND', notFound);
}

/** Refuses a family outside the actor's scope, by its id (an unknown id is left to the service to refuse). */
export function requireOwnFamilyById(db: Db, actor: Actor, kpmId: number): void {
  if (ownPendampingId(actor) == null) return;
  const family = db.select({ pendampingId: kpm.pendampingId }).from(kpm).where(eq(kpm.id, kpmId)).get();
  requireOwnFamily(actor, family?.pendampingId ?? null, 'KPM tidak ditemukan.');
}
