/** The monthly work plan: what the draft reads from P2K2 and graduation, the plans and their items. */
import { NEW_CANDIDATE_STAGE } from '../../main/domain/graduation';
import { SUBMITTED_PLAN } from '../../main/domain/workplan';
import type { Db } from '../open';
import { VISITS_FROM } from './graduation';

/** One activity the draft proposes, with the key that keeps drafting again from adding it twice. */
export interface DraftSource {
  sourceKey: string;
  date: string;
  title: string;
  place: string;
  kpmId: number | null;
  groupId: number | null;
}

/** The sessions the pendamping's active groups planned in the month (the groups' yearly plans, RTL). */
export function plannedSessions(db: Db, pendampingId: number, first: string, last: string) {
  return db.$client
    .prepare(
      `SELECT p.group_id AS groupId, p.topic_id AS topicId, p.planned_on AS date, g.name AS groupName,
              g.meeting_place AS place, t.name AS topicName
       FROM p2k2_plans p JOIN p2k2_groups g ON g.id = p.group_id JOIN p2k2_topics t ON t.id = p.topic_id
       WHERE g.pendamping_id = ? AND g.active = 1 AND p.planned_on BETWEEN ? AND ?
       ORDER BY p.planned_on, g.name, p.topic_id`,
    )
    .all(pendampingId, first, last) as {
    groupId: number;
    topicId: number;
    date: string;
    groupName: string;
    place: string;
    topicName: string;
  }[];
}

/** Follow-up visits of the pendamping's families not made and falling due in the month (reversed decisions out). */
export function dueFollowUps(db: Db, pendampingId: number, first: string, last: string) {
  return db.$client
    .prepare(
      `SELECT v.id, v.kpm_id AS kpmId, v.due_date AS date, v.months_after AS monthsAfter, k.nama
       ${VISITS_FROM}
       WHERE k.pendamping_id = ? AND v.visited_date IS NULL AND v.due_date BETWEEN ? AND ?
       ORDER BY v.due_date, k.nama, v.id`,
    )
    .all(pendampingId, first, last) as { id: number; kpmId: number; date: string; monthsAfter: number; nama: string }[];
}

/** Candidates of the pendamping's families waiting for their verification visit (a new candidacy). */
export function candidatesAwaitingVerification(db: Db, pendampingId: number) {
  return db.$client
    .prepare(
      `SELECT c.id, c.kpm_id AS kpmId, k.nama
       FROM graduation_candidates c JOIN kpm k ON k.id = c.kpm_id
       WHERE k.pendamping_id = ? AND c.stage = ?
       ORDER BY k.nama, c.id`,
    )
    .all(pendampingId, NEW_CANDIDATE_STAGE) as { id: number; kpmId: number; nama: string }[];
}

export interface SubmissionRow {
  pendampingId: number;
  pendampingName: string;
  planId: number | null;
  status: 'draft' | 'submitted' | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  items: number;
  /** Outcomes of the items (counted only for a submitted plan by achievementOf's rule). */
  done: number;
  notDone: number;
}

/** Every active pendamping (and any with a plan that month) with its plan of the month, if any. */
export function submissionRows(db: Db, month: string): SubmissionRow[] {
  return db.$client
    .prepare(
      `SELECT p.id AS pendampingId, p.name AS pendampingName, w.id AS planId, w.status,
              w.first_submitted_at AS firstSubmittedAt, w.submitted_at AS submittedAt,
              coalesce(i.items, 0) AS items, coalesce(i.done, 0) AS done, coalesce(i.notDone, 0) AS notDone
       FROM pendamping p LEFT JOIN work_plans w ON w.pendamping_id = p.id AND w.month = ?
         LEFT JOIN (SELECT plan_id, count(*) AS items, sum(outcome = 'done') AS done,
                           sum(outcome = 'not_done') AS notDone
                    FROM work_plan_items GROUP BY plan_id) i ON i.plan_id = w.id
       WHERE p.active = 1 OR w.id IS NOT NULL
       ORDER BY p.name, p.id`,
    )
    .all(month) as SubmissionRow[];
}

/** Planned activities and their outcomes in one pendamping's month. */
export function outcomeCounts(db: Db, pendampingId: number, month: string) {
  return db.$client
    .prepare(
      `SELECT count(i.id) AS planned,
              coalesce(sum(i.outcome = 'done'), 0) AS done,
              coalesce(sum(i.outcome = 'not_done'), 0) AS notDone
       FROM work_plans w JOIN work_plan_items i ON i.plan_id = w.id
       WHERE w.pendamping_id = ? AND w.month = ? AND w.status = ?`,
    )
    .get(pendampingId, month, SUBMITTED_PLAN) as { planned: number; done: number; notDone: number };
}

/** outcomeCounts for every pendamping at once: those with a submitted plan that month (the others are absent). */
export function outcomeCountsByPendamping(db: Db, month: string) {
  return db.$client
    .prepare(
      `SELECT w.pendamping_id AS pendampingId, count(i.id) AS planned,
              coalesce(sum(i.outcome = 'done'), 0) AS done,
              coalesce(sum(i.outcome = 'not_done'), 0) AS notDone
       FROM work_plans w JOIN work_plan_items i ON i.plan_id = w.id
       WHERE w.month = ? AND w.status = ?
       GROUP BY w.pendamping_id`,
    )
    .all(month, SUBMITTED_PLAN) as { pendampingId: number; planned: number; done: number; notDone: number }[];
}
