/**
 * Stage 5 in the long-jobs worker: the plan (plan.ts) is built there on a read-only connection of its own, and
 * the main process gets it compact: counts and choices as they are, problems and duplicates in paced chunks,
 * the items as transferred buffers (plan-items.ts). Built on the main thread, the passes over 100,000 families
 * stalled it for about a second. The commit's writes stay on the main process's connection (commit.ts); a plan
 * built here takes its fingerprint before its first read, so a write landing meanwhile makes the commit plan
 * again (here, while the commit holds the write lock) and compare digests.
 */
import Database from 'better-sqlite3';
import { IMPORT_FIELD_LABEL, type ImportField } from '../../domain/import-fields';
import { currentLongJobs } from '../../workers/scope';
import type { Outcome, Paced, Post } from '../../workers/serve';
import type { Parsed } from './check';
import { buildPlan } from './plan';
import type { Choices, DuplicateItem, Plan, PlanContext } from './plan-base';
import { decodeFamilies, type EncodedItems, encodePlanned } from './plan-items';
import type { FamilyRecord, ImportProblem } from './types';
import { columnLetter } from './xlsx-reader';

/** What a plan needs besides the families: the user's choices, the day, where each field was read from. */
export interface PlanInput {
  choices: Choices;
  today: Date;
  mapping: Parsed['mapping'];
  headers: string[];
}

export interface ImportPlanPayload extends PlanInput {
  databaseFile: string;
  /** The file's families as encodePlanned gave them (copied: the main process keeps its own). */
  families: EncodedItems;
}

export type PlanProgress =
  | { planned: number; of: number }
  | { planProblems: ImportProblem[] }
  | { duplicates: DuplicateItem[] };

/** The plan as answered: problems and duplicates came ahead of it in chunks. */
export type SentPlan = Omit<Plan, 'problems' | 'duplicates'>;

/** Problems or duplicates per message: a few milliseconds of the main thread to read each. */
const CHUNK = 500;

export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function columnOf(input: PlanInput): PlanContext['columnOf'] {
  return (field: ImportField) => {
    const column = input.mapping[field];
    return column === undefined
      ? { header: IMPORT_FIELD_LABEL[field], column: '' }
      : { header: input.headers[column] || IMPORT_FIELD_LABEL[field], column: columnLetter(column) };
  };
}

/**
 * In the worker: plans the families and sends the plan's problems and duplicates ahead of it; with
 * withFamilies, the families come back encoded too. The list of families is given up (emptied): the plan's
 * items hold them, and encoding frees both chunk by chunk.
 */
export async function planAndSend(
  families: FamilyRecord[],
  conn: Database.Database,
  input: PlanInput,
  post: Post,
  paced: Paced,
  withFamilies = false,
): Promise<{ plan: SentPlan; families: ArrayBuffer[]; transfer: ArrayBuffer[] }> {
  const { items, problems, duplicates, ...rest } = await buildPlan(families, {
    conn,
    choices: input.choices,
    today: input.today,
    // No other work shares this thread: a cancel ends the thread instead.
    synchronous: true,
    columnOf: columnOf(input),
    onProgress: (planned, of) => post({ planned, of } satisfies PlanProgress),
  });
  families.length = 0;
  for (let i = 0; i < problems.length; i += CHUNK) await paced({ planProblems: problems.slice(i, i + CHUNK) });
  for (let i = 0; i < duplicates.length; i += CHUNK) await paced({ duplicates: duplicates.slice(i, i + CHUNK) });
  const encoded = encodePlanned(items, withFamilies);
  return {
    plan: { ...rest, items: encoded.items },
    families: encoded.families,
    transfer: [...encoded.items, ...encoded.families],
  };
}

/** In the worker: plans again the families of a checked file (the user's choices, or the registry, changed). */
export async function runImportPlan(payload: ImportPlanPayload, post: Post, paced: Paced): Promise<Outcome> {
  const conn = openReadOnly(payload.databaseFile);
  try {
    const { plan, transfer } = await planAndSend(decodeFamilies(payload.families), conn, payload, post, paced);
    return { value: plan, transfer };
  } finally {
    conn.close();
  }
}

/** In the main process: gathers a plan's chunks as they arrive, then the plan. */
export class PlanReceiver {
  private readonly problems: ImportProblem[] = [];
  private readonly duplicates: DuplicateItem[] = [];

  constructor(private readonly onPlanned?: (done: number, total: number) => void) {}

  /** Takes a progress message of the plan; false when it is not one. */
  take(progress: unknown): boolean {
    const p = progress as PlanProgress;
    if ('planned' in p) this.onPlanned?.(p.planned, p.of);
    else if ('planProblems' in p) this.problems.push(...p.planProblems);
    else if ('duplicates' in p) this.duplicates.push(...p.duplicates);
    else return false;
    return true;
  }

  plan(sent: SentPlan): Plan {
    return { ...sent, problems: this.problems, duplicates: this.duplicates };
  }
}

/** In the main process: plans the families of a checked file in the worker. */
export async function planInWorker(
  payload: ImportPlanPayload,
  options: { signal?: AbortSignal; onPlanned?: (done: number, total: number) => void } = {},
): Promise<Plan> {
  const receiver = new PlanReceiver(options.onPlanned);
  const sent = await currentLongJobs().run<SentPlan>('import-plan', payload, {
    signal: options.signal,
    onProgress: (progress) => receiver.take(progress),
  });
  return receiver.plan(sent);
}
