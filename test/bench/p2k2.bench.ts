/**
 * P2K2 at office scale: 100,000 families in about 5,000 groups with a year of monthly meetings (about 1.2 million
 * attendance rows, test/support/p2k2-seed.ts). p2k2_report_kecamatan_p95 times the whole year's report per
 * kecamatan; p2k2_session_save saves a 30-family meeting through the recording service (median of corrections and
 * new meetings alternating).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import { p2k2ReportSchema } from '../../main/domain/p2k2-reports';
import { p2k2Report } from '../../main/services/p2k2-reports/report';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { seedP2k2Year } from '../support/p2k2-seed';
import { percentile, report, timeEach } from './stats';

const FAMILIES = 100_000;
const RUNS = 100;
const YEAR = 2026;

export async function benchP2k2(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    await ensureSyntheticOffice(db, '3375');
    seedSyntheticFamilies(db, { count: FAMILIES, seed: 42, pendampingCount: 400 });
    const started = process.hrtime.bigint();
    const seeded = seedP2k2Year(db, YEAR);
    report('p2k2_seed', Number(process.hrtime.bigint() - started) / 1e9, 's');
    report('p2k2_groups', seeded.groups, 'groups', 0);
    report('p2k2_attendance_rows', seeded.attendance, 'rows', 0);
    db.$client.exec('ANALYZE');
    const timed = (area: 'kecamatan' | 'desa' | 'pendamping' | 'kelompok', months: [number, number], runs: number) =>
      timeEach(
        Array.from({ length: runs }, () =>
          p2k2ReportSchema.parse({ year: YEAR, fromMonth: months[0], toMonth: months[1], area }),
        ),
        (input) => p2k2Report(db, input),
      );
    const kecamatan = timed('kecamatan', [1, 12], RUNS);
    report('p2k2_report_kecamatan_p95', percentile(kecamatan, 95), 'ms');
    report('p2k2_report_kecamatan_p50', percentile(kecamatan, 50), 'ms');
    report('p2k2_report_kecamatan_month_p50', percentile(timed('kecamatan', [3, 3], 30), 50), 'ms');
    report('p2k2_report_pendamping_p50', percentile(timed('pendamping', [1, 12], 20), 50), 'ms');
    report('p2k2_report_kelompok_p50', percentile(timed('kelompok', [1, 12], 10), 50), 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchP2k2();
