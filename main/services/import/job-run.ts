/**
 * A job's background run: the file is read and checked in the long-jobs worker (check-worker.ts), then planned
 * against the registry on the main connection. A newer run of the same job (another sheet, mapping) or a cancel
 * ends the older one at its next chunk.
 */
import type Database from 'better-sqlite3';
import { AppError, type AppErrorData } from '../../domain/errors';
import { IMPORT_FIELD_LABEL } from '../../domain/import-fields';
import type { Parsed } from './check';
import { readAndCheckInWorker } from './check-worker';
import type { ImportJob } from './jobs';
import { buildPlan } from './plan';
import type { Plan } from './plan-base';
import { columnLetter } from './xlsx-reader';

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

/** Plans the job's families against the registry as it is on conn (inside commit's transaction: synchronous). */
export async function planFor(
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
