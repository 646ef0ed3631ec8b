/**
 * P2K2 reports' queries: sessions planned and held, attendance and ratings per area (group, desa, kecamatan or
 * pendamping), the families absent (ALFA) per month for the follow-up, and one meeting's record for SIKS-NG. One SQL
 * per figure grouped by area, never a query per area. An area is the group's: its desa, the desa's kecamatan (the
 * first six digits of a Kemendagri desa code) and the group's pendamping.
 */
import { type Attendance, RATINGS, type Rating } from '../../main/domain/p2k2';
import type { Db } from '../open';

export const P2K2_AREAS = ['kelompok', 'desa', 'kecamatan', 'pendamping'] as const;
export type P2k2Area = (typeof P2K2_AREAS)[number];

/** The area of a group (g) as SQL. */
const AREA_KEY: Record<P2k2Area, string> = {
  kelompok: 'g.id',
  desa: 'g.village_code',
  kecamatan: 'substr(g.village_code, 1, 6)',
  pendamping: 'g.pendamping_id',
};

/** Which groups: all, one kecamatan's, one desa's, one pendamping's or one group. */
export interface P2k2Scope {
  area: P2k2Area;
  districtCode?: string;
  villageCode?: string;
  pendampingId?: number;
  groupId?: number;
}

export type P2k2Key = string | number | null;

function scopeSql(scope: P2k2Scope): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(` AND ${sql} = ?`);
    params.push(value);
  };
  add('substr(g.village_code, 1, 6)', scope.districtCode);
  add('g.village_code', scope.villageCode);
  add('g.pendamping_id', scope.pendampingId);
  add('g.id', scope.groupId);
  return { where: where.join(''), params };
}

const RATING_COLUMNS = (['behaviour', 'potential'] as const).flatMap((kind) =>
  RATINGS.map((rating) => ({ kind, rating, column: `${kind}_${rating}` })),
);

/** The figures of an area (summed over the months) or of a month (summed over the areas), from the summaries. */
export interface MonthCountRow {
  /** The area's key, or the month (YYYY-MM). */
  key: P2k2Key;
  planned: number;
  held: number;
  hadir: number;
  izin: number;
  sakit: number;
  alfa: number;
  ratings: { kind: 'behaviour' | 'potential'; rating: Rating; n: number }[];
}

/**
 * The summary an area report reads: p2k2_area_month_counts when its areas carry the report's grouping and filter
 * (desa or kecamatan without a pendamping; pendamping without a desa or kecamatan), else the groups' own
 * p2k2_month_counts. At 100,000 families the area rows for a year are a few thousand, the group rows 57,000.
 */
function summarySource(scope: P2k2Scope): { sql: string; key: string; params: (string | number)[] } {
  const place = scope.districtCode !== undefined || scope.villageCode !== undefined;
  const desa = scope.area === 'desa' || scope.area === 'kecamatan';
  if (scope.groupId === undefined && desa && scope.pendampingId === undefined) {
    const where: string[] = [];
    const params: (string | number)[] = ['desa'];
    if (scope.districtCode) {
      where.push(' AND substr(c.area_key, 1, 6) = ?');
      params.push(scope.districtCode);
    }
    if (scope.villageCode) {
      where.push(' AND c.area_key = ?');
      params.push(scope.villageCode);
    }
    const key = scope.area === 'desa' ? 'c.area_key' : 'substr(c.area_key, 1, 6)';
    return { sql: `p2k2_area_month_counts c WHERE c.kind = ?${where.join('')}`, key, params };
  }
  if (scope.groupId === undefined && scope.area === 'pendamping' && !place) {
    const own = scope.pendampingId === undefined ? '' : ' AND c.area_key = ?';
    const params = ['pendamping', ...(scope.pendampingId === undefined ? [] : [String(scope.pendampingId)])];
    const key = 'nullif(CAST(c.area_key AS INTEGER), 0)';
    return { sql: `p2k2_area_month_counts c WHERE c.kind = ?${own}`, key, params };
  }
  const { where, params } = scopeSql(scope);
  // every group's report keys its rows by the summary's own group_id: joining the 4,750 groups per row cost time
  if (scope.area === 'kelompok' && where === '')
    return { sql: 'p2k2_month_counts c WHERE 1', key: 'c.group_id', params };
  return {
    sql: `p2k2_month_counts c JOIN p2k2_groups g ON g.id = c.group_id WHERE 1${where}`,
    key: AREA_KEY[scope.area],
    params,
  };
}

/**
 * Topics planned, meetings held, attendance and ratings (months YYYY-MM from..to) per area or per month, summed in
 * SQL: a year of every group is 57,000 group-month rows, which read into JavaScript took most of a second, while
 * the report shows one row per area and one per month. An area with nothing planned or held is left out.
 */
export function monthCounts(
  db: Db,
  scope: P2k2Scope,
  fromMonth: string,
  toMonth: string,
  by: 'area' | 'month',
): MonthCountRow[] {
  // the months' totals depend on the filter only: the desa (or pendamping) summary carries it in a few thousand rows
  const area = scope.pendampingId === undefined ? 'desa' : 'pendamping';
  const source = summarySource(by === 'area' ? scope : { ...scope, area });
  const ratings = RATING_COLUMNS.map((r) => `sum(c.${r.column})`).join(', ');
  const rows = db.$client
    .prepare(
      `SELECT ${by === 'area' ? source.key : 'c.month'} AS key, sum(c.planned), sum(c.meetings), sum(c.hadir),
         sum(c.izin), sum(c.sakit), sum(c.alfa), ${ratings}
       FROM ${source.sql} AND c.month BETWEEN ? AND ? GROUP BY 1
       HAVING sum(c.planned) != 0 OR sum(c.meetings) != 0`,
    )
    .raw()
    .all(...source.params, fromMonth, toMonth) as [P2k2Key, ...number[]][];
  return rows.map(([key, planned, held, hadir, izin, sakit, alfa, ...counts]) => ({
    key,
    planned,
    held,
    hadir,
    izin,
    sakit,
    alfa,
    ratings: RATING_COLUMNS.map((r, i) => ({ kind: r.kind, rating: r.rating, n: counts[i] })),
  }));
}

/**
 * Families marked at some meeting in the months of `mask` (bit m-1 for month m) of `year` and HADIR at none, per
 * area, from p2k2_family_years: a family that moved counts in each group where it was marked and never came.
 * Counted per group from the covering index first, then added up per area: the area of each of 95,000 family
 * rows took half the kecamatan report's time.
 */
export function neverAttendingCounts(
  db: Db,
  scope: P2k2Scope,
  year: number,
  mask: number,
): { key: P2k2Key; n: number }[] {
  const { where, params } = scopeSql(scope);
  const groups = where === '' ? '' : ` AND f.group_id IN (SELECT g.id FROM p2k2_groups g WHERE 1${where})`;
  return db.$client
    .prepare(
      `SELECT ${AREA_KEY[scope.area]} AS key, sum(x.n) AS n
       FROM (SELECT f.group_id, count(*) AS n FROM p2k2_family_years f
         WHERE f.year = ? AND (f.marked_months & ?) != 0 AND (f.hadir_months & ?) = 0${groups} GROUP BY 1) x
       JOIN p2k2_groups g ON g.id = x.group_id GROUP BY 1`,
    )
    .all(year, mask, mask, ...params) as { key: P2k2Key; n: number }[];
}

/**
 * The areas' names: groups by name and desa, desa and kecamatan from regions, pendamping by name; in the order the
 * report lists them (by the parent's name, then the name), which the Map keeps.
 */
export function areaLabels(db: Db, area: P2k2Area, keys: P2k2Key[]): Map<P2k2Key, { label: string; parent: string }> {
  const wanted = keys.filter((k): k is string | number => k !== null);
  const labels = new Map<P2k2Key, { label: string; parent: string }>();
  if (wanted.length === 0) return labels;
  const marks = wanted.map(() => '?').join(', ');
  const sql: Record<P2k2Area, string> = {
    kelompok: `SELECT g.id AS key, g.name AS label, coalesce(r.name, g.village_code) AS parent
               FROM p2k2_groups g LEFT JOIN regions r ON r.code = g.village_code WHERE g.id IN (${marks})`,
    desa: `SELECT r.code AS key, r.name AS label, coalesce(d.name, '') AS parent
           FROM regions r LEFT JOIN regions d ON d.code = r.parent_code WHERE r.code IN (${marks})`,
    kecamatan: `SELECT code AS key, name AS label, '' AS parent FROM regions WHERE code IN (${marks})`,
    pendamping: `SELECT id AS key, name AS label, '' AS parent FROM pendamping WHERE id IN (${marks})`,
  };
  const rows = db.$client
    .prepare(`${sql[area]} ORDER BY parent COLLATE NOCASE, label COLLATE NOCASE`)
    .all(...wanted) as {
    key: string | number;
    label: string;
    parent: string;
  }[];
  for (const row of rows) labels.set(row.key, { label: row.label, parent: row.parent });
  return labels;
}

/** A family's ALFA months (YYYY-MM) from..to with its group and pendamping at the time (the latest such meeting). */
export interface AlfaMonthRow {
  kpmId: number;
  month: string;
  groupId: number;
  pendampingId: number | null;
}

export function alfaMonths(
  db: Db,
  from: string,
  to: string,
  only: { pendampingId?: number; kpmId?: number } = {},
): AlfaMonthRow[] {
  const filter = `${only.pendampingId === undefined ? '' : ' AND g.pendamping_id = ?'}${only.kpmId === undefined ? '' : ' AND a.kpm_id = ?'}`;
  const params = [only.pendampingId, only.kpmId].filter((v): v is number => v !== undefined);
  return db.$client
    .prepare(
      `SELECT a.kpm_id AS kpmId, substr(m.held_on, 1, 7) AS month, max(m.group_id) AS groupId,
         max(g.pendamping_id) AS pendampingId
       FROM p2k2_attendance a JOIN p2k2_meetings m ON m.id = a.meeting_id JOIN p2k2_groups g ON g.id = m.group_id
       WHERE a.status = 'alfa' AND m.held_on BETWEEN ? AND ?${filter}
       GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all(from, to, ...params) as AlfaMonthRow[];
}

/** The families of an absence list: name, NIK, No. KK and desa, their group's name and pendamping's name. */
export interface AbsentFamilyRow {
  kpmId: number;
  nama: string;
  nik: string;
  noKk: string;
  desa: string;
  groupId: number;
  groupName: string;
  pendampingName: string | null;
}

export function absentFamilies(db: Db, pairs: { kpmId: number; groupId: number }[]): AbsentFamilyRow[] {
  if (pairs.length === 0) return [];
  const values = pairs.map(() => '(?, ?)').join(', ');
  return db.$client
    .prepare(
      `WITH wanted(kpm_id, group_id) AS (VALUES ${values})
       SELECT k.id AS kpmId, k.nama, k.nik, k.no_kk AS noKk, coalesce(r.name, '') AS desa, g.id AS groupId,
         g.name AS groupName,
         p.name AS pendampingName
       FROM wanted w JOIN kpm k ON k.id = w.kpm_id JOIN p2k2_groups g ON g.id = w.group_id
         LEFT JOIN regions r ON r.code = k.village_code LEFT JOIN pendamping p ON p.id = g.pendamping_id`,
    )
    .all(...pairs.flatMap((p) => [p.kpmId, p.groupId])) as AbsentFamilyRow[];
}

export interface WarningRow {
  id: number;
  kpmId: number;
  absentUntil: string;
  givenOn: string;
  givenByName: string;
  documentId: number | null;
  documentNumber: string | null;
}

/** The warnings given to these families, with their letter's number. */
export function warningsOf(db: Db, kpmIds: number[]): WarningRow[] {
  if (kpmIds.length === 0) return [];
  return db.$client
    .prepare(
      `SELECT w.id, w.kpm_id AS kpmId, w.absent_until AS absentUntil, w.given_on AS givenOn,
         w.given_by_name AS givenByName, w.document_id AS documentId, d.number AS documentNumber
       FROM p2k2_warnings w LEFT JOIN documents d ON d.id = w.document_id
       WHERE w.kpm_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(kpmIds)) as WarningRow[];
}

export function insertWarning(
  db: Db,
  row: {
    kpmId: number;
    absentUntil: string;
    documentId: number | null;
    givenOn: string;
    givenBy: number | null;
    givenByName: string;
  },
): number {
  return Number(
    db.$client
      .prepare(
        `INSERT INTO p2k2_warnings (kpm_id, absent_until, document_id, given_on, given_by, given_by_name)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(row.kpmId, row.absentUntil, row.documentId, row.givenOn, row.givenBy, row.givenByName).lastInsertRowid,
  );
}

/** One meeting as SIKS-NG asks for it: where, when, what was taught, by whom, and the attendance counts. */
export interface MeetingRecordRow {
  id: number;
  heldOn: string;
  startTime: string;
  endTime: string;
  place: string;
  notes: string;
  speakers: string;
  groupName: string;
  desa: string;
  kecamatan: string;
  moduleName: string;
  topicName: string;
  pendampingName: string | null;
  members: number;
  hadir: number;
  izin: number;
  sakit: number;
  alfa: number;
  /** Ratings of "Perubahan perilaku" that are Baik or Sangat baik, and all given (not "Tidak dapat dinilai"). */
  behaviourGood: number;
  behaviourRated: number;
  potentialGood: number;
  potentialRated: number;
}

export function meetingRecord(db: Db, meetingId: number): MeetingRecordRow | undefined {
  return db.$client
    .prepare(
      `SELECT m.id, m.held_on AS heldOn, m.start_time AS startTime, m.end_time AS endTime, m.place, m.notes, m.speakers,
         g.name AS groupName, coalesce(v.name, '') AS desa, coalesce(d.name, '') AS kecamatan, md.name AS moduleName,
         t.name AS topicName, coalesce(p.name, gp.name) AS pendampingName,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id) AS members,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id AND a.status = 'hadir') AS hadir,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id AND a.status = 'izin') AS izin,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id AND a.status = 'sakit') AS sakit,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id AND a.status = 'alfa') AS alfa,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id
            AND a.behaviour_rating IN ('baik', 'sangat_baik')) AS behaviourGood,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id
            AND a.behaviour_rating IN ('kurang', 'baik', 'sangat_baik')) AS behaviourRated,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id
            AND a.potential_rating IN ('baik', 'sangat_baik')) AS potentialGood,
         (SELECT count(*) FROM p2k2_attendance a WHERE a.meeting_id = m.id
            AND a.potential_rating IN ('kurang', 'baik', 'sangat_baik')) AS potentialRated
       FROM p2k2_meetings m JOIN p2k2_groups g ON g.id = m.group_id JOIN p2k2_topics t ON t.id = m.topic_id
         JOIN p2k2_modules md ON md.id = t.module_id LEFT JOIN regions v ON v.code = g.village_code
         LEFT JOIN regions d ON d.code = substr(g.village_code, 1, 6) LEFT JOIN pendamping p ON p.id = m.pendamping_id
         LEFT JOIN pendamping gp ON gp.id = g.pendamping_id
       WHERE m.id = ?`,
    )
    .get(meetingId) as MeetingRecordRow | undefined;
}

/** A meeting's participants for SIKS-NG's upload: every family marked or not, in name order. */
export function meetingParticipants(
  db: Db,
  meetingId: number,
): { nama: string; nik: string; noKk: string; idKpm: string | null; status: Attendance | null }[] {
  return db.$client
    .prepare(
      `SELECT k.nama, k.nik, k.no_kk AS noKk, k.id_kpm AS idKpm, a.status FROM p2k2_attendance a
       JOIN kpm k ON k.id = a.kpm_id WHERE a.meeting_id = ? ORDER BY k.nama COLLATE NOCASE, k.id`,
    )
    .all(meetingId) as { nama: string; nik: string; noKk: string; idKpm: string | null; status: Attendance | null }[];
}

export function groupName(db: Db, groupId: number): string | undefined {
  return db.$client.prepare('SELECT name FROM p2k2_groups WHERE id = ?').pluck().get(groupId) as string | undefined;
}
