import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { HEALTH_KINDS } from '../../main/domain/verkom';
import { art, kpm } from './kpm';
import { users } from './users';

/** The office's verifikasi komitmen settings, one row (id = 1); a missing row means the defaults. */
export const verkomSettings = sqliteTable('verkom_settings', {
  id: integer('id').primaryKey(),
  /** Attendance below this share of effective days misses the month's education commitment, in basis points. */
  thresholdBp: integer('threshold_bp').notNull(),
});

/** One committed school attendance form: the school, the quarter it covers and what matched. */
export const verkomImports = sqliteTable('verkom_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  /** SHA-256 of the file: the commit re-reads the same bytes the preview read. */
  fileSha256: text('file_sha256').notNull(),
  npsn: text('npsn').notNull(),
  schoolName: text('school_name').notNull(),
  year: integer('year').notNull(),
  quarter: integer('quarter').notNull(),
  rows: integer('rows').notNull(),
  matched: integer('matched').notNull(),
  unmatched: integer('unmatched').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

/** A student's attendance in one month, as the school reported it; compliance is judged against the setting. */
export const verkomEducation = sqliteTable(
  'verkom_education',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    artId: integer('art_id')
      .notNull()
      .references(() => art.id, { onDelete: 'cascade' }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id, { onDelete: 'cascade' }),
    /** YYYY-MM. */
    month: text('month').notNull(),
    alpa: integer('alpa').notNull(),
    izin: integer('izin').notNull(),
    sakit: integer('sakit').notNull(),
    jml: integer('jml').notNull(),
    /** Attendance as a share of effective days, in basis points (8500 = 85%). */
    attendanceBp: integer('attendance_bp').notNull(),
    npsn: text('npsn').notNull(),
    importId: integer('import_id')
      .notNull()
      .references(() => verkomImports.id),
  },
  (t) => [
    uniqueIndex('verkom_education_member_month_uq').on(t.artId, t.month),
    index('verkom_education_month_idx').on(t.month, t.kpmId, t.attendanceBp),
    index('verkom_education_kpm_idx').on(t.kpmId, t.month),
  ],
);

/**
 * A health commitment checked for one person and month: posyandu for a toddler, a pregnancy check-up, the
 * elderly's or the severely disabled's visit. person_key is the member's art id, 0 for the pengurus (a key
 * column cannot be NULL and still be unique).
 */
export const verkomHealth = sqliteTable(
  'verkom_health',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id, { onDelete: 'cascade' }),
    artId: integer('art_id').references(() => art.id, { onDelete: 'cascade' }),
    personKey: integer('person_key').notNull(),
    month: text('month').notNull(),
    kind: text('kind', { enum: HEALTH_KINDS }).notNull(),
    attended: integer('attended', { mode: 'boolean' }).notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('verkom_health_person_month_uq').on(t.kpmId, t.personKey, t.month, t.kind),
    index('verkom_health_month_idx').on(t.month, t.kpmId, t.attended),
  ],
);

/**
 * The families with a school or health check recorded in a month, per the family's pendamping now (pendamping_key 0:
 * none), whatever the check's outcome: the evaluation's "verifikasi komitmen dilakukan". Kept by triggers on
 * verkom_health, verkom_education and kpm (migration verkom_month_counts), so the writers stay unaware of it; a row
 * reaching zero is deleted. Counting it afresh walked 100,000 families against the month's 50,000 checked ids, 23 ms
 * of the evaluation page's 40 ms.
 */
export const verkomMonthCounts = sqliteTable(
  'verkom_month_counts',
  {
    /** YYYY-MM. */
    month: text('month').notNull(),
    pendampingKey: integer('pendamping_key').notNull(),
    families: integer('families').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.pendampingKey] })],
);

export type VerkomEducation = typeof verkomEducation.$inferSelect;
export type VerkomHealth = typeof verkomHealth.$inferSelect;
