/**
 * Submitting a plan locks it (only outcomes change after); the office reopens one with a reason, audited.
 * Lateness is the first submission's day in the office's calendar against the deadline day.
 */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { workPlanItems, workPlans } from '../../../db/schema';
import { WORK_PLAN_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import { isLate, officeDate, planDeadline } from '../../domain/workplan';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { loadPlan, requireDraft } from './access';
import { getWorkPlanSettings } from './settings';

export function submitWorkPlan(db: Db, actor: Actor, id: number, now: Date) {
  requireDuty(actor, WORK_PLAN_DUTIES.edit, 'mengajukan rencana kerja');
  const plan = loadPlan(db, actor, id);
  requireDraft(plan);
  const items = db.select({ id: workPlanItems.id }).from(workPlanItems).where(eq(workPlanItems.planId, id)).all();
  if (items.length === 0) {
    throw new AppError('CONFLICT', 'Rencana kerja masih kosong; susun draf atau tambahkan kegiatan lebih dulu.');
  }
  const stamp = now.toISOString();
  const firstSubmittedAt = plan.firstSubmittedAt ?? stamp;
  const deadline = planDeadline(plan.month, getWorkPlanSettings(db).deadlineDay);
  const late = isLate(plan.month, getWorkPlanSettings(db).deadlineDay, officeDate(new Date(firstSubmittedAt)));
  return inTransaction(db, () => {
    const after = db
      .update(workPlans)
      .set({
        status: 'submitted',
        submittedAt: stamp,
        submittedByName: actor.username,
        firstSubmittedAt,
        updatedAt: stamp,
      })
      .where(eq(workPlans.id, id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'submit',
      entity: 'work_plan',
      entityId: id,
      summary: `Rencana kerja bulan ${plan.month} diajukan (${items.length} kegiatan; batas ${formatTanggal(deadline)}${late ? ', terlambat' : ''})`,
      before: plan,
      after,
    });
    return { id, late };
  });
}

export function reopenWorkPlan(db: Db, actor: Actor, input: { id: number; reason: string }, now: Date) {
  requireDuty(actor, WORK_PLAN_DUTIES.reopen, 'membuka kembali rencana kerja');
  const plan = loadPlan(db, actor, input.id);
  if (plan.status !== 'submitted') throw new AppError('CONFLICT', 'Rencana kerja ini belum diajukan.');
  return inTransaction(db, () => {
    const after = db
      .update(workPlans)
      .set({ status: 'draft', updatedAt: now.toISOString() })
      .where(eq(workPlans.id, input.id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'reopen',
      entity: 'work_plan',
      entityId: input.id,
      summary: `Rencana kerja bulan ${plan.month} dibuka kembali: ${input.reason}`,
      before: plan,
      after,
    });
    return { id: input.id };
  });
}
