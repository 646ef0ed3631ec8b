/**
 * The home page's graduation figures at office scale: 100,000 families, 400 pendamping, 2,000 families graduated
 * by decisions this year (with their follow-up visits) and 3,000 candidates in the pipeline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, openDatabase } from '../../db/open';
import { todayIso } from '../../main/domain/format';
import { OPEN_STAGES } from '../../main/domain/graduation';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { graduationDashboard } from '../../main/services/graduation/progress';
import { visitCounts } from '../../main/services/graduation/visits';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { addCandidates, decideGraduations } from '../support/graduation';
import { cpuEach, percentile, report, timeEach } from './stats';

const FAMILIES = 100_000;
const RUNS = 200;

/**
 * The year's graduation work on a seeded registry (also the reports bench's): 2,000 graduations in 20 decisions of
 * 100 families with SK dates spread over the year so far (and their follow-up visits), 3,000 open candidates.
 */
export function seedGraduationYear(db: Db): { year: string; today: string } {
  const active = (
    db.$client.prepare("SELECT id FROM kpm WHERE status = 'aktif' ORDER BY id").all() as { id: number }[]
  ).map((r) => r.id);
  const today = todayIso();
  const year = today.slice(0, 4);
  // 2,000 graduations in 20 decisions of 100 families, SK dates spread over the year so far.
  const graduates = active.filter((_, i) => i % 40 === 0).slice(0, 2_000);
  for (let d = 0; d < 20; d++) {
    const month = String(1 + Math.floor((d * Number(today.slice(5, 7))) / 20)).padStart(2, '0');
    const skDate = `${year}-${month}-01` <= today ? `${year}-${month}-01` : today;
    decideGraduations(db, { kpmIds: graduates.slice(d * 100, (d + 1) * 100), skDate });
  }
  const waiting = active.filter((_, i) => i % 25 === 1).slice(0, 3_000);
  OPEN_STAGES.forEach((stage, s) => {
    addCandidates(db, waiting.slice(s * 1_000, (s + 1) * 1_000), stage);
  });
  return { year, today };
}

export async function benchGraduationDashboard(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42, pendampingCount: 400 });
    const { year, today } = seedGraduationYear(db);
    const open = (y: number) => {
      graduationDashboard(db, y);
      visitCounts(db, SYSTEM_ACTOR, today);
    };
    const samples = timeEach(
      Array.from({ length: RUNS }, () => Number(year)),
      open,
    );
    report('graduation_dashboard_p95', percentile(samples, 95), 'ms');
    report('graduation_dashboard_cpu_p50', percentile(cpuEach(Array(RUNS).fill(Number(year)), open), 50), 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchGraduationDashboard();
