/**
 * Awards as lists read them: one row shape for the award list, the family page, the recipients list and the
 * reports' tables, filtered and ordered here; the lines of the awards; the detail of one award.
 */
import type { AwardStage } from '../../main/domain/awards';
import type { Db } from '../open';
import type { AwardLine } from '../schema';
import { NOT_REPLACED, notCancelled } from './awards';
import { prepareCached } from './kpm-search';

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

/** The orders lists show awards in: by family name, newest first, or as the reports group them. */
const AWARD_ORDER = {
  name: 'k.nama COLLATE NOCASE, a.id',
  newest: 'a.id DESC',
  report: 'p.year DESC, p.name, p.id, kecamatan, desa, k.nama COLLATE NOCASE, a.id',
} as const;
export type AwardOrder = keyof typeof AWARD_ORDER;

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
  if (filter.withoutCancelled) add(notCancelled('a'));
  const q = filter.q?.trim();
  if (q && /^\d+$/.test(q)) add('k.nik LIKE ?', `${q}%`);
  else if (q) add("k.nama LIKE ? ESCAPE '\\'", `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * The award rows matching the filter, in the order, optionally one window of them (`Row` is the list's row
 * without its package text).
 */
export function awardListRows<Row>(
  db: Db,
  filter: AwardFilter,
  window: { offset: number; limit: number } | undefined,
  order: AwardOrder,
): Row[] {
  const { where, params } = filterSql(filter);
  const limit = window ? ' LIMIT ? OFFSET ?' : '';
  return prepareCached(db, `${ROW_SELECT} ${ROW_FROM} ${where} ORDER BY ${AWARD_ORDER[order]}${limit}`).all(
    ...params,
    ...(window ? [window.limit, window.offset] : []),
  ) as Row[];
}

/** How many awards match the filter. */
export function awardCount(db: Db, filter: AwardFilter): number {
  const { where, params } = filterSql(filter);
  return (prepareCached(db, `SELECT count(*) AS n ${ROW_FROM} ${where}`).get(...params) as { n: number }).n;
}

/** The lines of these awards, in award and line order. */
export function awardLinesOf(db: Db, awardIds: readonly number[]): AwardLine[] {
  return prepareCached(
    db,
    `SELECT award_id AS awardId, line_no AS lineNo, item_id AS itemId, item_name AS itemName, unit, quantity,
       unit_price AS unitPrice, amount
     FROM award_lines WHERE award_id IN (SELECT value FROM json_each(?)) ORDER BY award_id, line_no`,
  ).all(JSON.stringify(awardIds)) as AwardLine[];
}

/** What the detail of one award shows beyond its list row (witnesses as stored JSON). */
export interface AwardExtra {
  notes: string;
  receiverName: string | null;
  receiverRelationship: string | null;
  witnesses: string | null;
  bastDocumentId: number | null;
  correctionReason: string | null;
}

export function awardExtra(db: Db, id: number): AwardExtra {
  return prepareCached(
    db,
    `SELECT notes, receiver_name AS receiverName, receiver_relationship AS receiverRelationship, witnesses,
       bast_document_id AS bastDocumentId, correction_reason AS correctionReason FROM awards WHERE id = ?`,
  ).get(id) as AwardExtra;
}
