/** One family's P2K2: its group now, its attendance and ratings, and what the P2K2 criteria ask of it. */
import type { Rating } from '../../main/domain/p2k2';
import type { Db } from '../open';

export interface FamilyGroupRow {
  groupId: number;
  groupName: string;
  desa: string;
  pendampingName: string | null;
  joinedOn: string;
}

export function familyGroup(db: Db, kpmId: number): FamilyGroupRow | undefined {
  return db.$client
    .prepare(
      `SELECT g.id AS groupId, g.name AS groupName, coalesce(r.name, '') AS desa, p.name AS pendampingName,
         m.joined_on AS joinedOn
       FROM p2k2_group_members m JOIN p2k2_groups g ON g.id = m.group_id
         LEFT JOIN regions r ON r.code = g.village_code LEFT JOIN pendamping p ON p.id = g.pendamping_id
       WHERE m.kpm_id = ? AND m.left_on IS NULL`,
    )
    .get(kpmId) as FamilyGroupRow | undefined;
}

export interface FamilyAttendanceRow {
  meetings: number;
  hadir: number;
  izin: number;
  sakit: number;
  alfa: number;
}

/** The family's attendance at meetings held from..to (its rows, whichever group held them). */
export function familyAttendance(db: Db, kpmId: number, from: string, to: string): FamilyAttendanceRow {
  return db.$client
    .prepare(
      `SELECT count(*) AS meetings, count(a.status = 'hadir' OR NULL) AS hadir, count(a.status = 'izin' OR NULL) AS izin,
         count(a.status = 'sakit' OR NULL) AS sakit, count(a.status = 'alfa' OR NULL) AS alfa
       FROM p2k2_attendance a JOIN p2k2_meetings m ON m.id = a.meeting_id
       WHERE a.kpm_id = ? AND m.held_on BETWEEN ? AND ?`,
    )
    .get(kpmId, from, to) as FamilyAttendanceRow;
}

/** The family's latest meetings with status and ratings, newest first. */
export function familyMeetings(
  db: Db,
  kpmId: number,
  limit: number,
): {
  meetingId: number;
  heldOn: string;
  topicName: string;
  status: string | null;
  behaviourRating: Rating | null;
  potentialRating: Rating | null;
}[] {
  return db.$client
    .prepare(
      `SELECT m.id AS meetingId, m.held_on AS heldOn, t.name AS topicName, a.status,
         a.behaviour_rating AS behaviourRating, a.potential_rating AS potentialRating
       FROM p2k2_attendance a JOIN p2k2_meetings m ON m.id = a.meeting_id JOIN p2k2_topics t ON t.id = m.topic_id
       WHERE a.kpm_id = ? ORDER BY m.held_on DESC, m.id DESC LIMIT ?`,
    )
    .all(kpmId, limit) as ReturnType<typeof familyMeetings>;
}

/** Per module: its active topics and those the family attended (HADIR) at least once. */
export function familyModules(
  db: Db,
  kpmId: number,
): { moduleId: number; moduleName: string; topics: number; attended: number }[] {
  return db.$client
    .prepare(
      `SELECT md.id AS moduleId, md.name AS moduleName, count(*) AS topics,
         count(EXISTS (SELECT 1 FROM p2k2_attendance a JOIN p2k2_meetings m ON m.id = a.meeting_id
                       WHERE a.kpm_id = ? AND a.status = 'hadir' AND m.topic_id = t.id) OR NULL) AS attended
       FROM p2k2_modules md JOIN p2k2_topics t ON t.module_id = md.id AND t.active = 1
       WHERE md.active = 1 GROUP BY md.id ORDER BY md.sort_order`,
    )
    .all(kpmId) as { moduleId: number; moduleName: string; topics: number; attended: number }[];
}
