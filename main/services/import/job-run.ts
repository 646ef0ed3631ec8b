/**
 * A job's background run: the file is read, checked and planned against the registry in the long-jobs worker
 * (check-worker.ts, plan-worker.ts). A newer run of the same job (another sheet, mapping) or a cancel
 * ends the older one's worker thread.
 */
import { AppError, type AppErrorData } from '../../domain/errors';
import { type CheckedFile, readAndCheckInWorker } from './check-worker';
import type { ImportJob } from './jobs';
import type { Plan } from './plan-base';
import { planInWorker } from './plan-worker';

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Impor dibatalkan. Tidak ada data yang disimpan.');
}

/** (Re)starts reading and checking the job's file; an earlier run of the job stops at its next chunk. */
export function launch(job: ImportJob) {
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
  const current = () => job.generation === generation;
  const result = await readAndCheckInWorker({
    db: job.db,
    opened: job.opened,
    bytes: job.bytes,
    options: job.options,
    choices: job.choices,
    setTotal: (total) => {
      if (current()) job.total = total;
    },
    onBytes: (done) => {
      if (current()) job.done = done;
    },
    onChecked: (families) => {
      if (current()) Object.assign(job, { phase: 'checking', done: 0, total: families });
    },
    onPlanned: (done, total) => {
      if (current()) Object.assign(job, { done, total });
    },
    stale: () => !current(),
    checkCancelled: () => {
      if (job.cancelRequested) throw cancelled();
    },
  });
  if (!result) return;
  job.preview = result.preview;
  job.parsed = result.parsed;
  job.plan = result.plan;
}

function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  console.error('[impor] gagal:', error instanceof Error ? (error.stack ?? error.message) : error);
  return { code: 'INTERNAL', message: 'Terjadi kesalahan saat memeriksa berkas. Coba lagi atau hubungi admin.' };
}

/**
 * Plans the job's checked families again, in the worker, against the registry as it is now: after the user's
 * choices changed, and in the commit (holding the write lock, so what the worker reads is what the commit
 * would write over).
 */
export function planFor(job: ImportJob): Promise<Plan> {
  const parsed = job.parsed as CheckedFile;
  return planInWorker({
    databaseFile: job.db.$client.name,
    families: parsed.families,
    choices: job.choices,
    today: job.options.today ?? new Date(),
    mapping: parsed.mapping,
    headers: parsed.headers,
  });
}
