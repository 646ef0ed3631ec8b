/**
 * The pendamping's month: one SQL per figure grouped by the family's pendamping (kpm.pendamping_id), optionally for one
 * pendamping; complaints' list and writes; month notes and evaluations. A month is YYYY-MM; dates are the office's
 * local ISO days, timestamps ISO instants (the caller passes the month's bounds as instants).
 */
import type { Db } from '../open';
import { prepareCached } from './kpm-search';

export interface PendampingCount {
  p: number;
  n: number;
}

/** ' AND <column> = ?' and its parameter when one pendamping is asked for. */
const onlyOne = (column: string, pendampingId: number | null) =>
  pendampingId === null ? { sql: '', params: [] } : { sql: ` AND ${column} = ?`, params: [pendampingId] };

function counts(db: Db, sql: string, params: (string | number)[]): PendampingCount[] {
  return prepareCached(db, sql).all(...params) as PendampingCount[];
}

export interface P2k2MonthRow {
  p: number;
  planned: number;
  held: number;
  marked: number;
  hadir: number;
}

/** The pendamping's groups' P2K2 month from the trigger-kept summary (p2k2_area_month_counts, kind pendamping). */
export function p2k2PendampingMonth(db: Db, month: string, pendampingId: number | null): P2k2MonthRow[] {
  const one = onlyOne('area_key', pendampingId === null ? null : pendampingId);
  return prepareCached(
    db,
    `SELECT CAST(area_key AS INTEGER) AS p, planned, meetings AS held, marked, hadir FROM p2k2_area_month_counts
     WHERE kind = 'pendamping' AND month = ? AND area_key <> '0'${one.sql}`,
  ).all(month, ...one.params.map(String)) as P2k2MonthRow[];
}

/** Candidacies recorded in [from, to) (instants) per the candidate's pendamping. */
export function candidaciesRecorded(db: Db, from: string, to: string, pendampingId: number | null): PendampingCount[] {
  const one = onlyOne('pendamping_id', pendampingId);
  return counts(
    db,
    `SELECT pendamping_id AS p, count(*) AS n FROM graduation_candidates
     WHERE created_at >= ? AND created_at < ? AND pendamping_id IS NOT NULL${one.sql} GROUP BY pendamping_id`,
    [from, to, ...one.params],
  );
}

/** Follow-up visits falling due, or made, in [first, last] per the family's pendamping. */
export function followUpVisits(
  db: Db,
  which: 'due' | 'made',
  first: string,
  last: string,
  pendampingId: number | null,
): PendampingCount[] {
  const column = which === 'due' ? 'v.due_date' : 'v.visited_date';
  const one = onlyOne('k.pendamping_id', pendampingId);
  return counts(
    db,
    `SELECT k.pendamping_id AS p, count(*) AS n FROM follow_up_visits v JOIN kpm k ON k.id = v.kpm_id
     WHERE ${column} >= ? AND ${column} <= ? AND k.pendamping_id IS NOT NULL${one.sql} GROUP BY k.pendamping_id`,
    [first, last, ...one.params],
  );
}

/**
 * Families with a school or health check recorded for the month, per pendamping: verkomMonthlyByPendamping's
 * familiesChecked without its members and compliance, read from the trigger-kept verkom_month_counts (a few hundred
 * rows, where counting afresh walked every family against the month's checked ids: 23 ms at 100,000 families).
 */
export function verkomFamiliesChecked(db: Db, month: string, pendampingId: number | null): PendampingCount[] {
  const one = onlyOne('pendamping_key', pendampingId);
  return counts(
    db,
    `SELECT pendamping_key AS p, families AS n FROM verkom_month_counts
     WHERE month = ? AND pendamping_key <> 0${one.sql} ORDER BY pendamping_key`,
    [month, ...one.params],
  );
}

/** Complaints received (date) or resolved (resolved_date) in [first, last] per the family's pendamping. */
export function complaintCounts(
  db: Db,
  which: 'received' | 'resolved',
  first: string,
  last: string,
  pendampingId: number | null,
): PendampingCount[] {
  const column = which === 'received' ? 'c.date' : 'c.resolved_date';
  const one = onlyOne('k.pendamping_id', pendampingId);
  return counts(
    db,
    `SELECT k.pendamping_id AS p, count(*) AS n FROM complaints c JOIN kpm k ON k.id = c.kpm_id
     WHERE ${column} >= ? AND ${column} <= ? AND k.pendamping_id IS NOT NULL${one.sql} GROUP BY k.pendamping_id`,
    [first, last, ...one.params],
  );
}

export interface ComplaintRow {
  id: number;
  kpmId: number;
  kpmName: string;
  pendampingId: number | null;
  pendampingName: string | null;
  date: string;
  issue: string;
  category: string;
  handledBy: string;
  resolvedDate: string | null;
  resolution: string;
  createdByName: string;
}

export interface ComplaintFilter {
  kpmId?: number;
  pendampingId: number | null;
  first?: string;
  last?: string;
  state: 'semua' | 'terbuka' | 'selesai';
}

function complaintWhere(f: ComplaintFilter): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (f.kpmId !== undefined) add('c.kpm_id = ?', f.kpmId);
  if (f.pendampingId !== null) add('k.pendamping_id = ?', f.pendampingId);
  if (f.first !== undefined && f.last !== undefined) add('c.date >= ? AND c.date <= ?', f.first, f.last);
  if (f.state === 'terbuka') where.push('c.resolved_date IS NULL');
  if (f.state === 'selesai') where.push('c.resolved_date IS NOT NULL');
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

const COMPLAINT_COLUMNS = `c.id, c.kpm_id AS kpmId, k.nama AS kpmName, k.pendamping_id AS pendampingId,
  p.name AS pendampingName, c.date, c.issue, c.category, c.handled_by AS handledBy, c.resolved_date AS resolvedDate,
  c.resolution, c.created_by_name AS createdByName`;
const COMPLAINT_FROM =
  'FROM complaints c JOIN kpm k ON k.id = c.kpm_id LEFT JOIN pendamping p ON p.id = k.pendamping_id';

export function complaintPage(
  db: Db,
  filter: ComplaintFilter,
  offset: number,
  limit: number,
): { items: ComplaintRow[]; total: number } {
  const { sql, params } = complaintWhere(filter);
  const total = db.$client
    .prepare(`SELECT count(*) ${COMPLAINT_FROM} ${sql}`)
    .pluck()
    .get(...params) as number;
  const items = db.$client
    .prepare(`SELECT ${COMPLAINT_COLUMNS} ${COMPLAINT_FROM} ${sql} ORDER BY c.date DESC, c.id DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as ComplaintRow[];
  return { items, total };
}

export function complaintById(db: Db, id: number): ComplaintRow | undefined {
  return db.$client.prepare(`SELECT ${COMPLAINT_COLUMNS} ${COMPLAINT_FROM} WHERE c.id = ?`).get(id) as
    | ComplaintRow
    | undefined;
}

/** A family's pendamping, or undefined when the family does not exist. */
export function familyPendamping(db: Db, kpmId: number): { pendampingId: number | null } | undefined {
  return db.$client.prepare('SELECT pendamping_id AS pendampingId FROM kpm WHERE id = ?').get(kpmId) as
    | { pendampingId: number | null }
    | undefined;
}

/** Every pendamping at work, or with a family, by name (the evaluation's rows). */
export function evaluatedPendamping(db: Db): { id: number; name: string; nip: string | null }[] {
  return prepareCached(db, 'SELECT id, name, nip FROM pendamping WHERE active = 1 ORDER BY name, id').all() as {
    id: number;
    name: string;
    nip: string | null;
  }[];
}
