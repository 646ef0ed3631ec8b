/** P2K2 meetings: the list, one meeting with its attendance and photos, and the writes of a save. */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { MeetingListInput } from '../../main/domain/p2k2-forms';
import type { Db } from '../open';
import {
  kpm,
  p2k2Attendance,
  p2k2GroupMembers,
  p2k2Groups,
  p2k2MeetingPhotos,
  p2k2Meetings,
  p2k2Modules,
  p2k2Topics,
  pendamping,
  regions,
} from '../schema';

const village = alias(regions, 'village');

const meetingColumns = {
  id: p2k2Meetings.id,
  groupId: p2k2Meetings.groupId,
  groupName: p2k2Groups.name,
  villageName: village.name,
  topicId: p2k2Meetings.topicId,
  topicName: p2k2Topics.name,
  moduleName: p2k2Modules.name,
  heldOn: p2k2Meetings.heldOn,
  startTime: p2k2Meetings.startTime,
  endTime: p2k2Meetings.endTime,
  place: p2k2Meetings.place,
  pendampingName: pendamping.name,
  families: sql<number>`(SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = ${p2k2Meetings.id})`,
  present: sql<number>`(SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = ${p2k2Meetings.id} AND a.status = 'hadir')`,
};

const detailColumns = {
  ...meetingColumns,
  pendampingId: p2k2Meetings.pendampingId,
  speakers: p2k2Meetings.speakers,
  notes: p2k2Meetings.notes,
  updatedAt: p2k2Meetings.updatedAt,
};

function meetingSelect(db: Db) {
  return db
    .select(meetingColumns)
    .from(p2k2Meetings)
    .innerJoin(p2k2Groups, eq(p2k2Groups.id, p2k2Meetings.groupId))
    .innerJoin(village, eq(village.code, p2k2Groups.villageCode))
    .innerJoin(p2k2Topics, eq(p2k2Topics.id, p2k2Meetings.topicId))
    .innerJoin(p2k2Modules, eq(p2k2Modules.id, p2k2Topics.moduleId))
    .leftJoin(pendamping, eq(pendamping.id, p2k2Meetings.pendampingId));
}

function meetingDetailSelect(db: Db) {
  return db
    .select(detailColumns)
    .from(p2k2Meetings)
    .innerJoin(p2k2Groups, eq(p2k2Groups.id, p2k2Meetings.groupId))
    .innerJoin(village, eq(village.code, p2k2Groups.villageCode))
    .innerJoin(p2k2Topics, eq(p2k2Topics.id, p2k2Meetings.topicId))
    .innerJoin(p2k2Modules, eq(p2k2Modules.id, p2k2Topics.moduleId))
    .leftJoin(pendamping, eq(pendamping.id, p2k2Meetings.pendampingId));
}

/** The list's filters; `groupPendampingId` keeps the meetings of one pendamping's groups (its own account's view). */
type MeetingFilter = MeetingListInput & { groupPendampingId?: number | null };

function listWhere(input: MeetingFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (input.groupPendampingId) conditions.push(eq(p2k2Groups.pendampingId, input.groupPendampingId));
  if (input.groupId) conditions.push(eq(p2k2Meetings.groupId, input.groupId));
  if (input.villageCode) conditions.push(eq(p2k2Groups.villageCode, input.villageCode));
  if (input.districtCode) conditions.push(eq(village.parentCode, input.districtCode));
  if (input.pendampingId) conditions.push(eq(p2k2Meetings.pendampingId, input.pendampingId));
  if (input.year) {
    conditions.push(
      gte(p2k2Meetings.heldOn, `${input.year}-01-01`),
      lt(p2k2Meetings.heldOn, `${input.year + 1}-01-01`),
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export function meetingPage(db: Db, input: MeetingFilter) {
  const where = listWhere(input);
  const items = meetingSelect(db)
    .where(where)
    .orderBy(desc(p2k2Meetings.heldOn), desc(p2k2Meetings.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(p2k2Meetings)
      .innerJoin(p2k2Groups, eq(p2k2Groups.id, p2k2Meetings.groupId))
      .innerJoin(village, eq(village.code, p2k2Groups.villageCode))
      .where(where)
      .get()?.n ?? 0;
  return { items, total };
}

export function meetingById(db: Db, id: number) {
  return meetingDetailSelect(db).where(eq(p2k2Meetings.id, id)).get();
}

export function meetingAttendance(db: Db, meetingId: number) {
  return db
    .select({
      kpmId: p2k2Attendance.kpmId,
      nama: kpm.nama,
      nik: kpm.nik,
      noKk: kpm.noKk,
      status: p2k2Attendance.status,
      behaviourRating: p2k2Attendance.behaviourRating,
      potentialRating: p2k2Attendance.potentialRating,
    })
    .from(p2k2Attendance)
    .innerJoin(kpm, eq(kpm.id, p2k2Attendance.kpmId))
    .where(eq(p2k2Attendance.meetingId, meetingId))
    .orderBy(sql`${kpm.nama} COLLATE NOCASE`, asc(kpm.id))
    .all();
}

export function meetingPhotos(db: Db, meetingId: number) {
  return db
    .select({ id: p2k2MeetingPhotos.id, mime: p2k2MeetingPhotos.mime, bytes: p2k2MeetingPhotos.bytes })
    .from(p2k2MeetingPhotos)
    .where(eq(p2k2MeetingPhotos.meetingId, meetingId))
    .orderBy(asc(p2k2MeetingPhotos.sortOrder), asc(p2k2MeetingPhotos.id))
    .all();
}

/** The group's families on a day: open memberships and those that ended after it. */
export function membersOnDay(db: Db, groupId: number, day: string) {
  return db
    .select({ kpmId: p2k2GroupMembers.kpmId, nama: kpm.nama })
    .from(p2k2GroupMembers)
    .innerJoin(kpm, eq(kpm.id, p2k2GroupMembers.kpmId))
    .where(
      and(eq(p2k2GroupMembers.groupId, groupId), or(isNull(p2k2GroupMembers.leftOn), gt(p2k2GroupMembers.leftOn, day))),
    )
    .all();
}

export function familyNames(db: Db, kpmIds: number[]): Map<number, string> {
  if (kpmIds.length === 0) return new Map();
  const rows = db.select({ id: kpm.id, nama: kpm.nama }).from(kpm).where(inArray(kpm.id, kpmIds)).all();
  return new Map(rows.map((r) => [r.id, r.nama]));
}

export function sameMeeting(db: Db, groupId: number, topicId: number, heldOn: string) {
  return db
    .select({ id: p2k2Meetings.id })
    .from(p2k2Meetings)
    .where(and(eq(p2k2Meetings.groupId, groupId), eq(p2k2Meetings.topicId, topicId), eq(p2k2Meetings.heldOn, heldOn)))
    .get();
}

export type MeetingValues = typeof p2k2Meetings.$inferInsert;

export function insertMeeting(db: Db, values: MeetingValues): number {
  return db.insert(p2k2Meetings).values(values).returning({ id: p2k2Meetings.id }).get().id;
}

export function updateMeeting(db: Db, id: number, values: Partial<MeetingValues>): void {
  db.update(p2k2Meetings).set(values).where(eq(p2k2Meetings.id, id)).run();
}

export type AttendanceValues = typeof p2k2Attendance.$inferInsert;

/** Writes each family's row of a meeting (new or replaced). */
export function upsertAttendance(db: Db, rows: AttendanceValues[]): void {
  if (rows.length === 0) return;
  db.insert(p2k2Attendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [p2k2Attendance.meetingId, p2k2Attendance.kpmId],
      set: {
        status: sql`excluded.status`,
        behaviourRating: sql`excluded.behaviour_rating`,
        potentialRating: sql`excluded.potential_rating`,
      },
    })
    .run();
}

export function deletePhotosExcept(db: Db, meetingId: number, keep: number[]): void {
  const others = keep.length > 0 ? notInArray(p2k2MeetingPhotos.id, keep) : undefined;
  db.delete(p2k2MeetingPhotos)
    .where(and(eq(p2k2MeetingPhotos.meetingId, meetingId), others))
    .run();
}

export function insertPhoto(db: Db, meetingId: number, mime: string, bytes: Buffer, sortOrder: number): void {
  db.insert(p2k2MeetingPhotos).values({ meetingId, mime, bytes, sortOrder }).run();
}

export function setPhotoOrder(db: Db, photoId: number, sortOrder: number): void {
  db.update(p2k2MeetingPhotos).set({ sortOrder }).where(eq(p2k2MeetingPhotos.id, photoId)).run();
}
