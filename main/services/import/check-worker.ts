/**
 * The import's read-and-check stage (check.ts) in the long-jobs worker: reading and checking 100,000 rows
 * took seconds of the main thread. The worker opens the database read-only for what the checks look up
 * (regions, saved mappings); the plan, the commit and every write stay in the main process (jobs.ts).
 * Families and problems come back in chunks: one message of 100,000 families would stall the main thread
 * while it is read.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../../db/open';
import * as schema from '../../../db/schema';
import { currentLongJobs } from '../../workers/scope';
import { type CheckRun, type Parsed, type Preview, readAndCheck } from './check';
import { openFile } from './read';
import type { FamilyRecord, ImportProblem } from './types';

export interface ImportCheckPayload {
  databaseFile: string;
  bytes: Uint8Array;
  options: CheckRun['options'];
}

type CheckProgress =
  | { total: number }
  | { done: number }
  | { families: FamilyRecord[] }
  | { problems: ImportProblem[] };

type CheckAnswer = { parsed: Omit<Parsed, 'families' | 'rowProblems'>; preview: Preview };

/** Families (or problems) per message: a few milliseconds of the main thread to read each. */
const CHUNK = 500;
/** How often a cancel or a newer run (another sheet, mapping) is looked for. */
const WATCH_MS = 50;

/** In the worker: reads and checks the file, posting progress and then the families and problems in chunks. */
export async function runImportCheck(
  payload: ImportCheckPayload,
  post: (progress: CheckProgress) => void,
  paced: (progress: CheckProgress) => Promise<void>,
): Promise<CheckAnswer | null> {
  const sqlite = new Database(payload.databaseFile, { readonly: true, fileMustExist: true });
  try {
    const db = drizzle(sqlite, { schema, casing: 'snake_case' }) as Db;
    const bytes = Buffer.from(payload.bytes.buffer, payload.bytes.byteOffset, payload.bytes.byteLength);
    const result = await readAndCheck({
      db,
      opened: openFile(bytes),
      options: payload.options,
      setTotal: (total) => post({ total }),
      onBytes: (done) => post({ done }),
      stale: () => false,
      checkCancelled: () => {},
    });
    if (!result) return null;
    const { families, rowProblems, ...parsed } = result.parsed;
    for (let i = 0; i < families.length; i += CHUNK) await paced({ families: families.slice(i, i + CHUNK) });
    for (let i = 0; i < rowProblems.length; i += CHUNK) await paced({ problems: rowProblems.slice(i, i + CHUNK) });
    return { parsed, preview: result.preview };
  } finally {
    sqlite.close();
  }
}

/**
 * In the main process: readAndCheck's contract (null when a newer run took over, the run's cancel error when
 * cancelled), with the work in the worker. A cancel or a newer run ends the worker at once.
 */
export async function readAndCheckInWorker(
  run: CheckRun & { bytes: Uint8Array },
): Promise<{ parsed: Parsed; preview: Preview } | null> {
  const controller = new AbortController();
  let cancelError: unknown = null;
  const watch = setInterval(() => {
    if (run.stale()) return controller.abort();
    try {
      run.checkCancelled();
    } catch (error) {
      cancelError = error;
      controller.abort();
    }
  }, WATCH_MS);
  const families: FamilyRecord[] = [];
  const problems: ImportProblem[] = [];
  try {
    const payload: ImportCheckPayload = { databaseFile: run.db.$client.name, bytes: run.bytes, options: run.options };
    const answer = await currentLongJobs().run<CheckAnswer | null>('import-check', payload, {
      signal: controller.signal,
      onProgress: (progress) => {
        const p = progress as CheckProgress;
        if ('total' in p) run.setTotal(p.total);
        else if ('done' in p) run.onBytes(p.done);
        else if ('families' in p) families.push(...p.families);
        else problems.push(...p.problems);
      },
    });
    if (!answer || run.stale()) return null;
    return { parsed: { ...answer.parsed, families, rowProblems: problems }, preview: answer.preview };
  } catch (error) {
    if (run.stale()) return null;
    throw cancelError ?? error;
  } finally {
    clearInterval(watch);
  }
}
