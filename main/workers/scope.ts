/**
 * Which app instance's workers a long job runs in. The app instance (AppDatabase) runs each call, and its
 * backup schedule, inside its own scope, so a service deep in a call (a batch, a report, a restore) reaches
 * the instance's workers without every signature carrying them. Code outside any app instance (a benchmark,
 * a test calling a service directly) uses the process's shared workers, which never hold the process open
 * (an idle worker is unreferenced).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LongJobs } from './long-jobs';

const scope = new AsyncLocalStorage<LongJobs>();
let shared: LongJobs | null = null;

/** Runs fn (and everything it starts, timers and background jobs included) with these workers. */
export function withLongJobs<T>(jobs: LongJobs, fn: () => T): T {
  return scope.run(jobs, fn);
}

/** The workers of the app instance running this code, else the process's shared ones. */
export function currentLongJobs(): LongJobs {
  return scope.getStore() ?? sharedLongJobs();
}

/** The process's shared workers: for code outside an app instance, and for wrapped test databases. */
export function sharedLongJobs(): LongJobs {
  shared ??= new LongJobs();
  return shared;
}

/** Ends the shared workers (the command line, when it is done). */
export async function closeSharedLongJobs(): Promise<void> {
  const jobs = shared;
  shared = null;
  await jobs?.close();
}
