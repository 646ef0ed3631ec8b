/**
 * The main thread while long jobs run: the longest event-loop stall (perf_hooks' monitorEventLoopDelay)
 * while a 500-letter batch renders, a 100,000-family backup is verified and a 100,000-row file is checked,
 * all at once. With the work on the main thread every other call (progress polls, other users) waited up to
 * about 2.5 s; the long-jobs worker threads take it off.
 *
 *   bench: main_thread_stall_max_ms <ms> ms    target <= 50
 *   bench: main_thread_stall_<job>_ms <ms> ms  each job's longest single callback (batch, backup, import)
 *
 * Run alone with: npx tsx test/bench/main-thread.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function tsx(script: string, ...args: string[]): string {
  return execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(here, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export async function benchMainThread(letters = 500, families = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-utas-'));
  try {
    tsx('import-worker.ts', 'prepare', dir, String(families));
    const out = tsx('main-thread-worker.ts', dir, String(letters), String(families));
    const run = JSON.parse(out.trim().split('\n').pop() as string) as {
      stallMaxMs: number;
      stallP99Ms: number;
      stallByJobMs: Record<string, number>;
      seconds: number;
      documentsSeconds: number;
      backupSeconds: number;
      importSeconds: number;
    };
    console.log(
      `  (bersamaan ${run.seconds.toFixed(1)} s: dokumen ${run.documentsSeconds.toFixed(1)} s, cadangan ` +
        `${run.backupSeconds.toFixed(1)} s, pemeriksaan impor ${run.importSeconds.toFixed(1)} s; jeda p99 ${run.stallP99Ms.toFixed(1)} ms)`,
    );
    report('main_thread_stall_max_ms', run.stallMaxMs, 'ms', 1);
    for (const [job, ms] of Object.entries(run.stallByJobMs)) report(`main_thread_stall_${job}_ms`, ms, 'ms', 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchMainThread();
