/**
 * The figures of a pendamping's month, as a list of definitions: the performance report prints them, the evaluation
 * page ranks by them and an office indicator may be scored from one. Adding a figure is adding one entry to
 * PENDAMPING_FIGURES: each computes every pendamping's value (and target, when it has one) for the month in one
 * grouped query, or one pendamping's when asked.
 */
import type { Db } from '../../../db/open';
import {
  candidaciesRecorded,
  complaintCounts,
  followUpVisits,
  type PendampingCount,
  p2k2PendampingMonth,
  verkomFamiliesChecked,
} from '../../../db/queries/evaluation';
import { activeFamiliesPerPendamping } from '../../../db/queries/graduation';
import { monthDays } from '../../domain/evaluation';
import { attendanceRate } from '../../domain/p2k2-reports';
import { businessFollowUpsByPendamping } from '../business/monthly';
import { decidedGraduationsPerUpTo } from '../graduation/graduated';
import { graduatedPerPendamping, yearTargets } from '../graduation/targets';
import { achievementByPendamping } from '../workplan/achievement';

export interface FigureValue {
  value: number | null;
  /** What the value is measured against (the target, the sessions planned, the visits due), null without one. */
  target: number | null;
}

/** One month for every pendamping (pendampingId null) or for one; shared reads are cached on it. */
export interface FigureContext {
  db: Db;
  month: string;
  pendampingId: number | null;
  cache: Map<string, unknown>;
}

export interface FigureDefinition {
  key: string;
  /** Indonesian label as printed and shown. */
  label: string;
  unit: string;
  /** true: more is better (ranked and scorable); null: context only (never scored). */
  higherIsBetter: boolean | null;
  /** What the value is measured against ('direncanakan', 'target tahunan'), null for a figure without one. */
  targetLabel: string | null;
  /** How it is counted, printed under the report. */
  note: string;
  compute: (ctx: FigureContext) => Map<number, FigureValue>;
}

export function figureContext(db: Db, month: string, pendampingId: number | null): FigureContext {
  return { db, month, pendampingId, cache: new Map() };
}

function cached<T>(ctx: FigureContext, key: string, read: () => T): T {
  if (!ctx.cache.has(key)) ctx.cache.set(key, read());
  return ctx.cache.get(key) as T;
}

const valuesOf = (rows: PendampingCount[]) => new Map(rows.map((r) => [r.p, { value: r.n, target: null }]));

/** Values against targets, every pendamping of either side present (a missing side counts 0). */
function against(values: PendampingCount[], targets: PendampingCount[]): Map<number, FigureValue> {
  const out = new Map<number, FigureValue>();
  for (const t of targets) out.set(t.p, { value: 0, target: t.n });
  for (const v of values) out.set(v.p, { value: v.n, target: out.get(v.p)?.target ?? 0 });
  return out;
}

/** The month's first instant and the next month's, in the office's local time (the process's time zone). */
export function monthInstants(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: new Date(y, m - 1, 1).toISOString(), to: new Date(y, m, 1).toISOString() };
}

/** The pendamping's families assisted now, read once for the figures that count or measure against them. */
const activeFamilies = (ctx: FigureContext) =>
  cached(ctx, 'families', () =>
    activeFamiliesPerPendamping(ctx.db).filter(
      (r): r is PendampingCount => r.p !== null && (ctx.pendampingId === null || r.p === ctx.pendampingId),
    ),
  );

/** Rows of every pendamping narrowed to the one asked for, when one is. */
const scoped = <T extends { pendampingId: number | null }>(ctx: FigureContext, rows: T[]) =>
  rows.filter(
    (r): r is T & { pendampingId: number } =>
      r.pendampingId !== null && (ctx.pendampingId === null || r.pendampingId === ctx.pendampingId),
  );

const p2k2Rows = (ctx: FigureContext) =>
  cached(ctx, 'p2k2', () => p2k2PendampingMonth(ctx.db, ctx.month, ctx.pendampingId));

export const PENDAMPING_FIGURES: readonly FigureDefinition[] = [
  {
    key: 'families',
    label: 'KPM dampingan aktif',
    unit: 'KPM',
    higherIsBetter: null,
    targetLabel: null,
    note: 'KPM dampingan aktif: keadaan saat laporan dibuat.',
    compute: (ctx) => valuesOf(activeFamilies(ctx)),
  },
  {
    key: 'p2k2_held',
    label: 'Sesi P2K2 terlaksana / direncanakan',
    unit: 'sesi',
    higherIsBetter: true,
    targetLabel: 'direncanakan',
    note: 'Sesi P2K2: pertemuan kelompok pendamping pada bulan itu terhadap materi yang direncanakan (RTL).',
    compute: (ctx) => new Map(p2k2Rows(ctx).map((r) => [r.p, { value: r.held, target: r.planned }])),
  },
  {
    key: 'p2k2_attendance',
    label: 'Kehadiran P2K2',
    unit: 'persen',
    higherIsBetter: true,
    targetLabel: null,
    note: 'Kehadiran P2K2: hadir dibagi kehadiran yang sudah ditandai.',
    compute: (ctx) =>
      new Map(p2k2Rows(ctx).map((r) => [r.p, { value: attendanceRate(r.hadir, r.marked), target: null }])),
  },
  {
    key: 'workplan_done',
    label: 'Kegiatan terlaksana / direncanakan',
    unit: 'kegiatan',
    higherIsBetter: true,
    targetLabel: 'direncanakan',
    note: 'Rencana kerja: kegiatan yang ditandai terlaksana terhadap kegiatan dalam rencana kerja bulan itu yang sudah diajukan; rencana yang masih draf belum dihitung.',
    compute: (ctx) => {
      const out = new Map<number, FigureValue>();
      for (const [p, a] of achievementByPendamping(ctx.db, ctx.month)) {
        if (ctx.pendampingId === null || p === ctx.pendampingId) out.set(p, { value: a.done, target: a.planned });
      }
      return out;
    },
  },
  {
    key: 'verkom_families',
    label: 'Verifikasi komitmen dilakukan / KPM dampingan',
    unit: 'KPM',
    higherIsBetter: true,
    targetLabel: 'KPM dampingan',
    // every family assisted carries a commitment (school, health, elderly or disability) checked each month, so the
    // measure is all of them, not only the families with school children
    note: 'Verifikasi komitmen: KPM yang kehadiran sekolah atau pemeriksaan kesehatannya dicatat untuk bulan itu terhadap KPM dampingan aktif.',
    compute: (ctx) => against(verkomFamiliesChecked(ctx.db, ctx.month, ctx.pendampingId), activeFamilies(ctx)),
  },
  {
    key: 'business_recorded',
    label: 'Usaha keluarga graduasi dicatat',
    unit: 'KPM',
    higherIsBetter: null,
    targetLabel: null,
    // not every graduated family runs a business, so there is nothing to measure it against
    note: 'Usaha keluarga graduasi: KPM yang usahanya dicatat lewat kunjungan lanjutan pada bulan itu.',
    compute: (ctx) =>
      valuesOf(
        scoped(ctx, businessFollowUpsByPendamping(ctx.db, ctx.month)).map((r) => ({
          p: r.pendampingId,
          n: r.families,
        })),
      ),
  },
  {
    key: 'candidates',
    label: 'Calon graduasi diajukan',
    unit: 'KPM',
    higherIsBetter: null,
    targetLabel: null,
    note: 'Calon graduasi diajukan: calon yang dicatat pada bulan itu untuk KPM dampingan.',
    compute: (ctx) => {
      const { from, to } = monthInstants(ctx.month);
      return valuesOf(candidaciesRecorded(ctx.db, from, to, ctx.pendampingId));
    },
  },
  {
    key: 'graduations',
    label: 'Graduasi ditetapkan s.d. bulan ini / target tahunan',
    unit: 'KPM',
    higherIsBetter: true,
    targetLabel: 'target tahunan',
    note: 'Graduasi: ditetapkan dengan keputusan yang tidak dibatalkan, sejak Januari sampai akhir bulan, terhadap target tahun itu.',
    compute: (ctx) => {
      const year = Number(ctx.month.slice(0, 4));
      // January to the month from the per-month summary (a few hundred sums, not the year's graduations one by one)
      const decided = new Map<number, number>();
      for (const [p, n] of graduatedPerPendamping(decidedGraduationsPerUpTo(ctx.db, 'pendamping', ctx.month))) {
        if (p !== null && (ctx.pendampingId === null || p === ctx.pendampingId)) decided.set(p, n);
      }
      const targets = yearTargets(ctx.db, year)
        .pendamping.filter((t) => ctx.pendampingId === null || t.pendampingId === ctx.pendampingId)
        .map((t) => ({ p: t.pendampingId, n: t.target }));
      return against(
        [...decided].map(([p, n]) => ({ p, n })),
        targets,
      );
    },
  },
  {
    key: 'visits_made',
    label: 'Kunjungan lanjutan dilakukan / jatuh tempo',
    unit: 'kunjungan',
    higherIsBetter: true,
    targetLabel: 'jatuh tempo',
    note: 'Kunjungan lanjutan: kunjungan pascagraduasi yang dicatat pada bulan itu terhadap yang jatuh tempo pada bulan itu.',
    compute: (ctx) => {
      const { first, last } = monthDays(ctx.month);
      return against(
        followUpVisits(ctx.db, 'made', first, last, ctx.pendampingId),
        followUpVisits(ctx.db, 'due', first, last, ctx.pendampingId),
      );
    },
  },
  {
    key: 'complaints_resolved',
    label: 'Pengaduan selesai / diterima',
    unit: 'kasus',
    higherIsBetter: true,
    targetLabel: 'diterima',
    note: 'Pengaduan: yang diselesaikan pada bulan itu terhadap yang diterima pada bulan itu.',
    compute: (ctx) => {
      const { first, last } = monthDays(ctx.month);
      return against(
        complaintCounts(ctx.db, 'resolved', first, last, ctx.pendampingId),
        complaintCounts(ctx.db, 'received', first, last, ctx.pendampingId),
      );
    },
  },
];

export const FIGURE_KEYS = new Set(PENDAMPING_FIGURES.map((f) => f.key));

/**
 * How far a figure reaches, 0-100: value against target (capped at 100), a percentage figure as itself; null when
 * there is nothing to measure (no target, a target of 0, no value) or the figure is context only.
 */
export function achievement(figure: FigureDefinition, v: FigureValue | undefined): number | null {
  if (figure.higherIsBetter !== true || !v || v.value === null) return null;
  if (v.target === null) return figure.unit === 'persen' ? Math.min(100, v.value) : null;
  if (v.target <= 0) return null;
  return Math.min(100, Math.round((v.value / v.target) * 1000) / 10);
}
