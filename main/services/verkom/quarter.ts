/**
 * What the office reads back: the quarter's families that missed a commitment (per pendamping; a pendamping sees
 * its own), one family's record by month, and the month's verifikasi komitmen per pendamping for the evaluation.
 */
import type { Db } from '../../../db/open';
import {
  type FamilyEducationRow,
  type FamilyHealthRow,
  familyEducation,
  familyHealth,
  monthlyVerkom,
  type NonCompliantFamily,
  nonCompliantFamilies,
} from '../../../db/queries/verkom';
import { VERKOM_DUTIES } from '../../domain/duties';
import { meetsThreshold, type QuarterInput, quarterLabel, quarterMonths } from '../../domain/verkom';
import { type Actor, ownPendampingId, requireDuty } from '../actor';
import { requireOwnFamily } from './scope';
import { thresholdBp } from './settings';

export interface QuarterNonCompliance {
  year: number;
  quarter: number;
  quarterText: string;
  months: string[];
  thresholdPercent: number;
  families: NonCompliantFamily[];
}

export function quarterNonCompliance(db: Db, actor: Actor, input: QuarterInput): QuarterNonCompliance {
  requireDuty(actor, VERKOM_DUTIES.view, 'melihat verifikasi komitmen');
  const months = quarterMonths(input.year, input.quarter);
  const threshold = thresholdBp(db);
  const families = nonCompliantFamilies(db, {
    from: months[0],
    to: months[2],
    thresholdBp: threshold,
    pendampingId: ownPendampingId(actor),
  });
  return {
    ...input,
    quarterText: quarterLabel(input.year, input.quarter),
    months: [...months],
    thresholdPercent: threshold / 100,
    families,
  };
}

export interface FamilyCommitments {
  thresholdPercent: number;
  education: (FamilyEducationRow & { met: boolean })[];
  health: FamilyHealthRow[];
}

export function familyCommitments(db: Db, actor: Actor, input: { kpmId: number }): FamilyCommitments {
  requireDuty(actor, VERKOM_DUTIES.view, 'melihat verifikasi komitmen');
  requireOwnFamily(db, actor, input.kpmId);
  const threshold = thresholdBp(db);
  return {
    thresholdPercent: threshold / 100,
    education: familyEducation(db, input.kpmId).map((e) => ({ ...e, met: meetsThreshold(e.attendanceBp, threshold) })),
    health: familyHealth(db, input.kpmId),
  };
}

/** One pendamping's verifikasi komitmen in one month, for the monthly performance report and the evaluation. */
export interface VerkomMonthlyFigures {
  pendampingId: number;
  /** Members (the pengurus counted as one) whose education or health commitment was checked in the month. */
  membersChecked: number;
  /** Families with at least one checked member. */
  familiesChecked: number;
  /** Checked families that missed a commitment in the month (attendance below the threshold, a missed visit). */
  nonCompliantFamilies: number;
}

/**
 * Verifikasi komitmen done per pendamping for a month (YYYY-MM), judged against the office's current threshold;
 * pendamping with nothing checked that month are absent (count them as zero). No actor: the caller's service
 * checks its own duty and scope.
 */
export function verkomMonthlyByPendamping(db: Db, month: string): VerkomMonthlyFigures[] {
  return monthlyVerkom(db, month, thresholdBp(db));
}
