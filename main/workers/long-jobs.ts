/**
 * The worker threads of one app instance for the work that would stall the main process: PDF layout, SQLite's
 * integrity check, reading and checking an import file. The main thread answers every user (and, with several
 * PCs, every PC); a 500-letter batch laid out on it stalled every other call for 2-3 s. Numbering, snapshots,
 * audit and every write stay in the main process; only the heavy, side-effect-free part runs here.
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { fontFolder } from '../documents/font-files';
import { AppError } from '../domain/errors';
import { LONG_JOB_LABEL, type LongJobAnswer, type LongJobKind, type LongJobProgress, WORKER_FILE } from './messages';

export interface LongJobOptions {
  /** Progress and data sent ahead of the answer (import families in chunks), in the order sent. */
  onProgress?: (progress: unknown) => void;
  /** Aborting ends the worker thread at once (a synchronous layout cannot be interrupted otherwise). */
  signal?: AbortSignal;
  /** The message of the AppError('CANCELLED') an abort gives. */
  cancelMessage?: string;
}

export interface LongJobsOptions {
  /** Two at most: the machines have two cores, and the main process needs one (the import has one of its own). */
  threads?: number;
  /** One worker file for every kind (tests of a crash); else each kind's own (messages.ts). */
  entry?: { filename: string; execArgv?: string[] };
}

/** A worker left idle this long ends (pdfmake and its fonts hold about 100 MB); the next job starts one. */
const IDLE_MS = 60_000;
/**
 * The import's worker ends as soon as it is idle: after checking and planning 100,000 rows its heap keeps its
 * high-water mark, which the commit on the main thread then added to (the process fell from 537 to 257 MB
 * when that worker ended). An import job's answer also waits for the worker to end when no other import job
 * is running (endIdleImports): left to the idle timer, the thread was still there when a commit began at once.
 */
const IMPORT_IDLE_MS = 0;

export class LongJobs {
  private pool: Piscina | null = null;
  private importPool: Piscina | null = null;
  private closed = false;
  private nextId = 1;
  /** Import jobs started and not yet answered. */
  private importRuns = 0;

  constructor(private readonly options: LongJobsOptions = {}) {}

  /** Runs one job in a worker; the answer's bytes arrive transferred. */
  async run<T>(kind: LongJobKind, payload: unknown, options: LongJobOptions = {}): Promise<T> {
    if (this.closed) {
      throw new AppError('INTERNAL', `${LONG_JOB_LABEL[kind]} tidak dapat dimulai: aplikasi sedang ditutup.`);
    }
    const id = this.nextId++;
    const importing = WORKER_FILE[kind] === 'import';
    if (importing) this.importRuns++;
    const { port1, port2 } = new MessageChannel();
    // One port carries progress and then the answer, so nothing of a job arrives after its answer.
    const answered = new Promise<LongJobAnswer>((resolve) => {
      port1.on('message', (message: LongJobProgress | LongJobAnswer) => {
        if (!('progress' in message)) return resolve(message);
        options.onProgress?.(message.progress);
        // Node reads every queued message of a port in one turn: a worker sending 100,000 families at once
        // stalled this thread for seconds, so the next chunk waits until this thread has turned once.
        if (message.paced) setImmediate(() => port1.postMessage({ id, ack: true }));
      });
    });
    try {
      await this.started(kind).run(
        { id, kind, payload, port: port2 },
        {
          filename: this.options.entry?.filename ?? workerFile(kind),
          transferList: [port2],
          signal: options.signal ?? null,
        },
      );
      const answer = await answered;
      if (!answer.done) throw new AppError(answer.error.code, answer.error.message, answer.error);
      return (answer.bytes ? { ...(answer.value as object), bytes: Buffer.from(answer.bytes) } : answer.value) as T;
    } catch (error) {
      throw jobError(kind, error, options);
    } finally {
      port1.close();
      if (importing) await this.endIdleImports();
    }
  }

  /** Ends the import's worker once no import job runs, so that its heap is returned before a commit begins. */
  private async endIdleImports(): Promise<void> {
    this.importRuns--;
    if (this.importRuns > 0 || !this.importPool) return;
    const pool = this.importPool;
    this.importPool = null;
    // The answer is in: a failure to end the thread must not fail it.
    await pool.destroy().catch(() => {});
  }

  /** Whether a worker pool is running (started by the first job, ended by close). */
  get running(): boolean {
    return this.pool !== null || this.importPool !== null;
  }

  /** Ends the workers (a running job fails); the app instance calls it when it closes. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [this.pool, this.importPool];
    this.pool = null;
    this.importPool = null;
    await Promise.all(pools.map((pool) => pool?.destroy()));
  }

  private started(kind: LongJobKind): Piscina {
    if (WORKER_FILE[kind] === 'import') {
      this.importPool ??= this.newPool(1, IMPORT_IDLE_MS);
      return this.importPool;
    }
    this.pool ??= this.newPool(this.options.threads ?? 2, IDLE_MS);
    return this.pool;
  }

  private newPool(maxThreads: number, idleTimeout: number): Piscina {
    return new Piscina({
      execArgv: this.options.entry ? this.options.entry.execArgv : workerExecArgv(),
      minThreads: 0,
      maxThreads,
      idleTimeout,
      // Message passing only: a worker blocked in Atomics.wait between jobs could not end its idle handles.
      atomics: 'disabled',
      workerData: { fontFolder: fontFolder() },
    });
  }
}

function jobError(kind: LongJobKind, error: unknown, options: LongJobOptions): AppError {
  if (error instanceof AppError) return error;
  if (options.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return new AppError('CANCELLED', options.cancelMessage ?? `${LONG_JOB_LABEL[kind]} dibatalkan.`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`[pekerja] ${kind} gagal: ${detail}`);
  return new AppError(
    'INTERNAL',
    `${LONG_JOB_LABEL[kind]} berhenti tiba-tiba (proses latar belakang gagal). Tidak ada data yang berubah; ` +
      'coba lagi. Bila terulang, hubungi admin.',
  );
}

const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * The worker file of a kind: in the built app beside main/index.js (this code may sit in its chunk folder);
 * from source (tsx, vitest) the .ts entry, run through tsx's loader in the worker thread (workerExecArgv).
 */
export function workerFile(kind: LongJobKind): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const name = WORKER_FILE[kind];
  if (fromSource) return join(here, `${name}-entry.ts`);
  const built = [join(here, `long-jobs-${name}.js`), join(here, '..', `long-jobs-${name}.js`)];
  const found = built.find((file) => existsSync(file));
  if (!found) throw new AppError('INTERNAL', `Berkas pekerja latar belakang (long-jobs-${name}.js) tidak ditemukan.`);
  return found;
}

function workerExecArgv(): string[] | undefined {
  if (!fromSource) return undefined;
  return ['--import', import.meta.resolve('tsx')];
}
