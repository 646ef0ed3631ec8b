/** Marking a submitted plan's activity terlaksana or tidak terlaksana (with its reason), audited. */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { workPlanItems } from '../../../db/schema';
import { WORK_PLAN_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import type { OutcomeInput } from '../../domain/workplan';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { loadItem, touch } from './access';

export function markWorkPlanOutcome(db: Db, actor: Actor, input: OutcomeInput, now: Date) {
  requireDuty(actor, WORK_PLAN_DUTIES.edit, 'mencatat pelaksanaan rencana kerja');
  const { item, plan } = loadItem(db, actor, input.id);
  if (plan.status !== 'submitted') {
    throw new AppError('CONFLICT', 'Ajukan rencana kerja lebih dulu; pelaksanaan dicatat pada rencana yang diajukan.');
  }
  const reason = input.outcome === 'not_done' ? input.reason : '';
  return inTransaction(db, () => {
    const after = db
      .update(workPlanItems)
      .set({ outcome: input.outcome, outcomeReason: reason, outcomeAt: now.toISOString() })
      .where(eq(workPlanItems.id, item.id))
      .returning()
      .get();
    touch(db, plan.id, now);
    const what = input.outcome === 'done' ? 'terlaksana' : `tidak terlaksana (${reason})`;
    writeAudit(db, actor, {
      action: 'outcome',
      entity: 'work_plan',
      entityId: plan.id,
      summary: `Kegiatan "${item.title}" ${what}`,
      before: item,
      after,
    });
    return { planId: plan.id, itemId: item.id };
  });
}
