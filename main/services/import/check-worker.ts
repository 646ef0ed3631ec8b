/**
 * The import's read-and-check stage (check.ts) and its first plan (plan-worker.ts) in the long-jobs worker:
 * reading, checking and planning 100,000 rows took seconds of the main thread. The worker opens the database
 * read-only for what the checks and the plan look up; the commit and every write stay in the main process
 * (jobs.ts). The main process keeps the families as one transferred buffer, to plan them again in the worker
 * when the user's choices change, and never decodes them itself.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../../db/open';
import * as schema from '../../../db/schema';
import { currentLongJobs } from '../../workers/scope';
import type { Outcome, Paced, Post } from '../../workers/serve';
import { type CheckRun, type Parsed, type Preview, readAndCheck } from './check';
import type { Choices, Plan } from './plan-base';
import type { EncodedItems } from './plan-items';
import { openReadOnly, PlanReceiver, planAndSend, type SentPlan } from './plan-worker';
import { openFile } from './read';
import type { ImportProblem } from './types';

export interface ImportCheckPayload {
  databaseFile: string;
  bytes: Uint8Array;
  options: CheckRun['options'];
  choices: Choices;
}

/** A checked file as the main process keeps it: the families encoded (plan-items.ts), not as objects. */
export interface CheckedFile extends Omit<Parsed, 'families'> {
  families: EncodedItems;
  familyCount: number;
}

type CheckProgress = { total: number } | { done: number } | { checking: number } | { problems: ImportProblem[] };

type CheckAnswer = {
  parsed: Omit<CheckedFile, 'rowProblems'>;
  preview: Preview;
  plan: SentPlan;
};

/** Problems per message: a few milliseconds of the main thread to read each. */
const CHUNK = 500;
/** How often a cancel or a newer run (another sheet, mapping) is looked for. */
const WATCH_MS = 50;

/**
 * The file's bytes, taken out of the payload: the worker's copy (13 MB for 100,000 rows) is then held by the
 * reader alone and freed once the file is read, instead of living on through the plan, the heap's high point.
 */
function takeBytes(payload: ImportCheckPayload): Buffer {
  const { bytes } = payload;
  payload.bytes = new Uint8Array(0);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** In the worker: reads, checks and plans the file, posting progress, the problems in chunks, then the plan. */
export async function runImportCheck(payload: ImportCheckPayload, post: Post, paced: Paced): Promise<Outcome> {
  const sqlite = openReadOnly(payload.databaseFile);
  try {
    const db = drizzle(sqlite, { schema, casing: 'snake_case' }) as Db;
    const result = await readAndCheck({
      db,
      opened: openFile(takeBytes(payload)),
      options: payload.options,
      setTotal: (total) => post({ total } satisfies CheckProgress),
      onBytes: (done) => post({ done } satisfies CheckProgress),
      stale: () => false,
      checkCancelled: () => {},
    });
    if (!result) return { value: null };
    const { families, rowProblems, ...parsed } = result.parsed;
    const familyCount = families.length;
    post({ checking: familyCount } satisfies CheckProgress);
    for (let i = 0; i < rowProblems.length; i += CHUNK) await paced({ problems: rowProblems.slice(i, i + CHUNK) });
    const {
      plan,
      families: encoded,
      transfer,
    } = await planAndSend(
      families,
      sqlite,
      {
        choices: payload.choices,
        today: payload.options.today ?? new Date(),
        mapping: parsed.mapping,
        headers: parsed.headers,
      },
      post,
      paced,
      true,
    );
    const answer: CheckAnswer = {
      parsed: { ...parsed, families: encoded, familyCount },
      preview: result.preview,
      plan,
    };
    return { value: answer, transfer };
  } finally {
    sqlite.close();
  }
}

/** The job's side of a check run in the worker: CheckRun, and where the plan's progress goes. */
export interface WorkerCheckRun extends CheckRun {
  bytes: Uint8Array;
  choices: Choices;
  /** The file is read: its families are being planned. */
  onChecked(families: number): void;
  onPlanned(done: number, total: number): void;
}

/**
 * In the main process: the checked file and its plan (null when a newer run took over, the run's cancel error
 * when cancelled), with the work in the worker. A cancel or a newer run ends the worker at once.
 */
export async function readAndCheckInWorker(
  run: WorkerCheckRun,
): Promise<{ parsed: CheckedFile; preview: Preview; plan: Plan } | null> {
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
  const problems: ImportProblem[] = [];
  const receiver = new PlanReceiver(run.onPlanned);
  try {
    const payload: ImportCheckPayload = {
      databaseFile: run.db.$client.name,
      bytes: run.bytes,
      options: run.options,
      choices: run.choices,
    };
    const answer = await currentLongJobs().run<CheckAnswer | null>('import-check', payload, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (receiver.take(progress)) return;
        const p = progress as CheckProgress;
        if ('total' in p) run.setTotal(p.total);
        else if ('done' in p) run.onBytes(p.done);
        else if ('checking' in p) run.onChecked(p.checking);
        else problems.push(...p.problems);
      },
    });
    if (!answer || run.stale()) return null;
    return {
      parsed: { ...answer.parsed, rowProblems: problems },
      preview: answer.preview,
      plan: receiver.plan(answer.plan),
    };
  } catch (error) {
    if (run.stale()) return null;
    throw cancelError ?? error;
  } finally {
    clearInterval(watch);
  }
}
