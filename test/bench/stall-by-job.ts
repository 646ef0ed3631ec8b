/**
 * Which job holds the main thread, for the main-thread stall bench: each job runs in its own async context,
 * and every callback the event loop runs (timers, immediates, I/O, worker messages, promise reactions) is
 * timed with async_hooks and charged to the job whose context it runs in. A job's figure is its longest single
 * callback: the longest it held the thread in one go. Callbacks of several jobs that run back to back in one
 * phase of the event loop stall it together, which only the overall maximum (monitorEventLoopDelay) shows.
 */
import { AsyncLocalStorage, createHook } from 'node:async_hooks';

export function stallByJob() {
  const context = new AsyncLocalStorage<string>();
  const longest = new Map<string, number>();
  let depth = 0;
  let started = 0;
  const hook = createHook({
    before() {
      if (depth++ === 0) started = performance.now();
    },
    after() {
      if (--depth > 0) return;
      const job = context.getStore();
      if (job) longest.set(job, Math.max(longest.get(job) ?? 0, performance.now() - started));
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
    /** The longest callback of each job, in ms. */
    stop(): Record<string, number> {
      hook.disable();
      return Object.fromEntries(longest);
    },
  };
}
