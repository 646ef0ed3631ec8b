/**
 * P2K2 rows written straight into the tables (groups, plans, meetings, attendance) for tests of what reads them,
 * without going through the recording services; and, built on them, the printed sheet's fixture: synthetic families
 * with komponen members in one desa, and a meeting with an empty attendance row per family.
 */
import type { Db } from '../../db/open';
import type { Attendance, Rating } from '../../main/domain/p2k2';
import { addFamilies, villageOfFamily } from './graduation';

/** Every row's created_at and updated_at: a meeting's updated_at is the version a scan is read against. */
const STAMP = '2026-01-05T08:00:00.000Z';

export function addGroup(
  db: Db,
  g: {
    name: string;
    villageCode: string;
    pendampingId: number | null;
    kpmIds: number[];
    joinedOn?: string;
    meetingPlace?: string;
  },
): number {
  const { id } = db.$client
    .prepare(
      `INSERT INTO p2k2_groups (name, village_code, pendamping_id, meeting_place, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(g.name, g.villageCode, g.pendampingId, g.meetingPlace ?? '', STAMP, STAMP) as { id: number };
  const join = db.$client.prepare('INSERT INTO p2k2_group_members (group_id, kpm_id, joined_on) VALUES (?, ?, ?)');
  for (const kpmId of g.kpmIds) join.run(id, kpmId, g.joinedOn ?? '2025-01-01');
  return id;
}

/** The id of a preloaded topic by its name. */
export function topicId(db: Db, name: string): number {
  const row = db.$client.prepare('SELECT id FROM p2k2_topics WHERE name = ?').get(name) as { id: number } | undefined;
  if (!row) throw new Error(`no topic ${name}`);
  return row.id;
}

/** The curriculum's first topic (the first module's first session). */
export function firstTopicId(db: Db): number {
  return db.$client
    .prepare('SELECT id FROM p2k2_topics ORDER BY module_id, sort_order LIMIT 1')
    .pluck()
    .get() as number;
}

export function addPlan(db: Db, groupId: number, topic: number, plannedOn: string): void {
  db.$client
    .prepare('INSERT INTO p2k2_plans (group_id, year, topic_id, planned_on) VALUES (?, ?, ?, ?)')
    .run(groupId, Number(plannedOn.slice(0, 4)), topic, plannedOn);
}

export interface Mark {
  kpmId: number;
  status: Attendance | null;
  behaviour?: Rating | null;
  potential?: Rating | null;
}

export function addMeeting(
  db: Db,
  m: { groupId: number; topicId: number; heldOn: string; pendampingId?: number | null; notes?: string; place?: string },
  marks: Mark[],
): number {
  const { id } = db.$client
    .prepare(
      `INSERT INTO p2k2_meetings (group_id, topic_id, held_on, start_time, end_time, place, pendamping_id, speakers, notes,
         created_at, updated_at)
       VALUES (?, ?, ?, '09:00', '10:30', ?, ?, '[]', ?, ?, ?) RETURNING id`,
    )
    .get(
      m.groupId,
      m.topicId,
      m.heldOn,
      m.place ?? 'Balai desa',
      m.pendampingId ?? null,
      m.notes ?? '',
      STAMP,
      STAMP,
    ) as {
    id: number;
  };
  const mark = db.$client.prepare(
    `INSERT INTO p2k2_attendance (meeting_id, kpm_id, status, behaviour_rating, potential_rating) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const k of marks) mark.run(id, k.kpmId, k.status, k.behaviour ?? null, k.potential ?? null);
  return id;
}

/** Every family marked the same. */
export const all = (kpmIds: number[], status: Attendance | null): Mark[] => kpmIds.map((kpmId) => ({ kpmId, status }));

export interface SheetFixture {
  groupId: number;
  kpmIds: number[];
}

/** A group of `count` families in Pekalongan Barat (337501) since 5 January 2026, komponen members in some. */
export function addSheetGroup(db: Db, name: string, count: number): SheetFixture {
  const kpmIds = addFamilies(db, { count, pendampingId: null, districtCode: '337501' });
  const villageCode = villageOfFamily(db, kpmIds[0]);
  const groupId = addGroup(db, {
    name,
    villageCode,
    pendampingId: null,
    kpmIds,
    joinedOn: '2026-01-05',
    meetingPlace: 'Balai Desa',
  });
  const child = db.$client.prepare(
    `INSERT INTO art (kpm_id, nama, hubungan, jenis_kelamin, komponen) VALUES (?, ?, 'anak', 'L', ?)`,
  );
  const komponen = ['anak_sd', 'anak_smp', 'anak_usia_dini', 'lanjut_usia'];
  for (const [i, kpmId] of kpmIds.entries()) {
    if (i % 3 === 0) child.run(kpmId, `ANAK UJI ${i}`, komponen[i % komponen.length]);
    if (i % 4 === 0) child.run(kpmId, `ANAK UJI ${i} B`, 'anak_sd');
  }
  return { groupId, kpmIds };
}

/** A meeting of the group on `heldOn` teaching the first topic, with an unmarked attendance row per family in it. */
export function addSheetMeeting(db: Db, groupId: number, heldOn: string): number {
  const members = db.$client
    .prepare('SELECT kpm_id FROM p2k2_group_members WHERE group_id = ? AND left_on IS NULL ORDER BY id')
    .pluck()
    .all(groupId) as number[];
  return addMeeting(db, { groupId, topicId: firstTopicId(db), heldOn, place: 'Balai Desa' }, all(members, null));
}
