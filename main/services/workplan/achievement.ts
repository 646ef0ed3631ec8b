/**
 * "Direncanakan vs terlaksana": a pendamping's submitted plan of one month against what was done. The
 * evaluation reads workPlanAchievement; a draft is no plan yet, so it counts nothing.
 */
import type { Db } from '../../../db/open';
import { outcomeCounts, outcomeCountsByPendamping } from '../../../db/queries/workplan';
import type { Actor } from '../actor';
import { requireOwnPendamping } from './access';

export interface WorkPlanAchievement {
  /** Activities in the submitted plan. */
  planned: number;
  /** Marked terlaksana. */
  done: number;
  /** Marked tidak terlaksana (each with its reason). */
  notDone: number;
  /** Not marked yet. */
  unmarked: number;
  /** done / planned as a whole percentage (rounded), null when nothing was planned. */
  percent: number | null;
}

export function achievementOf(db: Db, pendampingId: number, month: string): WorkPlanAchievement {
  return achievementFrom(outcomeCounts(db, pendampingId, month));
}

/** achievementOf for every pendamping with a submitted plan that month, in one query (the others planned nothing). */
export function achievementByPendamping(db: Db, month: string): Map<number, WorkPlanAchievement> {
  return new Map(outcomeCountsByPendamping(db, month).map((c) => [c.pendampingId, achievementFrom(c)]));
}

/** The figures from the counts of a submitted plan's items (zeros for a draft or no plan). */
export function achievementFrom(counts: { planned: number; done: number; notDone: number }): WorkPlanAchievement {
  const { planned, done, notDone } = counts;
  return {
    planned,
    done,
    notDone,
    unmarked: planned - done - notDone,
    percent: planned === 0 ? null : Math.round((done / planned) * 100),
  };
}

/** The same figures through the contract: a pendamping account asks for its own only. */
export function workPlanAchievement(
  db: Db,
  actor: Actor,
  input: { pendampingId: number; month: string },
): WorkPlanAchievement {
  requireOwnPendamping(actor, input.pendampingId);
  return achievementOf(db, input.pendampingId, input.month);
}
