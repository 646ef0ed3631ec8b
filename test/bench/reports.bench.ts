/**
 * The per-kecamatan report at office scale: 100,000 families, 400 pendamping, the year's
 * graduation work of the dashboard bench (2,000 decided graduations with their visits, 3,000 candidates) and the
 * 5,000 awards of the award-report bench. report_kecamatan_p95 times areaReport for the whole year per kecamatan;
 * the per-desa and per-pendamping reports are secondary figures (medians).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import type { ReportGroup } from '../../main/domain/reports';
import { areaReport } from '../../main/services/reports/area';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { seedAwards } from './awards-report.bench';
import { seedGraduationYear } from './graduation-dashboard.bench';
import { cpuEach, percentile, report, timeEach } from './stats';

const FAMILIES = 100_000;
const RUNS = 100;

export async function benchReports(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42, pendampingCount: 400 });
    const year = Number(seedGraduationYear(db).year);
    seedAwards(db, year);
    const inputs = (group: ReportGroup, runs: number) =>
      Array.from({ length: runs }, () => ({ year, fromMonth: 1, toMonth: 12, group }));
    const timed = (group: ReportGroup, runs: number) => timeEach(inputs(group, runs), (input) => areaReport(db, input));
    const kecamatan = timed('kecamatan', RUNS);
    report('report_kecamatan_p95', percentile(kecamatan, 95), 'ms');
    // the median beside it: on a busy machine the p95 is the other processes' as much as ours
    report('report_kecamatan_p50', percentile(kecamatan, 50), 'ms');
    const cpu = cpuEach(inputs('kecamatan', RUNS), (input) => areaReport(db, input));
    report('report_kecamatan_cpu_p50', percentile(cpu, 50), 'ms');
    report('report_desa_p50', percentile(timed('desa', 30), 50), 'ms');
    report('report_pendamping_p50', percentile(timed('pendamping', 30), 50), 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchReports();
