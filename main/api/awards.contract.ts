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

const programRef = z.object({ programId: z.number().int().positive() });
const reportFilter = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  programId: z.number().int().positive().optional(),
});

export const awardsContract = {
  'awards.programs': method<ProgramSummary[]>()(z.object({ year: z.number().int().min(2000).max(2100).optional() }), {
    duty: 'awards.view',
  }),
  'awards.program': method<ProgramSummary>()(id, { duty: 'awards.view' }),
  'awards.saveProgram': method<AwardProgram>()(programSchema, { duty: 'awards.plan' }),
  'awards.items': method<AwardItem[]>()(none, { duty: 'awards.view' }),
  'awards.saveItem': method<AwardItem>()(catalogueItemSchema, { duty: 'awards.plan' }),
  /** Graduated families the programme may reward now (eligible type and date, not yet awarded). */
  'awards.eligible': method<Page<EligibleFamily>>()(
    pagingSchema.extend({ programId: z.number().int().positive(), q: z.string().trim().max(100).default('') }),
    { duty: 'awards.view' },
  ),
  'awards.plan': method<{ planned: number; total: number; remaining: number }>()(planAwardsSchema, {
    duty: 'awards.plan',
  }),
  'awards.list': method<Page<AwardRow>>()(
    pagingSchema.extend({
      programId: z.number().int().positive().optional(),
      stage: z.enum(AWARD_STAGES).optional(),
      q: z.string().trim().max(100).default(''),
    }),
    { duty: 'awards.view' },
  ),
  'awards.get': method<AwardDetail>()(id, { duty: 'awards.view' }),
  'awards.forFamily': method<AwardRow[]>()(z.object({ kpmId: z.number().int().positive() }), { duty: 'awards.view' }),
  'awards.approve': method<{ approved: number }>()(awardIdsSchema, { duty: 'awards.approve' }),
  'awards.cancel': method<AwardRow>()(cancelAwardSchema, { duty: 'awards.cancel' }),
  /** Handover: stage handed_over and one BAST per award, issued in the same transaction; returns the BASTs. */
  'awards.handover': method<{ handedOver: number; pdf: PdfFile }>()(handoverSchema, {
    duty: 'awards.handOver',
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
    { duty: 'documents.issue', file: 'logged' },
  ),
  'awards.correct': method<AwardRow>()(correctionSchema, { duty: 'awards.correct' }),
  'awards.report': method<AwardReport>()(reportFilter, { duty: 'awards.view' }),
  'awards.reportXlsx': method<{ fileName: string; base64: string; rows: number }>()(reportFilter, {
    duty: 'awards.view',
    file: 'logged',
  }),
  'awards.reportPdf': method<PdfFile>()(reportFilter, { duty: 'awards.view', file: 'logged' }),
  /** The year's budget use for the home page. */
  'awards.budgetUse': method<BudgetFigures & { programs: number }>()(
    z.object({ year: z.number().int().min(2000).max(2100) }),
    { duty: 'awards.view' },
  ),
} as const;
