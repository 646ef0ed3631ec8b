import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const count = (name: string) => integer(name).notNull().default(0);

/**
 * The figures both summaries carry, per group or per area and month; a function because each table needs its own
 * column builders.
 */
const monthFigures = () => ({
  /** Topics the group's plan (RTL) dates in the month. */
  planned: count('planned'),
  meetings: count('meetings'),
  marked: count('marked'),
  hadir: count('hadir'),
  izin: count('izin'),
  sakit: count('sakit'),
  alfa: count('alfa'),
  behaviourKurang: count('behaviour_kurang'),
  behaviourBaik: count('behaviour_baik'),
  behaviourSangatBaik: count('behaviour_sangat_baik'),
  behaviourTidakDapatDinilai: count('behaviour_tidak_dapat_dinilai'),
  potentialKurang: count('potential_kurang'),
  potentialBaik: count('potential_baik'),
  potentialSangatBaik: count('potential_sangat_baik'),
  potentialTidakDapatDinilai: count('potential_tidak_dapat_dinilai'),
});

/**
 * P2K2's figures per group and month (YYYY-MM of the meeting's or plan's date), kept in step with p2k2_plans,
 * p2k2_meetings and p2k2_attendance by triggers (migration p2k2_summaries_and_criterion_source): topics planned, meetings held, attendance rows with a status and per status,
 * and each rating's count. The reports add up about 60,000 rows for a year of 5,000 groups instead of reading 1.2
 * million attendance rows.
 */
export const p2k2MonthCounts = sqliteTable(
  'p2k2_month_counts',
  {
    groupId: integer('group_id').notNull(),
    month: text('month').notNull(),
    ...monthFigures(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.month] }), index('p2k2_month_counts_month_idx').on(t.month)],
);

/**
 * The same figures per area and month: kind 'desa' (area_key a desa code; its kecamatan is the code's first six
 * digits) and kind 'pendamping' (area_key the group's pendamping id, '0' for none), kept from p2k2_month_counts and the
 * groups' desa and pendamping by triggers (same migration). The reports per desa, kecamatan and pendamping
 * read a few thousand rows here; per kelompok, or with a filter the areas do not carry, they read p2k2_month_counts.
 */
export const p2k2AreaMonthCounts = sqliteTable(
  'p2k2_area_month_counts',
  {
    kind: text('kind', { enum: ['desa', 'pendamping'] }).notNull(),
    areaKey: text('area_key').notNull(),
    month: text('month').notNull(),
    ...monthFigures(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month, t.areaKey] })],
);

/**
 * A family's year in one group as two month sets (bit m-1 for month m): the months it was marked at a meeting and
 * the months it was HADIR, kept by the same triggers. "Never attending in months a..b" is marked & mask != 0 and
 * hadir & mask = 0: one row per family and year (about 100,000) instead of its twelve attendance rows, read from the
 * covering index without visiting the table.
 */
export const p2k2FamilyYears = sqliteTable(
  'p2k2_family_years',
  {
    kpmId: integer('kpm_id').notNull(),
    year: integer('year').notNull(),
    groupId: integer('group_id').notNull(),
    markedMonths: count('marked_months'),
    hadirMonths: count('hadir_months'),
  },
  (t) => [
    primaryKey({ columns: [t.kpmId, t.year, t.groupId] }),
    index('p2k2_family_years_year_idx').on(t.year, t.groupId, t.markedMonths, t.hadirMonths),
  ],
);
