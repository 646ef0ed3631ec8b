/**
 * Benchmark of the exports on 100,000 synthetic families: the registry exported one row per
 * family with the built-in registry template's 19 family columns (no member rows), as .xlsx. Each run is a
 * fresh process (test/bench/exports-worker.ts), the export and the plain write alternating.
 *
 *   bench: export_100k_xlsx <s> s          median of the export runs, from the call to the file's bytes, the log
 *                                          row and its sha256 included (target <= 4 s)
 *   bench: export_vs_plain <ratio> x       median export / median plain ExcelJS streaming write of the same rows
 *                                          and columns read by the same SQL (target <= 1.3)
 *   bench: export_100k_peak_rss <MB> MB    highest peak resident memory of the export processes (target <= 300 MB)
 *   bench: export_100k_xlsx_cpu <s> s      median CPU seconds of the export processes' runs (user + system, the
 *                                          compression threads included): on a machine shared with other work the
 *                                          wall clock is theirs as much as ours
 *
 * Run alone with: npx tsx test/bench/exports.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { percentile, report } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const FAMILIES = 100_000;
const RUNS = 3;

interface Run {
  mode: string;
  seconds: number;
  cpuSeconds: number;
  rows: number;
  bytes: number;
  peakRssMb: number;
}

function run(file: string, mode: 'export' | 'plain'): Run {
  const out = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(here, 'exports-worker.ts'), file, mode], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(out.trim().split('\n').pop() as string) as Run;
  if (result.rows !== FAMILIES) throw new Error(`${mode}: ${result.rows} baris dari ${FAMILIES}`);
  return result;
}

export async function benchExports(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-ekspor-'));
  const file = join(dir, 'bench.db');
  try {
    const db = openDatabase(file);
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42 });
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    const exports: Run[] = [];
    const plains: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      exports.push(run(file, 'export'));
      plains.push(run(file, 'plain'));
    }
    const median = (runs: Run[], key: 'seconds' | 'cpuSeconds' = 'seconds') =>
      percentile(
        runs.map((r) => r[key]),
        50,
      );
    console.log(
      `  (ekspor: ${exports.map((r) => r.seconds.toFixed(2)).join(' / ')} s, ${(exports[0].bytes / 1024 / 1024).toFixed(1)} MB; ` +
        `polos: ${plains.map((r) => r.seconds.toFixed(2)).join(' / ')} s, ${(plains[0].bytes / 1024 / 1024).toFixed(1)} MB, ` +
        `RSS polos ${Math.max(...plains.map((r) => r.peakRssMb)).toFixed(0)} MB)`,
    );
    report('export_100k_xlsx', median(exports), 's');
    report('export_vs_plain', median(exports) / median(plains), 'x');
    report('export_100k_peak_rss', Math.max(...exports.map((r) => r.peakRssMb)), 'MB', 0);
    console.log(
      `  (CPU: ekspor ${median(exports, 'cpuSeconds').toFixed(2)} s, polos ${median(plains, 'cpuSeconds').toFixed(2)} s)`,
    );
    report('export_100k_xlsx_cpu', median(exports, 'cpuSeconds'), 's');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchExports();
