/**
 * The P2K2 report for a period: per area (kelompok, desa, kecamatan or pendamping) the sessions planned (RTL) and
 * held, attendance (hadir of the marked rows), families never attending (marked, never HADIR) and the two ratings'
 * distribution, with the period's months for the whole scope. One query per figure (db/queries/p2k2-reports.ts).
 */
import type { Db } from '../../../db/open';
import {
  areaLabels,
  type MonthCountRow,
  monthCounts,
  neverAttendingCounts,
  type P2k2Key,
  type P2k2Scope,
} from '../../../db/queries/p2k2-reports';
import { BULAN } from '../../domain/format';
import { RATINGS, type Rating } from '../../domain/p2k2';
import { attendanceRate, type P2k2ReportArea, type P2k2ReportInput } from '../../domain/p2k2-reports';
import { type Period, periodLabel, periodMonths, periodRange } from '../../domain/reports';

export interface P2k2Figures {
  planned: number;
  held: number;
  /** Attendance rows with a status (blank rows are not marked yet). */
  marked: number;
  hadir: number;
  izin: number;
  sakit: number;
  alfa: number;
  /** hadir / marked in percent (one decimal), null when nothing was marked. */
  rate: number | null;
  behaviour: Record<Rating, number>;
  potential: Record<Rating, number>;
}

export interface P2k2AreaRow extends P2k2Figures {
  key: string;
  label: string;
  parent: string;
  /** Families marked at the area's meetings and HADIR at none. */
  neverAttending: number;
}

export interface P2k2MonthRow extends P2k2Figures {
  month: number;
  label: string;
}

export interface P2k2Report {
  area: P2k2ReportArea;
  period: Period;
  periodLabel: string;
  rows: P2k2AreaRow[];
  total: P2k2AreaRow;
  months: P2k2MonthRow[];
}

const NO_RATINGS = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
const noRatings = (): Record<Rating, number> => ({ ...NO_RATINGS });

function emptyFigures(): P2k2Figures {
  const zero = { planned: 0, held: 0, marked: 0, hadir: 0, izin: 0, sakit: 0, alfa: 0, rate: null };
  return { ...zero, behaviour: noRatings(), potential: noRatings() };
}

function addInto(into: P2k2Figures, from: P2k2Figures): void {
  for (const f of ['planned', 'held', 'marked', 'hadir', 'izin', 'sakit', 'alfa'] as const) into[f] += from[f];
  for (const r of RATINGS) {
    into.behaviour[r] += from.behaviour[r];
    into.potential[r] += from.potential[r];
  }
}

const keyText = (key: P2k2Key) => (key === null ? '' : String(key));

/** The period's months as a mask of p2k2_family_years' month sets (bit m-1 for month m). */
const monthMask = (p: Period) => periodMonths(p).reduce((mask, m) => mask | (1 << (m - 1)), 0);

/** The figures per area key and per month (1-12) of the scope. */
function gather(db: Db, scope: P2k2Scope, period: Period) {
  const { from, to } = periodRange(period);
  const byKey = new Map<string, P2k2Figures & { neverAttending: number; raw: P2k2Key }>();
  const months = new Map<number, P2k2Figures>(periodMonths(period).map((m) => [m, emptyFigures()]));
  const at = (key: P2k2Key) => {
    const text = keyText(key);
    const row = byKey.get(text);
    if (row) return row;
    const fresh = { ...emptyFigures(), neverAttending: 0, raw: key };
    byKey.set(text, fresh);
    return fresh;
  };
  const figuresOf = (r: MonthCountRow): P2k2Figures => {
    const figures: P2k2Figures = {
      ...emptyFigures(),
      planned: r.planned,
      held: r.held,
      marked: r.hadir + r.izin + r.sakit + r.alfa,
      hadir: r.hadir,
      izin: r.izin,
      sakit: r.sakit,
      alfa: r.alfa,
    };
    for (const { kind, rating, n } of r.ratings) figures[kind][rating] = n;
    return figures;
  };
  const [fromMonth, toMonth] = [from.slice(0, 7), to.slice(0, 7)];
  for (const r of monthCounts(db, scope, fromMonth, toMonth, 'area')) addInto(at(r.key), figuresOf(r));
  for (const r of monthCounts(db, scope, fromMonth, toMonth, 'month')) {
    addInto(months.get(Number(String(r.key).slice(5, 7))) ?? emptyFigures(), figuresOf(r));
  }
  for (const r of neverAttendingCounts(db, scope, period.year, monthMask(period))) at(r.key).neverAttending += r.n;
  return { byKey, months };
}

export function p2k2Report(db: Db, input: P2k2ReportInput): P2k2Report {
  const period = { year: input.year, fromMonth: input.fromMonth, toMonth: input.toMonth };
  const scope: P2k2Scope = {
    area: input.area,
    districtCode: input.districtCode,
    villageCode: input.villageCode,
    pendampingId: input.pendampingId,
  };
  const { byKey, months } = gather(db, scope, period);
  const labels = areaLabels(
    db,
    input.area,
    [...byKey.values()].map((r) => r.raw),
  );
  const total: P2k2AreaRow = { ...emptyFigures(), key: '', label: 'Jumlah', parent: '', neverAttending: 0 };
  const rows: P2k2AreaRow[] = [...byKey.entries()].map(([key, { raw, ...figures }]) => {
    const label = labels.get(raw) ?? { label: raw === null ? 'Tanpa pendamping' : key, parent: '' };
    addInto(total, figures);
    total.neverAttending += figures.neverAttending;
    return { ...figures, key, ...label, rate: attendanceRate(figures.hadir, figures.marked) };
  });
  // in the labels' order (sorted in SQL: a collator's compare took seconds for 5,000 groups); unnamed areas last
  const order = new Map([...labels.keys()].map((key, i) => [keyText(key), i]));
  rows.sort((a, b) => (order.get(a.key) ?? order.size) - (order.get(b.key) ?? order.size));
  total.rate = attendanceRate(total.hadir, total.marked);
  return {
    area: input.area,
    period,
    periodLabel: periodLabel(period),
    rows,
    total,
    months: [...months.entries()].map(([month, f]) => ({
      ...f,
      month,
      label: BULAN[month - 1],
      rate: attendanceRate(f.hadir, f.marked),
    })),
  };
}
