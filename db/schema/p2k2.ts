import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ATTENDANCE, MEETING_DAYS, RATINGS } from '../../main/domain/p2k2';
import { kpm } from './kpm';
import { pendamping } from './pendamping';
import { regions } from './regions';

/** The curriculum's modules; the preloaded ones are builtin (renamed or switched off, never removed). */
export const p2k2Modules = sqliteTable('p2k2_modules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  sortOrder: integer('sort_order').notNull(),
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** A module's topics ("sesi" in the module books), in teaching order; meetings keep the topic they taught. */
export const p2k2Topics = sqliteTable(
  'p2k2_topics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    moduleId: integer('module_id')
      .notNull()
      .references(() => p2k2Modules.id),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('p2k2_topic_name_uq').on(t.moduleId, t.name)],
);

/** A kelompok: 10-30 families of one desa who meet with their pendamping. */
export const p2k2Groups = sqliteTable(
  'p2k2_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    villageCode: text('village_code')
      .notNull()
      .references(() => regions.code),
    pendampingId: integer('pendamping_id').references(() => pendamping.id),
    /** The ketua kelompok, one of the group's own families. */
    leaderKpmId: integer('leader_kpm_id').references(() => kpm.id),
    meetingPlace: text('meeting_place').notNull().default(''),
    meetingDay: text('meeting_day', { enum: MEETING_DAYS }),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('p2k2_group_name_uq').on(t.villageCode, t.name),
    index('p2k2_group_pendamping_idx').on(t.pendampingId),
  ],
);

/** A family's time in a group: one open membership (left_on NULL) at a time; moves close it and open another. */
export const p2k2GroupMembers = sqliteTable(
  'p2k2_group_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: integer('group_id')
      .notNull()
      .references(() => p2k2Groups.id),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    joinedOn: text('joined_on').notNull(),
    leftOn: text('left_on'),
  },
  (t) => [
    uniqueIndex('p2k2_member_open_uq').on(t.kpmId).where(sql`left_on IS NULL`),
    index('p2k2_member_group_idx').on(t.groupId, t.leftOn),
  ],
);

/** The year's plan (RTL): the date a group plans to teach each topic. */
export const p2k2Plans = sqliteTable(
  'p2k2_plans',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => p2k2Groups.id),
    year: integer('year').notNull(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => p2k2Topics.id),
    plannedOn: text('planned_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.year, t.topicId] })],
);

/** One held session: a group taught one topic on one day. */
export const p2k2Meetings = sqliteTable(
  'p2k2_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: integer('group_id')
      .notNull()
      .references(() => p2k2Groups.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => p2k2Topics.id),
    heldOn: text('held_on').notNull(),
    startTime: text('start_time').notNull().default(''),
    endTime: text('end_time').notNull().default(''),
    place: text('place').notNull().default(''),
    pendampingId: integer('pendamping_id').references(() => pendamping.id),
    /** Up to three guest speakers. */
    speakers: text('speakers', { mode: 'json' }).$type<{ name: string; institution: string }[]>().notNull(),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('p2k2_meeting_group_idx').on(t.groupId, t.heldOn), index('p2k2_meeting_held_idx').on(t.heldOn)],
);

/** Up to three photos per meeting, shrunk to at most 300 KB, kept in the database so one file holds everything. */
export const p2k2MeetingPhotos = sqliteTable(
  'p2k2_meeting_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => p2k2Meetings.id, { onDelete: 'cascade' }),
    mime: text('mime').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [index('p2k2_photo_meeting_idx').on(t.meetingId)],
);

/** A family's attendance and ratings at a meeting; a row per family in the group when the meeting was held. */
export const p2k2Attendance = sqliteTable(
  'p2k2_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => p2k2Meetings.id, { onDelete: 'cascade' }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    status: text('status', { enum: ATTENDANCE }),
    behaviourRating: text('behaviour_rating', { enum: RATINGS }),
    potentialRating: text('potential_rating', { enum: RATINGS }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.kpmId] }), index('p2k2_attendance_kpm_idx').on(t.kpmId, t.meetingId)],
);

/** A surat teguran given to a family absent (ALFA) two months running; the letter itself lives in documents. */
export const p2k2Warnings = sqliteTable(
  'p2k2_warnings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    /** The second of the two months (YYYY-MM) the family was absent. */
    absentUntil: text('absent_until').notNull(),
    documentId: integer('document_id'),
    givenOn: text('given_on').notNull(),
    givenBy: integer('given_by'),
    givenByName: text('given_by_name').notNull(),
  },
  (t) => [uniqueIndex('p2k2_warning_uq').on(t.kpmId, t.absentUntil)],
);
