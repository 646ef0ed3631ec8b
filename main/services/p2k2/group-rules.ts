/**
 * The rules every change of a group's families follows: families of the group's own desa, active, in one group at
 * a time; a group of 10-30 families (outside that a warning, never a refusal: the module books advise it).
 */
import type { Db } from '../../../db/open';
import { familiesForGrouping, pendampingExists, regionName } from '../../../db/queries/p2k2-groups';
import { P2K2_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { GROUP_SIZE } from '../../domain/p2k2';
import type { Actor } from '../actor';
import { requireDuty } from '../graduation/duties';

export const GROUP_ENTITY = 'p2k2_group';

export function requireRecorder(actor: Actor, what: string): void {
  requireDuty(actor, P2K2_DUTIES.record, what);
}

/** The desa's name; refuses a code that is not a desa/kelurahan of the office. */
export function villageNamed(db: Db, code: string): string {
  const region = regionName(db, code);
  if (region?.level !== 'village') {
    throw new AppError('INVALID_INPUT', `Desa/kelurahan ${code} tidak dikenal.`, {
      fields: { villageCode: 'Pilih desa/kelurahan.' },
    });
  }
  return region.name;
}

export function checkPendamping(db: Db, id: number | null): void {
  if (id !== null && !pendampingExists(db, id)) {
    throw new AppError('INVALID_INPUT', 'Pendamping tidak ditemukan.', {
      fields: { pendampingId: 'Pilih pendamping.' },
    });
  }
}

/**
 * Checks families about to join a group of this desa. A family of another desa, not active, unknown, or (unless
 * `movingFrom` allows it) already in another group is refused, each named with its reason.
 */
export function checkJoining(db: Db, villageCode: string, kpmIds: readonly number[], groupId: number | null): void {
  const found = familiesForGrouping(db, kpmIds);
  const problems: string[] = [];
  const known = new Set(found.map((f) => f.id));
  for (const id of kpmIds) if (!known.has(id)) problems.push(`KPM #${id} tidak ditemukan`);
  for (const family of found) {
    if (family.villageCode !== villageCode) problems.push(`${family.nama}: bukan warga desa kelompok ini`);
    else if (family.status !== 'aktif') problems.push(`${family.nama}: bukan KPM aktif`);
    else if (family.groupId !== null && family.groupId !== groupId) {
      problems.push(`${family.nama}: sudah anggota kelompok ${family.groupName} (pindahkan dari sana)`);
    } else if (family.groupId !== null) problems.push(`${family.nama}: sudah anggota kelompok ini`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? `; dan ${problems.length - 10} lainnya` : '';
    throw new AppError('INVALID_INPUT', `Keluarga tidak dapat masuk kelompok: ${shown}${more}.`);
  }
}

/** The warnings a group of this size earns. */
export function sizeWarnings(name: string, size: number): string[] {
  if (size > GROUP_SIZE.max) {
    return [`Kelompok ${name} beranggota ${size} KPM, lebih dari ${GROUP_SIZE.max} yang dianjurkan.`];
  }
  if (size < GROUP_SIZE.min) {
    return [`Kelompok ${name} beranggota ${size} KPM, kurang dari ${GROUP_SIZE.min} yang dianjurkan.`];
  }
  return [];
}

/** The ketua kelompok must be one of the group's own families. */
export function checkLeader(leaderKpmId: number | null, memberIds: readonly number[]): void {
  if (leaderKpmId !== null && !memberIds.includes(leaderKpmId)) {
    throw new AppError('INVALID_INPUT', 'Ketua kelompok harus salah satu keluarga anggota kelompok.', {
      fields: { leaderKpmId: 'Pilih ketua dari anggota kelompok.' },
    });
  }
}
