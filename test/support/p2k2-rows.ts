/**
 * P2K2 rows written straight into the tables (groups, plans, meetings, attendance) for tests of what reads them,
 * without going through the recording services.
 */
import type { Db } from '../../db/open';
import type { Attendance, Rating } from '../../main/domain/p2k2';

const STAMP = '2026-01-01T00:00:00.000Z';

export function addGroup(
  db: Db,
  g: { name: string; villageCode: string; pendampingId: number | null; kpmIds: number[]; joinedOn?: string },
): number {
  const { id } = db.$client
    .prepare(
      `INSERT INTO p2k2_groups (name, village_code, pendamping_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(g.name, g.villageCode, g.pendampingId, STAMP, STAMP) as { id: number };
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
