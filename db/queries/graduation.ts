/**
 * The graduation queries: decided graduations, the pipeline's counts, the targets' family counts and the follow-up
 * visits. The services (main/services/graduation) apply the rules around them.
 */
import { GRADUATED_STATUSES, type GraduatedStatus } from '../../main/domain/enums';
import {
  APPROVED_DECISION,
  CANDIDATE_STAGES,
  type CandidateStage,
  OPEN_STAGES,
  REJECTED_DECISION,
  type TargetMode,
  WITHDRAWN_STAGE,
} from '../../main/domain/graduation';
import type { Db } from '../open';
import type { ReportLevel } from '../schema/level-counts';
import { prepareCached } from './kpm-search';
import { quotedList } from './sql-text';

/** APPROVED_DECISION as an SQL literal: `pi.decision = ${APPROVED_ITEM}` is a proposal item that was approved. */
export const APPROVED_ITEM = quotedList([APPROVED_DECISION]);
/** REJECTED_DECISION as an SQL literal. */
export const REJECTED_ITEM = quotedList([REJECTED_DECISION]);
/** WITHDRAWN_STAGE as an SQL literal: `c.stage <> ${WITHDRAWN}` leaves withdrawn candidacies out. */
export const WITHDRAWN = quotedList([WITHDRAWN_STAGE]);

export interface GraduationRow {
  /** The family (kpm.id). */
  id: number;
  status: GraduatedStatus;
  /** The family's kecamatan. */
  d: string;
  /** The family's desa/kelurahan. */
  v: string;
  /** The graduation date (the family's status date). */
  at: string;
  /** The candidate's pendamping (the family's when it was proposed). */
  p: number | null;
}

/**
 * Families graduated from..to through an approved item of an unreversed decision, one row each: from
 * decided_graduations, which triggers keep in step with the rule (the families, candidacies, items and decisions), read
 * by its covering date index. Joining the year's decisions down to 2,000 families' rows took about 2.3 ms of every
 * Beranda and Laporan open at 100,000 families.
 */
export function decidedGraduationRows(db: Db, from: string, to: string): GraduationRow[] {
  // Rows as arrays, made objects here: better-sqlite3's own row objects cost more than the read itself.
  const rows = prepareCached(
    db,
    `SELECT kpm_id, status, district_code, village_code, status_date, pendamping_id FROM decided_graduations
     WHERE status_date BETWEEN ? AND ?`,
  )
    .raw()
    .all(from, to) as [number, GraduatedStatus, string, string, string, number | null][];
  return rows.map(([id, status, d, v, at, p]) => ({ id, status, d, v, at, p }));
}

/** Active families per pendamping (null: without one), from the kpm_level_counts summary (one row each). */
export function activeFamiliesPerPendamping(db: Db): { p: number | null; n: number }[] {
  const rows = prepareCached(
    db,
    "SELECT nullif(CAST(area_key AS INTEGER), 0), families FROM kpm_level_counts WHERE kind = 'pendamping'",
  )
    .raw()
    .all() as [number | null, number][];
  return rows.map(([p, n]) => ({ p, n }));
}

/** Decided graduations counted per area of a level and per graduation status (decided_graduation_level_counts). */
export interface GraduationCount {
  /** A kecamatan code, or a pendamping id as text ('0': the candidate had no pendamping). */
  area: string;
  status: GraduatedStatus;
  n: number;
}

/**
 * The decided graduations of months from..to (YYYY-MM) per area of a level and status, from
 * decided_graduation_level_counts: a few hundred sums instead of the 2,000 graduations of a year (reading those
 * rows was about 2.5 ms of every Beranda open at 100,000 families).
 */
export function decidedGraduationCounts(db: Db, level: ReportLevel, from: string, to: string): GraduationCount[] {
  const rows = prepareCached(
    db,
    `SELECT area_key, status, sum(graduations) FROM decided_graduation_level_counts
     WHERE kind = ? AND month BETWEEN ? AND ? GROUP BY area_key, status`,
  )
    .raw()
    .all(level, from, to) as [string, GraduatedStatus, number][];
  return rows.map(([area, status, n]) => ({ area, status, n }));
}

/** The same per month: the rows of a level from..to (YYYY-MM), of one area when given. */
export function decidedGraduationMonths(
  db: Db,
  level: ReportLevel,
  from: string,
  to: string,
  area?: string,
): (GraduationCount & { month: string })[] {
  const rows = prepareCached(
    db,
    `SELECT area_key, month, status, graduations FROM decided_graduation_level_counts
     WHERE kind = ? AND month BETWEEN ? AND ?${area === undefined ? '' : ' AND area_key = ?'}`,
  )
    .raw()
    .all(level, from, to, ...(area === undefined ? [] : [area])) as [string, string, GraduatedStatus, number][];
  return rows.map(([area, month, status, n]) => ({ area, month, status, n }));
}

/*
 * What the year's targets read on every Beranda and Laporan open, as statements prepared once: building each of these
 * through Drizzle's query builder cost about as much as running it (five queries, a few ms of the dashboard).
 */

/** The default targets of the graduation settings. */
export function targetDefaults(db: Db): { defaultTargetKpm: number; officeTargetPercent: number } | undefined {
  return prepareCached(
    db,
    'SELECT default_target_kpm AS defaultTargetKpm, office_target_percent AS officeTargetPercent FROM graduation_settings WHERE id = 1',
  ).get() as { defaultTargetKpm: number; officeTargetPercent: number } | undefined;
}

/** The targets set for a year: a pendamping's, or the office's (pendampingId null). */
export function yearTargetRows(
  db: Db,
  year: number,
): { pendampingId: number | null; mode: TargetMode; value: number }[] {
  return prepareCached(
    db,
    'SELECT pendamping_id AS pendampingId, mode, value FROM graduation_targets WHERE year = ?',
  ).all(year) as { pendampingId: number | null; mode: TargetMode; value: number }[];
}

/** Every pendamping by name, with whether they are at work. */
export function pendampingByName(db: Db): { id: number; name: string; active: boolean }[] {
  const rows = prepareCached(db, 'SELECT id, name, active FROM pendamping ORDER BY name').raw().all() as [
    number,
    string,
    number,
  ][];
  return rows.map(([id, name, active]) => ({ id, name, active: active === 1 }));
}

/** The kecamatan each pendamping covers (their wilayah tugas). */
export function pendampingCoverage(db: Db): { pendampingId: number; districtCode: string }[] {
  return prepareCached(
    db,
    'SELECT pendamping_id AS pendampingId, district_code AS districtCode FROM pendamping_districts',
  ).all() as { pendampingId: number; districtCode: string }[];
}

/**
 * Candidates by stage: every one in an open stage, and those closed (last changed) in the year. Each stage is read
 * as a range of candidate_stage_updated_idx (a closed stage from the year's first timestamp to the next year's): the
 * year as substr(updated_at, 1, 4) read every closed candidacy, about 0.9 of this count's 1.1 ms at 5,000.
 */
export function candidateStageCounts(db: Db, year: number): { stage: CandidateStage; n: number }[] {
  const closed = CANDIDATE_STAGES.filter((s) => !(OPEN_STAGES as readonly string[]).includes(s));
  return prepareCached(
    db,
    `SELECT stage, count(*) AS n FROM graduation_candidates WHERE stage IN (${quotedList(OPEN_STAGES)}) GROUP BY stage
     UNION ALL
     SELECT stage, count(*) AS n FROM graduation_candidates
     WHERE stage IN (${quotedList(closed)}) AND updated_at >= ? AND updated_at < ? GROUP BY stage`,
  ).all(String(year), String(year + 1)) as { stage: CandidateStage; n: number }[];
}

/** The visits still wanted: those of unreversed decisions (the lists and the reports count from the same rows). */
const WANTED_VISITS = `FROM follow_up_visits v
  JOIN decisions dc ON dc.id = v.decision_id AND dc.reversed_at IS NULL`;
/** The visits still wanted with their families (k). */
export const VISITS_FROM = `${WANTED_VISITS}
  JOIN kpm k ON k.id = v.kpm_id`;
const DUE = 'WHERE v.visited_date IS NULL AND v.due_date BETWEEN ? AND ?';

export interface DueVisitRow {
  id: number;
  kpmId: number;
  nama: string;
  idKpm: string | null;
  kecamatan: string | null;
  pendamping: string | null;
  monthsAfter: number;
  dueDate: string;
  skNumber: string;
}

/** Visits not made and due from..to (of one pendamping's families when given): how many, and one page of them. */
export function dueVisits(
  db: Db,
  filter: { from: string; to: string; pendampingId?: number | null },
  window: { limit: number; offset: number },
): { total: number; rows: DueVisitRow[] } {
  const byPendamping = filter.pendampingId ? ' AND k.pendamping_id = ?' : '';
  const params: (string | number)[] = filter.pendampingId
    ? [filter.from, filter.to, filter.pendampingId]
    : [filter.from, filter.to];
  const { total } = db.$client
    .prepare(`SELECT count(*) AS total ${VISITS_FROM} ${DUE}${byPendamping}`)
    .get(...params) as { total: number };
  const rows = db.$client
    .prepare(
      `SELECT v.id, v.kpm_id AS kpmId, k.nama, k.id_kpm AS idKpm, r.name AS kecamatan, p.name AS pendamping,
              v.months_after AS monthsAfter, v.due_date AS dueDate, dc.sk_number AS skNumber
       ${VISITS_FROM} LEFT JOIN pendamping p ON p.id = k.pendamping_id LEFT JOIN regions r ON r.code = k.district_code
       ${DUE}${byPendamping}
       ORDER BY v.due_date, k.nama, v.id LIMIT ? OFFSET ?`,
    )
    .all(...params, window.limit, window.offset) as DueVisitRow[];
  return { total, rows };
}

/**
 * How many visits are not made and due from..to: the wanted visits without reading their families (every visit has
 * one, a foreign key), which more than halved the count's time at 100,000 families.
 */
export function dueVisitCount(db: Db, from: string, to: string): number {
  return db.$client.prepare(`SELECT count(*) ${WANTED_VISITS} ${DUE}`).pluck().get(from, to) as number;
}

export interface VisitToRecord {
  id: number;
  kpmId: number;
  monthsAfter: number;
  visitedDate: string | null;
  skDate: string;
  reversedAt: string | null;
  nama: string;
  /** The family's pendamping: a pendamping account records only its own families' visits. */
  pendampingId: number | null;
}

/** One visit with its decision's SK date and reversal, to record it. */
export function visitToRecord(db: Db, id: number): VisitToRecord | undefined {
  return db.$client
    .prepare(
      `SELECT v.id, v.kpm_id AS kpmId, v.months_after AS monthsAfter, v.visited_date AS visitedDate,
              dc.sk_date AS skDate, dc.reversed_at AS reversedAt, k.nama,
              k.pendamping_id AS pendampingId
       FROM follow_up_visits v JOIN decisions dc ON dc.id = v.decision_id JOIN kpm k ON k.id = v.kpm_id
       WHERE v.id = ?`,
    )
    .get(id) as VisitToRecord | undefined;
}

/** The writes of a decision, prepared once for all its items. */
export function decisionWrites(db: Db) {
  const sqlite = db.$client;
  const graduate = sqlite.prepare(
    "UPDATE kpm SET status = ?, exit_type_id = ?, status_reason = ?, status_date = ?, updated_at = ? WHERE id = ? AND status = 'aktif'",
  );
  const stage = sqlite.prepare(
    'UPDATE graduation_candidates SET stage = ?, closed_reason = ?, updated_at = ? WHERE id = ?',
  );
  const item = sqlite.prepare(
    'UPDATE proposal_items SET decision = ?, reject_reason = ? WHERE proposal_id = ? AND candidate_id = ?',
  );
  const visit = sqlite.prepare(
    'INSERT INTO follow_up_visits (kpm_id, decision_id, months_after, due_date) VALUES (?, ?, ?, ?)',
  );
  return {
    /** Graduates an active family; false when it is no longer active (nothing changed). */
    graduate: (
      kpmId: number,
      to: { status: GraduatedStatus; exitTypeId: number; statusReason: string; statusDate: string },
      now: string,
    ) => graduate.run(to.status, to.exitTypeId, to.statusReason, to.statusDate, now, kpmId).changes === 1,
    setStage: (candidateId: number, to: string, closedReason: string | null, now: string) => {
      stage.run(to, closedReason, now, candidateId);
    },
    setItem: (proposalId: number, candidateId: number, decision: string, rejectReason: string | null) => {
      item.run(decision, rejectReason, proposalId, candidateId);
    },
    addVisit: (kpmId: number, decisionId: number, monthsAfter: number, dueDate: string) => {
      visit.run(kpmId, decisionId, monthsAfter, dueDate);
    },
  };
}

export interface FamilyExit {
  status: string;
  exitTypeId: number | null;
  statusReason: string | null;
  statusDate: string | null;
}

/** The writes of a reversal, prepared once for all its items. */
export function reversalWrites(db: Db) {
  const sqlite = db.$client;
  const restore = sqlite.prepare(
    `UPDATE kpm SET status = 'aktif', exit_type_id = NULL, status_reason = NULL, status_date = NULL, updated_at = ?
     WHERE id = ? AND status IN (${quotedList(GRADUATED_STATUSES)}) AND status_date = ?`,
  );
  const read = sqlite.prepare(
    'SELECT status, exit_type_id AS exitTypeId, status_reason AS statusReason, status_date AS statusDate FROM kpm WHERE id = ?',
  );
  return {
    exitOf: (kpmId: number) => read.get(kpmId) as FamilyExit | undefined,
    /** Makes a family graduated on skDate active again; false when its status changed since (nothing changed). */
    restore: (kpmId: number, skDate: string, now: string) => restore.run(now, kpmId, skDate).changes === 1,
  };
}

/** Drops the visits of a decision not made yet (a reversed decision wants none). */
export function dropOpenVisits(db: Db, decisionId: number): void {
  db.$client.prepare('DELETE FROM follow_up_visits WHERE decision_id = ? AND visited_date IS NULL').run(decisionId);
}
