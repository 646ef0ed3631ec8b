/** The monthly work plan (main/services/workplan); "today" is the app instance's clock. */
import { fileFilters } from '../domain/export-log';
import { todayIso } from '../domain/format';
import { logged } from '../services/exports/log';
import { workPlanAchievement } from '../services/workplan/achievement';
import { draftWorkPlan } from '../services/workplan/draft';
import { addWorkPlanItem, removeWorkPlanItem, updateWorkPlanItem } from '../services/workplan/items';
import { markWorkPlanOutcome } from '../services/workplan/outcome';
import { workPlanPdf } from '../services/workplan/pdf';
import { getWorkPlanSettings, updateWorkPlanSettings } from '../services/workplan/settings';
import { listSubmissions } from '../services/workplan/submissions';
import { reopenWorkPlan, submitWorkPlan } from '../services/workplan/submit';
import { getWorkPlan } from '../services/workplan/view';
import type { HandlersOf } from './handlers';
import type { workPlanContract } from './workplan.contract';

export const workPlanHandlers = {
  'workPlans.get': ({ db, actor, clock }, input) => getWorkPlan(db, actor, input, clock.now()),
  'workPlans.draft': ({ db, actor, clock }, input) => draftWorkPlan(db, actor, input, clock.now()),
  'workPlans.addItem': ({ db, actor, clock }, input) => addWorkPlanItem(db, actor, input, clock.now()),
  'workPlans.updateItem': ({ db, actor, clock }, input) => updateWorkPlanItem(db, actor, input, clock.now()),
  'workPlans.removeItem': ({ db, actor, clock }, input) => removeWorkPlanItem(db, actor, input.id, clock.now()),
  'workPlans.submit': ({ db, actor, clock }, input) => submitWorkPlan(db, actor, input.id, clock.now()),
  'workPlans.reopen': ({ db, actor, clock }, input) => reopenWorkPlan(db, actor, input, clock.now()),
  'workPlans.markOutcome': ({ db, actor, clock }, input) => markWorkPlanOutcome(db, actor, input, clock.now()),
  'workPlans.achievement': ({ db, actor }, input) => workPlanAchievement(db, actor, input),
  'workPlans.submissions': ({ db, actor, clock }, input) => listSubmissions(db, actor, input.month, clock.now()),
  'workPlans.pdf': async ({ db, actor, clock }, input) => {
    const file = await workPlanPdf(db, actor, input, clock.now(), todayIso(clock.now()));
    return logged(db, actor, file, {
      templateKey: 'workPlans.pdf',
      templateName: 'Rencana kerja bulanan',
      kind: 'work_plan',
      filters: fileFilters({ pendamping: input.pendampingId, bulan: input.month }),
      rows: file.pages,
      nikMode: 'none',
    });
  },
  'workPlans.settings': ({ db }) => getWorkPlanSettings(db),
  'workPlans.updateSettings': ({ db, actor }, input) => updateWorkPlanSettings(db, actor, input),
} satisfies HandlersOf<typeof workPlanContract>;
