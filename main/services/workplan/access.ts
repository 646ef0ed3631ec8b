/** Loading a plan and the rules every change of it keeps: the pendamping's own plan only, a draft to edit. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { type WorkPlan, type WorkPlanItem, workPlanItems, workPlans } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import type { Actor } from '../actor';
import { requireOwnFamily } from '../own-families';

const NOT_FOUND = 'Rencana kerja tidak ditemukan.';

/** A pendamping account reaches its own pendamping's plans only; another's is "not found". */
export function requireOwnPendamping(actor: Actor, pendampingId: number): void {
  requireOwnFamily(actor, pendampingId, NOT_FOUND);
}

export function loadPlan(db: Db, actor: Actor, id: number): WorkPlan {
  const plan = db.select().from(workPlans).where(eq(workPlans.id, id)).get();
  if (!plan) throw new AppError('NOT_FOUND', NOT_FOUND);
  requireOwnPendamping(actor, plan.pendampingId);
  return plan;
}

export function loadItem(db: Db, actor: Actor, id: number): { item: WorkPlanItem; plan: WorkPlan } {
  const item = db.select().from(workPlanItems).where(eq(workPlanItems.id, id)).get();
  if (!item) throw new AppError('NOT_FOUND', 'Kegiatan tidak ditemukan.');
  return { item, plan: loadPlan(db, actor, item.planId) };
}

/** A submitted plan is locked: only its outcomes change until the office reopens it. */
export function requireDraft(plan: WorkPlan): void {
  if (plan.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      'Rencana kerja sudah diajukan dan terkunci; minta operator membukanya kembali untuk mengubah kegiatan.',
    );
  }
}

/** A date of the plan's month, or the field's message. */
export function requireInMonth(plan: { month: string }, date: string): void {
  if (date.slice(0, 7) !== plan.month) {
    const message = `Tanggal kegiatan harus di bulan rencana (${plan.month}).`;
    throw new AppError('INVALID_INPUT', message, { fields: { date: message } });
  }
}

export function touch(db: Db, planId: number, now: Date): void {
  db.update(workPlans).set({ updatedAt: now.toISOString() }).where(eq(workPlans.id, planId)).run();
}
