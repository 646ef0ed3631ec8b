/**
 * Benchmark of the spreadsheet import: a 100,000-family xlsx (synthetic, shared strings and a title row, as
 * Excel writes it) imported into a set-up database, from the file on disk to the committed transaction.
 *
 *   bench: import_100k_xlsx <s> s          dry run + commit (target <= 5 s)
 *   bench: import_100k_peak_rss <MB> MB    peak resident memory of the importing process (target <= 400 MB)
 *   bench: import_vs_baseline <ratio> x    import time / (plain streaming read + plain prepared inserts) (target <= 2)
 *
 * Every step runs in its own child process (tsx test/bench/import-worker.ts), so each peak RSS is clean. The
 * import's worker thread runs the worker file bundled as the app ships it, not the sources through tsx.
 * Run alone with: npx tsx test/bench/import.bench.ts [families]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function step<T>(mode: string, dir: string, ...args: string[]): T {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, [join(here, 'import-worker.ts'), mode, dir, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as T;
}

export async function benchImport(families = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-impor-'));
  try {
    const prepared = step<{ bytes: number }>('prepare', dir, String(families));
    step('worker', dir);
    const label = families === 100_000 ? '100k' : `${Math.round(families / 1000)}k`;
    const imported = step<{
      seconds: number;
      checkSeconds: number;
      commitSeconds: number;
      peakRssMb: number;
      added: number;
      errors: number;
      problems: { error: number; warning: number };
    }>('import', dir);
    const baseline = step<{ seconds: number; readSeconds: number; insertSeconds: number; rows: number }>(
      'baseline',
      dir,
    );
    if (imported.added + imported.errors !== families) {
      throw new Error(`impor tidak lengkap: ${imported.added} ditambah, ${imported.errors} galat dari ${families}`);
    }
    console.log(
      `  (impor ${label}: berkas ${(prepared.bytes / 1024 / 1024).toFixed(1)} MB; pemeriksaan ${imported.checkSeconds.toFixed(2)} s, ` +
        `penyimpanan ${imported.commitSeconds.toFixed(2)} s; ${imported.added} ditambah, ${imported.problems.error} galat, ` +
        `${imported.problems.warning} peringatan; pembanding: baca ${baseline.readSeconds.toFixed(2)} s + insert ${baseline.insertSeconds.toFixed(2)} s)`,
    );
    report(`import_${label}_xlsx`, imported.seconds, 's');
    report(`import_${label}_peak_rss`, imported.peakRssMb, 'MB', 0);
    report('import_vs_baseline', imported.seconds / baseline.seconds, 'x');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchImport(process.argv[2] ? Number(process.argv[2]) : undefined).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
