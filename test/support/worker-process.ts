/**
 * Two processes at the same moment (numbering, budget guard, a writer beside a backup): a test/support worker
 * script is started with its arguments, prints "ready" once it has opened the database, and prints its result
 * as the last JSON line. A worker either starts its whole run on one "go", or runs in rounds
 * (`runRounds` in rounds.ts): `inLockStep` starts round i in every worker at once and waits for all of them
 * to finish it before round i + 1, so the workers interleave by construction instead of by the scheduler's
 * grace (under load one process could otherwise finish its whole run before the other started).
 */

import { join } from 'node:path';
import { spawnTs } from './spawn-ts';

export interface Worker<T> {
  ready: Promise<void>;
  /** Starts a worker that runs on one "go". */
  go(): void;
  /** Starts the next round and resolves when the worker has finished it. */
  round(): Promise<void>;
  /** Tells a round-based worker that there are no more rounds: it prints its result and exits. */
  end(): void;
  result: Promise<T>;
}

export function startWorker<T>(script: string, args: string[], name: string): Worker<T> {
  const child = spawnTs(join('test/support', script), args);
  const lines: string[] = [];
  let partial = '';
  let err = '';
  let roundsDone = 0;
  const waiting: Array<{ round: number; done: () => void }> = [];
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  let isReady: () => void = () => {};
  const ready = new Promise<void>((ok) => {
    isReady = ok;
  });
  child.stdout.on('data', (c: Buffer) => {
    const parts = (partial + c.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line === 'ready') isReady();
      if (line !== 'done') continue;
      roundsDone++;
      for (const w of waiting.filter((x) => x.round <= roundsDone)) w.done();
    }
  });
  const result = new Promise<T>((ok, fail) =>
    child.on('exit', (code) =>
      code === 0 ? ok(JSON.parse(lines.at(-1) ?? 'null') as T) : fail(new Error(`worker ${name}: ${err}`)),
    ),
  );
  let roundsStarted = 0;
  return {
    ready,
    go: () => child.stdin.write('go\n'),
    round: () => {
      const round = ++roundsStarted;
      const finished = new Promise<void>((done) => waiting.push({ round, done }));
      child.stdin.write('go\n');
      return finished;
    },
    end: () => child.stdin.write('end\n'),
    result,
  };
}

/** Runs `rounds` rounds in every worker, each round started in all of them at once, then ends them. */
export async function inLockStep(workers: Worker<unknown>[], rounds: number): Promise<void> {
  await Promise.all(workers.map((w) => w.ready));
  for (let i = 0; i < rounds; i++) await Promise.all(workers.map((w) => w.round()));
  for (const w of workers) w.end();
}
