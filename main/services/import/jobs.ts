/**
 * Import jobs: a file is read and checked in the background (progress, cancel), the resulting plan is kept
 * in memory with the file's hash until the user commits it, changes the mapping or choices, or leaves.
 * What the report showed is what commit writes: commit names the plan it was shown. The jobs live in the
 * app instance's store (job-store.ts), passed to every function here.
 */

import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { IMPORT_DUTIES } from '../../domain/duties';
import { AppError, type AppErrorData } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { IMPORT_FIELD_LABEL } from '../../domain/import-fields';
import { type Actor, requireRole } from '../actor';
import { getOffice } from '../setup';
import type { ImportOptions, Parsed, Preview } from './check';
import { readAndCheckInWorker } from './check-worker';
import { commitPlan, PlanChangedError } from './commit';
import type { ImportJobs } from './job-store';
import { mappingByHeader } from './mapping';
import { buildPlan } from './plan';
import {
  ALLOWED_CHOICES,
  type Choice,
  type ChoiceDefaults,
  type Choices,
  DEFAULT_CHOICES,
  DEFAULTS_KEY,
  type Plan,
} from './plan-base';
import { type FileKind, type OpenedFile, openFile } from './read';
import { type ImportReport, importReport } from './report';
import type { ImportProblem } from './types';
import { columnLetter } from './xlsx-reader';

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
  parsed: Parsed | null;
  plan: Plan | null;
  batchId: number | null;
  running: Promise<void>;
  touchedAt: number;
  sortedProblems: { planId: string; list: ImportProblem[] } | null;
  /** The first rows of the sheet as text, for choosing the header row. */
  preview: Preview;
}

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Impor dibatalkan. Tidak ada data yang disimpan.');
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

/** (Re)starts reading and checking the job's file; an earlier run of the job stops at its next chunk. */
function launch(job: ImportJob) {
  job.generation++;
  const generation = job.generation;
  Object.assign(job, {
    cancelRequested: false,
    status: 'running',
    phase: 'reading',
    done: 0,
    total: 0,
    error: null,
    plan: null,
    parsed: null,
    sortedProblems: null,
    preview: [],
  } satisfies Partial<ImportJob>);
  job.running = runCheck(job, generation).then(
    () => {
      if (job.generation !== generation) return;
      job.status = 'ready';
      job.done = job.total;
    },
    (error: unknown) => {
      if (job.generation !== generation) return;
      const data = toErrorData(error);
      job.status = data.code === 'CANCELLED' ? 'cancelled' : 'failed';
      job.error = data;
    },
  );
}

async function runCheck(job: ImportJob, generation: number): Promise<void> {
  const result = await readAndCheckInWorker({
    db: job.db,
    opened: job.opened,
    bytes: job.bytes,
    options: job.options,
    setTotal: (total) => {
      job.total = total;
    },
    onBytes: (done) => {
      job.done = done;
    },
    stale: () => job.generation !== generation,
    checkCancelled: () => {
      if (job.cancelRequested) throw cancelled();
    },
  });
  if (!result) return;
  job.preview = result.preview;
  job.phase = 'checking';
  job.done = 0;
  job.total = result.parsed.families.length;
  job.parsed = result.parsed;
  job.plan = await planFor(job, job.db.$client, false, generation);
}

function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  console.error('[impor] gagal:', error instanceof Error ? (error.stack ?? error.message) : error);
  return { code: 'INTERNAL', message: 'Terjadi kesalahan saat memeriksa berkas. Coba lagi atau hubungi admin.' };
}

/** Starts a job and waits until its report is ready (command line and tests). */
export async function checkImport(jobs: ImportJobs, db: Db, actor: Actor, input: StartInput): Promise<ImportJob> {
  const job = startImport(jobs, db, actor, input);
  await job.running;
  if (job.status !== 'ready')
    throw new AppError(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Pemeriksaan gagal.');
  return job;
}

/** Plans the job's families against the registry as it is on conn (inside commit's transaction: synchronous). */
async function planFor(
  job: ImportJob,
  conn: Database.Database,
  synchronous: boolean,
  generation = job.generation,
): Promise<Plan> {
  const parsed = job.parsed as Parsed;
  return buildPlan(parsed.families, {
    conn,
    choices: job.choices,
    today: job.options.today ?? new Date(),
    synchronous,
    columnOf: (field) => {
      const column = parsed.mapping[field];
      return column === undefined
        ? { header: IMPORT_FIELD_LABEL[field], column: '' }
        : { header: parsed.headers[column] || IMPORT_FIELD_LABEL[field], column: columnLetter(column) };
    },
    onProgress: (done, total) => {
      job.done = done;
      job.total = total;
      if (job.generation !== generation) throw cancelled();
      if (job.cancelRequested && job.status === 'running') throw cancelled();
    },
  });
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

export interface ChoicesInput {
  defaults?: Partial<ChoiceDefaults>;
  overrides?: Record<string, Choice>;
  createPendamping?: string[];
}

/** The overrides of the input that name no duplicate or a choice it does not allow, as field errors. */
function invalidOverrides(plan: Plan, overrides: Record<string, Choice>): Record<string, string> {
  const kinds = new Map(plan.duplicates.map((d) => [String(d.row), d.kind]));
  const invalid: Record<string, string> = {};
  for (const [row, choice] of Object.entries(overrides)) {
    const kind = kinds.get(row);
    if (!kind) invalid[`overrides.${row}`] = `Baris ${row} bukan data ganda yang perlu dipilih.`;
    else if (!ALLOWED_CHOICES[kind].includes(choice))
      invalid[`overrides.${row}`] = `Pilihan "${choice}" tidak berlaku untuk baris ${row}.`;
  }
  return invalid;
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
  const invalid = invalidOverrides(job.plan, input.overrides ?? {});
  if (Object.keys(invalid).length > 0)
    throw new AppError('INVALID_INPUT', 'Ada pilihan yang tidak berlaku.', { fields: invalid });
  const defaults = { ...job.choices.defaults, ...(input.defaults ?? {}) };
  // "Perbarui semua" means all: a choice for a kind replaces the row choices made before for that kind.
  const reset = new Set(Object.keys(input.defaults ?? {}));
  const kept = job.plan.duplicates.filter((d) => !reset.has(DEFAULTS_KEY[d.kind]));
  const earlier = Object.fromEntries(
    kept.flatMap((d) => {
      const choice = job.choices.overrides[String(d.row)];
      return choice ? [[String(d.row), choice]] : [];
    }),
  );
  const overrides = { ...earlier, ...(input.overrides ?? {}) };
  const known = new Set(job.plan.unknownPendamping.map((u) => u.key));
  const createPendamping = input.createPendamping
    ? input.createPendamping.map((name) => name.trim()).filter((key) => known.has(key))
    : job.choices.createPendamping;
  job.choices = { defaults, overrides, createPendamping };
  job.plan = await planFor(job, job.db.$client, false);
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
  const parsed = job.parsed as Parsed;
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
      replan: (conn) => planFor(job, conn, true),
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
