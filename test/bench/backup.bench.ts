/**
 * A verified backup at office scale: 100,000 families (329,000 members, a 134 MB file)
 * copied with SQLite's online backup API, sealed and checked with `PRAGMA integrity_check`, flushed and
 * renamed (createBackup, rotation included). backup_100k is the median of five runs; the integrity check is
 * most of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import { createBackup } from '../../main/services/backup';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { percentile, report } from './stats';

const FAMILIES = 100_000;
const RUNS = 5;

export async function benchBackup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42, pendampingCount: 400 });
    const folder = join(dir, 'cadangan');
    const seconds: number[] = [];
    const cpuSeconds: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const info = await createBackup(db, folder, 'manual');
      seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
      const used = process.cpuUsage(cpu);
      cpuSeconds.push((used.user + used.system) / 1e6);
      rmSync(info.file);
    }
    report('backup_100k', percentile(seconds, 50), 's');
    // The same work in CPU time: what the backup costs when the machine is not shared (the wall time above
    // includes waiting for the CPU on a busy machine).
    report('backup_100k_cpu', percentile(cpuSeconds, 50), 's');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchBackup();
