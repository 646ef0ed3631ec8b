/**
 * The one place the money of awards is summed: awards per stage, without those a
 * correction replaced (the correction counts instead); a cancelled award is counted as cancelled and holds no
 * money. The budget guard, the programme list and the reports (every grouping) all read `countedAwards`
 * (the rule, in SQL, db/queries/awards.ts) added up by `addUp`.
 */
import type { Db } from '../../../db/open';
import { type AwardScope, type CountedAward, countedAwards, programBudget } from '../../../db/queries/awards';
import { AWARD_STAGES, type AwardStage } from '../../domain/awards';
import { AppError } from '../../domain/errors';
import { formatNumber, formatRupiah } from '../../domain/format';
import type { BudgetFigures } from './types';

export type { AwardScope, CountedAward };
export { countedAwards };

/** Money per budget stage, awards per stage, and the distinct families whose award uses budget. */
export interface Sums {
  families: number;
  planned: number;
  approved: number;
  handedOver: number;
  counts: Record<AwardStage, number>;
}

const MONEY: Partial<Record<AwardStage, 'planned' | 'approved' | 'handedOver'>> = {
  planned: 'planned',
  approved: 'approved',
  handed_over: 'handedOver',
};

const noCounts = (): Record<AwardStage, number> =>
  Object.fromEntries(AWARD_STAGES.map((s) => [s, 0])) as Record<AwardStage, number>;
const noSums = (): Sums => ({ families: 0, planned: 0, approved: 0, handedOver: 0, counts: noCounts() });

/** The counted awards added up per key (whole rupiah, integers). */
export function addUp<K>(awards: CountedAward[], keyOf: (award: CountedAward) => K): Map<K, Sums> {
  const sums = new Map<K, Sums>();
  const families = new Map<K, Set<number>>();
  for (const award of awards) {
    const key = keyOf(award);
    let sum = sums.get(key);
    let seen = families.get(key);
    if (!sum || !seen) {
      sum = noSums();
      seen = new Set();
      sums.set(key, sum);
      families.set(key, seen);
    }
    sum.counts[award.stage] += 1;
    const money = MONEY[award.stage];
    if (money) {
      sum[money] += award.total;
      seen.add(award.kpmId);
      sum.families = seen.size;
    }
  }
  return sums;
}

/** Money and awards per stage, for counts already added up per stage (the reports' award_area_counts). */
export type StageSums = Omit<Sums, 'families'>;

/**
 * Counted awards already added up per key and stage (the reports read them from award_area_counts, which keeps
 * countedAwards' rule) turned into the same money per budget stage as addUp: the stage-to-money rule stays here.
 */
export function addUpStages<K>(
  rows: readonly { key: K; stage: AwardStage; n: number; total: number }[],
): Map<K, StageSums> {
  const sums = new Map<K, StageSums>();
  for (const row of rows) {
    let sum = sums.get(row.key);
    if (!sum) {
      sum = { planned: 0, approved: 0, handedOver: 0, counts: noCounts() };
      sums.set(row.key, sum);
    }
    sum.counts[row.stage] += row.n;
    const money = MONEY[row.stage];
    if (money) sum[money] += row.total;
  }
  return sums;
}

/** A programme's figures from its budget and its sums (none: nothing used). */
export function figuresOf(budget: number, sums: Sums = noSums()): BudgetFigures {
  const { planned, approved, handedOver, counts } = sums;
  return { budget, planned, approved, handedOver, remaining: budget - planned - approved - handedOver, counts };
}

/** A programme's budget and what each stage holds. */
export function budgetFigures(db: Db, programId: number): BudgetFigures {
  const budget = programBudget(db, programId);
  const sums = addUp(countedAwards(db, { programId }, { place: false }), () => programId);
  return figuresOf(budget, sums.get(programId));
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
