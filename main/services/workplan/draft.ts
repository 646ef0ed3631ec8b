/**
 * "Susun draf": the month's plan drafted from what the app knows (draft-sources.ts). Drafting again adds only
 * what is new (each source once, by its key), never removes what the pendamping added or changed, and leaves out
 * the drafted activities the pendamping removed (work_plan_removed_sources).
 */
import { and, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { type WorkPlan, workPlanItems, workPlanRemovedSources, workPlans } from '../../../db/schema';
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

/** The sources of drafted activities removed from the plan: a redraft does not bring them back. */
function removedSources(db: Db, planId: number): Set<string> {
  const rows = db
    .select({ sourceKey: workPlanRemovedSources.sourceKey })
    .from(workPlanRemovedSources)
    .where(eq(workPlanRemovedSources.planId, planId))
    .all();
  return new Set(rows.map((r) => r.sourceKey));
}

export function draftWorkPlan(
  db: Db,
  actor: Actor,
  ref: PlanRef,
  now: Date,
): WorkPlanView & { added: number; leftOut: number } {
  requireDuty(actor, WORK_PLAN_DUTIES.edit, 'menyusun rencana kerja');
  requireOwnPendamping(actor, ref.pendampingId);
  pendampingName(db, ref.pendampingId);
  const { added, leftOut } = inTransaction(db, () => {
    const plan = planOfMonth(db, actor, ref, now);
    requireDraft(plan);
    const removed = removedSources(db, plan.id);
    const sources = draftSources(db, ref.pendampingId, ref.month);
    const kept = sources.filter((s) => !removed.has(s.sourceKey));
    let count = 0;
    for (const { sourceKey, ...item } of kept) {
      const inserted = db
        .insert(workPlanItems)
        .values({ ...item, sourceKey, planId: plan.id })
        .onConflictDoNothing({ target: [workPlanItems.planId, workPlanItems.sourceKey] })
        .run();
      count += inserted.changes;
    }
    const skipped = sources.length - kept.length;
    touch(db, plan.id, now);
    writeAudit(db, actor, {
      action: 'draft',
      entity: 'work_plan',
      entityId: plan.id,
      summary:
        `Draf rencana kerja bulan ${ref.month} disusun dari data aplikasi: ${count} kegiatan ditambahkan` +
        (skipped > 0 ? `, ${skipped} kegiatan yang sudah dihapus tidak ditambahkan lagi` : ''),
    });
    return { added: count, leftOut: skipped };
  });
  return { ...getWorkPlan(db, actor, ref, now), added, leftOut };
}
