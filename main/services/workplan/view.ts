/** A pendamping's plan for one month as the screens and the printed plan show it. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { pendamping, type WorkPlan, workPlanItems, workPlans } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import { isLate, type Outcome, officeDate, type PlanRef, planDeadline, type WorkPlanKind } from '../../domain/workplan';
import type { Actor } from '../actor';
import { requireOwnPendamping } from './access';
import { achievementOf, type WorkPlanAchievement } from './achievement';
import { getWorkPlanSettings } from './settings';

export interface WorkPlanItemRow {
  id: number;
  kind: WorkPlanKind;
  date: string;
  title: string;
  place: string;
  kpmId: number | null;
  groupId: number | null;
  outcome: Outcome | null;
  outcomeReason: string;
  /** Taken from the app's data by "Susun draf": removing it keeps it out of the plan's later drafts. */
  drafted: boolean;
}

export interface WorkPlanView {
  pendampingId: number;
  pendampingName: string;
  month: string;
  /** The last day to submit (the office's deadline day of the month). */
  deadline: string;
  /** Today (office's calendar) is after the deadline. */
  pastDeadline: boolean;
  plan: {
    id: number;
    status: WorkPlan['status'];
    submittedAt: string | null;
    submittedByName: string | null;
    /** Submitted after the deadline, or still not submitted and today is past it (office's calendar). */
    late: boolean;
    updatedAt: string;
  } | null;
  items: WorkPlanItemRow[];
  achievement: WorkPlanAchievement;
}

export function pendampingName(db: Db, pendampingId: number): string {
  const row = db.select({ name: pendamping.name }).from(pendamping).where(eq(pendamping.id, pendampingId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Pendamping tidak ditemukan.');
  return row.name;
}

/** Whether a plan is late: its first submission's day, or today's while it is unsubmitted. */
export function planLate(
  plan: Pick<WorkPlan, 'month' | 'firstSubmittedAt'> | null,
  month: string,
  deadlineDay: number,
  now: Date,
) {
  const on = plan?.firstSubmittedAt ? officeDate(new Date(plan.firstSubmittedAt)) : officeDate(now);
  return isLate(month, deadlineDay, on);
}

export function getWorkPlan(db: Db, actor: Actor, ref: PlanRef, now: Date): WorkPlanView {
  requireOwnPendamping(actor, ref.pendampingId);
  const name = pendampingName(db, ref.pendampingId);
  const { deadlineDay } = getWorkPlanSettings(db);
  const plan = db
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.pendampingId, ref.pendampingId), eq(workPlans.month, ref.month)))
    .get();
  const items = plan
    ? db
        .select({
          id: workPlanItems.id,
          kind: workPlanItems.kind,
          date: workPlanItems.date,
          title: workPlanItems.title,
          place: workPlanItems.place,
          kpmId: workPlanItems.kpmId,
          groupId: workPlanItems.groupId,
          outcome: workPlanItems.outcome,
          outcomeReason: workPlanItems.outcomeReason,
          sourceKey: workPlanItems.sourceKey,
        })
        .from(workPlanItems)
        .where(eq(workPlanItems.planId, plan.id))
        .orderBy(asc(workPlanItems.date), asc(workPlanItems.id))
        .all()
        .map(({ sourceKey, ...item }) => ({ ...item, drafted: sourceKey !== null }))
    : [];
  return {
    pendampingId: ref.pendampingId,
    pendampingName: name,
    month: ref.month,
    deadline: planDeadline(ref.month, deadlineDay),
    pastDeadline: planLate(null, ref.month, deadlineDay, now),
    plan: plan
      ? {
          id: plan.id,
          status: plan.status,
          submittedAt: plan.submittedAt,
          submittedByName: plan.submittedByName,
          late: planLate(plan, ref.month, deadlineDay, now),
          updatedAt: plan.updatedAt,
        }
      : null,
    items,
    achievement: achievementOf(db, ref.pendampingId, ref.month),
  };
}
