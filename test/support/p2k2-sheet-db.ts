/**
 * A P2K2 group and its meetings written straight into the tables, as the meeting service stores them, so the
 * printed sheet can be tested apart from the record screens: synthetic families with komponen members in one desa,
 * a group, and a meeting with an attendance row per family (or none, as a meeting saved before its attendance).
 */
import type { Db } from '../../db/open';
import { addFamilies } from './graduation';

const STAMP = '2026-01-05T08:00:00.000Z';

export interface SheetFixture {
  groupId: number;
  kpmIds: number[];
  meetingId: number;
}

/** A group of `count` families in Pekalongan Barat (337501), members with komponen in some of them. */
export function addGroup(db: Db, name: string, count: number): { groupId: number; kpmIds: number[] } {
  const kpmIds = addFamilies(db, { count, pendampingId: null, districtCode: '337501' });
  const village = db.$client.prepare('SELECT village_code AS code FROM kpm WHERE id = ?').get(kpmIds[0]) as {
    code: string;
  };
  const { id: groupId } = db.$client
    .prepare(
      `INSERT INTO p2k2_groups (name, village_code, meeting_place, created_at, updated_at)
       VALUES (?, ?, 'Balai Desa', ?, ?) RETURNING id`,
    )
    .get(name, village.code, STAMP, STAMP) as { id: number };
  const member = db.$client.prepare(
    `INSERT INTO p2k2_group_members (group_id, kpm_id, joined_on) VALUES (?, ?, '2026-01-05')`,
  );
  const child = db.$client.prepare(
    `INSERT INTO art (kpm_id, nama, hubungan, jenis_kelamin, komponen) VALUES (?, ?, 'anak', 'L', ?)`,
  );
  const komponen = ['anak_sd', 'anak_smp', 'anak_usia_dini', 'lanjut_usia'];
  for (const [i, kpmId] of kpmIds.entries()) {
    member.run(groupId, kpmId);
    if (i % 3 === 0) child.run(kpmId, `ANAK UJI ${i}`, komponen[i % komponen.length]);
    if (i % 4 === 0) child.run(kpmId, `ANAK UJI ${i} B`, 'anak_sd');
  }
  return { groupId, kpmIds };
}

/** A meeting of the group on `heldOn` teaching the curriculum's first topic; attendance rows unless told not. */
export function addMeeting(db: Db, groupId: number, heldOn: string, options: { attendance?: boolean } = {}): number {
  const topic = db.$client.prepare('SELECT id FROM p2k2_topics ORDER BY module_id, sort_order LIMIT 1').get() as {
    id: number;
  };
  const { id } = db.$client
    .prepare(
      `INSERT INTO p2k2_meetings (group_id, topic_id, held_on, start_time, end_time, place, speakers, created_at,
                                  updated_at)
       VALUES (?, ?, ?, '09:00', '10:30', 'Balai Desa', '[]', ?, ?) RETURNING id`,
    )
    .get(groupId, topic.id, heldOn, STAMP, STAMP) as { id: number };
  if (options.attendance !== false) {
    db.$client
      .prepare(
        `INSERT INTO p2k2_attendance (meeting_id, kpm_id)
         SELECT ?, kpm_id FROM p2k2_group_members WHERE group_id = ? AND left_on IS NULL`,
      )
      .run(id, groupId);
  }
  return id;
}
