import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { OUTCOMES, WORK_PLAN_KINDS, WORK_PLAN_STATUS } from '../../main/domain/workplan';
import { kpm } from './kpm';
import { p2k2Groups } from './p2k2';
import { pendamping } from './pendamping';

/** A pendamping's plan for one month ('2026-03'): a draft until submitted, then locked except for outcomes. */
export const workPlans = sqliteTable(
  'work_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pendampingId: integer('pendamping_id')
      .notNull()
      .references(() => pendamping.id),
    month: text('month').notNull(),
    status: text('status', { enum: WORK_PLAN_STATUS }).notNull().default('draft'),
    /** The instant of the latest submission (ISO, UTC); lateness is its date in the office's zone. */
    submittedAt: text('submitted_at'),
    submittedByName: text('submitted_by_name'),
    /** The first submission's instant: reopening and submitting again does not make a plan on time. */
    firstSubmittedAt: text('first_submitted_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('work_plan_month_idx').on(t.pendampingId, t.month), index('work_plan_by_month').on(t.month)],
);

/** One planned activity; `sourceKey` names what the draft took it from, so drafting again adds nothing twice. */
export const workPlanItems = sqliteTable(
  'work_plan_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: WORK_PLAN_KINDS }).notNull(),
    date: text('date').notNull(),
    title: text('title').notNull(),
    place: text('place').notNull().default(''),
    kpmId: integer('kpm_id').references(() => kpm.id),
    groupId: integer('group_id').references(() => p2k2Groups.id),
    sourceKey: text('source_key'),
    outcome: text('outcome', { enum: OUTCOMES }),
    outcomeReason: text('outcome_reason').notNull().default(''),
    outcomeAt: text('outcome_at'),
  },
  (t) => [
    index('work_plan_item_plan_idx').on(t.planId, t.date),
    uniqueIndex('work_plan_item_source').on(t.planId, t.sourceKey),
  ],
);

/**
 * The sources of drafted activities the pendamping removed from a plan: drafting it again leaves them out, so a
 * removed activity stays removed (a plan's items alone cannot tell "never drafted" from "drafted and removed").
 */
export const workPlanRemovedSources = sqliteTable(
  'work_plan_removed_sources',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    sourceKey: text('source_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.sourceKey] })],
);

/** The office's work plan settings, one row (id = 1); absent means the defaults. */
export const workPlanSettings = sqliteTable('work_plan_settings', {
  id: integer('id').primaryKey(),
  /** Plans for month M are due on this day of M. */
  deadlineDay: integer('deadline_day').notNull().default(5),
});

export type WorkPlan = typeof workPlans.$inferSelect;
export type WorkPlanItem = typeof workPlanItems.$inferSelect;
