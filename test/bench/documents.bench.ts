/**
 * Benchmark of the wisuda batch: 500 surat keterangan graduasi issued (numbers, signatures,
 * register rows) and rendered into one PDF, each run in a fresh process.
 *
 *   bench: documents_500_pdf <s> s             median of 3 runs (target <= 5 s)
 *   bench: documents_500_peak_rss <MB> MB      highest peak resident memory of the runs (target <= 500 MB)
 *
 * Run alone with: npx tsx test/bench/documents.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, report } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const RUNS = 3;

interface Run {
  seconds: number;
  issued: number;
  pages: number;
  megabytes: number;
  peakRssMb: number;
}

function run(families: number): Run {
  const dir = mkdtempSync(join(tmpdir(), 'bench-dokumen-'));
  try {
    const out = execFileSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(here, 'documents-worker.ts'), dir, String(families)],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const result = JSON.parse(out.trim().split('\n').pop() as string) as Run;
    if (result.issued !== families || result.pages !== families) {
      throw new Error(`batch tidak lengkap: ${result.issued} dokumen, ${result.pages} halaman dari ${families}`);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDocuments(families = 500): Promise<void> {
  const runs = Array.from({ length: RUNS }, () => run(families));
  console.log(
    `  (dokumen: ${runs.map((r) => r.seconds.toFixed(2)).join(' / ')} s; PDF ${runs[0].megabytes.toFixed(1)} MB, ${runs[0].pages} halaman)`,
  );
  report(
    `documents_${families}_pdf`,
    percentile(
      runs.map((r) => r.seconds),
      50,
    ),
    's',
  );
  report(`documents_${families}_peak_rss`, Math.max(...runs.map((r) => r.peakRssMb)), 'MB', 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchDocuments(Number(process.argv[2] ?? 500));
