/**
 * P2K2 reports on a real SQLite file: per kelompok, desa, kecamatan and pendamping, each figure against an
 * independent count of the same rows (planned, held, attendance rate, families never attending, ratings), and the
 * period filter (a month against the year).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/open';
import { RATINGS } from '../../main/domain/p2k2';
import { meetingSaveSchema } from '../../main/domain/p2k2-forms';
import { type P2k2ReportInput, p2k2ReportSchema } from '../../main/domain/p2k2-reports';
import type { Actor } from '../../main/services/actor';
import { saveMeeting } from '../../main/services/p2k2/meeting-save';
import { p2k2Report } from '../../main/services/p2k2-reports/report';
import { addFamilies, addPendamping } from '../support/graduation';
import { addGroup, addMeeting, addPlan, type Mark, topicId } from '../support/p2k2-rows';
import { setUpOffice } from './helpers';

const BARAT = '337501';
const TIMUR = '337502';
let db: Db;
let admin: Actor;
let rina: number;
let dedi: number;
const STATUSES = ['hadir', 'izin', 'sakit', 'alfa', null] as const;

const report = (input: Partial<P2k2ReportInput> & { area: P2k2ReportInput['area'] }) =>
  p2k2Report(db, p2k2ReportSchema.parse({ year: 2026, ...input }));
const count = (sql: string, ...params: (string | number)[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const villageOf = (kpmId: number) => count('SELECT village_code FROM kpm WHERE id = ?', kpmId) as unknown as string;

/** A deterministic spread of marks and ratings: family i at meeting j. */
function marksFor(kpmIds: number[], j: number): Mark[] {
  return kpmIds.map((kpmId, i) => {
    const status = i < 2 ? (j % 2 === 0 ? 'alfa' : 'izin') : STATUSES[(i + j) % STATUSES.length];
    const rated = status === 'hadir';
    return {
      kpmId,
      status,
      behaviour: rated ? RATINGS[(i + j) % 4] : null,
      potential: rated ? RATINGS[(i * 3 + j) % 4] : null,
    };
  });
}

beforeAll(async () => {
  ({ db, admin } = await setUpOffice());
  rina = addPendamping(db, 'RINA SETIAWATI', [BARAT]);
  dedi = addPendamping(db, 'DEDI KURNIAWAN', [TIMUR]);
  const barat = addFamilies(db, { count: 24, pendampingId: rina, districtCode: BARAT });
  const timur = addFamilies(db, { count: 12, pendampingId: dedi, districtCode: TIMUR });
  const groups = [
    addGroup(db, { name: 'MAWAR', villageCode: villageOf(barat[0]), pendampingId: rina, kpmIds: barat.slice(0, 12) }),
    addGroup(db, { name: 'MELATI', villageCode: villageOf(barat[0]), pendampingId: rina, kpmIds: barat.slice(12) }),
    addGroup(db, { name: 'ANGGREK', villageCode: villageOf(timur[0]), pendampingId: dedi, kpmIds: timur }),
  ];
  const members = [barat.slice(0, 12), barat.slice(12), timur];
  const topics = ['Mengelola Keuangan Keluarga', 'Cermat Meminjam dan Menabung', 'Memulai Usaha'].map((n) =>
    topicId(db, n),
  );
  groups.forEach((groupId, g) => {
    topics.forEach((topic, t) => {
      addPlan(db, groupId, topic, `2026-0${t + 2 + g}-10`);
    });
    // meetings in February to May, the last group's May meeting left out; one in 2025 that the year leaves out
    for (let month = 2; month <= (g === 2 ? 4 : 5); month++) {
      addMeeting(
        db,
        { groupId, topicId: topics[month % 3], heldOn: `2026-0${month}-1${g}` },
        marksFor(members[g], month + g),
      );
    }
    addMeeting(db, { groupId, topicId: topics[0], heldOn: '2025-12-20' }, marksFor(members[g], 9));
  });
});

/** The independent counts of one area's meetings of 2026, by a condition on the group (g). */
function expected(where: string, from = '2026-01-01', to = '2026-12-31') {
  const rows = `FROM p2k2_attendance a JOIN p2k2_meetings m ON m.id = a.meeting_id JOIN p2k2_groups g ON g.id = m.group_id
                WHERE m.held_on BETWEEN '${from}' AND '${to}' AND ${where}`;
  const hadir = count(`SELECT count(*) ${rows} AND a.status = 'hadir'`);
  const marked = count(`SELECT count(*) ${rows} AND a.status IS NOT NULL`);
  return {
    planned: count(
      `SELECT count(*) FROM p2k2_plans p JOIN p2k2_groups g ON g.id = p.group_id WHERE p.planned_on BETWEEN '${from}' AND '${to}' AND ${where}`,
    ),
    held: count(
      `SELECT count(*) FROM p2k2_meetings m JOIN p2k2_groups g ON g.id = m.group_id WHERE m.held_on BETWEEN '${from}' AND '${to}' AND ${where}`,
    ),
    marked,
    hadir,
    rate: marked === 0 ? null : Math.round((hadir / marked) * 1000) / 10,
    // a family counts once per group where it was marked and never HADIR (a family that moved, in each group)
    neverAttending: count(
      `SELECT count(*) FROM (SELECT DISTINCT a.kpm_id, m.group_id ${rows} AND a.status IS NOT NULL) x
       WHERE NOT EXISTS (SELECT 1 ${rows} AND a.status = 'hadir' AND a.kpm_id = x.kpm_id AND m.group_id = x.group_id)`,
    ),
    behaviourBaik: count(`SELECT count(*) ${rows} AND a.behaviour_rating = 'baik'`),
    potentialKurang: count(`SELECT count(*) ${rows} AND a.potential_rating = 'kurang'`),
  };
}

function figures(row: ReturnType<typeof report>['rows'][number]) {
  const { planned, held, marked, hadir, rate, neverAttending } = row;
  return {
    planned,
    held,
    marked,
    hadir,
    rate,
    neverAttending,
    behaviourBaik: row.behaviour.baik,
    potentialKurang: row.potential.kurang,
  };
}

describe('P2K2 report figures', () => {
  it('per kecamatan matches independent counts, the total adds up', () => {
    const r = report({ area: 'kecamatan' });
    expect(r.rows.map((row) => row.key).sort()).toEqual([BARAT, TIMUR]);
    for (const row of r.rows) expect(figures(row)).toEqual(expected(`substr(g.village_code, 1, 6) = '${row.key}'`));
    expect(r.total.held).toBe(11);
    expect(figures(r.total)).toEqual({
      ...expected('1'),
      neverAttending: r.rows.reduce((s, x) => s + x.neverAttending, 0),
    });
    expect(r.rows.map((row) => row.label).sort()).toEqual(
      [BARAT, TIMUR].map((code) => count('SELECT name FROM regions WHERE code = ?', code) as unknown as string).sort(),
    );
  });

  it('per kelompok, desa and pendamping match independent counts', () => {
    for (const row of report({ area: 'kelompok' }).rows) expect(figures(row)).toEqual(expected(`g.id = ${row.key}`));
    for (const row of report({ area: 'desa' }).rows)
      expect(figures(row)).toEqual(expected(`g.village_code = '${row.key}'`));
    const byPendamping = report({ area: 'pendamping' });
    expect(byPendamping.rows.map((row) => row.label).sort()).toEqual(['DEDI KURNIAWAN', 'RINA SETIAWATI']);
    for (const row of byPendamping.rows) expect(figures(row)).toEqual(expected(`g.pendamping_id = ${row.key}`));
  });

  it('a month counts only its meetings and plans; the months add up to the year', () => {
    const march = report({ area: 'pendamping', fromMonth: 3, toMonth: 3, pendampingId: rina });
    expect(march.rows).toHaveLength(1);
    expect(figures(march.rows[0])).toEqual(expected(`g.pendamping_id = ${rina}`, '2026-03-01', '2026-03-31'));
    const year = report({ area: 'pendamping', pendampingId: dedi });
    expect(year.months).toHaveLength(12);
    expect(year.months.reduce((s, m) => s + m.held, 0)).toBe(year.total.held);
    expect(year.months.reduce((s, m) => s + m.hadir, 0)).toBe(year.total.hadir);
    expect(year.months[4].held).toBe(0);
  });

  it("the months match independent counts whichever summary carries the report's filter", () => {
    const monthRange = (m: number) => [
      `2026-${String(m).padStart(2, '0')}-01`,
      `2026-${String(m).padStart(2, '0')}-31`,
    ];
    const scopes: [Partial<P2k2ReportInput>, string][] = [
      [{}, '1'],
      [{ districtCode: BARAT }, `substr(g.village_code, 1, 6) = '${BARAT}'`],
      [{ pendampingId: rina }, `g.pendamping_id = ${rina}`],
      [{ pendampingId: dedi, districtCode: TIMUR }, `g.pendamping_id = ${dedi} AND g.village_code LIKE '${TIMUR}%'`],
    ];
    for (const [filter, where] of scopes) {
      for (const m of report({ area: 'kelompok', ...filter }).months) {
        const { planned, held, marked, hadir, rate } = expected(where, ...monthRange(m.month));
        expect({ planned: m.planned, held: m.held, marked: m.marked, hadir: m.hadir, rate: m.rate }).toEqual({
          planned,
          held,
          marked,
          hadir,
          rate,
        });
      }
    }
  });

  it('reads one summed row per area and per month, not one per group and month (57,000 at office scale)', () => {
    const prepare = db.$client.prepare.bind(db.$client);
    let summaryRows = 0;
    const spy = vi.spyOn(db.$client, 'prepare').mockImplementation((sql: string) => {
      const statement = prepare(sql);
      if (!sql.includes('month_counts')) return statement;
      const all = statement.all.bind(statement);
      return Object.assign(statement, {
        all: (...params: unknown[]) => {
          const rows = all(...params);
          summaryRows += rows.length;
          return rows;
        },
      });
    });
    try {
      const r = report({ area: 'kelompok' });
      const busyMonths = r.months.filter((m) => m.planned > 0 || m.held > 0).length;
      expect(busyMonths).toBeGreaterThan(1);
      expect(summaryRows).toBe(r.rows.length + busyMonths);
    } finally {
      spy.mockRestore();
    }
  });

  it('families marked ALFA or IZIN at every meeting count as never attending', () => {
    const mawar = report({ area: 'kelompok' }).rows.find((row) => row.label === 'MAWAR');
    // the first two families of each group are never HADIR (ALFA or IZIN); others come at least once
    expect(mawar?.neverAttending).toBeGreaterThanOrEqual(2);
    expect(mawar?.neverAttending).toBe(expected(`g.name = 'MAWAR'`).neverAttending);
  });

  it('stays equal to the counts after corrections, a deleted meeting and a meeting moved to another month', () => {
    const run = (sql: string) => db.$client.prepare(sql).run();
    // a correction turns every ALFA of February into HADIR and rates them; a March meeting is deleted; an April
    // meeting moves to June of another group
    run(`UPDATE p2k2_attendance SET status = 'hadir', behaviour_rating = 'baik' WHERE status = 'alfa'
         AND meeting_id IN (SELECT id FROM p2k2_meetings WHERE held_on LIKE '2026-02-%')`);
    run(`DELETE FROM p2k2_meetings WHERE id = (SELECT min(id) FROM p2k2_meetings WHERE held_on LIKE '2026-03-%')`);
    run(`UPDATE p2k2_meetings SET held_on = '2026-06-20', group_id = (SELECT max(id) FROM p2k2_groups)
         WHERE id = (SELECT min(id) FROM p2k2_meetings WHERE held_on LIKE '2026-04-%')`);
    run("UPDATE p2k2_plans SET planned_on = '2026-07-01' WHERE planned_on LIKE '2026-02-%'");
    for (const row of report({ area: 'kelompok' }).rows) expect(figures(row)).toEqual(expected(`g.id = ${row.key}`));
    const june = report({ area: 'kecamatan', fromMonth: 6, toMonth: 7 });
    for (const row of june.rows) {
      expect(figures(row)).toEqual(expected(`substr(g.village_code, 1, 6) = '${row.key}'`, '2026-06-01', '2026-07-31'));
    }
    expect(report({ area: 'kecamatan' }).total.held).toBe(10);
    // a group handed to another pendamping takes its figures along
    run(`UPDATE p2k2_groups SET pendamping_id = ${rina} WHERE name = 'ANGGREK'`);
    const byPendamping = report({ area: 'pendamping' });
    expect(byPendamping.rows.map((row) => row.label)).toEqual(['RINA SETIAWATI']);
    for (const row of byPendamping.rows) expect(figures(row)).toEqual(expected(`g.pendamping_id = ${row.key}`));
  });

  it('stays equal after a correction saved through the recording service (its upsert fires the triggers)', () => {
    const meeting = db.$client
      .prepare("SELECT id, group_id AS groupId, topic_id AS topicId FROM p2k2_meetings WHERE held_on LIKE '2026-05-%'")
      .get() as { id: number; groupId: number; topicId: number };
    const families = db.$client
      .prepare('SELECT kpm_id FROM p2k2_attendance WHERE meeting_id = ?')
      .pluck()
      .all(meeting.id) as number[];
    saveMeeting(
      db,
      admin,
      meetingSaveSchema.parse({
        id: meeting.id,
        groupId: meeting.groupId,
        topicId: meeting.topicId,
        heldOn: '2026-05-28',
        attendance: families.map((kpmId, i) => ({ kpmId, status: i % 2 ? 'alfa' : 'hadir', potentialRating: 'baik' })),
      }),
    );
    for (const row of report({ area: 'kelompok' }).rows) expect(figures(row)).toEqual(expected(`g.id = ${row.key}`));
    for (const row of report({ area: 'desa', fromMonth: 5, toMonth: 5 }).rows) {
      expect(figures(row)).toEqual(expected(`g.village_code = '${row.key}'`, '2026-05-01', '2026-05-31'));
    }
  });
});
