/**
 * Who may do what with awards, in one place: admin and operator keep programmes and the
 * catalogue and plan awards; admin and pimpinan approve and correct, never an award they planned themselves.
 */
import { AWARD_DUTIES } from '../../domain/duties';
import type { Role } from '../../domain/enums';
import { AppError } from '../../domain/errors';
import type { Actor } from '../actor';
import { requireDuty } from '../graduation/duties';

export const PLAN_ROLES: readonly Role[] = AWARD_DUTIES.plan;
export const APPROVE_ROLES: readonly Role[] = AWARD_DUTIES.approve;
export const CANCEL_ROLES: readonly Role[] = AWARD_DUTIES.cancel;

export { requireDuty };

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
