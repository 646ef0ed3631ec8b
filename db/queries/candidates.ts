/** The queries of the candidate list and the alamiah scan: the family filters they share, and their pages. */
import type { CandidateKind, CandidateStage } from '../../main/domain/graduation';
import { OPEN_STAGES } from '../../main/domain/graduation';

/** The stages the verification queue lists: awaiting verification, or verified and not yet proposed. */
const VERIFICATION_STAGES = ['candidate', 'verified'] as const satisfies readonly CandidateStage[];

import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { assessments, graduationCandidates, kpm } from '../schema';
import { prepareCached } from './kpm-search';
import { quotedList } from './sql-text';

/** Filters shared by the candidate list and the alamiah scan. */
export interface FamilyFilters {
  pendampingId: number | null;
  districtCode: string | null;
  villageCode: string | null;
  /** At least this many years in PKH (from tahun_bergabung, counted in the reference year). */
  minYears: number | null;
}

/** The family filters as SQL on kpm k; the year is the reference date's. */
export function familyFilterSql(
  filters: FamilyFilters,
  year: number,
): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filters.pendampingId !== null) {
    where.push('k.pendamping_id = ?');
    params.push(filters.pendampingId);
  }
  if (filters.districtCode) {
    where.push('k.district_code = ?');
    params.push(filters.districtCode);
  }
  if (filters.villageCode) {
    where.push('k.village_code = ?');
    params.push(filters.villageCode);
  }
  if (filters.minYears !== null) {
    where.push('k.tahun_bergabung <= ?');
    params.push(year - filters.minYears);
  }
  return { where, params };
}

export interface CandidateListRow {
  id: number;
  kpmId: number;
  idKpm: string | null;
  nik: string;
  nama: string;
  kind: CandidateKind;
  stage: CandidateStage;
  /** JSON text of the reasons. */
  reasons: string;
  notes: string;
  tahunBergabung: number | null;
  pendampingName: string | null;
  districtName: string | null;
  villageName: string | null;
  createdByName: string;
  createdAt: string;
  closedReason: string | null;
}

/** One page of candidates, newest first, with how many there are in all. */
export function candidatePage(
  db: Db,
  filter: { families: FamilyFilters; year: number; kind: CandidateKind | null; stage: CandidateStage | null },
  window: { limit: number; offset: number },
): { total: number; rows: CandidateListRow[] } {
  const filters = familyFilterSql(filter.families, filter.year);
  const where = [...filters.where];
  const params = [...filters.params];
  if (filter.kind) {
    where.push('c.kind = ?');
    params.push(filter.kind);
  }
  if (filter.stage) {
    where.push('c.stage = ?');
    params.push(filter.stage);
  }
  const from = `FROM graduation_candidates c JOIN kpm k ON k.id = c.kpm_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const total = (prepareCached(db, `SELECT count(*) AS total ${from}`).get(...params) as { total: number }).total;
  const rows = prepareCached(
    db,
    `SELECT c.id, c.kpm_id AS kpmId, k.id_kpm AS idKpm, k.nik, k.nama, c.kind, c.stage, c.reasons, c.notes,
       k.tahun_bergabung AS tahunBergabung, c.created_by_name AS createdByName, c.created_at AS createdAt,
       c.closed_reason AS closedReason,
       (SELECT name FROM pendamping WHERE id = c.pendamping_id) AS pendampingName,
       (SELECT name FROM regions WHERE code = k.district_code) AS districtName,
       (SELECT name FROM regions WHERE code = k.village_code) AS villageName
     ${from} ORDER BY c.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, window.limit, window.offset) as CandidateListRow[];
  return { total, rows };
}

/**
 * Every active family of the filters with its members, one row per member (the pengurus's own columns first,
 * then the member's: id, tanggal_lahir, komponen; null for a family without members), in family order. The unary
 * + keeps SQLite off the status index: reading kpm in rowid order needs no sort (a sort of 400,000 joined rows
 * took about as long as the rest of the scan).
 */
export function activeFamiliesWithMembers(db: Db, filters: FamilyFilters, year: number): Iterable<unknown[]> {
  const { where, params } = familyFilterSql(filters, year);
  return prepareCached(
    db,
    `SELECT k.id, k.tanggal_lahir, k.komponen, a.id, a.tanggal_lahir, a.komponen
     FROM kpm k LEFT JOIN art a ON a.kpm_id = k.id
     WHERE ${["+k.status = 'aktif'", ...where].join(' AND ')}
     ORDER BY k.id`,
  )
    .raw()
    .iterate(...params) as Iterable<unknown[]>;
}

/** The families with an open candidacy (few: one set, not a subquery per family). */
export function familiesWithOpenCandidacy(db: Db): Set<number> {
  return new Set(
    prepareCached(db, `SELECT kpm_id FROM graduation_candidates WHERE stage IN (${quotedList(OPEN_STAGES)})`)
      .pluck()
      .all() as number[],
  );
}

export interface FamilyNames {
  id: number;
  idKpm: string | null;
  nama: string;
  tahunBergabung: number | null;
  pendampingName: string | null;
  districtName: string | null;
  villageName: string | null;
}

/** The names a page of families shows. */
export function familyNames(db: Db, ids: readonly number[]): FamilyNames[] {
  return db.$client
    .prepare(
      `SELECT k.id, k.id_kpm AS idKpm, k.nama, k.tahun_bergabung AS tahunBergabung,
         (SELECT name FROM pendamping WHERE id = k.pendamping_id) AS pendampingName,
         (SELECT name FROM regions WHERE code = k.district_code) AS districtName,
         (SELECT name FROM regions WHERE code = k.village_code) AS villageName
       FROM kpm k WHERE k.id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as FamilyNames[];
}

/** Members' names by their ids. */
export function memberNamesById(db: Db, ids: readonly number[]): { id: number; nama: string }[] {
  return db.$client.prepare(`SELECT id, nama FROM art WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as {
    id: number;
    nama: string;
  }[];
}

/** One page of the verification queue (candidates in stage candidate or verified), with their latest assessment. */
export function verificationQueuePage(db: Db, q: string, window: { limit: number; offset: number }) {
  const { limit, offset } = window;
  const where = sql`${graduationCandidates.stage} IN (${sql.raw(quotedList(VERIFICATION_STAGES))})${
    q ? sql` AND (${kpm.nama} LIKE ${`%${q}%`} OR ${kpm.nik} = ${q} OR ${kpm.idKpm} = ${q})` : sql``
  }`;
  const last = sql`(SELECT a.id FROM assessments a WHERE a.candidate_id = ${graduationCandidates.id} ORDER BY a.id DESC LIMIT 1)`;
  const items = db
    .select({
      candidateId: graduationCandidates.id,
      kpmId: kpm.id,
      nama: kpm.nama,
      nik: kpm.nik,
      idKpm: kpm.idKpm,
      kind: graduationCandidates.kind,
      stage: graduationCandidates.stage,
      reasons: graduationCandidates.reasons,
      lastScore: assessments.score,
      lastRecommendation: assessments.recommendation,
      lastVisitDate: assessments.visitDate,
      assessmentCount: sql<number>`(SELECT count(*) FROM assessments a WHERE a.candidate_id = ${graduationCandidates.id})`,
    })
    .from(graduationCandidates)
    .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
    .leftJoin(assessments, sql`${assessments.id} = ${last}`)
    .where(where)
    .orderBy(asc(graduationCandidates.stage), asc(kpm.nama))
    .limit(limit)
    .offset(offset)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(graduationCandidates)
      .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
      .where(where)
      .get()?.n ?? 0;
  return { items, total };
}

export interface FamilyLookup {
  id: number;
  nama: string;
  status: string;
  /** The stage of its open candidacy, if any. */
  openStage: string | null;
}

/** A family by NIK or ID KPM (already compacted), with its open candidacy's stage. */
export function familyByNikOrIdKpm(db: Db, compact: string): FamilyLookup | undefined {
  return prepareCached(
    db,
    `SELECT k.id, k.nama, k.status,
       (SELECT stage FROM graduation_candidates c
        WHERE c.kpm_id = k.id AND c.stage IN (${quotedList(OPEN_STAGES)})) AS openStage
     FROM kpm k WHERE k.nik = ? OR k.id_kpm = ?`,
  ).get(compact, compact) as FamilyLookup | undefined;
}
