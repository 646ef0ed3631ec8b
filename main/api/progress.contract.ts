/** Graduation targets and progress (the home page's figures) and follow-up visits after graduation. */
import { z } from 'zod';
import type { FollowUpVisit, GraduationTarget } from '../../db/schema';
import { type Page, pagingSchema } from '../domain/paging';
import {
  graduationSettingsSchema,
  targetSchema,
  VISIT_LIST_KINDS,
  visitRecordSchema,
  yearSchema,
} from '../domain/progress';
import type { FirstStep } from '../services/first-steps';
import type { GraduationDashboard } from '../services/graduation/progress';
import type { GraduationSettingsView, YearTargets } from '../services/graduation/targets';
import type { VisitRow } from '../services/graduation/visits';
import { method, none } from './method';

export type { GraduationDashboard, KecamatanProgress, PendampingProgress } from '../services/graduation/progress';
export type { GraduationSettingsView, PendampingTarget } from '../services/graduation/targets';
export type { VisitRow } from '../services/graduation/visits';

/** The year's targets as the Target page shows them (kecamatan as an array: a Map does not cross the contract). */
export type TargetsView = Omit<YearTargets, 'kecamatan'>;

export const yearInputSchema = z.object({ year: yearSchema });
export const targetClearSchema = z.object({ year: yearSchema, pendampingId: z.number().int().positive().nullable() });
export const visitListSchema = pagingSchema.extend({
  kind: z.enum(VISIT_LIST_KINDS),
  pendampingId: z.number().int().positive().nullable().default(null),
});

export const progressContract = {
  'progress.dashboard': method<GraduationDashboard>()(yearInputSchema, { duty: 'progress.view' }),
  'progress.firstSteps': method<FirstStep[]>()(yearInputSchema, { duty: 'progress.view' }),
  'progress.targets': method<TargetsView>()(yearInputSchema, { duty: 'progress.view' }),
  'progress.setTarget': method<GraduationTarget>()(targetSchema, { duty: 'progress.targets' }),
  'progress.clearTarget': method<{ cleared: boolean }>()(targetClearSchema, { duty: 'progress.targets' }),
  'progress.settings': method<GraduationSettingsView>()(none, { duty: 'progress.view' }),
  'progress.updateSettings': method<GraduationSettingsView>()(graduationSettingsSchema, { duty: 'progress.targets' }),
  'visits.list': method<Page<VisitRow>>()(visitListSchema, { duty: 'visits.view' }),
  'visits.counts': method<{ bulan_ini: number; terlambat: number }>()(none, { duty: 'visits.view' }),
  'visits.record': method<FollowUpVisit>()(visitRecordSchema, { duty: 'visits.record' }),
} as const;
