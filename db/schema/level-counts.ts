import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AWARD_STAGES } from '../../main/domain/awards';
import { GRADUATED_STATUSES } from '../../main/domain/enums';
import { OPEN_STAGES } from '../../main/domain/graduation';

/**
 * The reports' summaries again, added up per kecamatan and per pendamping: kind 'kecamatan' (area_key the district
 * code) and kind 'pendamping' (area_key the pendamping id as text, '0' for none), kept by triggers on the summaries
 * themselves (migration report_level_counts), so they need no rule of their own. The per-kecamatan report and Beranda
 * read a few rows per kecamatan or pendamping here instead of adding up thousands of desa x pendamping rows (each
 * summary's sum was 1.5 to 2.7 ms of the report at 100,000 families); per desa, or with a filter the level does not
 * carry, the reports read the summaries below them.
 */
export const REPORT_LEVELS = ['kecamatan', 'pendamping'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

const kind = () => text('kind', { enum: REPORT_LEVELS }).notNull();
const areaKey = () => text('area_key').notNull();

/** kpm_area_counts per level: active families and their komponen. */
export const kpmLevelCounts = sqliteTable(
  'kpm_level_counts',
  {
    kind: kind(),
    areaKey: areaKey(),
    families: integer('families').notNull(),
    withoutKomponen: integer('without_komponen').notNull(),
    ibuHamil: integer('ibu_hamil').notNull(),
    anakUsiaDini: integer('anak_usia_dini').notNull(),
    anakSd: integer('anak_sd').notNull(),
    anakSmp: integer('anak_smp').notNull(),
    anakSma: integer('anak_sma').notNull(),
    disabilitasBerat: integer('disabilitas_berat').notNull(),
    lanjutUsia: integer('lanjut_usia').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.areaKey] })],
);

/** open_candidate_counts per level: open candidacies by stage. */
export const openCandidateLevelCounts = sqliteTable(
  'open_candidate_level_counts',
  {
    kind: kind(),
    areaKey: areaKey(),
    stage: text('stage', { enum: OPEN_STAGES }).notNull(),
    candidates: integer('candidates').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.areaKey, t.stage] })],
);

/** award_area_counts per level: counted awards by programme and stage, their number and rupiah. */
export const awardLevelCounts = sqliteTable(
  'award_level_counts',
  {
    programId: integer('program_id').notNull(),
    kind: kind(),
    areaKey: areaKey(),
    stage: text('stage', { enum: AWARD_STAGES }).notNull(),
    awards: integer('awards').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.kind, t.areaKey, t.stage] })],
);

/**
 * decided_graduations per level, month (YYYY-MM of the status date; a graduation without a date is in no month) and
 * graduation status; a family counts under its kecamatan and its candidate's pendamping, as Beranda counts it.
 */
export const decidedGraduationLevelCounts = sqliteTable(
  'decided_graduation_level_counts',
  {
    kind: kind(),
    month: text('month').notNull(),
    areaKey: areaKey(),
    status: text('status', { enum: GRADUATED_STATUSES }).notNull(),
    graduations: integer('graduations').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month, t.areaKey, t.status] })],
);
