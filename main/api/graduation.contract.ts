/** Graduation, first steps: exit types, exits, candidates, the alamiah scan, timeline. */
import { z } from 'zod';
import type { ExitType, GraduationCandidate } from '../../db/schema';
import { CANDIDATE_KINDS, CANDIDATE_STAGES, MANDIRI_REASONS } from '../domain/graduation';
import { dateKey } from '../domain/komponen-rules';
import type { Page } from '../domain/paging';
import { pagingSchema } from '../domain/paging';
import { exitSchema } from '../domain/schemas';
import type { AlamiahScan } from '../services/graduation/alamiah';
import type { ListPreview } from '../services/graduation/candidate-import';
import type { CandidateRow } from '../services/graduation/candidates';
import type { FamilyTimeline } from '../services/graduation/timeline';
import { id, MB, method, none } from './method';

export type { AlamiahRow } from '../services/graduation/alamiah';
export type { ListProblem } from '../services/graduation/candidate-import';
export type { CandidateRow } from '../services/graduation/candidates';
export type { CandidacyTimeline } from '../services/graduation/timeline';

const exitTypeName = z
  .string()
  .trim()
  .min(1, 'Nama jenis keluar wajib diisi.')
  .max(100, 'Nama jenis keluar paling banyak 100 karakter.');

export const exitTypeUpdateSchema = z.object({
  id: z.number().int().positive(),
  name: exitTypeName.optional(),
  active: z.boolean().optional(),
});

const notes = z.string().trim().max(1000, 'Catatan paling banyak 1000 karakter.').default('');

export const mandiriCandidateSchema = z.object({
  kpmId: z.number().int().positive(),
  reasons: z.array(z.enum(MANDIRI_REASONS)).min(1, 'Pilih minimal satu alasan.'),
  notes,
});

export const withdrawSchema = z.object({
  ids: z.array(z.number().int().positive()).min(1, 'Pilih paling sedikit satu calon.').max(10_000),
  reason: z.string().trim().min(3, 'Tuliskan alasan pembatalan.').max(200, 'Alasan paling banyak 200 karakter.'),
});

const familyFilters = {
  pendampingId: z.number().int().positive().nullable().default(null),
  districtCode: z.string().nullable().default(null),
  villageCode: z.string().nullable().default(null),
  minYears: z.number().int().min(0).max(50).nullable().default(null),
};

export const candidateListSchema = z.object({
  ...familyFilters,
  ...pagingSchema.shape,
  kind: z.enum(CANDIDATE_KINDS).nullable().default(null),
  stage: z.enum(CANDIDATE_STAGES).nullable().default(null),
});

const onDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(dateKey(v)), 'Tanggal acuan tidak valid.');

const scanFilters = { ...familyFilters, onDate, maxKomponen: z.number().int().min(0).max(20).nullable().default(null) };

export const alamiahScanSchema = z.object({
  ...scanFilters,
  ...pagingSchema.shape,
  view: z.enum(['alamiah', 'berubah']).default('alamiah'),
});

export const alamiahAddSchema = z.object({
  ...scanFilters,
  kpmIds: z.union([z.literal('semua'), z.array(z.number().int().positive()).min(1, 'Pilih minimal satu keluarga.')]),
});

/** About 15 MB of file: a list of candidates is a few thousand rows at most. */
const MAX_BASE64 = 20_000_000;
export const candidateFileSchema = z.object({
  fileBase64: z.string().max(MAX_BASE64, 'Berkas terlalu besar (maksimal sekitar 15 MB).'),
});
const maxBodyBytes = MAX_BASE64 + MB;

export const graduationContract = {
  'graduation.exitTypes': method<ExitType[]>()(none, { duty: 'candidates.view' }),
  'graduation.exitTypeAdd': method<ExitType>()(z.object({ name: exitTypeName }), { duty: 'candidates.exitTypes' }),
  'graduation.exitTypeUpdate': method<ExitType>()(exitTypeUpdateSchema, { duty: 'candidates.exitTypes' }),
  'graduation.exit': method<{ done: true }>()(exitSchema, { duty: 'candidates.exit' }),
  'graduation.candidateAdd': method<GraduationCandidate>()(mandiriCandidateSchema, { duty: 'candidates.addOne' }),
  'graduation.candidateWithdraw': method<{ withdrawn: number }>()(withdrawSchema, { duty: 'candidates.edit' }),
  'graduation.candidates': method<Page<CandidateRow>>()(candidateListSchema, { duty: 'candidates.viewOwn' }),
  'graduation.alamiahScan': method<AlamiahScan>()(alamiahScanSchema, { duty: 'candidates.view' }),
  'graduation.alamiahAdd': method<{ added: number }>()(alamiahAddSchema, { duty: 'candidates.edit' }),
  'graduation.listPreview': method<ListPreview>()(candidateFileSchema, { duty: 'candidates.edit', maxBodyBytes }),
  'graduation.listCommit': method<{ added: number }>()(candidateFileSchema, { duty: 'candidates.edit', maxBodyBytes }),
  'graduation.timeline': method<FamilyTimeline>()(id, { duty: 'candidates.viewOwn' }),
} as const;
