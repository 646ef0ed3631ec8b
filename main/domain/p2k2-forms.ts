/**
 * P2K2's form schemas, shared by the contract (input validation) and the renderer's forms: groups, the
 * curriculum, the year's plan and a meeting's record. The words are in p2k2.ts.
 */
import { z } from 'zod';
import { ATTENDANCE, MEETING_DAYS, MEETING_LIMITS, RATINGS } from './p2k2';
import { kpmSearchSchema } from './schemas';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat tahun-bulan-hari.');
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam harus berformat jam:menit, misalnya 09:00.')
  .or(z.literal(''));
const positiveId = z.number().int().positive();
const name = (label: string, max: number) =>
  z.string().trim().min(1, `${label} wajib diisi.`).max(max, `${label} paling panjang ${max} karakter.`);
export const villageCodeSchema = z.string().regex(/^\d{10}$/, 'Kode desa harus 10 angka.');
export const yearSchema = z.number().int().min(2007).max(2100);

/** The KPM list's filter without its paging and sort: "the families this filter finds". */
export const kpmFilterSchema = kpmSearchSchema.omit({ page: true, pageSize: true, sort: true, dir: true });

/** A group's own fields (create and update). */
export const groupFieldsSchema = z.object({
  name: name('Nama kelompok', 100),
  villageCode: villageCodeSchema,
  pendampingId: positiveId.nullable().default(null),
  /** The ketua kelompok: one of the group's own families. */
  leaderKpmId: positiveId.nullable().default(null),
  meetingPlace: z.string().trim().max(200, 'Tempat pertemuan paling panjang 200 karakter.').default(''),
  meetingDay: z.enum(MEETING_DAYS).nullable().default(null),
});
export type GroupFields = z.infer<typeof groupFieldsSchema>;

/** A new group with its families: picked by id, or every family without a group that the KPM list's filter finds. */
export const groupCreateSchema = groupFieldsSchema.extend({
  kpmIds: z.array(positiveId).max(1000).default([]),
  filter: kpmFilterSchema.optional(),
});
export type GroupCreateInput = z.infer<typeof groupCreateSchema>;

export const groupUpdateSchema = groupFieldsSchema.extend({ id: positiveId, active: z.boolean().default(true) });
export type GroupUpdateInput = z.infer<typeof groupUpdateSchema>;

export const groupListSchema = z.object({
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .default(null),
  villageCode: villageCodeSchema.nullable().default(null),
  pendampingId: positiveId.nullable().default(null),
  q: z.string().trim().max(100).default(''),
  includeInactive: z.boolean().default(false),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type GroupListInput = z.infer<typeof groupListSchema>;

/** A desa's families without a group, split into groups of about `size` families in one step. */
export const groupSplitSchema = z.object({
  villageCode: villageCodeSchema,
  size: z
    .number()
    .int()
    .min(2, 'Ukuran kelompok paling sedikit 2 KPM.')
    .max(100, 'Ukuran kelompok paling banyak 100 KPM.'),
  namePrefix: name('Awalan nama kelompok', 80).default('Kelompok'),
  pendampingId: positiveId.nullable().default(null),
  meetingDay: z.enum(MEETING_DAYS).nullable().default(null),
});
export type GroupSplitInput = z.infer<typeof groupSplitSchema>;

export const groupMembersSchema = z.object({ groupId: positiveId, kpmIds: z.array(positiveId).min(1).max(1000) });
export const moveMemberSchema = z.object({ kpmId: positiveId, toGroupId: positiveId });
export const removeMemberSchema = z.object({ groupId: positiveId, kpmId: positiveId });
export const ungroupedSchema = z.object({
  villageCode: villageCodeSchema,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(100),
});

/** Curriculum edits: a module or a topic. */
export const CURRICULUM_KINDS = ['module', 'topic'] as const;
export const curriculumRenameSchema = z.object({
  kind: z.enum(CURRICULUM_KINDS),
  id: positiveId,
  name: name('Nama', 200),
});
/** A topic added to a module, or a new module (moduleName) with its first topic. */
export const curriculumAddSchema = z
  .object({
    moduleId: positiveId.optional(),
    moduleName: name('Nama modul', 200).optional(),
    name: name('Nama sesi', 200),
  })
  .refine((v) => (v.moduleId === undefined) !== (v.moduleName === undefined), {
    message: 'Pilih modul, atau tulis nama modul baru.',
    path: ['moduleId'],
  });
export const curriculumActiveSchema = z.object({ kind: z.enum(CURRICULUM_KINDS), id: positiveId, active: z.boolean() });

export const planRefSchema = z.object({ groupId: positiveId, year: yearSchema });
export const planSaveSchema = planRefSchema.extend({
  /** A planned date per topic; null removes it from the plan. */
  dates: z.array(z.object({ topicId: positiveId, plannedOn: isoDate.nullable() })).max(500),
});
export type PlanSaveInput = z.infer<typeof planSaveSchema>;

export const speakerSchema = z.object({
  name: name('Nama narasumber', 100),
  institution: z.string().trim().max(150, 'Instansi narasumber paling panjang 150 karakter.').default(''),
});
/** A photo kept as it is (id), or a new one (base64 JPEG, shrunk by the renderer to at most 300 KB). */
export const meetingPhotoSchema = z.union([
  z.object({ id: positiveId }),
  z.object({
    mime: z.enum(['image/jpeg', 'image/png']),
    base64: z.string().max(Math.ceil((MEETING_LIMITS.photoBytes * 4) / 3) + 8),
  }),
]);
export const attendanceRowSchema = z.object({
  kpmId: positiveId,
  status: z.enum(ATTENDANCE).nullable().default(null),
  behaviourRating: z.enum(RATINGS).nullable().default(null),
  potentialRating: z.enum(RATINGS).nullable().default(null),
});
export type AttendanceRowInput = z.infer<typeof attendanceRowSchema>;

/** A meeting's record: new (no id) or a correction of a saved one (id), with its attendance, in one save. */
export const meetingSaveSchema = z.object({
  id: positiveId.optional(),
  groupId: positiveId,
  topicId: positiveId,
  heldOn: isoDate,
  startTime: time.default(''),
  endTime: time.default(''),
  place: z.string().trim().max(200, 'Tempat paling panjang 200 karakter.').default(''),
  pendampingId: positiveId.nullable().default(null),
  speakers: z.array(speakerSchema).max(MEETING_LIMITS.speakers, 'Paling banyak 3 narasumber.').default([]),
  notes: z.string().trim().max(2000, 'Catatan paling panjang 2.000 karakter.').default(''),
  photos: z.array(meetingPhotoSchema).max(MEETING_LIMITS.photos, 'Paling banyak 3 foto.').default([]),
  attendance: z.array(attendanceRowSchema).max(1000).default([]),
});
export type MeetingSaveInput = z.infer<typeof meetingSaveSchema>;

export const meetingListSchema = z.object({
  groupId: positiveId.nullable().default(null),
  villageCode: villageCodeSchema.nullable().default(null),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .default(null),
  pendampingId: positiveId.nullable().default(null),
  year: yearSchema.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type MeetingListInput = z.infer<typeof meetingListSchema>;
