/**
 * Planning: one package for many graduated families at once, all or nothing. The
 * eligibility check, the budget guard and the inserts share one write transaction (BEGIN IMMEDIATE), so two
 * staff planning at the same moment are served one after the other and the budget is never overspent.
 */

import type { Db } from '../../../db/open';
import type { PlanAwardsInput } from '../../domain/awards';
import { AWARD_DUTIES } from '../../domain/duties';
import { formatNumber, formatRupiah } from '../../domain/format';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { inWriteTransaction } from '../documents/numbering';
import { assertBudgetFor } from './budget';
import { assertEligible } from './eligibility';
import { insertAwards } from './insert';
import { packageText, pricePackage } from './package';
import { assertProgramTakesAwards, loadProgram } from './programs';

export interface PlanResult {
  planned: number;
  /** The new awards' sum. */
  total: number;
  /** The budget left after them. */
  remaining: number;
}

export function planAwards(db: Db, actor: Actor, input: PlanAwardsInput): PlanResult {
  requireDuty(actor, AWARD_DUTIES.plan, 'merencanakan bantuan');
  return inWriteTransaction(db, () => {
    const program = loadProgram(db, input.programId);
    assertProgramTakesAwards(program);
    const pkg = pricePackage(db, program, input.package);
    assertEligible(db, program, input.kpmIds);
    const figures = assertBudgetFor(db, program.id, input.kpmIds.length, pkg.total);
    const ids = insertAwards(
      db,
      actor,
      { programId: program.id, businessType: input.businessType, notes: input.notes, stage: 'planned' },
      pkg,
      input.kpmIds,
    );
    const text = packageText(pkg.lines, pkg.cash);
    ids.forEach((id, i) => {
      writeAudit(db, actor, {
        action: 'plan_award',
        entity: 'award',
        entityId: id,
        summary: `Bantuan ${formatRupiah(pkg.total)} (${text}) direncanakan dalam program "${program.name}"`,
        after: { programId: program.id, kpmId: input.kpmIds[i], total: pkg.total, businessType: input.businessType },
      });
    });
    const total = ids.length * pkg.total;
    writeAudit(db, actor, {
      action: 'plan_awards',
      entity: 'award_program',
      entityId: program.id,
      summary: `${formatNumber(ids.length)} KPM x ${formatRupiah(pkg.total)} = ${formatRupiah(total)} direncanakan`,
    });
    return { planned: ids.length, total, remaining: figures.remaining - total };
  });
}
