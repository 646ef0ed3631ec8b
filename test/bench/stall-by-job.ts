/**
 * Which job holds the main thread, for the main-thread stall bench: each job runs in its own async context,
 * and every callback the event loop runs (timers, immediates, I/O, worker messages, promise reactions) is
 * timed with async_hooks and charged to the job whose context it runs in. Callbacks less than 1 ms apart are
 * one stretch without a pause of the event loop; a job's figure is the most time its callbacks took in one
 * stretch. The jobs' figures of one stretch add up to at most that stretch, which the overall maximum measures.
 */
import { AsyncLocalStorage, createHook } from 'node:async_hooks';

/** A pause shorter than this is no pause: the event loop had no time to answer anyone. */
const PAUSE_MS = 1;

export function stallByJob() {
  const context = new AsyncLocalStorage<string>();
  const longest = new Map<string, number>();
  let inStretch = new Map<string, number>();
  let depth = 0;
  let started = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;

  const closeStretch = () => {
    for (const [job, ms] of inStretch) longest.set(job, Math.max(longest.get(job) ?? 0, ms));
    inStretch = new Map();
  };
  const hook = createHook({
    before() {
      if (depth++ > 0) return;
      started = performance.now();
      if (started - lastEnd >= PAUSE_MS) closeStretch();
    },
    after() {
      if (--depth > 0) return;
      lastEnd = performance.now();
      const job = context.getStore();
      if (job) inStretch.set(job, (inStretch.get(job) ?? 0) + lastEnd - started);
    },
  });

  return {
    /** Runs work as the job `name`: everything it starts is charged to it. */
    run<T>(name: string, work: () => Promise<T>): Promise<T> {
      longest.set(name, longest.get(name) ?? 0);
      // the first await puts even the job's synchronous start in a callback of its own context
      return context.run(name, async () => {
        await Promise.resolve();
        return work();
      });
    },
    start: () => hook.enable(),
    /** The longest stretch of each job, in ms. */
    stop(): Record<string, number> {
      hook.disable();
      closeStretch();
      return Object.fromEntries(longest);
    },
  };
}
