/**
 * The absence follow-up list: families ALFA two months running (absence-rule.ts) whose period was met in the
 * chosen months, per pendamping, each with the warning given for that period if any; and recording a warning.
 */
import type { Db } from '../../../db/open';
import {
  absentFamilies,
  alfaMonths,
  insertWarning,
  type WarningRow,
  warningsOf,
} from '../../../db/queries/p2k2-reports';
import { AppError } from '../../domain/errors';
import { type Period, periodLabel, periodRange } from '../../domain/reports';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { absencePeriods, monthsBefore } from './absence-rule';

/** How far back a run is followed: a run begun more than a year before the period starts is read from there. */
const LOOK_BACK_MONTHS = 12;

export interface AbsentFamily {
  kpmId: number;
  nama: string;
  nik: string;
  noKk: string;
  desa: string;
  groupId: number;
  groupName: string;
  /** The run of ALFA months (YYYY-MM) as far as it is known. */
  months: string[];
  absentUntil: string;
  warning: WarningRow | null;
}

export interface AbsenceList {
  periodLabel: string;
  pendamping: { pendampingId: number | null; name: string; families: AbsentFamily[] }[];
  total: number;
}

export interface Found {
  kpmId: number;
  groupId: number;
  pendampingId: number | null;
  months: string[];
  absentUntil: string;
}

/** The periods met from..to (YYYY-MM) with the group and pendamping of their second month. */
function foundPeriods(db: Db, period: Period, only: { pendampingId?: number; kpmId?: number }): Found[] {
  const { from, to } = periodRange(period);
  const first = from.slice(0, 7);
  const last = to.slice(0, 7);
  const rows = alfaMonths(db, `${monthsBefore(first, LOOK_BACK_MONTHS)}-01`, to, only);
  const byFamily = new Map<number, typeof rows>();
  for (const row of rows) byFamily.set(row.kpmId, [...(byFamily.get(row.kpmId) ?? []), row]);
  const found: Found[] = [];
  for (const [kpmId, months] of byFamily) {
    for (const p of absencePeriods(months.map((m) => m.month))) {
      if (p.absentUntil < first || p.absentUntil > last) continue;
      const at = months.find((m) => m.month === p.absentUntil) ?? months[months.length - 1];
      found.push({
        kpmId,
        groupId: at.groupId,
        pendampingId: at.pendampingId,
        months: p.months,
        absentUntil: p.absentUntil,
      });
    }
  }
  return found;
}

export function absenceList(db: Db, period: Period, pendampingId?: number): AbsenceList {
  const found = foundPeriods(db, period, { pendampingId });
  const families = new Map(absentFamilies(db, found).map((f) => [`${f.kpmId}:${f.groupId}`, f]));
  const warnings = warningsOf(db, [...new Set(found.map((f) => f.kpmId))]);
  const byPendamping = new Map<number | null, AbsenceList['pendamping'][number]>();
  for (const f of found) {
    const family = families.get(`${f.kpmId}:${f.groupId}`);
    if (!family) continue;
    const group = byPendamping.get(f.pendampingId) ?? {
      pendampingId: f.pendampingId,
      name: family.pendampingName ?? 'Tanpa pendamping',
      families: [],
    };
    group.families.push({
      kpmId: f.kpmId,
      nama: family.nama,
      nik: family.nik,
      noKk: family.noKk,
      desa: family.desa,
      groupId: f.groupId,
      groupName: family.groupName,
      months: f.months,
      absentUntil: f.absentUntil,
      warning: warnings.find((w) => w.kpmId === f.kpmId && w.absentUntil === f.absentUntil) ?? null,
    });
    byPendamping.set(f.pendampingId, group);
  }
  const pendamping = [...byPendamping.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  for (const p of pendamping)
    p.families.sort((a, b) => a.nama.localeCompare(b.nama, 'id') || a.absentUntil.localeCompare(b.absentUntil));
  return { periodLabel: periodLabel(period), pendamping, total: found.length };
}

/** The absence period a warning is for: refused when the family has no such period or was already warned for it. */
export function periodToWarn(db: Db, kpmId: number, absentUntil: string): Found {
  const year = Number(absentUntil.slice(0, 4));
  const month = Number(absentUntil.slice(5, 7));
  const met = foundPeriods(db, { year, fromMonth: month, toMonth: month }, { kpmId });
  const period = met.find((f) => f.absentUntil === absentUntil);
  if (!period) {
    throw new AppError('INVALID_INPUT', `KPM ini tidak alfa dua bulan berturut-turut sampai ${absentUntil}.`, {
      fields: { absentUntil: 'Pilih periode dari daftar tindak lanjut.' },
    });
  }
  if (warningsOf(db, [kpmId]).some((w) => w.absentUntil === absentUntil)) {
    throw new AppError('DUPLICATE', `Teguran untuk periode ${absentUntil} sudah diberikan kepada KPM ini.`);
  }
  return period;
}

/** Writes the warning and its audit; the caller holds the write transaction and checked the period (periodToWarn). */
export function writeWarning(
  db: Db,
  actor: Actor,
  input: { kpmId: number; absentUntil: string; givenOn: string; documentId: number | null },
): number {
  const id = insertWarning(db, { ...input, givenBy: actor.id, givenByName: actor.username });
  writeAudit(db, actor, {
    action: 'p2k2_teguran',
    entity: 'kpm',
    entityId: input.kpmId,
    summary: `Teguran P2K2: alfa dua bulan berturut-turut sampai ${input.absentUntil}`,
    after: { warningId: id, absentUntil: input.absentUntil, documentId: input.documentId },
  });
  return id;
}
