/**
 * The spreadsheet import (see main/services/import/): dry run, choices, commit and undo. Files cross the
 * contract as base64.
 */
import { z } from 'zod';
import type { ImportMapping } from '../../db/schema';
import { type Page, pagingSchema } from '../domain/paging';
import type { CommitOutcome, ImportProgress } from '../services/import/jobs';
import type { DuplicateItem } from '../services/import/plan-base';
import type { ImportReport } from '../services/import/report';
import type { ImportProblem } from '../services/import/types';
import type { BatchRow, UndoResult } from '../services/import/undo';
import { id, MB, method, none } from './method';

// Types the renderer needs that are part of an output, not a whole one (it imports them from here).
export type { JobPhase } from '../services/import/jobs';
export type { Choice, ChoiceDefaults, DuplicateItem, DuplicateKind } from '../services/import/plan-base';
export type { ImportProblem } from '../services/import/types';

/** About 150 MB of file: a 100,000-row xlsx is about 10 MB. */
const MAX_BASE64 = 200 * 1024 * 1024;

export const importJobIdSchema = z.object({ jobId: z.string().min(8).max(64) });

const importOptions = {
  /** Sheet name (xlsx); the first sheet with a header row when absent. */
  sheet: z.string().max(200).nullable().optional(),
  /** Row number of the header, as Excel shows it; found automatically when absent. */
  headerRow: z.number().int().min(1).max(1000).nullable().optional(),
  /** A saved mapping, by name. */
  mappingName: z.string().trim().max(100).nullable().optional(),
  /** field -> 0-based column index (null: not imported), as corrected by the user. */
  mapping: z.record(z.string(), z.number().int().min(0).max(16383).nullable()).nullable().optional(),
  /** Keys of the report's region suggestions to accept: every row with that value takes the suggested region. */
  acceptSuggestions: z.array(z.string().max(300)).max(5000).nullable().optional(),
};

export const importStartSchema = z.object({
  fileName: z.string().trim().min(1, 'Pilih berkas.').max(255),
  // An empty file passes through, so the reader can say what is wrong with it (FILE_EMPTY).
  fileBase64: z.string().max(MAX_BASE64, 'Berkas terlalu besar (maksimal sekitar 150 MB).'),
  ...importOptions,
});

export const importConfigureSchema = importJobIdSchema.extend(importOptions);

export const importReportSchema = importJobIdSchema.extend({
  /** How many problems and duplicates to include (the rest through import.problems / import.duplicates). */
  problems: z.number().int().min(0).max(1000).default(200),
  duplicates: z.number().int().min(0).max(1000).default(200),
});

export const importProblemsSchema = importJobIdSchema.extend(pagingSchema.shape).extend({
  severity: z.enum(['error', 'warning']).nullable().default(null),
  code: z.string().max(60).nullable().default(null),
});

export const importDuplicatesSchema = importJobIdSchema.extend(pagingSchema.shape).extend({
  kind: z.enum(['file', 'file_kk', 'db', 'db_fill', 'db_kk']).nullable().default(null),
});

const choice = z.enum(['add', 'update', 'skip']);

export const importChooseSchema = importJobIdSchema.extend({
  /** The choice for every duplicate of a kind; it replaces the row choices made before for that kind. */
  defaults: z
    .object({
      file: z.enum(['skip', 'update']),
      fileKk: z.enum(['add', 'skip']),
      db: z.enum(['update', 'skip']),
      dbFill: z.enum(['update', 'skip']),
      dbKk: z.enum(['update', 'add', 'skip']),
    })
    .partial()
    .optional(),
  /** Per duplicate: row number of the family -> choice. */
  overrides: z.record(z.string().regex(/^\d+$/), choice).optional(),
  /** Unknown pendamping (their key from the report) to create in the same transaction as the import. */
  createPendamping: z.array(z.string().max(200)).max(2000).optional(),
});

export const importCommitSchema = importJobIdSchema.extend({
  /** The planId of the report the user saw; commit refuses when the plan was replaced since. */
  planId: z.string().min(1),
});

/** Newest first. */
export const importBatchesSchema = pagingSchema.default({ page: 1, pageSize: 50 });

export const importUndoSchema = z.object({ batchId: z.number().int().positive() });

export const importSaveMappingSchema = z
  .object({
    name: z.string().trim().min(1, 'Beri nama pemetaan.').max(100, 'Nama pemetaan terlalu panjang.'),
    /** Save the mapping of this job's file... */
    jobId: z.string().min(8).max(64).optional(),
    /** ...or this one: field -> header text. */
    fields: z.record(z.string(), z.string().max(200)).optional(),
  })
  .refine((v) => v.jobId !== undefined || v.fields !== undefined, { message: 'Sebutkan pemetaan yang disimpan.' });

/** Every import method is the import duty's. */
const duty = 'imports.run' as const;

export const importContract = {
  /** Opens the file (refused at once when it is not a spreadsheet) and starts reading and checking it. */
  'import.start': method<{ jobId: string }>()(importStartSchema, { duty, maxBodyBytes: MAX_BASE64 + MB }),
  /** Poll: phase reading/checking/saving with done/total; status ready when the report is ready. */
  'import.progress': method<ImportProgress>()(importJobIdSchema, { duty }),
  'import.report': method<ImportReport>()(importReportSchema, { duty }),
  'import.problems': method<Page<ImportProblem>>()(importProblemsSchema, { duty }),
  'import.duplicates': method<Page<DuplicateItem>>()(importDuplicatesSchema, { duty }),
  /** Reads the same file again with another sheet, header row or mapping (poll import.progress). */
  'import.configure': method<{ jobId: string }>()(importConfigureSchema, { duty }),
  /** Choices for duplicates and unknown pendamping; returns the new report (with a new planId). */
  'import.choose': method<ImportReport>()(importChooseSchema, { duty }),
  /** Writes exactly the plan named by planId, all or nothing; resolves when done (poll progress meanwhile). */
  'import.commit': method<CommitOutcome>()(importCommitSchema, { duty, backupBefore: 'impor' }),
  'import.cancel': method<{ cancelled: boolean }>()(importJobIdSchema, { duty }),
  /** The problem rows as an xlsx (base64) with the status and problems of each row. */
  'import.problemsXlsx': method<{ fileName: string; base64: string; rows: number }>()(importJobIdSchema, {
    duty,
    file: 'logged',
  }),
  'import.batches': method<Page<BatchRow>>()(importBatchesSchema, { duty }),
  'import.undo': method<UndoResult>()(importUndoSchema, { duty }),
  'import.mappings': method<ImportMapping[]>()(none, { duty }),
  'import.saveMapping': method<ImportMapping>()(importSaveMappingSchema, { duty }),
  'import.deleteMapping': method<{ done: true }>()(id, { duty }),
} as const;
