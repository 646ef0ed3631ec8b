import { firstSteps } from '../services/first-steps';
import { graduationDashboard } from '../services/graduation/progress';
import {
  clearTarget,
  getGraduationSettings,
  setTarget,
  updateGraduationSettings,
  yearTargets,
} from '../services/graduation/targets';
import { listVisits, recordVisit, visitCounts } from '../services/graduation/visits';
import type { HandlersOf } from './handlers';
import type { progressContract } from './progress.contract';

export const progressHandlers = {
  'progress.dashboard': ({ db }, input) => graduationDashboard(db, input.year),
  'progress.firstSteps': ({ db }, input) => firstSteps(db, input.year),
  'progress.targets': ({ db }, input) => {
    const { kecamatan: _, ...view } = yearTargets(db, input.year);
    return view;
  },
  'progress.setTarget': ({ db, actor }, input) => setTarget(db, actor, input),
  'progress.clearTarget': ({ db, actor }, input) => clearTarget(db, actor, input),
  'progress.settings': ({ db }) => getGraduationSettings(db),
  'progress.updateSettings': ({ db, actor }, input) => updateGraduationSettings(db, actor, input),
  'visits.list': ({ db, actor }, input) => listVisits(db, actor, input),
  'visits.counts': ({ db, actor }) => visitCounts(db, actor),
  'visits.record': ({ db, actor }, input) => recordVisit(db, actor, input),
} satisfies HandlersOf<typeof progressContract>;
