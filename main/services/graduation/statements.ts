/**
 * The signed surat pernyataan of a mandiri candidate. The row is the seam for the printed
 * letter (a later issue): signed date, place and the two witnesses; the family's own particulars come from
 * the registry. A mandiri candidate cannot be approved without it (decisions.ts).
 */

import { desc, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { graduationCandidates, graduationStatements, kpm, pendamping, regions } from '../../../db/schema';
import type { StatementInput } from '../../domain/decision';
import { GRADUATION_DUTIES } from '../../domain/decision';
import { AppError } from '../../domain/errors';
import { OPEN_STAGES } from '../../domain/graduation';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { optionalText, pastDate, requiredText } from './checked-input';

export type GraduationStatement = typeof graduationStatements.$inferSelect;

export function getStatement(db: Db, candidateId: number): GraduationStatement | null {
  return db.select().from(graduationStatements).where(eq(graduationStatements.candidateId, candidateId)).get() ?? null;
}

/** What the statement form can fill in before anyone types: each value is one the user may still change. */
export interface StatementSuggestion {
  /** The family's own pendamping. */
  witnessPendamping: string;
  /** The kepala desa/lurah last named as witness for a family of the same desa (the registry has no such list). */
  witnessKepalaDesa: string;
  /** The family's desa/kelurahan. */
  place: string;
}

export function suggestStatement(db: Db, candidateId: number): StatementSuggestion {
  const family = db
    .select({ villageCode: kpm.villageCode, pendampingName: pendamping.name, villageName: regions.name })
    .from(graduationCandidates)
    .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
    .leftJoin(pendamping, eq(pendamping.id, kpm.pendampingId))
    .leftJoin(regions, eq(regions.code, kpm.villageCode))
    .where(eq(graduationCandidates.id, candidateId))
    .get();
  if (!family) throw new AppError('NOT_FOUND', 'Calon graduasi tidak ditemukan.');
  const lastInVillage = db
    .select({ name: graduationStatements.witnessKepalaDesa })
    .from(graduationStatements)
    .innerJoin(graduationCandidates, eq(graduationCandidates.id, graduationStatements.candidateId))
    .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
    .where(eq(kpm.villageCode, family.villageCode))
    .orderBy(desc(graduationStatements.recordedAt))
    .limit(1)
    .get();
  return {
    witnessPendamping: family.pendampingName ?? '',
    witnessKepalaDesa: lastInVillage?.name ?? '',
    place: family.villageName ?? '',
  };
}

/** Records (or corrects, before the decision) the signed statement. */
export function recordStatement(db: Db, actor: Actor, input: StatementInput): GraduationStatement {
  requireDuty(actor, GRADUATION_DUTIES.statement, 'mencatat surat pernyataan');
  const values = {
    signedDate: pastDate('Tanggal tanda tangan', input.signedDate, 'signedDate'),
    witnessPendamping: requiredText('Saksi pendamping', 100, input.witnessPendamping, 'witnessPendamping'),
    witnessKepalaDesa: requiredText('Saksi kepala desa/lurah', 100, input.witnessKepalaDesa, 'witnessKepalaDesa'),
    place: optionalText('Tempat', 100, input.place, 'place'),
    recordedBy: actor.id,
    recordedByName: actor.username,
    recordedAt: new Date().toISOString(),
  };
  return inTransaction(db, () => {
    const candidate = db
      .select()
      .from(graduationCandidates)
      .where(eq(graduationCandidates.id, input.candidateId))
      .get();
    if (!candidate) throw new AppError('NOT_FOUND', 'Calon graduasi tidak ditemukan.');
    if (candidate.kind !== 'mandiri') {
      throw new AppError('CONFLICT', 'Surat pernyataan hanya untuk calon graduasi sejahtera mandiri.');
    }
    if (!(OPEN_STAGES as readonly string[]).includes(candidate.stage)) {
      throw new AppError('CONFLICT', 'Calon ini sudah diputuskan; surat pernyataannya tidak dapat diubah lagi.');
    }
    const before = getStatement(db, candidate.id);
    const row = before
      ? db
          .update(graduationStatements)
          .set(values)
          .where(eq(graduationStatements.candidateId, candidate.id))
          .returning()
          .get()
      : db
          .insert(graduationStatements)
          .values({ candidateId: candidate.id, ...values })
          .returning()
          .get();
    writeAudit(db, actor, {
      action: before ? 'update_statement' : 'record_statement',
      entity: 'graduation_candidate',
      entityId: candidate.id,
      summary: `Surat pernyataan KPM #${candidate.kpmId} ditandatangani ${row.signedDate}`,
      before,
      after: row,
    });
    return row;
  });
}
