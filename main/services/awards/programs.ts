/**
 * Award programmes: funding, budget, form, the per-family range and who is eligible. Status
 * only moves forward, draft -> active -> closed: only an active programme takes new awards, a closed one is
 * read-only, and a budget is never lowered below what its awards already use.
 */

import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { type AwardProgram, awardPrograms } from '../../../db/schema';
import { PROGRAM_STATUS, PROGRAM_STATUS_LABEL, type ProgramInput } from '../../domain/awards';
import { AWARD_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatRupiah } from '../../domain/format';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { inWriteTransaction } from '../documents/numbering';
import { budgetFigures, usedOf } from './budget';
import type { ProgramSummary } from './types';

export function loadProgram(db: Db, id: number): AwardProgram {
  const row = db.select().from(awardPrograms).where(eq(awardPrograms.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Program bantuan tidak ditemukan.');
  return row;
}

/** A closed programme is read-only: no award in it is planned, approved, cancelled or corrected. */
export function assertProgramOpen(program: AwardProgram): void {
  if (program.status === 'closed') {
    throw new AppError('CONFLICT', `Program "${program.name}" sudah ditutup; datanya tidak dapat diubah lagi.`);
  }
}

/** Only an aktif programme takes new awards. */
export function assertProgramTakesAwards(program: AwardProgram): void {
  assertProgramOpen(program);
  if (program.status !== 'active') {
    throw new AppError(
      'CONFLICT',
      `Program "${program.name}" masih berstatus ${PROGRAM_STATUS_LABEL[program.status]}; aktifkan program sebelum merencanakan bantuan.`,
    );
  }
}

export function programSummary(db: Db, program: AwardProgram): ProgramSummary {
  return { ...program, ...budgetFigures(db, program.id) };
}

export function getProgram(db: Db, id: number): ProgramSummary {
  return programSummary(db, loadProgram(db, id));
}

export function listPrograms(db: Db, input: { year?: number }): ProgramSummary[] {
  const query = db.select().from(awardPrograms);
  const rows = (input.year === undefined ? query : query.where(eq(awardPrograms.year, input.year)))
    .orderBy(desc(awardPrograms.year), desc(awardPrograms.id))
    .all();
  return rows.map((p) => programSummary(db, p));
}

function assertStatusMove(before: AwardProgram, next: ProgramInput['status']) {
  if (PROGRAM_STATUS.indexOf(next) < PROGRAM_STATUS.indexOf(before.status)) {
    const message = `Status program tidak dapat kembali dari ${PROGRAM_STATUS_LABEL[before.status]} ke ${PROGRAM_STATUS_LABEL[next]}.`;
    throw new AppError('CONFLICT', message, { fields: { status: message } });
  }
}

/** Creates or edits a programme; the budget check runs in the write transaction so no plan slips in between. */
export function saveProgram(db: Db, actor: Actor, input: ProgramInput): AwardProgram {
  requireDuty(actor, AWARD_DUTIES.plan, 'mengatur program bantuan');
  const now = new Date().toISOString();
  const values = {
    name: input.name,
    year: input.year,
    fundingSource: input.fundingSource,
    sponsorName: input.sponsorName,
    budget: input.budget,
    form: input.form,
    minPerFamily: input.minPerFamily,
    maxPerFamily: input.maxPerFamily,
    graduationTypes: [...input.graduationTypes],
    graduatedFrom: input.graduatedFrom,
    graduatedTo: input.graduatedTo,
    onePerFamily: input.onePerFamily,
    status: input.status,
    updatedAt: now,
  };
  return inWriteTransaction(db, () => {
    if (input.id === undefined) {
      const created = db
        .insert(awardPrograms)
        .values({ ...values, createdBy: actor.id, createdByName: actor.username, createdAt: now })
        .returning()
        .get();
      writeAudit(db, actor, {
        action: 'create',
        entity: 'award_program',
        entityId: created.id,
        summary: `Program bantuan "${created.name}" dibuat, pagu ${formatRupiah(created.budget)}`,
        after: created,
      });
      return created;
    }
    const before = loadProgram(db, input.id);
    assertProgramOpen(before);
    assertStatusMove(before, input.status);
    const used = usedOf(budgetFigures(db, before.id));
    if (input.budget < used) {
      const message = `Pagu tidak dapat diturunkan menjadi ${formatRupiah(input.budget)}: bantuan yang sudah direncanakan, disetujui dan diserahkan berjumlah ${formatRupiah(used)}.`;
      throw new AppError('CONFLICT', message, { fields: { budget: message } });
    }
    const updated = db.update(awardPrograms).set(values).where(eq(awardPrograms.id, before.id)).returning().get();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'award_program',
      entityId: before.id,
      summary:
        before.status === updated.status
          ? `Program bantuan "${updated.name}" diubah`
          : `Program bantuan "${updated.name}" diubah, status ${PROGRAM_STATUS_LABEL[updated.status]}`,
      before,
      after: updated,
    });
    return updated;
  });
}
