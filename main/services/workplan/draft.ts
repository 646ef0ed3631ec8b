/**
 * "Susun draf": the month's plan drafted from what the app knows (draft-sources.ts). Drafting again adds only
 * what is new (each source once, by its key) and never removes what the pendamping added or changed.
 */
import { and, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { type WorkPlan, workPlanItems, workPlans } from '../../../db/schema';
import { WORK_PLAN_DUTIES } from '../../domain/duties';
import type { PlanRef } from '../../domain/workplan';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { requireDraft, requireOwnPendamping, touch } from './access';
import { draftSources } from './draft-sources';
import { getWorkPlan, pendampingName, type WorkPlanView } from './view';

/** The month's plan, made as an empty draft when there is none yet. */
export function planOfMonth(db: Db, actor: Actor, ref: PlanRef, now: Date): WorkPlan {
  const found = db
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.pendampingId, ref.pendampingId), eq(workPlans.month, ref.month)))
    .get();
  if (found) return found;
  const stamp = now.toISOString();
  const plan = db
    .insert(workPlans)
    .values({ pendampingId: ref.pendampingId, month: ref.month, status: 'draft', createdAt: stamp, updatedAt: stamp })
    .returning()
    .get();
  writeAudit(db, actor, {
    action: 'create',
    entity: 'work_plan',
    entityId: plan.id,
    summary: `Rencana kerja ${pendampingName(db, ref.pendampingId)} bulan ${ref.month} dibuat`,
    after: plan,
  });
  return plan;
}

export function draftWorkPlan(db: Db, actor: Actor, ref: PlanRef, now: Date): WorkPlanView & { added: number } {
  requireDuty(actor, WORK_PLAN_DUTIES.edit, 'menyusun rencana kerja');
  requireOwnPendamping(actor, ref.pendampingId);
  pendampingName(db, ref.pendampingId);
  const added = inTransaction(db, () => {
    const plan = planOfMonth(db, actor, ref, now);
    requireDraft(plan);
    let count = 0;
    for (const { sourceKey, ...item } of draftSources(db, ref.pendampingId, ref.month)) {
      const inserted = db
        .insert(workPlanItems)
        .values({ ...item, sourceKey, planId: plan.id })
        .onConflictDoNothing({ target: [workPlanItems.planId, workPlanItems.sourceKey] })
        .run();
      count += inserted.changes;
    }
    touch(db, plan.id, now);
    writeAudit(db, actor, {
      action: 'draft',
      entity: 'work_plan',
      entityId: plan.id,
      summary: `Draf rencana kerja bulan ${ref.month} disusun dari data aplikasi: ${count} kegiatan ditambahkan`,
    });
    return count;
  });
  return { ...getWorkPlan(db, actor, ref, now), added };
}
