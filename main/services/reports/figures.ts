/**
 * The figures of the area reports, one SQL per figure grouped by area (kecamatan, desa or pendamping), never a
 * query per area. Each figure reads the rows its own screen counts from, so the reports and the rest of the app
 * agree: active families and their komponen from kpm_area_counts (kept in step with kpm.komponen_mask, the KPM
 * list's komponen filter, by triggers), decided
 * graduations from graduated.ts (Beranda's progress), follow-up visits from visits.ts's rows, awards from
 * award_area_counts (kept by triggers with countedAwards' rule) added up by budget.ts addUpStages (the one place
 * award money is summed, with addUp).
 */
import type { Db } from '../../../db/open';
import { decidedGraduationMonths } from '../../../db/queries/graduation';
import {
  type AreaValue,
  activeFamilyCounts,
  awardAreaCounts,
  dueVisitCounts,
  levelOf,
  type OpenStage,
  openCandidateCounts,
  otherExitCounts,
  type ReportScope,
} from '../../../db/queries/reports';
import type { ReportLevel } from '../../../db/schema/level-counts';
import { KOMPONEN, type Komponen } from '../../domain/komponen';
import { type Period, periodRange } from '../../domain/reports';
import { addUpStages } from '../awards/budget';
import { decidedGraduations, type Graduation } from '../graduation/graduated';

export type Scope = ReportScope;
export type { OpenStage };

/** An area's key: a kecamatan or desa code, or a pendamping id as text ('' for families without one). */
export type AreaKey = string;
const keyOf = (value: AreaValue): AreaKey => (value === null ? '' : String(value));

export interface FamilyFigures {
  families: number;
  /** Families holding each komponen (a family with two SD children counts once under anak_sd). */
  komponen: Record<Komponen, number>;
  withoutKomponen: number;
}

/** Active families per area and per komponen, now (the registry keeps no history of them). */
export function familyFigures(db: Db, scope: Scope): Map<AreaKey, FamilyFigures> {
  const figures = new Map<AreaKey, FamilyFigures>();
  for (const row of activeFamilyCounts(db, scope)) {
    const komponen = Object.fromEntries(KOMPONEN.map((k) => [k, row[k]])) as Record<Komponen, number>;
    figures.set(keyOf(row.key), { families: row.families, komponen, withoutKomponen: row.withoutKomponen });
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
export function exitsIn(db: Db, scope: Scope, period: Period): Exit[] {
  const { from, to } = periodRange(period);
  const level = levelOf(scope);
  const exits = level ? levelGraduations(db, scope, level, from, to) : graduationsIn(db, scope, period);
  for (const row of otherExitCounts(db, scope, from, to))
    exits.push({ key: keyOf(row.key), month: row.month, type: 'keluar', n: row.n });
  return exits;
}

const exitType = (status: Graduation['status']): ExitType => (status === 'graduasi_mandiri' ? 'mandiri' : 'alamiah');

/** The decided graduations from..to counted per area of the scope's level and month (the same rule, summed). */
function levelGraduations(db: Db, scope: Scope, level: ReportLevel, from: string, to: string): Exit[] {
  const area = level === 'kecamatan' ? scope.districtCode || undefined : scope.pendampingId?.toString();
  return decidedGraduationMonths(db, level, from.slice(0, 7), to.slice(0, 7), area).map((c) => ({
    key: level === 'pendamping' && c.area === '0' ? '' : c.area,
    month: Number(c.month.slice(5, 7)),
    type: exitType(c.status),
    n: c.n,
  }));
}

/** The period's decided graduations one by one, for the groups and filters the level counts do not carry. */
function graduationsIn(db: Db, scope: Scope, period: Period): Exit[] {
  const { from, to } = periodRange(period);
  const graduations = decidedGraduations(db, period.year);
  const graduationKey = (g: Graduation) => (scope.group === 'kecamatan' ? g.d : scope.group === 'desa' ? g.v : g.p);
  return graduations
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
      type: exitType(g.status),
      n: 1,
    }));
}

/** Candidates now in the pipeline (the open stages, as Beranda counts them) per area and stage. */
export function pipelineFigures(db: Db, scope: Scope): Map<AreaKey, Record<OpenStage, number>> {
  const figures = new Map<AreaKey, Record<OpenStage, number>>();
  for (const row of openCandidateCounts(db, scope)) {
    const key = keyOf(row.key);
    const f = figures.get(key) ?? { candidate: 0, verified: 0, proposed: 0 };
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
  return new Map(dueVisitCounts(db, scope, from, to).map((r) => [keyOf(r.key), { due: r.due, done: r.done }]));
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
  const sums = addUpStages(awardAreaCounts(db, scope, period.year));
  return new Map(
    [...sums].map(([key, s]) => [
      keyOf(key),
      {
        awards: s.counts.planned + s.counts.approved + s.counts.handed_over,
        amount: s.planned + s.approved + s.handedOver,
        handedOver: s.handedOver,
      },
    ]),
  );
}
