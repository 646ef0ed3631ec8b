/**
 * The figures of the area reports, one SQL per figure grouped by area (kecamatan, desa or pendamping), never a
 * query per area. Each figure reads the rows its own screen counts from, so the reports and the rest of the app
 * agree: active families and their komponen from kpm.komponen_mask (the KPM list's komponen filter), decided
 * graduations from graduated.ts (Beranda's progress), follow-up visits from visits.ts's rows, awards from
 * budget.ts addUpByFamily (the one place award money is summed, with countedAwards/addUp).
 */
import type { Db } from '../../../db/open';
import { OPEN_STAGES } from '../../domain/graduation';
import { KOMPONEN, type Komponen, komponenBit } from '../../domain/komponen';
import { type Period, periodRange, type ReportGroup } from '../../domain/reports';
import { addUpByFamily } from '../awards/budget';
import type { Graduation } from '../graduation/graduated';
import { VISITS_FROM } from '../graduation/visits';

/** Which families: all, those of one kecamatan, or one pendamping's (their own report). */
export interface Scope {
  group: ReportGroup;
  districtCode?: string;
  pendampingId?: number;
}

/** An area's key: a kecamatan or desa code, or a pendamping id as text ('' for families without one). */
export type AreaKey = string;
const keyOf = (value: string | number | null): AreaKey => (value === null ? '' : String(value));

/**
 * The area of a family (k) by its own place and pendamping; a candidacy (c) counts for the candidate's pendamping,
 * as Beranda's progress counts graduations.
 */
const FAMILY_KEY: Record<ReportGroup, string> = {
  kecamatan: 'k.district_code',
  desa: 'k.village_code',
  pendamping: 'k.pendamping_id',
};
const CANDIDATE_KEY: Record<ReportGroup, string> = { ...FAMILY_KEY, pendamping: 'c.pendamping_id' };

/** The scope as SQL; a pendamping is the family's (k) or, for a candidacy, the candidate's (c). */
function scopeSql(scope: Scope, pendampingColumn = 'k.pendamping_id'): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (scope.districtCode) {
    where.push(' AND k.district_code = ?');
    params.push(scope.districtCode);
  }
  if (scope.pendampingId !== undefined) {
    where.push(` AND ${pendampingColumn} = ?`);
    params.push(scope.pendampingId);
  }
  return { where: where.join(''), params };
}

export interface FamilyFigures {
  families: number;
  /** Families holding each komponen (a family with two SD children counts once under anak_sd). */
  komponen: Record<Komponen, number>;
  withoutKomponen: number;
}

/**
 * The covering index that holds an area with status and komponen_mask: grouped by exactly its columns, a count
 * reads the index in order with no sort (18 ms instead of 40 on the 100,000-family bench, busy machine).
 */
function countIndex(scope: Scope): string {
  // one pendamping's families are found by kpm_pendamping_status_idx
  if (scope.pendampingId !== undefined) return '';
  if (scope.group === 'kecamatan') return 'INDEXED BY kpm_district_count_idx';
  // the desa of one kecamatan are found by the kecamatan index; all desa by their own
  if (scope.group === 'desa' && !scope.districtCode) return 'INDEXED BY kpm_village_count_idx';
  return '';
}

/** Active families per area and per komponen, now (the registry keeps no history of them). */
export function familyFigures(db: Db, scope: Scope): Map<AreaKey, FamilyFigures> {
  const { where, params } = scopeSql(scope);
  const key = FAMILY_KEY[scope.group];
  const rows = db.$client
    .prepare(
      `SELECT ${key} AS key, k.status, k.komponen_mask AS mask, count(*) AS n
       FROM kpm k ${countIndex(scope)} WHERE 1${where} GROUP BY ${key}, k.status, k.komponen_mask`,
    )
    .all(...params) as { key: string | number | null; status: string; mask: number; n: number }[];
  const figures = new Map<AreaKey, FamilyFigures>();
  for (const row of rows) {
    if (row.status !== 'aktif') continue;
    const key = keyOf(row.key);
    let f = figures.get(key);
    if (!f) {
      f = { families: 0, komponen: noKomponen(), withoutKomponen: 0 };
      figures.set(key, f);
    }
    f.families += row.n;
    if (row.mask === 0) f.withoutKomponen += row.n;
    for (const k of KOMPONEN) if (row.mask & komponenBit(k)) f.komponen[k] += row.n;
  }
  return figures;
}

export const noKomponen = (): Record<Komponen, number> =>
  Object.fromEntries(KOMPONEN.map((k) => [k, 0])) as Record<Komponen, number>;

export type ExitType = 'mandiri' | 'alamiah' | 'keluar';

/** One exit in the period: a decided graduation or another exit (status keluar), by area and month. */
export interface Exit {
  key: AreaKey;
  month: number;
  type: ExitType;
  /** How many families (a graduation is one; the other exits come counted). */
  n: number;
}

/**
 * The period's exits: the year's decided graduations (graduated.ts, the rule Beranda counts by) dated in the
 * period, and the families that left otherwise (keluar) with their exit dated in it.
 */
export function exitsIn(db: Db, scope: Scope, period: Period, graduations: readonly Graduation[]): Exit[] {
  const { from, to } = periodRange(period);
  const graduationKey = (g: Graduation) => (scope.group === 'kecamatan' ? g.d : scope.group === 'desa' ? g.v : g.p);
  const exits: Exit[] = graduations
    .filter(
      (g) =>
        g.at >= from &&
        g.at <= to &&
        (!scope.districtCode || g.d === scope.districtCode) &&
        (scope.pendampingId === undefined || g.p === scope.pendampingId),
    )
    .map((g) => ({
      key: keyOf(graduationKey(g)),
      month: Number(g.at.slice(5, 7)),
      type: g.status === 'graduasi_mandiri' ? 'mandiri' : 'alamiah',
      n: 1,
    }));
  const { where, params } = scopeSql(scope);
  const rows = db.$client
    .prepare(
      `SELECT ${FAMILY_KEY[scope.group]} AS key, CAST(substr(k.status_date, 6, 2) AS INTEGER) AS month, count(*) AS n
       FROM kpm k WHERE k.status = 'keluar' AND k.status_date BETWEEN ? AND ?${where} GROUP BY 1, 2`,
    )
    .all(from, to, ...params) as { key: string | number | null; month: number; n: number }[];
  for (const row of rows) exits.push({ key: keyOf(row.key), month: row.month, type: 'keluar', n: row.n });
  return exits;
}

export type OpenStage = (typeof OPEN_STAGES)[number];

/** Candidates now in the pipeline (the open stages, as Beranda counts them) per area and stage. */
export function pipelineFigures(db: Db, scope: Scope): Map<AreaKey, Record<OpenStage, number>> {
  const { where, params } = scopeSql(scope, 'c.pendamping_id');
  const open = OPEN_STAGES.map((s) => `'${s}'`).join(', ');
  const rows = db.$client
    .prepare(
      `SELECT ${CANDIDATE_KEY[scope.group]} AS key, c.stage, count(*) AS n
       FROM graduation_candidates c JOIN kpm k ON k.id = c.kpm_id
       WHERE c.stage IN (${open})${where} GROUP BY 1, 2`,
    )
    .all(...params) as { key: string | number | null; stage: OpenStage; n: number }[];
  const figures = new Map<AreaKey, Record<OpenStage, number>>();
  for (const row of rows) {
    const key = keyOf(row.key);
    const f = figures.get(key) ?? { calon: 0, terverifikasi: 0, diusulkan: 0 };
    f[row.stage] += row.n;
    figures.set(key, f);
  }
  return figures;
}

export interface VisitFigures {
  /** Visits due in the period (of decisions not reversed). */
  due: number;
  /** Of those, the ones made. */
  done: number;
}

/** Follow-up visits due in the period per area (the family's pendamping, as the Pemantauan list filters). */
export function visitFigures(db: Db, scope: Scope, period: Period): Map<AreaKey, VisitFigures> {
  const { from, to } = periodRange(period);
  const { where, params } = scopeSql(scope);
  const rows = db.$client
    .prepare(
      `SELECT ${FAMILY_KEY[scope.group]} AS key, count(*) AS due, count(v.visited_date) AS done
       ${VISITS_FROM} WHERE v.due_date BETWEEN ? AND ?${where} GROUP BY 1`,
    )
    .all(from, to, ...params) as { key: string | number | null; due: number; done: number }[];
  return new Map(rows.map((r) => [keyOf(r.key), { due: r.due, done: r.done }]));
}

export interface AwardFigures {
  /** Awards that hold money (planned, approved or handed over). */
  awards: number;
  /** Their rupiah, and the part already handed over. */
  amount: number;
  handedOver: number;
}

/** The year's awards (programmes of the period's year) per area, summed by budget.ts (by the family's place or pendamping). */
export function awardFigures(db: Db, scope: Scope, period: Period): Map<AreaKey, AwardFigures> {
  const { where, params } = scopeSql(scope);
  const sums = addUpByFamily(db, { year: period.year }, { key: FAMILY_KEY[scope.group], where, params });
  return new Map(
    [...sums].map(([key, s]) => [
      keyOf(key),
      {
        awards: s.counts.direncanakan + s.counts.disetujui + s.counts.diserahkan,
        amount: s.planned + s.approved + s.handedOver,
        handedOver: s.handedOver,
      },
    ]),
  );
}
