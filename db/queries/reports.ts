/**
 * The area reports' queries: one SQL per figure grouped by area (kecamatan, desa or pendamping), never a query
 * per area. The services (main/services/reports) shape the rows; the rules of what counts are named here once.
 */
import type { AwardStage } from '../../main/domain/awards';
import type { OPEN_STAGES } from '../../main/domain/graduation';
import { KOMPONEN, type Komponen } from '../../main/domain/komponen';
import type { ReportGroup } from '../../main/domain/reports';
import type { Db } from '../open';
import type { ReportLevel } from '../schema/level-counts';
import { VISITS_FROM } from './graduation';
import { prepareCached } from './kpm-search';

/** Which families: all, those of one kecamatan, or one pendamping's (their own report). */
export interface ReportScope {
  group: ReportGroup;
  districtCode?: string;
  pendampingId?: number;
}

/** An area's key as read: a kecamatan or desa code, a pendamping id, or null for families without one. */
export type AreaValue = string | number | null;

/**
 * The area of a family (k) by its own place and pendamping (a candidacy counts for the candidate's pendamping, as
 * Beranda's progress counts graduations: see openCandidateCounts).
 */
export const FAMILY_KEY: Record<ReportGroup, string> = {
  kecamatan: 'k.district_code',
  desa: 'k.village_code',
  pendamping: 'k.pendamping_id',
};

/** The scope as SQL conditions on the family (k). */
export function scopeSql(scope: ReportScope): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (scope.districtCode) {
    where.push(' AND k.district_code = ?');
    params.push(scope.districtCode);
  }
  if (scope.pendampingId !== undefined) {
    where.push(' AND k.pendamping_id = ?');
    params.push(scope.pendampingId);
  }
  return { where: where.join(''), params };
}

export type FamilyCountRow = { key: AreaValue; families: number; withoutKomponen: number } & Record<Komponen, number>;

/** The summary's key per group: pendamping_key 0 is a family without pendamping. */
const COUNT_KEY: Record<ReportGroup, string> = {
  kecamatan: 'district_code',
  desa: 'village_code',
  pendamping: 'pendamping_key',
};

/**
 * The level summary (kpm_level_counts and its like) a scope reads: its group's, unless it is filtered by what that
 * level does not carry (a pendamping's families per kecamatan, a kecamatan's per pendamping); null for the desa.
 */
export function levelOf(scope: ReportScope): ReportLevel | null {
  if (scope.group === 'kecamatan' && scope.pendampingId === undefined) return 'kecamatan';
  if (scope.group === 'pendamping' && !scope.districtCode) return 'pendamping';
  return null;
}

/** The scope over a level summary's kind and area_key (the pendamping id as text there). */
function levelScope(scope: ReportScope, level: ReportLevel): { where: string; params: (string | number)[] } {
  const area = level === 'kecamatan' ? scope.districtCode : scope.pendampingId;
  if (area === undefined || area === '') return { where: ' AND kind = ?', params: [level] };
  return { where: ' AND kind = ? AND area_key = ?', params: [level, String(area)] };
}

/** A summary's area as read: pendamping key 0 (or '0' in a level summary) is a family without pendamping. */
const areaValue = (area: string | number): AreaValue => (area === 0 || area === '0' ? null : area);

/** The scope over a summary table's own columns (kpm_area_counts, open_candidate_counts). */
function summaryScope(scope: ReportScope): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (scope.districtCode) {
    where.push(' AND district_code = ?');
    params.push(scope.districtCode);
  }
  if (scope.pendampingId !== undefined) {
    where.push(' AND pendamping_key = ?');
    params.push(scope.pendampingId);
  }
  return { where: where.join(''), params };
}

/**
 * Active families per area, with how many hold each komponen: from kpm_area_counts, which triggers keep in step with
 * kpm (about 8,000 rows at 100,000 families, instead of counting every family on each open), or its sums per
 * kecamatan or pendamping (kpm_level_counts, one row per area: adding up the 4,000 rows was 1.6 ms of the per-kecamatan report).
 */
export function activeFamilyCounts(db: Db, scope: ReportScope): FamilyCountRow[] {
  const level = levelOf(scope);
  const { where, params } = level ? levelScope(scope, level) : summaryScope(scope);
  const sql = level
    ? `SELECT area_key, families, without_komponen, ${KOMPONEN.join(', ')} FROM kpm_level_counts WHERE 1${where}`
    : `SELECT ${COUNT_KEY[scope.group]} AS area, sum(families), sum(without_komponen),
         ${KOMPONEN.map((k) => `sum(${k})`).join(', ')}
       FROM kpm_area_counts WHERE 1${where} GROUP BY area`;
  const rows = prepareCached(db, sql)
    .raw()
    .all(...params) as [string | number, number, number, ...number[]][];
  // Rows as arrays: better-sqlite3's row objects were a quarter of this query's time for 400 pendamping.
  return rows.map(([area, families, withoutKomponen, ...held]) => {
    const komponen = Object.fromEntries(KOMPONEN.map((k, i) => [k, held[i]])) as Record<Komponen, number>;
    return { key: areaValue(area), families, withoutKomponen, ...komponen };
  });
}

/** Families that left otherwise (status keluar) with their exit dated from..to, per area and month. */
export function otherExitCounts(
  db: Db,
  scope: ReportScope,
  from: string,
  to: string,
): { key: AreaValue; month: number; n: number }[] {
  const { where, params } = scopeSql(scope);
  return db.$client
    .prepare(
      `SELECT ${FAMILY_KEY[scope.group]} AS key, CAST(substr(k.status_date, 6, 2) AS INTEGER) AS month, count(*) AS n
       FROM kpm k WHERE k.status = 'keluar' AND k.status_date BETWEEN ? AND ?${where} GROUP BY 1, 2`,
    )
    .all(from, to, ...params) as { key: AreaValue; month: number; n: number }[];
}

export type OpenStage = (typeof OPEN_STAGES)[number];

/**
 * Candidates now in the pipeline (the open stages, as Beranda counts them) per area and stage: from
 * open_candidate_counts, which triggers keep in step with the candidacies and their families' places (finding each
 * candidate's family took about 4 of the per-kecamatan report's 30 ms CPU at 3,000 candidates), or its sums per
 * kecamatan or pendamping (open_candidate_level_counts). A candidacy counts under its family's kecamatan and desa and
 * its own pendamping.
 */
export function openCandidateCounts(db: Db, scope: ReportScope): { key: AreaValue; stage: OpenStage; n: number }[] {
  const level = levelOf(scope);
  const { where, params } = level ? levelScope(scope, level) : summaryScope(scope);
  const sql = level
    ? `SELECT area_key, stage, candidates FROM open_candidate_level_counts WHERE 1${where}`
    : `SELECT ${COUNT_KEY[scope.group]} AS area, stage, sum(candidates)
       FROM open_candidate_counts WHERE 1${where} GROUP BY area, stage`;
  const rows = prepareCached(db, sql)
    .raw()
    .all(...params) as [string | number, OpenStage, number][];
  return rows.map(([area, stage, n]) => ({ key: areaValue(area), stage, n }));
}

/**
 * The counted awards of the year's programmes per area and stage (their number and rupiah): from award_area_counts,
 * which triggers keep in step with the awards (the correction rule of awards.ts countedWhere: a replaced award does
 * not count) and their families' places. Finding each award's family and correction took about 11 of the
 * per-kecamatan report's 29 ms at 100,000 families and 5,000 awards; the summary is a few thousand rows, and its
 * sums per kecamatan or pendamping (award_level_counts) a few per programme and area.
 */
export function awardAreaCounts(
  db: Db,
  scope: ReportScope,
  year: number,
): { key: AreaValue; stage: AwardStage; n: number; total: number }[] {
  const level = levelOf(scope);
  const { where, params } = level ? levelScope(scope, level) : summaryScope(scope);
  const table = level ? 'award_level_counts' : 'award_area_counts';
  const rows = prepareCached(
    db,
    `SELECT ${level ? 'area_key' : COUNT_KEY[scope.group]} AS area, stage, sum(awards), sum(total)
     FROM ${table} WHERE program_id IN (SELECT id FROM award_programs WHERE year = ?)${where} GROUP BY area, stage`,
  )
    .raw()
    .all(year, ...params) as [string | number, AwardStage, number, number][];
  return rows.map(([area, stage, n, total]) => ({ key: areaValue(area), stage, n, total }));
}

/** Follow-up visits due from..to per area (the family's pendamping, as the Pemantauan list filters). */
export function dueVisitCounts(
  db: Db,
  scope: ReportScope,
  from: string,
  to: string,
): { key: AreaValue; due: number; done: number }[] {
  const { where, params } = scopeSql(scope);
  return db.$client
    .prepare(
      `SELECT ${FAMILY_KEY[scope.group]} AS key, count(*) AS due, count(v.visited_date) AS done
       ${VISITS_FROM} WHERE v.due_date BETWEEN ? AND ?${where} GROUP BY 1`,
    )
    .all(from, to, ...params) as { key: AreaValue; due: number; done: number }[];
}

/** Pendamping names by id. */
export function pendampingNames(db: Db, ids: readonly string[]): { id: number; name: string }[] {
  return db.$client
    .prepare('SELECT id, name FROM pendamping WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; name: string }[];
}

/** Region names by code, with the name of the region above (a desa's kecamatan). */
export function regionNames(db: Db, codes: readonly string[]): { code: string; name: string; parent: string }[] {
  return db.$client
    .prepare(
      `SELECT r.code, r.name, ifnull(p.name, '') AS parent FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
       WHERE r.code IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(codes)) as { code: string; name: string; parent: string }[];
}

/** One pendamping as their report heads it, or undefined. */
export function pendampingHeading(
  db: Db,
  id: number,
): { id: number; name: string; nip: string | null; active: number } | undefined {
  return db.$client.prepare('SELECT id, name, nip, active FROM pendamping WHERE id = ?').get(id) as
    | { id: number; name: string; nip: string | null; active: number }
    | undefined;
}

/** The names of the kecamatan a pendamping covers (their wilayah tugas), by name. */
export function pendampingDistrictNames(db: Db, id: number): string[] {
  return db.$client
    .prepare(
      `SELECT r.name FROM pendamping_districts pd JOIN regions r ON r.code = pd.district_code
       WHERE pd.pendamping_id = ? ORDER BY r.name`,
    )
    .pluck()
    .all(id) as string[];
}
