import type { Role } from '../domain/enums';
import { AppError } from '../domain/errors';

/** The user on whose behalf a service acts; every mutation takes one so the audit knows who. */
export interface Actor {
  id: number | null;
  username: string;
  role: Role;
}

/** The actor for work done by the system itself (first-run setup, command-line tools). */
export const SYSTEM_ACTOR: Actor = { id: null, username: 'sistem', role: 'admin' };

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', 'Anda tidak memiliki hak akses untuk tindakan ini.');
  }
}
