/**
 * The graduasi alamiah scan at office scale: 100,000 synthetic families, every member's komponen derived as of
 * one date and the candidates listed (the first page with names, and the totals). Median of several passes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { alamiahScanSchema } from '../../main/api/graduation.contract';
import { alamiahScan } from '../../main/services/graduation/alamiah';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { report } from './stats';

const FAMILIES = 100_000;
const PASSES = 5;

export async function benchGraduation(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42 });
    const input = alamiahScanSchema.parse({ onDate: '2026-11-30' });
    let listed = alamiahScan(db, input);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < PASSES; i++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      listed = alamiahScan(db, input);
      const used = process.cpuUsage(startCpu);
      times.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(PASSES / 2)];
    report('graduation_alamiah_scan_100k', median(times), 'ms');
    // CPU time of this process: steadier than wall time when other work shares the cores.
    report('graduation_alamiah_scan_100k_cpu', median(cpu), 'ms');
    if (listed.alamiahTotal === 0)
      throw new Error('benchmark data has no alamiah family: the scan did not run as meant');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
