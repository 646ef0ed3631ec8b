/**
 * Separation of duties on the graduation path, in one place so the services and the README
 * table agree: the operator proposes, the verifikator verifies, the pimpinan decides; the administrator may
 * do each, but nobody decides a proposal they built or a family they verified.
 */
import type { Role } from '../../domain/enums';
import { AppError } from '../../domain/errors';
import { type Checked, checkDate, checkText } from '../../domain/field-checks';
import type { Actor } from '../actor';

const ROLE_NAME: Record<Role, string> = {
  admin: 'administrator',
  operator: 'operator',
  verifikator: 'verifikator',
  pimpinan: 'pimpinan',
};

/** Refuses with a message naming who may do it, e.g. "Hanya pimpinan atau administrator yang dapat ...". */
export function requireDuty(actor: Actor, roles: readonly Role[], what: string): void {
  if (roles.includes(actor.role)) return;
  const names = roles.map((r) => ROLE_NAME[r]);
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} atau ${names[names.length - 1]}` : names[0];
  throw new AppError('FORBIDDEN', `Hanya ${who} yang dapat ${what}; Anda masuk sebagai ${ROLE_NAME[actor.role]}.`);
}

/** The value of a field check, or INVALID_INPUT naming the field. */
export function checkedValue<T>(checked: Checked<T>, field: string): T {
  if (!checked.ok) throw new AppError('INVALID_INPUT', checked.message, { fields: { [field]: checked.message } });
  return checked.value;
}

export const requiredText = (label: string, max: number, raw: string, field: string) =>
  checkedValue(checkText({ label, kind: 'text', max, required: true }, raw), field);
export const optionalText = (label: string, max: number, raw: string, field: string, multiline = false) =>
  checkedValue(checkText({ label, kind: 'text', max, multiline }, raw), field);
/** A recorded date: a real date, from 2007 (PKH's start) to today. */
export const pastDate = (label: string, raw: string, field: string) =>
  checkedValue(checkDate({ label, kind: 'date', earliest: '2007-01-01' }, raw), field);
