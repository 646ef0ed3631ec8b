/** Which families an actor may see or record a business for: office roles all, a pendamping its own. */
import type { Db } from '../../../db/open';
import { type BusinessFamily, businessFamilies, businessFamily } from '../../../db/queries/business';
import { BUSINESS_DUTIES } from '../../domain/business';
import { GRADUATED_STATUSES } from '../../domain/enums';
import { AppError } from '../../domain/errors';
import { type Actor, ownPendampingId, requireDuty } from '../actor';

const isGraduated = (status: string) => (GRADUATED_STATUSES as readonly string[]).includes(status);

/** The family, if the actor may see it; another pendamping's family is NOT_FOUND to a pendamping account. */
export function visibleFamily(db: Db, actor: Actor, kpmId: number): BusinessFamily {
  requireDuty(actor, BUSINESS_DUTIES.view, 'melihat usaha keluarga graduasi');
  const own = ownPendampingId(actor);
  const family = businessFamily(db, kpmId);
  if (!family || (own !== null && family.pendampingId !== own)) {
    throw new AppError('NOT_FOUND', 'Keluarga tidak ditemukan.');
  }
  return family;
}

/** A family the actor may record for: visible to it and graduated (a business is followed only after graduation). */
export function recordableFamily(db: Db, actor: Actor, kpmId: number): BusinessFamily {
  requireDuty(actor, BUSINESS_DUTIES.record, 'mencatat usaha keluarga graduasi');
  const family = visibleFamily(db, actor, kpmId);
  if (!isGraduated(family.status)) {
    throw new AppError(
      'CONFLICT',
      `${family.nama} belum berstatus graduasi; usaha, pelatihan, jualan online dan PENA dicatat hanya untuk keluarga graduasi.`,
    );
  }
  return family;
}

/** Several families for a KUBE: each must exist and be graduated; the message names every one that is not. */
export function graduatedFamilies(db: Db, kpmIds: readonly number[]): BusinessFamily[] {
  const unique = [...new Set(kpmIds)];
  const found = businessFamilies(db, unique);
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `Keluarga tidak ditemukan (id ${missing.join(', ')}).`);
  const notGraduated = found.filter((f) => !isGraduated(f.status));
  if (notGraduated.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Anggota KUBE harus keluarga graduasi: ${notGraduated.map((f) => f.nama).join(', ')} belum graduasi.`,
    );
  }
  return found;
}
