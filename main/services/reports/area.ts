/**
 * Reports per kecamatan, desa and pendamping for a period: per area the active families and
 * their komponen, the period's graduations by type against the year's target, the candidates in the pipeline,
 * the follow-up visits due and the awards; with the graduations per month. Read-only: nothing here writes.
 *
 * Targets are yearly (targets.ts yearTargets, the numbers of Beranda and the Target page): a kecamatan's is its
 * pendamping's share, a pendamping's their own; a desa has none.
 */
import type { Db } from '../../../db/open';
import { pendampingNames, regionNames } from '../../../db/queries/reports';
import { BULAN, formatNumber } from '../../domain/format';
import { type AreaReportInput, type Period, periodLabel, periodMonths, type ReportGroup } from '../../domain/reports';
import { yearTargets } from '../graduation/targets';
import {
  type AreaKey,
  type AwardFigures,
  awardFigures,
  type Exit,
  type ExitType,
  exitsIn,
  type FamilyFigures,
  familyFigures,
  noKomponen,
  type OpenStage,
  pipelineFigures,
  type VisitFigures,
  visitFigures,
} from './figures';

export type ExitCounts = Record<ExitType, number>;

export interface AreaRow extends FamilyFigures, ExitCounts, AwardFigures {
  key: AreaKey;
  label: string;
  /** A desa's kecamatan; '' otherwise. */
  parent: string;
  /** Decided graduations (mandiri + alamiah): the achievement against the target. */
  graduated: number;
  /** The year's target in families; null where there is none (a desa, families without a pendamping). */
  target: number | null;
  /** How the target is computed (the tooltip, the same text as Beranda's and the Target page's); null without. */
  targetHow: string | null;
  /** graduated / target in whole percent; null without a target. */
  percent: number | null;
  pipeline: Record<OpenStage, number>;
  visitsDue: number;
  visitsDone: number;
}

export interface MonthRow extends ExitCounts {
  month: number;
  label: string;
}

export interface AreaReport {
  group: ReportGroup;
  period: Period;
  periodLabel: string;
  /** The kecamatan the report is limited to, by name; null for the whole office. */
  districtName: string | null;
  rows: AreaRow[];
  total: AreaRow;
  months: MonthRow[];
}

const noExits = (): ExitCounts => ({ mandiri: 0, alamiah: 0, keluar: 0 });
const NO_VISITS: VisitFigures = { due: 0, done: 0 };
const NO_TARGET = { target: 0, how: 'tidak ada pendamping yang bertugas di sini' };
const NO_AWARDS: AwardFigures = { awards: 0, amount: 0, handedOver: 0 };

/** The graduations by type per month of the period, for the exits given (one area's or all). */
function monthRows(exits: readonly Exit[], period: Period): MonthRow[] {
  const rows = periodMonths(period).map((month) => ({ month, label: BULAN[month - 1], ...noExits() }));
  // by month number: a search of the rows per exit was a millisecond of the report at 2,000 graduations
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  for (const exit of exits) {
    const row = byMonth.get(exit.month);
    if (row) row[exit.type] += exit.n;
  }
  return rows;
}

const percentOf = (graduated: number, target: number | null) =>
  target && target > 0 ? Math.round((graduated * 100) / target) : null;

/** Names of the areas: kecamatan/desa from regions (with a desa's kecamatan), pendamping from their table. */
function areaNames(db: Db, group: ReportGroup, keys: AreaKey[]): Map<AreaKey, { label: string; parent: string }> {
  const known = keys.filter((k) => k !== '');
  if (group === 'pendamping') {
    const rows = pendampingNames(db, known);
    return new Map([
      ['', { label: 'Tanpa pendamping', parent: '' }],
      ...rows.map((r) => [String(r.id), { label: r.name, parent: '' }] as const),
    ]);
  }
  const rows = regionNames(db, known);
  return new Map(rows.map((r) => [r.code, { label: r.name, parent: group === 'desa' ? r.parent : '' }]));
}

function addRow(total: AreaRow, row: AreaRow): void {
  for (const field of ['families', 'withoutKomponen', 'mandiri', 'alamiah', 'keluar', 'graduated'] as const)
    total[field] += row[field];
  for (const field of ['awards', 'amount', 'handedOver', 'visitsDue', 'visitsDone'] as const)
    total[field] += row[field];
  for (const k of Object.keys(row.komponen) as (keyof AreaRow['komponen'])[]) total.komponen[k] += row.komponen[k];
  for (const s of Object.keys(row.pipeline) as OpenStage[]) total.pipeline[s] += row.pipeline[s];
  if (row.target !== null) total.target = (total.target ?? 0) + row.target;
}

export const emptyRow = (key: AreaKey, label: string, parent = ''): AreaRow => ({
  key,
  label,
  parent,
  families: 0,
  komponen: noKomponen(),
  withoutKomponen: 0,
  ...noExits(),
  graduated: 0,
  target: null,
  targetHow: null,
  percent: null,
  pipeline: { candidate: 0, verified: 0, proposed: 0 },
  visitsDue: 0,
  visitsDone: 0,
  ...NO_AWARDS,
});

interface AreaTargets {
  byArea: Map<AreaKey, { target: number; how: string }>;
  /** The whole office's figure for the total row: the pendamping targets added up, as on Beranda. */
  total: { target: number; how: string } | null;
}

/** The year's targets by area key (kecamatan or pendamping; a desa has none), from targets.ts as every page. */
function targetsByArea(db: Db, input: AreaReportInput): AreaTargets {
  if (input.group === 'desa') return { byArea: new Map(), total: null };
  const targets = yearTargets(db, input.year);
  const byArea =
    input.group === 'kecamatan'
      ? new Map(targets.kecamatan)
      : new Map(targets.pendamping.map((p) => [String(p.pendampingId), { target: p.target, how: p.how }]));
  const inAreas = [...byArea.values()].reduce((sum, t) => sum + t.target, 0);
  const outside = targets.sumPendamping - inAreas;
  const note =
    outside > 0
      ? `; ${formatNumber(outside)} KPM di antaranya dari pendamping tanpa wilayah tugas, tidak masuk kecamatan mana pun`
      : '';
  return { byArea, total: { target: targets.sumPendamping, how: `${targets.sumPendampingHow}${note}` } };
}

/** The report; with a pendampingId only that pendamping's families and candidates (their own report). */
export function areaReport(db: Db, input: AreaReportInput, only: { pendampingId?: number } = {}): AreaReport {
  const scope = { group: input.group, districtCode: input.districtCode, pendampingId: only.pendampingId };
  const families = familyFigures(db, scope);
  const exits = exitsIn(db, scope, input);
  const pipeline = pipelineFigures(db, scope);
  const visits = visitFigures(db, scope, input);
  const awards = awardFigures(db, scope, input);
  const targets = targetsByArea(db, input);
  const exitCounts = new Map<AreaKey, ExitCounts>();
  for (const exit of exits) {
    const counts = exitCounts.get(exit.key) ?? noExits();
    counts[exit.type] += exit.n;
    exitCounts.set(exit.key, counts);
  }
  // Every area with a figure; with a target too, unless the report is limited to one kecamatan or pendamping.
  const keys = new Set<AreaKey>([...families.keys(), ...exitCounts.keys(), ...pipeline.keys()]);
  for (const key of [...visits.keys(), ...awards.keys()]) keys.add(key);
  const limitedTo = input.districtCode ?? (only.pendampingId === undefined ? undefined : String(only.pendampingId));
  for (const key of targets.byArea.keys()) if (limitedTo === undefined || key === limitedTo) keys.add(key);
  const names = areaNames(db, input.group, [...keys, ...(input.districtCode ? [input.districtCode] : [])]);
  const rows = [...keys].map((key) => {
    const name = names.get(key) ?? { label: key, parent: '' };
    const row: AreaRow = { ...emptyRow(key, name.label, name.parent), ...families.get(key), ...exitCounts.get(key) };
    row.graduated = row.mandiri + row.alamiah;
    const target = input.group === 'desa' || key === '' ? null : (targets.byArea.get(key) ?? NO_TARGET);
    row.target = target?.target ?? null;
    row.targetHow = target?.how ?? null;
    row.percent = percentOf(row.graduated, row.target);
    row.pipeline = { ...row.pipeline, ...pipeline.get(key) };
    const v = visits.get(key) ?? NO_VISITS;
    row.visitsDue = v.due;
    row.visitsDone = v.done;
    return { ...row, ...(awards.get(key) ?? NO_AWARDS) };
  });
  rows.sort(
    (a, b) =>
      Number(a.key === '') - Number(b.key === '') ||
      a.parent.localeCompare(b.parent, 'id') ||
      a.label.localeCompare(b.label, 'id'),
  );
  const total = emptyRow('', 'Jumlah');
  for (const row of rows) addRow(total, row);
  if (limitedTo === undefined && targets.total) {
    total.target = targets.total.target;
    total.targetHow = targets.total.how;
  } else if (total.target !== null) total.targetHow = 'jumlah target baris di atas';
  total.percent = percentOf(total.graduated, total.target);
  return {
    group: input.group,
    period: { year: input.year, fromMonth: input.fromMonth, toMonth: input.toMonth },
    periodLabel: periodLabel(input),
    districtName: input.districtCode ? (names.get(input.districtCode)?.label ?? input.districtCode) : null,
    rows,
    total,
    months: monthRows(exits, input),
  };
}
