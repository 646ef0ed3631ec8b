/**
 * Graduation targets per year (issue 7, point 7): each pendamping's, the office's, and the kecamatan totals.
 *
 * The base of a percentage target is the families that were in the programme during the year: those still
 * active plus those that graduated that year. Counting only today's active families would shrink the target
 * with every graduation (a pendamping graduating 10% of their families would then be short of 10%).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { graduationSettings, graduationTargets, pendamping } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import type { TargetMode } from '../../domain/graduation';
import type { GraduationSettings, TargetInput } from '../../domain/progress';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';

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
  requireRole(actor, ['admin']);
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

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

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
  requireRole(actor, ['admin']);
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
  requireRole(actor, ['admin']);
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
}

export interface YearTargets {
  year: number;
  defaultTargetKpm: number;
  pendamping: PendampingTarget[];
  /** Kecamatan code -> target in families (see kecamatanTargets). */
  kecamatan: Map<string, number>;
  office: { baseKpm: number; set: { mode: TargetMode; value: number } | null; percentDefault: number; target: number };
  /** The pendamping targets added up: compared with the office's own target on the Target page. */
  sumPendamping: number;
}

const ofBase = (mode: TargetMode, value: number, base: number) =>
  // A share is rounded up: 30% of 67,245 families means 20,174 graduations, not 20,173.
  mode === 'persen' ? Math.ceil((value * base) / 100) : value;

/**
 * Every target of a year. Pendamping listed: the active ones (the default applies to them) and any other with a
 * target set for the year. A kecamatan's target is its share of each pendamping's target by where the
 * pendamping's families live (a pendamping with 60 families in A and 40 in B gives A 60% of their target): a
 * pendamping's coverage list says where they may work, the families say where the work is.
 */
export function yearTargets(db: Db, year: number, extraPendamping: readonly number[] = []): YearTargets {
  const settings = getGraduationSettings(db);
  const [from, to] = yearRange(year);
  const base = db.$client
    .prepare(
      `SELECT pendamping_id AS p, district_code AS d, count(*) AS n FROM kpm
       WHERE status = 'aktif' OR (status IN ('graduasi_mandiri', 'graduasi_alamiah') AND status_date BETWEEN ? AND ?)
       GROUP BY pendamping_id, district_code`,
    )
    .all(from, to) as { p: number | null; d: string; n: number }[];
  const perPendamping = new Map<number, Map<string, number>>();
  let officeBase = 0;
  for (const row of base) {
    officeBase += row.n;
    if (row.p === null) continue;
    const districts = perPendamping.get(row.p) ?? new Map<string, number>();
    districts.set(row.d, row.n);
    perPendamping.set(row.p, districts);
  }
  const set = new Map<number | null, { mode: TargetMode; value: number }>(
    db
      .select()
      .from(graduationTargets)
      .where(eq(graduationTargets.year, year))
      .all()
      .map((t) => [t.pendampingId, { mode: t.mode, value: t.value }]),
  );
  const extra = new Set(extraPendamping);
  const rows: PendampingTarget[] = db
    .select({ id: pendamping.id, name: pendamping.name, active: pendamping.active })
    .from(pendamping)
    .orderBy(pendamping.name)
    .all()
    .filter((p) => p.active || set.has(p.id) || extra.has(p.id))
    .map((p) => {
      const baseKpm = [...(perPendamping.get(p.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
      const own = set.get(p.id) ?? null;
      // The default is for pendamping at work; one who has left counts only a target set for them.
      const target = own ? ofBase(own.mode, own.value, baseKpm) : p.active ? settings.defaultTargetKpm : 0;
      return { pendampingId: p.id, name: p.name, active: p.active, baseKpm, set: own, target };
    });
  const shares = new Map<string, number>();
  for (const row of rows) {
    if (row.baseKpm === 0) continue;
    for (const [d, n] of perPendamping.get(row.pendampingId) ?? []) {
      shares.set(d, (shares.get(d) ?? 0) + (row.target * n) / row.baseKpm);
    }
  }
  const kecamatan = new Map([...shares].map(([d, t]) => [d, Math.round(t)]));
  const office = set.get(null) ?? null;
  return {
    year,
    defaultTargetKpm: settings.defaultTargetKpm,
    pendamping: rows,
    kecamatan,
    office: {
      baseKpm: officeBase,
      set: office,
      percentDefault: settings.officeTargetPercent,
      target: office
        ? ofBase(office.mode, office.value, officeBase)
        : ofBase('persen', settings.officeTargetPercent, officeBase),
    },
    sumPendamping: rows.reduce((sum, r) => sum + r.target, 0),
  };
}
