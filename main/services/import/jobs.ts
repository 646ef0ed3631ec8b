/**
 * Import jobs: a file is read and checked in the background (progress, cancel), the resulting plan is kept
 * in memory with the file's hash until the user commits it, changes the mapping or choices, or leaves.
 * What the report showed is what commit writes: commit names the plan it was shown. The jobs live in the
 * app instance's store (job-store.ts), passed to every function here. A job's background run (read, check,
 * plan) is in job-run.ts, the merging of the user's choices in job-choices.ts.
 */

import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/open';
import { IMPORT_DUTIES } from '../../domain/duties';
import { AppError, type AppErrorData } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { type Actor, requireRole } from '../actor';
import { getOffice } from '../setup';
import type { ImportOptions, Preview } from './check';
import type { CheckedFile } from './check-worker';
import { commitPlan, PlanChangedError } from './commit';
import { type ChoicesInput, choicesAfter } from './job-choices';
import { launch, planFor } from './job-run';
import type { ImportJobs } from './job-store';
import { mappingByHeader } from './mapping';
import { type Choices, DEFAULT_CHOICES, type Plan } from './plan-base';
import { type FileKind, type OpenedFile, openFile } from './read';
import { type ImportReport, importReport } from './report';
import type { ImportProblem } from './types';

export type { ImportOptions } from './check';

export type JobStatus = 'running' | 'ready' | 'saving' | 'done' | 'failed' | 'cancelled';

import type { ImportPhase as JobPhase } from '../../domain/job-phases';

export type { JobPhase };

export interface ImportProgress {
  jobId: string;
  status: JobStatus;
  phase: JobPhase;
  done: number;
  total: number;
  /** 0-100 over the current phase. */
  percent: number;
  error: AppErrorData | null;
  planId: string | null;
  batchId: number | null;
}

export interface StartInput extends ImportOptions {
  fileName: string;
  bytes: Buffer;
}

export interface ImportJob {
  id: string;
  db: Db;
  userId: number | null;
  fileName: string;
  bytes: Buffer;
  hash: string;
  kind: FileKind;
  opened: OpenedFile;
  options: ImportOptions;
  choices: Choices;
  status: JobStatus;
  phase: JobPhase;
  done: number;
  total: number;
  error: AppErrorData | null;
  generation: number;
  cancelRequested: boolean;
  parsed: CheckedFile | null;
  plan: Plan | null;
  batchId: number | null;
  running: Promise<void>;
  touchedAt: number;
  sortedProblems: { planId: string; list: ImportProblem[] } | null;
  /** The first rows of the sheet as text, for choosing the header row. */
  preview: Preview;
}

/** Opens the file (refusing what is not a spreadsheet at once) and starts reading and checking it. */
export function startImport(jobs: ImportJobs, db: Db, actor: Actor, input: StartInput): ImportJob {
  requireRole(actor, IMPORT_DUTIES.run);
  if (!getOffice(db)) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
  const opened = openFile(input.bytes);
  const { fileName, bytes, ...options } = input;
  const job: ImportJob = {
    id: randomBytes(12).toString('base64url'),
    db,
    userId: actor.id,
    fileName,
    bytes,
    hash: createHash('sha256').update(bytes).digest('hex'),
    kind: opened.kind,
    opened,
    options,
    choices: { defaults: { ...DEFAULT_CHOICES }, overrides: {}, createPendamping: [] },
    status: 'running',
    phase: 'reading',
    done: 0,
    total: 0,
    error: null,
    generation: 0,
    cancelRequested: false,
    parsed: null,
    plan: null,
    batchId: null,
    running: Promise.resolve(),
    touchedAt: Date.now(),
    sortedProblems: null,
    preview: [],
  };
  jobs.add(job);
  launch(job);
  return job;
}

/** Starts a job and waits until its report is ready (command line and tests). */
export async function checkImport(jobs: ImportJobs, db: Db, actor: Actor, input: StartInput): Promise<ImportJob> {
  const job = startImport(jobs, db, actor, input);
  await job.running;
  if (job.status !== 'ready')
    throw new AppError(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Pemeriksaan gagal.');
  return job;
}

export function importProgress(jobs: ImportJobs, actor: Actor, jobId: string): ImportProgress {
  const job = jobs.get(actor, jobId);
  const finished = job.status === 'ready' || job.status === 'done';
  return {
    jobId: job.id,
    status: job.status,
    phase: job.phase,
    done: job.done,
    total: job.total,
    percent: finished ? 100 : job.total > 0 ? Math.min(99, Math.floor((job.done / job.total) * 100)) : 0,
    error: job.error,
    planId: job.plan?.id ?? null,
    batchId: job.batchId,
  };
}

/** Cancels reading, checking or saving; saving rolls back. */
export function cancelImport(jobs: ImportJobs, actor: Actor, jobId: string): { cancelled: boolean } {
  const job = jobs.get(actor, jobId);
  if (job.status !== 'running' && job.status !== 'saving') return { cancelled: false };
  job.cancelRequested = true;
  return { cancelled: true };
}

/** Reads the file again with another sheet, header row, mapping or accepted region suggestions. */
export function configureImport(jobs: ImportJobs, actor: Actor, jobId: string, options: ImportOptions): ImportJob {
  const job = jobs.get(actor, jobId);
  if (job.status === 'saving' || job.status === 'done') {
    throw new AppError(
      'CONFLICT',
      'Impor ini sudah disimpan atau sedang disimpan; pilih berkasnya lagi untuk impor baru.',
    );
  }
  const next: ImportOptions = { ...job.options };
  if (options.sheet !== undefined) {
    next.sheet = options.sheet;
    // A mapping by column number belongs to the previous sheet.
    if (options.mapping === undefined) next.mapping = null;
    if (options.headerRow === undefined) next.headerRow = null;
  }
  if (options.headerRow !== undefined) next.headerRow = options.headerRow;
  if (options.mappingName !== undefined) {
    next.mappingName = options.mappingName;
    if (options.mapping === undefined) next.mapping = null;
  }
  if (options.mapping !== undefined) next.mapping = options.mapping;
  if (options.acceptSuggestions !== undefined) next.acceptSuggestions = options.acceptSuggestions;
  job.options = next;
  launch(job);
  return job;
}

/** Applies the user's choices for duplicates and unknown pendamping; returns the new report. */
export async function chooseImport(
  jobs: ImportJobs,
  actor: Actor,
  jobId: string,
  input: ChoicesInput,
): Promise<ImportReport> {
  const job = jobs.get(actor, jobId);
  if (job.status !== 'ready' || !job.parsed || !job.plan) {
    throw new AppError('CONFLICT', 'Pemeriksaan berkas belum selesai.');
  }
  job.choices = choicesAfter(job.plan, job.choices, input);
  job.plan = await planFor(job);
  job.sortedProblems = null;
  return importReport(jobs, actor, jobId);
}

export interface CommitOutcome {
  batchId: number | null;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  message: string;
}

function outcomeOf(plan: Plan, batchId: number | null, message: string): CommitOutcome {
  return {
    batchId,
    added: plan.counts.add,
    updated: plan.counts.update,
    unchanged: plan.counts.unchanged,
    skipped: plan.counts.skip + plan.counts.merged,
    errors: plan.counts.error,
    message,
  };
}

/** The job's plan, if it is the one named and may be written now; throws why not otherwise. */
function planToCommit(job: ImportJob, planId: string): Plan {
  if (job.status === 'done') throw new AppError('CONFLICT', `Impor ini sudah disimpan (impor #${job.batchId}).`);
  if (job.status !== 'ready' || !job.plan || !job.parsed)
    throw new AppError('CONFLICT', 'Pemeriksaan berkas belum selesai.');
  if (job.plan.id !== planId) {
    throw new AppError(
      'CONFLICT',
      'Laporan yang Anda lihat sudah diganti dengan pemeriksaan yang lebih baru. Periksa laporan terbaru, lalu simpan.',
    );
  }
  if (job.parsed.fatal) throw new AppError('INVALID_INPUT', job.parsed.fatal);
  return job.plan;
}

/** Writes the plan the user saw (named by planId), all or nothing. */
export async function commitImport(
  jobs: ImportJobs,
  db: Db,
  actor: Actor,
  jobId: string,
  planId: string,
  hooks: { afterChunk?: (done: number, total: number) => void } = {},
): Promise<CommitOutcome> {
  requireRole(actor, IMPORT_DUTIES.run);
  const job = jobs.get(actor, jobId);
  if (job.db !== db) throw new AppError('NOT_FOUND', 'Pekerjaan impor tidak ditemukan.');
  const plan = planToCommit(job, planId);
  const parsed = job.parsed as CheckedFile;
  if (plan.counts.add + plan.counts.update === 0 && plan.pendampingToCreate.length === 0) {
    return outcomeOf(
      plan,
      null,
      'Tidak ada data yang perlu disimpan: semua keluarga sudah terdaftar dengan data yang sama, dilewati, atau bermasalah.',
    );
  }
  Object.assign(job, { status: 'saving', phase: 'saving', done: 0, cancelRequested: false });
  job.total = plan.counts.add + plan.counts.update;
  try {
    const result = await commitPlan({
      db,
      actor,
      plan,
      fileName: job.fileName,
      fileHash: job.hash,
      sheet: parsed.sheet?.name ?? null,
      mapping: mappingByHeader(parsed.mapping, parsed.headers),
      rows: parsed.dataRows,
      replan: () => planFor(job),
      isCancelled: () => job.cancelRequested,
      onProgress: (done, total) => {
        job.done = done;
        job.total = total;
      },
      afterChunk: hooks.afterChunk,
    });
    Object.assign(job, { plan: result.plan, status: 'done', batchId: result.batchId });
    return outcomeOf(
      plan,
      result.batchId,
      `Impor #${result.batchId} tersimpan: ${formatNumber(result.counts.added)} KPM ditambah, ${formatNumber(result.counts.updated)} diperbarui.`,
    );
  } catch (error) {
    Object.assign(job, { status: 'ready', phase: 'checking', cancelRequested: false });
    if (error instanceof PlanChangedError) {
      job.plan = error.newPlan;
      job.sortedProblems = null;
    }
    throw error;
  }
}
