/**
 * The year's decided graduations, read from decided_graduations, which triggers keep from the decision tables that
 * the decision service writes (migration decided_graduations holds the rule in SQL). A graduation counts when the family's status is a graduation dated in the year AND it came
 * through a decision that approved it and was not reversed: a status set by hand or by a reversed decision does
 * not count.
 */

import type { Db } from '../../../db/open';
import {
  decidedGraduationCounts,
  decidedGraduationRows,
  type GraduationCount,
  type GraduationRow,
} from '../../../db/queries/graduation';
import type { ReportLevel } from '../../../db/schema/level-counts';

export type Graduation = GraduationRow;

/** The year's decided, unreversed graduations, one per family (decided_graduations keeps the rule in SQL). */
export function decidedGraduations(db: Db, year: number): Graduation[] {
  return decidedGraduationRows(db, `${year}-01-01`, `${year}-12-31`);
}

/** The year's decided graduations counted per kecamatan or per pendamping and status (the same rule, summed). */
export function decidedGraduationsPer(db: Db, level: ReportLevel, year: number): GraduationCount[] {
  return decidedGraduationCounts(db, level, `${year}-01`, `${year}-12`);
}

/** The same from January of the month's year to the end of the month (YYYY-MM): a year's graduations so far. */
export function decidedGraduationsPerUpTo(db: Db, level: ReportLevel, month: string): GraduationCount[] {
  return decidedGraduationCounts(db, level, `${month.slice(0, 4)}-01`, month);
}
