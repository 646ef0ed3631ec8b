/**
 * The year's decided graduations, read straight from the decision tables that the decision
 * service writes. A graduation counts when the family's status is a graduation dated in the year AND it came
 * through a decision that approved it and was not reversed: a status set by hand or by a reversed decision does
 * not count.
 */
import type { Db } from '../../../db/open';

export interface Graduation {
  /** The family (kpm.id). */
  id: number;
  status: 'graduasi_mandiri' | 'graduasi_alamiah';
  /** The family's kecamatan. */
  d: string;
  /** The family's desa/kelurahan. */
  v: string;
  /** The graduation date (the family's status date). */
  at: string;
  /** The candidate's pendamping (the family's when it was proposed). */
  p: number | null;
}

/**
 * The year's decided, unreversed graduations, one per family. CROSS JOIN keeps SQLite's join order: from the
 * few decisions down to their families, instead of from every graduated family in the registry up.
 */
export function decidedGraduations(db: Db, year: number): Graduation[] {
  const rows = db.$client
    .prepare(
      `SELECT k.id, k.status, k.district_code AS d, k.village_code AS v, k.status_date AS at, c.pendamping_id AS p
       FROM decisions dc
       CROSS JOIN proposal_items pi CROSS JOIN graduation_candidates c CROSS JOIN kpm k
       WHERE dc.reversed_at IS NULL AND pi.proposal_id = dc.proposal_id AND pi.decision = 'disetujui'
         AND c.id = pi.candidate_id AND k.id = c.kpm_id
         AND k.status IN ('graduasi_mandiri', 'graduasi_alamiah') AND k.status_date BETWEEN ? AND ?`,
    )
    .all(`${year}-01-01`, `${year}-12-31`) as Graduation[];
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}
