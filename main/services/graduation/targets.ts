/**
 * Graduation targets per year: each pendamping's, the office's, and the kecamatan totals.
 *
 * The base of a percentage target is the families that were in the programme during the year: those still
 * active plus those that graduated that year (by decision, see graduated.ts). Counting only today's active families would shrink the target
 * with every graduation (a pendamping graduating 10% of their families would then be short of 10%).
 */

import { and, eq, isNull } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import {
  activeFamiliesPerPendamping,
  type GraduationCount,
  pendampingByName,
  pendampingCoverage,
  targetDefaults,
  yearTargetRows,
} from '../../../db/queries/graduation';
import { graduationSettings, graduationTargets, pendamping } from '../../../db/schema';
import { PROGRESS_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import type { TargetMode } from '../../domain/graduation';
import type { GraduationSettings, TargetInput } from '../../domain/progress';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { decidedGraduationsPer } from './graduated';

export interface GraduationSettingsView {
  visitMonths: number[];
  defaultTargetKpm: number;
  officeTargetPercent: number;
}

export function getGraduationSettings(db: Db): GraduationSettingsView {
  const row = db.select().from(graduationSettings).where(eq(graduationSettings.id, 1)).get();
  if (!row) throw new AppError('SETUP_REQUIRED', 'Pengaturan graduasi belum ada.');
  return {
    visitMonths: row.visitMonths,
    defaultTargetKpm: row.defaultTargetKpm,
    officeTargetPercent: row.officeTargetPercent,
  };
}

/** The visit intervals and the default targets; the assessment threshold is the verification's own setting. */
export function updateGraduationSettings(db: Db, actor: Actor, values: GraduationSettings): GraduationSettingsView {
  requireRole(actor, PROGRESS_DUTIES.targets);
  return inTransaction(db, () => {
    const before = getGraduationSettings(db);
    db.update(graduationSettings).set(values).where(eq(graduationSettings.id, 1)).run();
    const after = getGraduationSettings(db);
    writeAudit(db, actor, {
      action: 'update',
      entity: 'settings',
      entityId: null,
      summary: `Pengaturan graduasi diubah (kunjungan bulan ke-${after.visitMonths.join(', ')}; target bawaan ${after.defaultTargetKpm} KPM per pendamping; target kantor ${after.officeTargetPercent}%)`,
      before,
      after,
    });
    return after;
  });
}

/** A target as the user sees it: "10 KPM" or "30%". */
export function describeTarget(mode: TargetMode, value: number): string {
  return mode === 'persen' ? `${value}%` : `${value} KPM`;
}

function targetRow(db: Db, year: number, pendampingId: number | null) {
  return db
    .select()
    .from(graduationTargets)
    .where(
      and(
        eq(graduationTargets.year, year),
        pendampingId === null
          ? isNull(graduationTargets.pendampingId)
          : eq(graduationTargets.pendampingId, pendampingId),
      ),
    )
    .get();
}

function whoseTarget(db: Db, pendampingId: number | null): string {
  if (pendampingId === null) return 'kantor';
  const row = db.select({ name: pendamping.name }).from(pendamping).where(eq(pendamping.id, pendampingId)).get();
  if (!row)
    throw new AppError('NOT_FOUND', 'Pendamping tidak ditemukan.', {
      fields: { pendampingId: 'Pilih pendamping dari daftar.' },
    });
  return `pendamping ${row.name}`;
}

/** Sets the target of a pendamping (or the office's, pendampingId null) for a year, replacing any earlier one. */
export function setTarget(db: Db, actor: Actor, input: TargetInput) {
  requireRole(actor, PROGRESS_DUTIES.targets);
  return inTransaction(db, () => {
    const who = whoseTarget(db, input.pendampingId);
    const before = targetRow(db, input.year, input.pendampingId) ?? null;
    if (before) {
      db.update(graduationTargets)
        .set({ mode: input.mode, value: input.value })
        .where(eq(graduationTargets.id, before.id))
        .run();
    } else {
      db.insert(graduationTargets).values(input).run();
    }
    const after = targetRow(db, input.year, input.pendampingId);
    if (!after) throw new AppError('INTERNAL', 'Target tidak tersimpan.');
    writeAudit(db, actor, {
      action: before ? 'update' : 'create',
      entity: 'graduation_target',
      entityId: after.id,
      summary: `Target graduasi ${input.year} ${who}: ${describeTarget(input.mode, input.value)}${before ? ` (sebelumnya ${describeTarget(before.mode, before.value)})` : ''}`,
      before,
      after,
    });
    return after;
  });
}

/** Removes a set target: the pendamping falls back to the default, the office to its percentage setting. */
export function clearTarget(
  db: Db,
  actor: Actor,
  input: { year: number; pendampingId: number | null },
): { cleared: boolean } {
  requireRole(actor, PROGRESS_DUTIES.targets);
  return inTransaction(db, () => {
    const who = whoseTarget(db, input.pendampingId);
    const before = targetRow(db, input.year, input.pendampingId);
    if (!before) return { cleared: false };
    db.delete(graduationTargets).where(eq(graduationTargets.id, before.id)).run();
    writeAudit(db, actor, {
      action: 'delete',
      entity: 'graduation_target',
      entityId: before.id,
      summary: `Target graduasi ${input.year} ${who} dihapus (${describeTarget(before.mode, before.value)}); kembali ke target bawaan`,
      before,
    });
    return { cleared: true };
  });
}

export interface PendampingTarget {
  pendampingId: number;
  name: string;
  active: boolean;
  /** Families in the programme during the year (active, or graduated that year): the base of a percentage. */
  baseKpm: number;
  /** The target set for the year, or null when the default applies. */
  set: { mode: TargetMode; value: number } | null;
  /** The target in families. */
  target: number;
  /** How the target is computed, in Indonesian (the tooltip of every page that shows it). */
  how: string;
}

export interface KecamatanTarget {
  target: number;
  how: string;
}

export interface YearTargets {
  year: number;
  defaultTargetKpm: number;
  pendamping: PendampingTarget[];
  /** Kecamatan code -> target in families (see kecamatanTargets). */
  kecamatan: Map<string, KecamatanTarget>;
  office: {
    baseKpm: number;
    set: { mode: TargetMode; value: number } | null;
    percentDefault: number;
    target: number;
    how: string;
  };
  /** The pendamping targets added up: compared with the office's own target on the Target page. */
  sumPendamping: number;
  sumPendampingHow: string;
}

const ofBase = (mode: TargetMode, value: number, base: number) =>
  // A share is rounded up: 30% of 67,245 families means 20,174 graduations, not 20,173.
  mode === 'persen' ? Math.ceil((value * base) / 100) : value;

/** "10% dari 18.980 KPM dalam program tahun 2026" or "ditetapkan 1.900 KPM untuk tahun 2026". */
function howOf(mode: TargetMode, value: number, base: number, year: number, fallback: string): string {
  if (mode === 'persen') {
    return `${fallback}${formatNumber(value)}% dari ${formatNumber(base)} KPM dalam program tahun ${year} (aktif dan yang lulus tahun itu), dibulatkan ke atas`;
  }
  return `${fallback}${formatNumber(value)} KPM untuk tahun ${year}`;
}

/**
 * Families in the programme during the year per pendamping (null: families without one): the active ones (from
 * the kpm_level_counts summary, not a count of 100,000 families on every open), and the year's decided graduations,
 * under their candidate's pendamping as the progress counts them.
 */
function familiesPerPendamping(db: Db, graduated: GraduatedPerPendamping): Map<number | null, number> {
  const rows = activeFamiliesPerPendamping(db);
  const counts = new Map<number | null, number>(rows.map((r) => [r.p, r.n]));
  for (const [p, n] of graduated) counts.set(p, (counts.get(p) ?? 0) + n);
  return counts;
}

/** The year's decided graduations per candidate's pendamping (null: without one), as the progress counts them. */
export type GraduatedPerPendamping = Map<number | null, number>;

/** The year's graduations per pendamping, from their counts per pendamping and status (graduated.ts). */
export function graduatedPerPendamping(counts: readonly GraduationCount[]): GraduatedPerPendamping {
  const perPendamping: GraduatedPerPendamping = new Map();
  for (const c of counts) {
    const p = c.area === '0' ? null : Number(c.area);
    perPendamping.set(p, (perPendamping.get(p) ?? 0) + c.n);
  }
  return perPendamping;
}

/** The settings the targets read: the default per pendamping and the office's default share. */
type TargetDefaults = Pick<GraduationSettingsView, 'defaultTargetKpm' | 'officeTargetPercent'>;

type SetTargets = Map<number | null, { mode: TargetMode; value: number }>;

/** The office's target: its own row for the year, else the default percentage of its families in the programme. */
export function officeTarget(
  settings: TargetDefaults,
  set: SetTargets,
  baseKpm: number,
  year: number,
): YearTargets['office'] {
  const own = set.get(null) ?? null;
  const { mode, value } = own ?? { mode: 'persen' as const, value: settings.officeTargetPercent };
  const how = howOf(mode, value, baseKpm, year, own ? 'target kantor ditetapkan ' : 'target kantor bawaan ');
  return { baseKpm, set: own, percentDefault: settings.officeTargetPercent, target: ofBase(mode, value, baseKpm), how };
}

/**
 * Each pendamping's target: the one set for the year (families, or a percentage of theirs in the programme), else
 * the default for pendamping at work; one who has left counts only a target set for them. Listed: the active
 * pendamping and any other with a target set for the year or a graduation in it.
 */
export function pendampingTargets(
  db: Db,
  settings: TargetDefaults,
  set: SetTargets,
  families: Map<number | null, number>,
  graduated: GraduatedPerPendamping,
  year: number,
): PendampingTarget[] {
  // one text for every pendamping on the default: formatting it for each of 400 took about 0.1 ms of every open
  const defaultHow = `target bawaan ${formatNumber(settings.defaultTargetKpm)} KPM per pendamping`;
  return pendampingByName(db)
    .filter((p) => p.active || set.has(p.id) || graduated.has(p.id))
    .map((p) => {
      const baseKpm = families.get(p.id) ?? 0;
      const own = set.get(p.id) ?? null;
      const target = own ? ofBase(own.mode, own.value, baseKpm) : p.active ? settings.defaultTargetKpm : 0;
      const how = own
        ? howOf(own.mode, own.value, baseKpm, year, 'target ditetapkan ')
        : p.active
          ? defaultHow
          : 'tidak bertugas lagi dan tanpa target yang ditetapkan';
      return { pendampingId: p.id, name: p.name, active: p.active, baseKpm, set: own, target, how };
    });
}

/**
 * A kecamatan's target: the targets of the pendamping who cover it (their wilayah tugas), a pendamping covering
 * several kecamatan split evenly over them. The shares are whole families by largest remainder, so the kecamatan
 * add up exactly to their pendamping's targets (rounding each share on its own made 800 read as 799). A pendamping
 * without coverage adds to no kecamatan.
 */
export function kecamatanTargets(db: Db, rows: readonly PendampingTarget[]): Map<string, KecamatanTarget> {
  const targetOf = new Map(rows.map((r) => [r.pendampingId, r.target]));
  const coverage = new Map<number, string[]>();
  for (const c of pendampingCoverage(db)) {
    if (targetOf.has(c.pendampingId))
      coverage.set(c.pendampingId, [...(coverage.get(c.pendampingId) ?? []), c.districtCode]);
  }
  const shares = new Map<string, number>();
  const covering = new Map<string, number>();
  for (const [id, codes] of coverage) {
    for (const code of codes) {
      shares.set(code, (shares.get(code) ?? 0) + (targetOf.get(id) ?? 0) / codes.length);
      covering.set(code, (covering.get(code) ?? 0) + 1);
    }
  }
  const total = Math.round([...shares.values()].reduce((a, b) => a + b, 0));
  // 1e-9: a share of 10/3 + 20/3 is 9.999999999999998, which is 10 families.
  const whole = new Map([...shares].map(([code, share]) => [code, Math.floor(share + 1e-9)]));
  let left = total - [...whole.values()].reduce((a, b) => a + b, 0);
  const remainder = (code: string) => (shares.get(code) ?? 0) - (whole.get(code) ?? 0);
  const byRemainder = [...shares.keys()].sort((a, b) => remainder(b) - remainder(a) || a.localeCompare(b));
  for (const code of byRemainder) {
    if (left <= 0) break;
    whole.set(code, (whole.get(code) ?? 0) + 1);
    left--;
  }
  return new Map(
    [...whole].map(([code, target]) => [
      code,
      {
        target,
        how: `bagian target ${formatNumber(covering.get(code) ?? 0)} pendamping yang bertugas di kecamatan ini (target pendamping yang bertugas di beberapa kecamatan dibagi rata)`,
      },
    ]),
  );
}

/** Every target of a year: the one computation Beranda, Laporan and the Target page show. */
export function yearTargets(
  db: Db,
  year: number,
  graduated = graduatedPerPendamping(decidedGraduationsPer(db, 'pendamping', year)),
): YearTargets {
  const settings = targetDefaults(db);
  if (!settings) throw new AppError('SETUP_REQUIRED', 'Pengaturan graduasi belum ada.');
  const set: SetTargets = new Map(
    yearTargetRows(db, year).map((t) => [t.pendampingId, { mode: t.mode, value: t.value }]),
  );
  const families = familiesPerPendamping(db, graduated);
  const officeBase = [...families.values()].reduce((a, b) => a + b, 0);
  const rows = pendampingTargets(db, settings, set, families, graduated, year);
  const sumPendamping = rows.reduce((sum, r) => sum + r.target, 0);
  return {
    year,
    defaultTargetKpm: settings.defaultTargetKpm,
    pendamping: rows,
    kecamatan: kecamatanTargets(db, rows),
    office: officeTarget(settings, set, officeBase, year),
    sumPendamping,
    sumPendampingHow: `jumlah target ${formatNumber(rows.length)} pendamping tahun ${year}`,
  };
}
