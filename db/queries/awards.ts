/**
 * The award queries. What counts is one rule (countedWhere): an award replaced by a correction never counts; a
 * cancelled one is counted as cancelled and holds no money. The budget guard, the programme list and the reports
 * all read it through here.
 */
import { type AwardStage, CANCELLED_STAGE, type FundingSource } from '../../main/domain/awards';
import type { Db } from '../open';
import { quotedList } from './sql-text';

/** Which awards: one programme, one year's programmes, or all. */
export interface AwardScope {
  year?: number;
  programId?: number;
}

/** The award `alias` is not replaced by a correction (no award corrects it). */
export const notReplaced = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = ${alias}.id)`;

/** The award `a` is not replaced by a correction (no award has corrects_award_id = a.id). */
export const NOT_REPLACED = notReplaced('a');

/** The award `alias` is not cancelled. */
export const notCancelled = (alias: string) => `${alias}.stage <> ${quotedList([CANCELLED_STAGE])}`;

/**
 * The rule as the WHERE over `awards a JOIN award_programs p`, with the scope: an award replaced by a
 * correction never counts; a cancelled one only when asked (it is counted, it holds no money).
 */
function countedWhere(scope: AwardScope, options: { cancelled: boolean }): { where: string; params: number[] } {
  const where = [NOT_REPLACED];
  if (!options.cancelled) where.push(notCancelled('a'));
  const params: number[] = [];
  if (scope.programId !== undefined) {
    where.push('a.program_id = ?');
    params.push(scope.programId);
  }
  if (scope.year !== undefined) {
    where.push('p.year = ?');
    params.push(scope.year);
  }
  return { where: where.join(' AND '), params };
}

/** One counted award with what the reports group it by. */
export interface CountedAward {
  programId: number;
  kpmId: number;
  stage: AwardStage;
  total: number;
  businessType: string;
  fundingSource: FundingSource;
  /** The family's kecamatan and desa codes ('' unless read with place). */
  districtCode: string;
  villageCode: string;
}

/** The awards that count (cancelled ones included, replaced ones not), read once per figure or report. */
export function countedAwards(db: Db, scope: AwardScope, options: { place: boolean }): CountedAward[] {
  const { where, params } = countedWhere(scope, { cancelled: true });
  const place = options.place
    ? {
        columns: 'k.district_code AS districtCode, k.village_code AS villageCode',
        join: 'JOIN kpm k ON k.id = a.kpm_id',
      }
    : { columns: "'' AS districtCode, '' AS villageCode", join: '' };
  const sql = `
    SELECT a.program_id AS programId, a.kpm_id AS kpmId, a.stage, a.total, a.business_type AS businessType,
      p.funding_source AS fundingSource, ${place.columns}
    FROM awards a JOIN award_programs p ON p.id = a.program_id ${place.join}
    WHERE ${where}`;
  return db.$client.prepare(sql).all(...params) as CountedAward[];
}

/** A programme's budget in rupiah (0 when there is no such programme). */
export function programBudget(db: Db, programId: number): number {
  return (
    (db.$client.prepare('SELECT budget FROM award_programs WHERE id = ?').pluck().get(programId) as
      | number
      | undefined) ?? 0
  );
}

/** Catalogue items by id, as stored (active 1 or 0). */
export function catalogueItemRows(db: Db, ids: readonly number[]): Record<string, unknown>[] {
  return db.$client
    .prepare<[string], Record<string, unknown>>(
      `SELECT id, name, unit, unit_price AS unitPrice, active FROM award_items
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
}

export interface AwardLineRow {
  awardId: number;
  name: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
}

/** The lines of the awards, in award and line order. */
export function awardLineRows(db: Db, awardIds: readonly number[]): AwardLineRow[] {
  return db.$client
    .prepare<[string], AwardLineRow>(
      `SELECT award_id AS awardId, item_name AS name, quantity, unit, unit_price AS unitPrice, amount
       FROM award_lines WHERE award_id IN (SELECT value FROM json_each(?)) ORDER BY award_id, line_no`,
    )
    .all(JSON.stringify(awardIds));
}

/** Names of these regions, with each one's parent code. */
export function regionsByCode(db: Db, codes: readonly string[]): { code: string; name: string; parent: string }[] {
  return db.$client
    .prepare('SELECT code, name, parent_code AS parent FROM regions WHERE code IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(codes)) as { code: string; name: string; parent: string }[];
}
