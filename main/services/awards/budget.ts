/**
 * The one place a programme's money is summed (issue 9 point 4): awards per stage, without the cancelled ones
 * (they hold no money) and without those a correction replaced (the correction counts instead). Reports,
 * lists and the budget guard all read these figures.
 */
import type { Db } from '../../../db/open';
import { AWARD_STAGES, type AwardStage } from '../../domain/awards';
import { AppError } from '../../domain/errors';
import { formatNumber, formatRupiah } from '../../domain/format';
import type { BudgetFigures } from './types';

/** Sums of awards.total per stage; an award with a correction pointing at it no longer counts. */
export function budgetFigures(db: Db, programId: number): BudgetFigures {
  const rows = db.$client
    .prepare<[number], { stage: AwardStage; n: number; amount: number }>(
      `SELECT a.stage, count(*) AS n, coalesce(sum(a.total), 0) AS amount FROM awards a
       WHERE a.program_id = ? AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id)
       GROUP BY a.stage`,
    )
    .all(programId);
  const budget =
    (db.$client.prepare('SELECT budget FROM award_programs WHERE id = ?').pluck().get(programId) as
      | number
      | undefined) ?? 0;
  const counts = Object.fromEntries(AWARD_STAGES.map((s) => [s, 0])) as Record<AwardStage, number>;
  const sums = Object.fromEntries(AWARD_STAGES.map((s) => [s, 0])) as Record<AwardStage, number>;
  for (const row of rows) {
    counts[row.stage] = row.n;
    sums[row.stage] = row.amount;
  }
  const used = sums.direncanakan + sums.disetujui + sums.diserahkan;
  return {
    budget,
    planned: sums.direncanakan,
    approved: sums.disetujui,
    handedOver: sums.diserahkan,
    remaining: budget - used,
    counts,
  };
}

/** What the budget stages hold together. */
export const usedOf = (figures: BudgetFigures): number => figures.planned + figures.approved + figures.handedOver;

/**
 * The budget guard: refuses when `families` awards of `perFamily` rupiah each would take the programme past its
 * budget. Must run inside the write transaction that inserts them (inWriteTransaction: BEGIN IMMEDIATE), so two
 * staff planning at the same moment are serialised and the second sees the first's awards.
 */
export function assertBudgetFor(db: Db, programId: number, families: number, perFamily: number): BudgetFigures {
  if (!db.$client.inTransaction) throw new Error('assertBudgetFor must run inside inWriteTransaction');
  const figures = budgetFigures(db, programId);
  const needed = families * perFamily;
  if (needed > figures.remaining) {
    throw new AppError(
      'CONFLICT',
      `Sisa anggaran ${formatRupiah(figures.remaining)} tidak cukup untuk ${formatNumber(families)} KPM x ${formatRupiah(perFamily)} = ${formatRupiah(needed)}.`,
      { fields: { kpmIds: `Sisa anggaran ${formatRupiah(figures.remaining)}.` } },
    );
  }
  return figures;
}

/** The guard for a correction: only the difference to the award it replaces needs room in the budget. */
export function assertBudgetForCorrection(db: Db, programId: number, oldTotal: number, newTotal: number): void {
  if (!db.$client.inTransaction) throw new Error('assertBudgetForCorrection must run inside inWriteTransaction');
  const figures = budgetFigures(db, programId);
  const difference = newTotal - oldTotal;
  if (difference > figures.remaining) {
    throw new AppError(
      'CONFLICT',
      `Sisa anggaran ${formatRupiah(figures.remaining)} tidak cukup untuk koreksi ini: paket baru ${formatRupiah(newTotal)} - paket lama ${formatRupiah(oldTotal)} = selisih ${formatRupiah(difference)}.`,
      { fields: { package: `Sisa anggaran ${formatRupiah(figures.remaining)}.` } },
    );
  }
}
