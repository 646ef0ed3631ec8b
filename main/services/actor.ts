import type { Role } from '../domain/enums';
import { AppError } from '../domain/errors';

/** The user on whose behalf a service acts; every mutation takes one so the audit knows who. */
export interface Actor {
  id: number | null;
  username: string;
  role: Role;
  /** The pendamping record a pendamping account acts for; null for the office's roles. */
  pendampingId?: number | null;
  /** The PC the work comes from (a staff PC's address in server mode); recorded with each audit line. */
  address?: string;
}

/** The actor for work done by the system itself (first-run setup, command-line tools). */
export const SYSTEM_ACTOR: Actor = { id: null, username: 'sistem', role: 'admin' };

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', 'Anda tidak memiliki hak akses untuk tindakan ini.');
  }
}

const ROLE_NAME: Record<Role, string> = {
  admin: 'administrator',
  operator: 'operator',
  verifikator: 'verifikator',
  pimpinan: 'pimpinan',
  pendamping: 'pendamping',
};

/**
 * Refuses with a message naming who may do it, e.g. "Hanya pimpinan atau administrator yang dapat ...": every
 * domain's services check their duties table (main/domain/duties.ts) through it.
 */
export function requireDuty(actor: Actor, roles: readonly Role[], what: string): void {
  if (roles.includes(actor.role)) return;
  const names = roles.map((r) => ROLE_NAME[r]);
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} atau ${names[names.length - 1]}` : names[0];
  throw new AppError('FORBIDDEN', `Hanya ${who} yang dapat ${what}; Anda masuk sebagai ${ROLE_NAME[actor.role]}.`);
}

/**
 * The pendamping whose families the actor may see: a pendamping account sees only its own (its record's id), the
 * office's roles see every family (null). A pendamping account without a linked record sees nothing.
 */
export function ownPendampingId(actor: Actor): number | null {
  if (actor.role !== 'pendamping') return null;
  if (actor.pendampingId == null) {
    throw new AppError('FORBIDDEN', 'Akun pendamping ini belum ditautkan ke data pendamping; hubungi administrator.');
  }
  return actor.pendampingId;
}
