/**
 * The pendamping's monthly work plan (rencana kerja bulanan): drafting it from the app's data, completing and
 * submitting it, the office's list of submissions, outcomes and "planned against done". Who may do what is
 * WORK_PLAN_DUTIES (main/domain/duties.ts); a pendamping account reaches its own plans only.
 */

import {
  itemAddSchema,
  itemUpdateSchema,
  outcomeSchema,
  planRefSchema,
  reopenSchema,
  submissionListSchema,
  workPlanSettingsSchema,
} from '../domain/workplan';
import type { PdfFile } from '../services/documents/types';
import type { WorkPlanAchievement } from '../services/workplan/achievement';
import type { WorkPlanSettings } from '../services/workplan/settings';
import type { SubmissionList } from '../services/workplan/submissions';
import type { WorkPlanView } from '../services/workplan/view';
import { id, method, none } from './method';

export type { SubmissionList, SubmissionListRow } from '../services/workplan/submissions';
export type { WorkPlanItemRow, WorkPlanView } from '../services/workplan/view';

type ItemSaved = { planId: number; itemId: number };

export const workPlanContract = {
  'workPlans.get': method<WorkPlanView>()(planRefSchema, { duty: 'workPlans.view' }),
  /**
   * "Susun draf": adds what the app knows of the month (P2K2 sessions, visits falling due, verification visits,
   * verifikasi komitmen); leftOut counts the drafted activities removed from the plan, not added again.
   */
  'workPlans.draft': method<WorkPlanView & { added: number; leftOut: number }>()(planRefSchema, {
    duty: 'workPlans.edit',
  }),
  'workPlans.addItem': method<ItemSaved>()(itemAddSchema, { duty: 'workPlans.edit' }),
  'workPlans.updateItem': method<ItemSaved>()(itemUpdateSchema, { duty: 'workPlans.edit' }),
  'workPlans.removeItem': method<ItemSaved>()(id, { duty: 'workPlans.edit' }),
  'workPlans.submit': method<{ id: number; late: boolean }>()(id, { duty: 'workPlans.edit' }),
  'workPlans.reopen': method<{ id: number }>()(reopenSchema, { duty: 'workPlans.reopen' }),
  'workPlans.markOutcome': method<ItemSaved>()(outcomeSchema, { duty: 'workPlans.edit' }),
  /** Direncanakan vs terlaksana of one pendamping's submitted plan of a month. */
  'workPlans.achievement': method<WorkPlanAchievement>()(planRefSchema, { duty: 'workPlans.view' }),
  'workPlans.submissions': method<SubmissionList>()(submissionListSchema, { duty: 'workPlans.monitor' }),
  'workPlans.pdf': method<PdfFile>()(planRefSchema, { duty: 'workPlans.view', file: 'logged' }),
  'workPlans.settings': method<WorkPlanSettings>()(none, { duty: 'workPlans.view' }),
  'workPlans.updateSettings': method<WorkPlanSettings>()(workPlanSettingsSchema, { duty: 'workPlans.settings' }),
} as const;
