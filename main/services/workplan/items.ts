/**
 * Completing a draft plan by hand: adding, changing and removing activities, each audited. A drafted activity
 * removed stays out of the plan's later drafts.
 */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { workPlanItems, workPlanRemovedSources } from '../../../db/schema';
import { WORK_PLAN_DUTIES } from '../../domain/duties';
import { formatTanggal } from '../../domain/format';
import { type ItemAddInput, type ItemUpdateInput, WORK_PLAN_KIND_LABEL } from '../../domain/workplan';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { loadItem, loadPlan, requireDraft, requireInMonth, touch } from './access';

export function addWorkPlanItem(db: Db, actor: Actor, input: ItemAddInput, now: Date) {
  requireDuty(actor, WORK_PLAN_DUTIES.edit, 'mengubah rencana kerja');
  const plan = loadPlan(db, actor, input.planId);
  requireDraft(plan);
  requireInMonth(plan, input.date);
  return inTransaction(db, () => {
    const { planId, ...values } = input;
    const item = db
      .insert(workPlanItems)
      .values({ ...values, planId })
      .returning()
      .get();
    touch(db, planId, now);
    writeAudit(db, actor, {
      action: 'add_item',
      entity: 'work_plan',
      entityId: planId,
      summary: `Kegiatan ditambahkan: ${WORK_PLAN_KIND_LABEL[item.kind]} ${formatTanggal(item.date)}, "${item.title}"`,
      after: item,
    });
    return { planId, itemId: item.id };
  });
}

export function updateWorkPlanItem(db: Db, actor: Actor, input: ItemUpdateInput, now: Date) {
  requireDuty(actor, WORK_PLAN_DUTIES.edit, 'mengubah rencana kerja');
  const { item: before, plan } = loadItem(db, actor, input.id);
  requireDraft(plan);
  requireInMonth(plan, input.date);
  return inTransaction(db, () => {
    const { id, ...values } = input;
    const after = db.update(workPlanItems).set(values).where(eq(workPlanItems.id, id)).returning().get();
    touch(db, plan.id, now);
    writeAudit(db, actor, {
      action: 'update_item',
      entity: 'work_plan',
      entityId: plan.id,
      summary: `Kegiatan diubah: "${before.title}" ${formatTanggal(before.date)} menjadi "${after.title}" ${formatTanggal(after.date)}`,
      before,
      after,
    });
    return { planId: plan.id, itemId: id };
  });
}

export function removeWorkPlanItem(db: Db, actor: Actor, id: number, now: Date) {
  requireDuty(actor, WORK_PLAN_DUTIES.edit, 'mengubah rencana kerja');
  const { item, plan } = loadItem(db, actor, id);
  requireDraft(plan);
  return inTransaction(db, () => {
    db.delete(workPlanItems).where(eq(workPlanItems.id, id)).run();
    // A drafted activity removed is remembered for the plan, so "Susun draf" again does not put it back.
    if (item.sourceKey !== null) {
      db.insert(workPlanRemovedSources)
        .values({ planId: plan.id, sourceKey: item.sourceKey })
        .onConflictDoNothing()
        .run();
    }
    touch(db, plan.id, now);
    writeAudit(db, actor, {
      action: 'remove_item',
      entity: 'work_plan',
      entityId: plan.id,
      summary:
        `Kegiatan dihapus: "${item.title}" ${formatTanggal(item.date)}` +
        (item.sourceKey !== null ? '; susun draf berikutnya tidak menambahkannya lagi' : ''),
      before: item,
    });
    return { planId: plan.id, itemId: id };
  });
}
