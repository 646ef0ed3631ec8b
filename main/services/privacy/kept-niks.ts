/**
 * The family form of a role outside fullNikRoles shows NIK and No. KK masked (3528********0001) and sends
 * them back so. Such a value means "unchanged": the stored number is put back. A masked value that is not the
 * stored one's mask, or a new number typed over a stored one by a role that cannot see it, is refused: a role
 * that cannot see a NIK cannot change it. New members' NIKs may be typed in full by anyone who may edit.
 */

import type { Db } from '../../../db/open';
import type { Art, Kpm } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import { isMaskedNik, maskNik } from '../../domain/identity';
import type { KpmInput } from '../../domain/schemas';
import type { Actor } from '../actor';
import { seesFullNik } from '../security-settings';

const MASKED = 'Nomor ini tersamar dan tidak dapat disimpan. Ketik nomor lengkap (16 angka).';
const NOT_ALLOWED = 'Peran Anda melihat nomor ini tersamar, sehingga tidak dapat mengubahnya.';

export function restoreMaskedNiks(
  db: Db,
  actor: Actor,
  stored: { kpm: Kpm; members: Art[] } | null,
  input: KpmInput,
): KpmInput {
  const full = seesFullNik(db, actor.role);
  const fields: Record<string, string> = {};
  /** The value to save for one number, given what is stored for that person (null: a new one). */
  const resolve = (field: string, given: string, current: string | null): string => {
    if (isMaskedNik(given)) {
      if (current !== null && maskNik(current) === given) return current;
      fields[field] = MASKED;
    } else if (!full && current !== null && given !== current) {
      fields[field] = NOT_ALLOWED;
    }
    return given;
  };
  const members = input.members.map((m, i) => {
    const before = m.id ? (stored?.members.find((s) => s.id === m.id) ?? null) : null;
    if (m.nik === null) {
      if (!full && before?.nik) fields[`members.${i}.nik`] = NOT_ALLOWED;
      return m;
    }
    return { ...m, nik: resolve(`members.${i}.nik`, m.nik, before?.nik ?? null) };
  });
  const restored = {
    ...input,
    nik: resolve('nik', input.nik, stored?.kpm.nik ?? null),
    noKk: resolve('noKk', input.noKk, stored?.kpm.noKk ?? null),
    members,
  };
  if (Object.keys(fields).length > 0) {
    throw new AppError('INVALID_INPUT', 'NIK atau No. KK tidak dapat disimpan seperti ini.', { fields });
  }
  return restored;
}
