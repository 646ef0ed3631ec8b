/**
 * A year of P2K2 at office scale, written with bulk SQL (no row-by-row inserts): every active family in a group of
 * about 20 of its desa (100,000 families make about 5,000 groups), a plan and a meeting per group and month, and an
 * attendance row per member and meeting (about 1.2 million), marked and rated from a hash of the meeting and the
 * family: about 80% hadir, 8% izin, 5% sakit, 7% alfa, ratings for those present.
 */
import type { Db } from '../../db/open';

const GROUP_SIZE = 20;
const STAMP = '2026-01-01T00:00:00.000Z';

/** Families per group, groups and rows written: what the bench prints beside its figures. */
export interface P2k2Seeded {
  groups: number;
  meetings: number;
  attendance: number;
}

export function seedP2k2Year(db: Db, year: number): P2k2Seeded {
  const run = (sql: string, ...params: (string | number)[]) => db.$client.prepare(sql).run(...params);
  db.$client.transaction(() => {
    run(`CREATE TEMP TABLE seed_members AS
         SELECT id AS kpm_id, village_code, pendamping_id,
           (row_number() OVER (PARTITION BY village_code ORDER BY id) - 1) / ${GROUP_SIZE} AS gi
         FROM kpm WHERE status = 'aktif'`);
    // without it the members' join scanned every family for each group: minutes at 100,000 families
    run('CREATE INDEX temp.seed_members_group ON seed_members (village_code, gi)');
    run(
      `INSERT INTO p2k2_groups (name, village_code, pendamping_id, meeting_place, created_at, updated_at)
       SELECT 'KELOMPOK ' || (gi + 1), village_code, max(pendamping_id), 'Balai desa', ?, ?
       FROM seed_members GROUP BY village_code, gi`,
      STAMP,
      STAMP,
    );
    run(`INSERT INTO p2k2_group_members (group_id, kpm_id, joined_on)
         SELECT g.id, s.kpm_id, '${year - 1}-12-01' FROM p2k2_groups g
         JOIN seed_members s ON s.village_code = g.village_code AND s.gi = CAST(substr(g.name, 10) AS INTEGER) - 1
         ORDER BY g.id, s.kpm_id`);
    run(`UPDATE p2k2_groups SET leader_kpm_id =
         (SELECT min(kpm_id) FROM p2k2_group_members m WHERE m.group_id = p2k2_groups.id)`);
    // month m teaches the m-th topic in curriculum order; plans a week before the meeting
    const months = `WITH RECURSIVE months(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM months WHERE m < 12),
      topics AS (SELECT t.id, row_number() OVER (ORDER BY md.sort_order, t.sort_order) AS n
                 FROM p2k2_topics t JOIN p2k2_modules md ON md.id = t.module_id)`;
    const day = (offset: number) => `printf('%d-%02d-%02d', ${year}, months.m, (g.id % 20) + ${offset})`;
    run(`INSERT INTO p2k2_plans (group_id, year, topic_id, planned_on)
         ${months} SELECT g.id, ${year}, topics.id, ${day(1)}
         FROM p2k2_groups g JOIN months JOIN topics ON topics.n = months.m`);
    run(
      `INSERT INTO p2k2_meetings (group_id, topic_id, held_on, start_time, end_time, place, pendamping_id, speakers,
         notes, created_at, updated_at)
       ${months} SELECT g.id, topics.id, ${day(8)}, '09:00', '10:30', 'Balai desa', g.pendamping_id, '[]', '', ?, ?
       FROM p2k2_groups g JOIN months JOIN topics ON topics.n = months.m`,
      STAMP,
      STAMP,
    );
    run(`INSERT INTO p2k2_attendance (meeting_id, kpm_id, status, behaviour_rating, potential_rating)
         SELECT meeting_id, kpm_id, status,
           CASE WHEN status = 'hadir' THEN ${rating('h / 7')} END, CASE WHEN status = 'hadir' THEN ${rating('h / 11')} END
         FROM (SELECT meeting_id, kpm_id, h,
                 CASE WHEN h % 100 < 80 THEN 'hadir' WHEN h % 100 < 88 THEN 'izin' WHEN h % 100 < 93 THEN 'sakit'
                   ELSE 'alfa' END AS status
               FROM (SELECT m.id AS meeting_id, gm.kpm_id, (m.id * 7919 + gm.kpm_id * 104729) % 1000003 AS h
                     FROM p2k2_meetings m JOIN p2k2_group_members gm ON gm.group_id = m.group_id))
         ORDER BY meeting_id, kpm_id`);
    run('DROP TABLE seed_members');
  })();
  const count = (table: string) => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { groups: count('p2k2_groups'), meetings: count('p2k2_meetings'), attendance: count('p2k2_attendance') };
}

function rating(expr: string): string {
  return `CASE (${expr}) % 4 WHEN 0 THEN 'kurang' WHEN 1 THEN 'baik' WHEN 2 THEN 'sangat_baik' ELSE 'tidak_dapat_dinilai' END`;
}
