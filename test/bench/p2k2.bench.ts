/**
 * P2K2 at office scale: 100,000 families in about 5,000 groups with a year of monthly meetings (about 1.2 million
 * attendance rows, test/support/p2k2-seed.ts). p2k2_report_kecamatan_p95 times the whole year's report per
 * kecamatan, the other report lines per pendamping, per kelompok (every group) and one pendamping's groups;
 * p2k2_session_save saves a 30-family meeting through the recording service (the median of 40 new meetings and 20
 * corrections).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, openDatabase } from '../../db/open';
import { meetingSaveSchema } from '../../main/domain/p2k2-forms';
import { p2k2ReportSchema } from '../../main/domain/p2k2-reports';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { saveMeeting } from '../../main/services/p2k2/meeting-save';
import { p2k2Report } from '../../main/services/p2k2-reports/report';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { seedP2k2Year } from '../support/p2k2-seed';
import { percentile, report, timeEach } from './stats';

const FAMILIES = 100_000;
const RUNS = 100;
/** Last year: every meeting, the seeded ones and those the save bench adds, lies in the past. */
const YEAR = new Date().getFullYear() - 1;

/**
 * Saves `n` meetings of a 30-family group through the recording service (new meetings, a day apart, topics in
 * turn; every family marked and rated) and returns the milliseconds each took.
 */
function sessionSaves(db: Db, n: number): number[] {
  const group = db.$client.prepare('SELECT id FROM p2k2_groups ORDER BY id LIMIT 1').pluck().get() as number;
  const members = db.$client
    .prepare('SELECT kpm_id FROM p2k2_group_members WHERE group_id = ? AND left_on IS NULL')
    .pluck()
    .all(group) as number[];
  // the group grows to 30 with families of another group (moves keep their history)
  const others = db.$client
    .prepare('SELECT kpm_id FROM p2k2_group_members WHERE group_id != ? AND left_on IS NULL LIMIT ?')
    .pluck()
    .all(group, 30 - members.length) as number[];
  for (const kpmId of others) {
    db.$client
      .prepare('UPDATE p2k2_group_members SET left_on = ? WHERE kpm_id = ? AND left_on IS NULL')
      .run(`${YEAR - 1}-12-31`, kpmId);
    db.$client
      .prepare('INSERT INTO p2k2_group_members (group_id, kpm_id, joined_on) VALUES (?, ?, ?)')
      .run(group, kpmId, `${YEAR - 1}-12-31`);
  }
  const families = [...members, ...others];
  const topics = db.$client
    .prepare('SELECT id FROM p2k2_topics ORDER BY module_id, sort_order')
    .pluck()
    .all() as number[];
  const inputs = Array.from({ length: n + 20 }, (_, i) =>
    meetingSaveSchema.parse({
      groupId: group,
      topicId: topics[i % topics.length],
      heldOn: new Date(Date.UTC(YEAR, 0, 2 + i)).toISOString().slice(0, 10),
      startTime: '09:00',
      endTime: '10:30',
      place: 'Balai desa',
      attendance: families.map((kpmId, j) => ({
        kpmId,
        status: j % 7 === 0 ? 'izin' : 'hadir',
        behaviourRating: 'baik',
        potentialRating: 'sangat_baik',
      })),
    }),
  );
  // timeEach saves the first inputs once as a warm-up: saved again, they are corrections of those meetings
  const saved = new Map<(typeof inputs)[number], number>();
  return timeEach(inputs, (input) => {
    const { id } = saveMeeting(db, SYSTEM_ACTOR, { ...input, id: saved.get(input) });
    saved.set(input, id);
  });
}

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
    type Area = 'kecamatan' | 'desa' | 'pendamping' | 'kelompok';
    const inputs = (area: Area, months: [number, number], runs: number, pendampingId?: number) =>
      Array.from({ length: runs }, () =>
        p2k2ReportSchema.parse({ year: YEAR, fromMonth: months[0], toMonth: months[1], area, pendampingId }),
      );
    const timed = (area: Area, months: [number, number], runs: number, pendampingId?: number) =>
      timeEach(inputs(area, months, runs, pendampingId), (input) => p2k2Report(db, input));
    // the CPU time beside it: on a loaded machine (seven engineers on two cores) the wall time is mostly waiting
    const cpu = (area: Area, runs: number) =>
      inputs(area, [1, 12], runs).map((input) => {
        const start = process.cpuUsage();
        p2k2Report(db, input);
        const used = process.cpuUsage(start);
        return (used.user + used.system) / 1000;
      });
    const kecamatan = timed('kecamatan', [1, 12], RUNS);
    report('p2k2_report_kecamatan_p95', percentile(kecamatan, 95), 'ms');
    report('p2k2_report_kecamatan_p50', percentile(kecamatan, 50), 'ms');
    report('p2k2_report_kecamatan_cpu_p50', percentile(cpu('kecamatan', 30), 50), 'ms');
    report('p2k2_report_kecamatan_month_p50', percentile(timed('kecamatan', [3, 3], 30), 50), 'ms');
    report('p2k2_report_pendamping_p50', percentile(timed('pendamping', [1, 12], 20), 50), 'ms');
    report('p2k2_report_pendamping_cpu_p50', percentile(cpu('pendamping', 20), 50), 'ms');
    // every group of the office, one row each (about 4,750): the summaries' 57,000 group-month rows summed in SQL
    report('p2k2_report_kelompok_p50', percentile(timed('kelompok', [1, 12], 10), 50), 'ms');
    report('p2k2_report_kelompok_cpu_p50', percentile(cpu('kelompok', 10), 50), 'ms');
    // one pendamping's groups, as their own report prints them (main/services/reports/pendamping.ts)
    const pendampingId = db.$client
      .prepare('SELECT pendamping_id FROM p2k2_groups WHERE pendamping_id IS NOT NULL ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    const ownGroups = timed('kelompok', [1, 12], 30, pendampingId);
    report('p2k2_report_kelompok_of_pendamping_p50', percentile(ownGroups, 50), 'ms');
    report('p2k2_session_save', percentile(sessionSaves(db, 40), 50), 'ms');
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchP2k2();
