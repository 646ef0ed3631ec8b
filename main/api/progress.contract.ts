/** Graduation targets and progress (the home page's figures) and follow-up visits after graduation. */
import { z } from 'zod';
import type { FollowUpVisit, GraduationTarget } from '../../db/schema';
import { ROLES } from '../domain/enums';
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
import { VISIT_ROLES, type VisitRow } from '../services/graduation/visits';
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
  'progress.dashboard': method<GraduationDashboard>()(yearInputSchema, { roles: ROLES }),
  'progress.firstSteps': method<FirstStep[]>()(yearInputSchema, { roles: ROLES }),
  'progress.targets': method<TargetsView>()(yearInputSchema, { roles: ROLES }),
  'progress.setTarget': method<GraduationTarget>()(targetSchema, { roles: ['admin'] }),
  'progress.clearTarget': method<{ cleared: boolean }>()(targetClearSchema, { roles: ['admin'] }),
  'progress.settings': method<GraduationSettingsView>()(none, { roles: ROLES }),
  'progress.updateSettings': method<GraduationSettingsView>()(graduationSettingsSchema, { roles: ['admin'] }),
  'visits.list': method<Page<VisitRow>>()(visitListSchema, { roles: ROLES }),
  'visits.counts': method<{ bulan_ini: number; terlambat: number }>()(none, { roles: ROLES }),
  'visits.record': method<FollowUpVisit>()(visitRecordSchema, { roles: VISIT_ROLES }),
} as const;
