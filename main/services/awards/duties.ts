/**
 * The award rules beyond a role (the roles are AWARD_DUTIES, main/domain/duties.ts): nobody approves an award
 * they planned themselves, not even an administrator.
 */
import { AppError } from '../../domain/errors';
import type { Actor } from '../actor';

/** Separation of duties: whoever planned an award does not approve it, not even an administrator. */
export function assertNotOwnPlan(actor: Actor, planned: { plannedBy: number | null; nama: string }[]): void {
  if (actor.id === null) return;
  const own = planned.filter((a) => a.plannedBy === actor.id).map((a) => a.nama);
  if (own.length === 0) return;
  throw new AppError(
    'FORBIDDEN',
    `Anda yang merencanakan bantuan untuk ${listNames(own)}; persetujuannya harus dilakukan oleh pimpinan lain (pemisahan tugas).`,
  );
}

/** "A, B, C dan 2 lainnya" */
export function listNames(names: string[], shown = 3): string {
  return names.length > shown
    ? `${names.slice(0, shown).join(', ')} dan ${names.length - shown} lainnya`
    : names.join(', ');
}
