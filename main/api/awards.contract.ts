/**
 * Awards for graduated families: programmes and budgets, the catalogue of goods, awards and their
 * stages, handover with a berita acara (BAST, printed with the documents machinery), and reports.
 */
import { z } from 'zod';
import type { AwardItem, AwardProgram } from '../../db/schema';
import {
  AWARD_STAGES,
  awardIdsSchema,
  cancelAwardSchema,
  catalogueItemSchema,
  correctionSchema,
  handoverSchema,
  planAwardsSchema,
  programSchema,
} from '../domain/awards';
import { ROLES } from '../domain/enums';
import { type Page, pagingSchema } from '../domain/paging';
import type {
  AwardDetail,
  AwardReport,
  AwardRow,
  BudgetFigures,
  EligibleFamily,
  ProgramSummary,
} from '../services/awards/types';
import type { PdfFile } from '../services/documents/types';
import { id, method, none } from './method';

export type { AwardItem, AwardProgram } from '../../db/schema';
export type * from '../services/awards/types';

/** Staff who plan awards and hand them over; approval is the pimpinan's (or admin's), never the planner's. */
const PLANNERS = ['admin', 'operator'] as const;
const APPROVERS = ['admin', 'pimpinan'] as const;
const programRef = z.object({ programId: z.number().int().positive() });
const reportFilter = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  programId: z.number().int().positive().optional(),
});

export const awardsContract = {
  'awards.programs': method<ProgramSummary[]>()(z.object({ year: z.number().int().min(2000).max(2100).optional() }), {
    roles: ROLES,
  }),
  'awards.program': method<ProgramSummary>()(id, { roles: ROLES }),
  'awards.saveProgram': method<AwardProgram>()(programSchema, { roles: PLANNERS }),
  'awards.items': method<AwardItem[]>()(none, { roles: ROLES }),
  'awards.saveItem': method<AwardItem>()(catalogueItemSchema, { roles: PLANNERS }),
  /** Graduated families the programme may reward now (eligible type and date, not yet awarded). */
  'awards.eligible': method<Page<EligibleFamily>>()(
    pagingSchema.extend({ programId: z.number().int().positive(), q: z.string().trim().max(100).default('') }),
    { roles: ROLES },
  ),
  'awards.plan': method<{ planned: number; total: number; remaining: number }>()(planAwardsSchema, { roles: PLANNERS }),
  'awards.list': method<Page<AwardRow>>()(
    pagingSchema.extend({
      programId: z.number().int().positive().optional(),
      stage: z.enum(AWARD_STAGES).optional(),
      q: z.string().trim().max(100).default(''),
    }),
    { roles: ROLES },
  ),
  'awards.get': method<AwardDetail>()(id, { roles: ROLES }),
  'awards.forFamily': method<AwardRow[]>()(z.object({ kpmId: z.number().int().positive() }), { roles: ROLES }),
  'awards.approve': method<{ approved: number }>()(awardIdsSchema, { roles: APPROVERS }),
  'awards.cancel': method<AwardRow>()(cancelAwardSchema, { roles: [...PLANNERS, 'pimpinan'] }),
  /** Handover: stage diserahkan and one BAST per award, issued in the same transaction; returns the BASTs. */
  'awards.handover': method<{ handedOver: number; pdf: PdfFile }>()(handoverSchema, {
    roles: PLANNERS,
    file: 'logged',
  }),
  /** The daftar penerima for a handover day: recipients with a signature column. */
  'awards.recipientsList': method<PdfFile>()(
    programRef.extend({
      handoverDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    { roles: [...PLANNERS, 'pimpinan'], file: 'logged' },
  ),
  'awards.correct': method<AwardRow>()(correctionSchema, { roles: APPROVERS }),
  'awards.report': method<AwardReport>()(reportFilter, { roles: ROLES }),
  'awards.reportXlsx': method<{ fileName: string; base64: string; rows: number }>()(reportFilter, {
    roles: ROLES,
    file: 'logged',
  }),
  'awards.reportPdf': method<PdfFile>()(reportFilter, { roles: ROLES, file: 'logged' }),
  /** The year's budget use for the home page. */
  'awards.budgetUse': method<BudgetFigures & { programs: number }>()(
    z.object({ year: z.number().int().min(2000).max(2100) }),
    { roles: ROLES },
  ),
} as const;
