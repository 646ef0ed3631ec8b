/** The office's list for one month: who submitted (on time or late), who has a draft, who has nothing. */
import type { Db } from '../../../db/open';
import { submissionRows } from '../../../db/queries/workplan';
import { WORK_PLAN_DUTIES } from '../../domain/duties';
import { planDeadline, type SubmissionState } from '../../domain/workplan';
import { type Actor, requireDuty } from '../actor';
import { achievementFrom, type WorkPlanAchievement } from './achievement';

const NOTHING_PLANNED = { planned: 0, done: 0, notDone: 0 };

import { getWorkPlanSettings } from './settings';
import { planLate } from './view';

export interface SubmissionListRow {
  pendampingId: number;
  pendampingName: string;
  planId: number | null;
  state: SubmissionState;
  /** Past the deadline without a submission, or submitted after it. */
  late: boolean;
  submittedAt: string | null;
  items: number;
  achievement: WorkPlanAchievement;
}

export interface SubmissionList {
  month: string;
  deadline: string;
  rows: SubmissionListRow[];
  counts: Record<SubmissionState, number>;
}

export function listSubmissions(db: Db, actor: Actor, month: string, now: Date): SubmissionList {
  requireDuty(actor, WORK_PLAN_DUTIES.monitor, 'melihat pengajuan rencana kerja');
  const { deadlineDay } = getWorkPlanSettings(db);
  const counts: Record<SubmissionState, number> = { on_time: 0, late: 0, draft: 0, none: 0 };
  const rows = submissionRows(db, month).map((r): SubmissionListRow => {
    const late = planLate(r.planId ? { month, firstSubmittedAt: r.firstSubmittedAt } : null, month, deadlineDay, now);
    // A reopened plan counts by its first submission: it was handed in, the office took it back.
    const state: SubmissionState =
      r.firstSubmittedAt != null ? (late ? 'late' : 'on_time') : r.planId != null ? 'draft' : 'none';
    counts[state]++;
    return {
      pendampingId: r.pendampingId,
      pendampingName: r.pendampingName,
      planId: r.planId,
      state,
      late,
      submittedAt: r.submittedAt,
      items: r.items,
      // One query for the whole office (400 pendamping), not one per row; a draft counts nothing, as in achievementOf.
      achievement: achievementFrom(
        r.status === 'submitted' ? { planned: r.items, done: r.done, notDone: r.notDone } : NOTHING_PLANNED,
      ),
    };
  });
  return { month, deadline: planDeadline(month, deadlineDay), rows, counts };
}
