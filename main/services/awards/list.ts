/**
 * Awards as lists show them: one row shape for the award list, the family page, the recipients list
 * and the reports' tables (`awardRows`), and the detail of one award with its lines and handover.
 */
import type { Db } from '../../../db/open';
import {
  type AwardFilter,
  type AwardOrder,
  awardCount,
  awardExtra,
  awardLinesOf,
  awardListRows,
} from '../../../db/queries/award-list';
import type { AwardLine } from '../../../db/schema';
import type { AwardStage } from '../../domain/awards';
import { AppError } from '../../domain/errors';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import { packageText } from './package';
import type { AwardDetail, AwardRow } from './types';

/** The lines of these awards, in order, by award. */
export function linesOf(db: Db, awardIds: number[]): Map<number, AwardLine[]> {
  const rows = awardLinesOf(db, awardIds);
  const byAward = new Map<number, AwardLine[]>();
  for (const line of rows) byAward.set(line.awardId, [...(byAward.get(line.awardId) ?? []), line]);
  return byAward;
}

/** A row as the list query reads it, with its package text from its lines. */
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
  order: AwardOrder = 'name',
): AwardRow[] {
  const rows = awardListRows<Omit<AwardRow, 'packageText'>>(db, filter, window, order);
  const lines = linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAwardRow(r, lines.get(r.id) ?? []));
}

export function listAwards(
  db: Db,
  input: PagingInput & { programId?: number; stage?: AwardStage; q: string },
): Page<AwardRow> {
  const filter = { programId: input.programId, stage: input.stage, q: input.q };
  return {
    items: awardRows(db, filter, pageWindow(input), 'newest'),
    total: awardCount(db, filter),
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** A family's awards, newest first (the family page). */
export function awardsForFamily(db: Db, kpmId: number): AwardRow[] {
  return awardRows(db, { kpmId }, undefined, 'newest');
}

export function getAward(db: Db, id: number): AwardDetail {
  const [row] = awardRows(db, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND', 'Bantuan tidak ditemukan.');
  const extra = awardExtra(db, id);
  return {
    ...row,
    ...extra,
    witnesses: extra.witnesses ? (JSON.parse(extra.witnesses) as AwardDetail['witnesses']) : [],
    lines: linesOf(db, [id]).get(id) ?? [],
  };
}
