/**
 * The printed P2K2 attendance sheet's queries: the meeting's heading (group, desa, topic, time, place) and its
 * families in the sheet's order. The order is fixed here once, by the pengurus's name then the family's id, so a
 * sheet printed twice lists the same families in the same rows, and the QR's check (main/domain/p2k2-sheet.ts)
 * binds each page to them.
 */
import { KOMPONEN, type Komponen } from '../../main/domain/komponen';
import type { Db } from '../open';

export interface SheetMeetingRow {
  id: number;
  groupId: number;
  topicId: number;
  groupName: string;
  villageName: string;
  districtName: string;
  moduleName: string;
  topicName: string;
  heldOn: string;
  startTime: string;
  endTime: string;
  place: string;
  groupPlace: string;
  /** The meeting's version (empty for a planned one). */
  updatedAt: string;
}

export function sheetMeeting(db: Db, meetingId: number): SheetMeetingRow | undefined {
  return db.$client
    .prepare(
      `SELECT m.id, m.group_id AS groupId, m.topic_id AS topicId, g.name AS groupName, v.name AS villageName, d.name AS districtName,
              mo.name AS moduleName, t.name AS topicName, m.held_on AS heldOn, m.start_time AS startTime,
              m.end_time AS endTime, m.place, g.meeting_place AS groupPlace, m.updated_at AS updatedAt
         FROM p2k2_meetings m
         JOIN p2k2_groups g ON g.id = m.group_id
         JOIN p2k2_topics t ON t.id = m.topic_id
         JOIN p2k2_modules mo ON mo.id = t.module_id
         LEFT JOIN regions v ON v.code = g.village_code
         LEFT JOIN regions d ON d.code = v.parent_code
        WHERE m.id = ?`,
    )
    .get(meetingId) as SheetMeetingRow | undefined;
}

export type SheetFamilyRow = {
  kpmId: number;
  nama: string;
  nik: string;
  noKk: string;
  alamat: string;
  rt: string;
  rw: string;
} & Record<Komponen, number>;

/** Per komponen, how many of the family (the pengurus and the members) hold it as recorded. */
const KOMPONEN_COUNTS = KOMPONEN.map(
  (k) => `(k.komponen IS '${k}') + (SELECT COUNT(*) FROM art a WHERE a.kpm_id = k.id AND a.komponen = '${k}') AS ${k}`,
).join(',\n              ');

const FAMILY_COLUMNS = `k.id AS kpmId, k.nama, k.nik, k.no_kk AS noKk, k.alamat, k.rt, k.rw,
              ${KOMPONEN_COUNTS}`;
const SHEET_ORDER = 'ORDER BY k.nama COLLATE NOCASE, k.id';

/**
 * The meeting's families: its attendance rows once recorded; before that (a meeting saved without attendance) the
 * group's members on the meeting's day.
 */
export function sheetFamilies(db: Db, meetingId: number): SheetFamilyRow[] {
  return db.$client
    .prepare(
      `WITH families AS (
         SELECT kpm_id FROM p2k2_attendance WHERE meeting_id = :meeting
         UNION
         SELECT gm.kpm_id FROM p2k2_group_members gm JOIN p2k2_meetings m ON m.group_id = gm.group_id
          WHERE m.id = :meeting AND gm.joined_on <= m.held_on AND (gm.left_on IS NULL OR gm.left_on > m.held_on)
            AND NOT EXISTS (SELECT 1 FROM p2k2_attendance x WHERE x.meeting_id = :meeting)
       )
       SELECT ${FAMILY_COLUMNS}
         FROM families f JOIN kpm k ON k.id = f.kpm_id
        ${SHEET_ORDER}`,
    )
    .all({ meeting: meetingId }) as SheetFamilyRow[];
}

/** What a planned meeting's heading has before the meeting is recorded. */
export type PlannedHeading = Omit<SheetMeetingRow, 'id' | 'heldOn' | 'startTime' | 'endTime' | 'place' | 'updatedAt'>;

/** A group's families on a day: the sheet of a meeting planned for that day, printed before it is held. */
export function groupFamiliesOn(db: Db, groupId: number, day: string): SheetFamilyRow[] {
  return db.$client
    .prepare(
      `SELECT ${FAMILY_COLUMNS}
         FROM p2k2_group_members gm JOIN kpm k ON k.id = gm.kpm_id
        WHERE gm.group_id = :group AND gm.joined_on <= :day AND (gm.left_on IS NULL OR gm.left_on > :day)
        ${SHEET_ORDER}`,
    )
    .all({ group: groupId, day }) as SheetFamilyRow[];
}

/** The heading of a planned meeting: the group, its desa and place, the topic and its module. */
export function plannedHeading(db: Db, groupId: number, topicId: number): PlannedHeading | undefined {
  return db.$client
    .prepare(
      `SELECT g.id AS groupId, g.name AS groupName, v.name AS villageName, d.name AS districtName,
              t.id AS topicId, mo.name AS moduleName, t.name AS topicName, g.meeting_place AS groupPlace
         FROM p2k2_groups g
         JOIN p2k2_topics t ON t.id = :topic
         JOIN p2k2_modules mo ON mo.id = t.module_id
         LEFT JOIN regions v ON v.code = g.village_code
         LEFT JOIN regions d ON d.code = v.parent_code
        WHERE g.id = :group`,
    )
    .get({ group: groupId, topic: topicId }) as PlannedHeading | undefined;
}
