/**
 * Graduation progress for a year: decided graduations against the targets per pendamping,
 * kecamatan and office, and the candidates in the pipeline by stage. The figures of the home page (Beranda).
 *
 * A graduation counts when the family's status is a graduation dated in the year AND it came through a decision
 * that approved it and was not reversed. The decision tables are read directly (the decision service writes
 * them): a status set by hand or by a reversed decision does not count.
 */
import type { Db } from '../../../db/open';
import { regionsByCode } from '../../../db/queries/awards';
import { candidateStageCounts, type GraduationCount } from '../../../db/queries/graduation';
import { CANDIDATE_STAGES, type CandidateStage, type TargetMode } from '../../domain/graduation';
import { decidedGraduationsPer } from './graduated';
import { graduatedPerPendamping, yearTargets } from './targets';

export interface Tally {
  graduated: number;
  mandiri: number;
  alamiah: number;
  target: number;
  /** graduated / target in whole percent; null without a target. */
  percent: number | null;
}

export interface PendampingProgress extends Tally {
  pendampingId: number;
  name: string;
  active: boolean;
  baseKpm: number;
  set: { mode: TargetMode; value: number } | null;
  /** How the target is computed (tooltip). */
  how: string;
  /** Place by graduations (1 = most; equal counts share a place); null without any graduation. */
  rank: number | null;
}

export interface KecamatanProgress extends Tally {
  code: string;
  name: string;
  /** How the target is computed (tooltip). */
  how: string;
}

export interface GraduationDashboard {
  year: number;
  office: Tally & {
    baseKpm: number;
    set: { mode: TargetMode; value: number } | null;
    percentDefault: number;
    sumPendamping: number;
    /** How the office's target and the pendamping total are computed (tooltips). */
    how: string;
    sumPendampingHow: string;
  };
  defaultTargetKpm: number;
  /** Open stages: every candidate now in them; closed stages: candidates closed during the year. */
  pipeline: Record<CandidateStage, number>;
  pendamping: PendampingProgress[];
  kecamatan: KecamatanProgress[];
  /** Graduations whose candidate had no pendamping. */
  withoutPendamping: number;
}

function pipelineCounts(db: Db, year: number): Record<CandidateStage, number> {
  const rows = candidateStageCounts(db, year);
  const counts = Object.fromEntries(CANDIDATE_STAGES.map((s) => [s, 0])) as Record<CandidateStage, number>;
  for (const row of rows) counts[row.stage] = row.n;
  return counts;
}

const emptyTally = (target: number): Tally => ({ graduated: 0, mandiri: 0, alamiah: 0, target, percent: null });

function count(tally: Tally, c: GraduationCount) {
  tally.graduated += c.n;
  if (c.status === 'graduasi_mandiri') tally.mandiri += c.n;
  else tally.alamiah += c.n;
}

const withPercent = <T extends Tally>(t: T): T => ({
  ...t,
  percent: t.target > 0 ? Math.round((t.graduated * 100) / t.target) : null,
});

/** Competition ranking by graduations (10, 10, 7 -> 1, 1, 3); ties then by share of target, then by name. */
function ranked(rows: PendampingProgress[]): PendampingProgress[] {
  const sorted = [...rows].sort(
    (a, b) => b.graduated - a.graduated || (b.percent ?? 0) - (a.percent ?? 0) || a.name.localeCompare(b.name, 'id'),
  );
  let place = 0;
  return sorted.map((row, i) => {
    if (row.graduated === 0) return { ...row, rank: null };
    if (i === 0 || sorted[i - 1].graduated !== row.graduated) place = i + 1;
    return { ...row, rank: place };
  });
}

export function graduationDashboard(db: Db, year: number): GraduationDashboard {
  // The year's graduations counted per kecamatan and per pendamping (decided_graduation_level_counts, graduated.ts's
  // rule): each graduation is in one kecamatan row and one pendamping row.
  const byKecamatan = decidedGraduationsPer(db, 'kecamatan', year);
  const byPendamping = decidedGraduationsPer(db, 'pendamping', year);
  const targets = yearTargets(db, year, graduatedPerPendamping(byPendamping));
  const perPendamping = new Map(
    targets.pendamping.map((p) => [
      p.pendampingId,
      { ...p, ...emptyTally(p.target), rank: null } as PendampingProgress,
    ]),
  );
  const perKecamatan = new Map<string, Tally>([...targets.kecamatan].map(([code, t]) => [code, emptyTally(t.target)]));
  const office = emptyTally(targets.office.target);
  let withoutPendamping = 0;
  for (const c of byKecamatan) {
    count(office, c);
    const kecamatan = perKecamatan.get(c.area) ?? emptyTally(0);
    count(kecamatan, c);
    perKecamatan.set(c.area, kecamatan);
  }
  for (const c of byPendamping) {
    const p = c.area === '0' ? undefined : perPendamping.get(Number(c.area));
    if (p) count(p, c);
    else withoutPendamping += c.n;
  }
  const names = new Map(
    perKecamatan.size === 0 ? [] : regionsByCode(db, [...perKecamatan.keys()]).map((r) => [r.code, r.name]),
  );
  return {
    year,
    office: {
      ...withPercent(office),
      baseKpm: targets.office.baseKpm,
      set: targets.office.set,
      percentDefault: targets.office.percentDefault,
      sumPendamping: targets.sumPendamping,
      how: targets.office.how,
      sumPendampingHow: targets.sumPendampingHow,
    },
    defaultTargetKpm: targets.defaultTargetKpm,
    pipeline: pipelineCounts(db, year),
    pendamping: ranked([...perPendamping.values()].map(withPercent)),
    kecamatan: [...perKecamatan]
      .map(([code, t]) =>
        withPercent({
          ...t,
          code,
          name: names.get(code) ?? code,
          how: targets.kecamatan.get(code)?.how ?? 'tidak ada pendamping yang bertugas di kecamatan ini',
        }),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    withoutPendamping,
  };
}
