/**
 * A correction after handover: a NEW award linked to the one it corrects, in stage
 * handed_over, carrying the original's handover (date, place, receiver, witnesses, BAST) and the right package
 * at today's catalogue price. The original row is never updated; from now on the correction counts instead
 * (budget, reports), and the budget guard applies to the difference. Correcting an award already corrected
 * corrects the latest correction, so the chain stays one line.
 */

import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { correctionOf, handoverColumns } from '../../../db/queries/award-stages';
import type { correctionSchema } from '../../domain/awards';
import { AWARD_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatRupiah } from '../../domain/format';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { inWriteTransaction } from '../documents/numbering';
import { assertBudgetForCorrection } from './budget';
import { insertAwards } from './insert';
import { getAward } from './list';
import { packageText, pricePackage } from './package';
import { assertProgramOpen, loadProgram } from './programs';
import { awardStates } from './stages';
import type { AwardRow } from './types';

export type CorrectionInput = z.infer<typeof correctionSchema>;

/** The last award of the correction chain that starts at awardId. */
function latestOf(db: Db, awardId: number): number {
  let id = awardId;
  for (let later = correctionOf(db, id); later !== undefined; later = correctionOf(db, id)) id = later;
  return id;
}

export function correctAward(db: Db, actor: Actor, input: CorrectionInput): AwardRow {
  requireDuty(actor, AWARD_DUTIES.correct, 'mengoreksi bantuan yang sudah diserahkan');
  return inWriteTransaction(db, () => {
    awardStates(db, [input.awardId]);
    const [original] = awardStates(db, [latestOf(db, input.awardId)]);
    if (original.stage === 'cancelled') {
      throw new AppError('CONFLICT', `Bantuan untuk ${original.nama} sudah dibatalkan; tidak ada yang dikoreksi.`);
    }
    if (original.stage !== 'handed_over') {
      throw new AppError(
        'CONFLICT',
        `Bantuan untuk ${original.nama} belum diserahkan; koreksi hanya untuk bantuan yang sudah diserahkan (sebelum serah terima, batalkan dan rencanakan ulang).`,
      );
    }
    const program = loadProgram(db, original.programId);
    assertProgramOpen(program);
    const pkg = pricePackage(db, program, input.package);
    assertBudgetForCorrection(db, program.id, original.total, pkg.total);
    const now = new Date().toISOString();
    const [id] = insertAwards(
      db,
      actor,
      {
        programId: program.id,
        businessType: input.businessType,
        notes: '',
        stage: 'handed_over',
        correctsAwardId: original.id,
        correctionReason: input.reason,
        // The correction is made by an approver; it stands approved by them.
        approvedBy: actor.id,
        approvedByName: actor.username,
        approvedAt: now,
        handover: handoverColumns(db, original.id),
      },
      pkg,
      [original.kpmId],
    );
    writeAudit(db, actor, {
      action: 'correct_award',
      entity: 'award',
      entityId: id,
      summary: `Koreksi bantuan untuk ${original.nama}: ${formatRupiah(original.total)} menjadi ${formatRupiah(pkg.total)} (${packageText(pkg.lines, pkg.cash)}); alasan: ${input.reason}`,
      before: { awardId: original.id, total: original.total },
      after: { awardId: id, total: pkg.total, correctsAwardId: original.id },
    });
    return getAward(db, id);
  });
}
