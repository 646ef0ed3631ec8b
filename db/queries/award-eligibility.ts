/**
 * Which graduated families a programme may reward (the rule is main/services/awards/eligibility.ts's): the
 * facts per family for the plan's check, and the eligible list itself.
 */
import type { Db } from '../open';
import { notCancelled } from './awards';
import { APPROVED_ITEM } from './graduation';
import { prepareCached } from './kpm-search';

/** The family k graduated through an approved decision still in force (the same join as graduationOf). */
const DECIDED = `EXISTS (SELECT 1 FROM graduation_candidates c
  JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = ${APPROVED_ITEM}
  JOIN decisions d ON d.proposal_id = pi.proposal_id AND d.reversed_at IS NULL
  WHERE c.kpm_id = k.id)`;
/** The family k holds an award of programme ? that still counts (a cancelled one does not). */
const AWARDED = `(SELECT a.stage FROM awards a WHERE a.program_id = ? AND a.kpm_id = k.id AND ${notCancelled('a')}
  ORDER BY a.id DESC LIMIT 1)`;

/** What the eligibility rule needs of a family (`Row`: id, nama, status, statusDate, decided, awardedStage). */
export function eligibilityFacts<Row>(db: Db, programId: number, kpmIds: readonly number[]): Row[] {
  return prepareCached(
    db,
    `SELECT k.id, k.nama, k.status, k.status_date AS statusDate, ${DECIDED} AS decided, ${AWARDED} AS awardedStage
     FROM kpm k WHERE k.id IN (SELECT value FROM json_each(?))`,
  ).all(programId, JSON.stringify(kpmIds)) as Row[];
}

/** The programme's terms of eligibility. */
export interface EligibleTerms {
  programId: number;
  graduationTypes: readonly string[];
  graduatedFrom: string;
  graduatedTo: string;
  onePerFamily: boolean;
}

function eligibleWhere(terms: EligibleTerms, q: string): { from: string; params: unknown[] } {
  const where = [
    `k.status IN (SELECT value FROM json_each(?))`,
    'k.status_date BETWEEN ? AND ?',
    DECIDED,
    ...(terms.onePerFamily ? [`${AWARDED} IS NULL`] : []),
  ];
  const params: unknown[] = [JSON.stringify(terms.graduationTypes), terms.graduatedFrom, terms.graduatedTo];
  if (terms.onePerFamily) params.push(terms.programId);
  if (q) {
    where.push(/^\d+$/.test(q) ? 'k.nik LIKE ?' : "k.nama LIKE ? ESCAPE '\\'");
    params.push(/^\d+$/.test(q) ? `${q}%` : `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { from: `FROM kpm k WHERE ${where.join(' AND ')}`, params };
}

/**
 * The eligible families, by name, one window of them, with how many there are in all; q (trimmed) matches the
 * name or the start of the NIK (`Row`: the list's EligibleFamily).
 */
export function eligibleFamilies<Row>(
  db: Db,
  terms: EligibleTerms,
  q: string,
  window: { offset: number; limit: number },
): { items: Row[]; total: number } {
  const { from, params } = eligibleWhere(terms, q);
  const total = (prepareCached(db, `SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  const items = prepareCached(
    db,
    `SELECT k.id AS kpmId, k.nama, k.nik, k.status AS graduation, k.status_date AS graduatedOn,
       coalesce((SELECT name FROM regions WHERE code = k.village_code), '') AS desa,
       coalesce((SELECT name FROM regions WHERE code = k.district_code), '') AS kecamatan
     ${from} ORDER BY k.nama COLLATE NOCASE, k.id LIMIT ? OFFSET ?`,
  ).all(...params, window.limit, window.offset) as Row[];
  return { items, total };
}
