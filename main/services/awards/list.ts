/**
 * Awards as lists show them: one row shape for the award list, the family page, the recipients list
 * and the reports' tables (`awardRows`), and the detail of one award with its lines and handover.
 */
import type { Db } from '../../../db/open';
import { NOT_REPLACED } from '../../../db/queries/awards';
import type { AwardLine } from '../../../db/schema';
import type { AwardStage } from '../../domain/awards';
import { AppError } from '../../domain/errors';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import { prepareCached } from '../kpm-search';
import { packageText } from './package';
import type { AwardDetail, AwardRow } from './types';

export interface AwardFilter {
  programId?: number;
  stage?: AwardStage;
  kpmId?: number;
  ids?: number[];
  /** The family's name (part of it) or the start of its NIK. */
  q?: string;
  /** Leave out awards a correction replaced (they no longer count). */
  countingOnly?: boolean;
  /** Leave out cancelled awards (with countingOnly: the awards that use the budget). */
  withoutCancelled?: boolean;
  /** The programmes of this year. */
  year?: number;
  /** Handed over on this date. */
  handoverDate?: string;
}

const ROW_SELECT = `SELECT a.id, a.program_id AS programId, p.name AS programName, a.kpm_id AS kpmId, k.nama, k.nik,
    coalesce((SELECT name FROM regions WHERE code = k.village_code), '') AS desa,
    coalesce((SELECT name FROM regions WHERE code = k.district_code), '') AS kecamatan,
    a.stage, a.business_type AS businessType, a.total, a.cash, a.planned_by_name AS plannedByName,
    a.approved_by_name AS approvedByName, a.handover_date AS handoverDate,
    (SELECT number FROM documents WHERE id = a.bast_document_id) AS bastNumber,
    a.corrects_award_id AS correctsAwardId,
    (SELECT c.id FROM awards c WHERE c.corrects_award_id = a.id) AS correctedByAwardId,
    a.cancel_reason AS cancelReason`;
const ROW_FROM = 'FROM awards a JOIN award_programs p ON p.id = a.program_id JOIN kpm k ON k.id = a.kpm_id';

function filterSql(filter: AwardFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.programId !== undefined) add('a.program_id = ?', filter.programId);
  if (filter.stage !== undefined) add('a.stage = ?', filter.stage);
  if (filter.kpmId !== undefined) add('a.kpm_id = ?', filter.kpmId);
  if (filter.ids !== undefined) add('a.id IN (SELECT value FROM json_each(?))', JSON.stringify(filter.ids));
  if (filter.handoverDate !== undefined) add('a.handover_date = ?', filter.handoverDate);
  if (filter.year !== undefined) add('p.year = ?', filter.year);
  if (filter.countingOnly) add(NOT_REPLACED);
  if (filter.withoutCancelled) add("a.stage <> 'dibatalkan'");
  const q = filter.q?.trim();
  if (q && /^\d+$/.test(q)) add('k.nik LIKE ?', `${q}%`);
  else if (q) add("k.nama LIKE ? ESCAPE '\\'", `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The lines of these awards, in order, by award. */
export function linesOf(db: Db, awardIds: number[]): Map<number, AwardLine[]> {
  const rows = prepareCached(
    db,
    `SELECT award_id AS awardId, line_no AS lineNo, item_id AS itemId, item_name AS itemName, unit, quantity,
       unit_price AS unitPrice, amount
     FROM award_lines WHERE award_id IN (SELECT value FROM json_each(?)) ORDER BY award_id, line_no`,
  ).all(JSON.stringify(awardIds)) as AwardLine[];
  const byAward = new Map<number, AwardLine[]>();
  for (const line of rows) byAward.set(line.awardId, [...(byAward.get(line.awardId) ?? []), line]);
  return byAward;
}

/** A row as read by ROW_SELECT, with its package text from its lines. */
export function toAwardRow(row: Omit<AwardRow, 'packageText'>, lines: AwardLine[]): AwardRow {
  return { ...row, packageText: packageText(lines, row.cash) };
}

/**
 * Award rows matching the filter, in the given order (default: family name), optionally one window of them.
 * The rows' packages come from one query for the whole window.
 */
export function awardRows(
  db: Db,
  filter: AwardFilter,
  window?: { offset: number; limit: number },
  orderBy = 'k.nama COLLATE NOCASE, a.id',
): AwardRow[] {
  const { where, params } = filterSql(filter);
  const limit = window ? ' LIMIT ? OFFSET ?' : '';
  const rows = prepareCached(db, `${ROW_SELECT} ${ROW_FROM} ${where} ORDER BY ${orderBy}${limit}`).all(
    ...params,
    ...(window ? [window.limit, window.offset] : []),
  ) as Omit<AwardRow, 'packageText'>[];
  const lines = linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAwardRow(r, lines.get(r.id) ?? []));
}

export function countAwards(db: Db, filter: AwardFilter): number {
  const { where, params } = filterSql(filter);
  return (prepareCached(db, `SELECT count(*) AS n ${ROW_FROM} ${where}`).get(...params) as { n: number }).n;
}

export function listAwards(
  db: Db,
  input: PagingInput & { programId?: number; stage?: AwardStage; q: string },
): Page<AwardRow> {
  const filter = { programId: input.programId, stage: input.stage, q: input.q };
  return {
    items: awardRows(db, filter, pageWindow(input), 'a.id DESC'),
    total: countAwards(db, filter),
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** A family's awards, newest first (the family page). */
export function awardsForFamily(db: Db, kpmId: number): AwardRow[] {
  return awardRows(db, { kpmId }, undefined, 'a.id DESC');
}

export function getAward(db: Db, id: number): AwardDetail {
  const [row] = awardRows(db, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND', 'Bantuan tidak ditemukan.');
  const extra = prepareCached(
    db,
    `SELECT notes, receiver_name AS receiverName, receiver_relationship AS receiverRelationship, witnesses,
       bast_document_id AS bastDocumentId, correction_reason AS correctionReason FROM awards WHERE id = ?`,
  ).get(id) as Omit<AwardDetail, keyof AwardRow | 'lines' | 'witnesses'> & { witnesses: string | null };
  return {
    ...row,
    ...extra,
    witnesses: extra.witnesses ? (JSON.parse(extra.witnesses) as AwardDetail['witnesses']) : [],
    lines: linesOf(db, [id]).get(id) ?? [],
  };
}
