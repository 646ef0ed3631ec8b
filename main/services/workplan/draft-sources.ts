/**
 * What the app already knows of a pendamping's month, as planned activities: its groups' P2K2 sessions (the
 * yearly plans), the follow-up visits of its graduated families falling due, a verification visit for each
 * candidate of its families still waiting for one, and one verifikasi komitmen of its active families holding a
 * school or health komponen. Home visits and meetings the pendamping adds by hand: nothing in the app dates them.
 */
import type { Db } from '../../../db/open';
import { activeFamiliesHoldingAny } from '../../../db/queries/kpm';
import {
  candidatesAwaitingVerification,
  type DraftSource,
  dueFollowUps,
  plannedSessions,
} from '../../../db/queries/workplan';
import { monthBounds } from '../../domain/dates';
import { COMMITMENT_KOMPONEN_MASK } from '../../domain/verkom';
import type { WorkPlanKind } from '../../domain/workplan';

export type DraftItem = DraftSource & { kind: WorkPlanKind };

const isWeekday = (iso: string) => {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The month's first Monday-to-Friday: candidates have no date of their own, the pendamping moves each visit. */
export function firstWorkingDay(month: string): string {
  for (let day = 1; day <= 7; day++) {
    const iso = `${month}-0${day}`;
    if (isWeekday(iso)) return iso;
  }
  return `${month}-01`;
}

/** The month's last Monday-to-Friday. */
export function lastWorkingDay(month: string): string {
  const { last } = monthBounds(`${month}-01`);
  const lastDay = Number(last.slice(8));
  for (let day = lastDay; day > lastDay - 7; day--) {
    const iso = `${month}-${String(day).padStart(2, '0')}`;
    if (isWeekday(iso)) return iso;
  }
  return last;
}

/**
 * The month's verifikasi komitmen, one activity for all the families it covers (absent when none). Dated the
 * month's last working day: a month's school attendance and health visits are complete only at its end, and the
 * month's figure counts the families whose checks are recorded for that month, so the check is planned when the
 * whole month can be verified and still falls in it. The key is the month's: one such activity per plan.
 */
function commitmentCheck(db: Db, pendampingId: number, month: string): DraftItem[] {
  const families = activeFamiliesHoldingAny(db, COMMITMENT_KOMPONEN_MASK, pendampingId);
  if (families === 0) return [];
  return [
    {
      kind: 'verifikasi_komitmen',
      sourceKey: `verkom:${month}`,
      date: lastWorkingDay(month),
      title: `Verifikasi komitmen pendidikan dan kesehatan: ${families} keluarga`,
      place: '',
      kpmId: null,
      groupId: null,
    },
  ];
}

export function draftSources(db: Db, pendampingId: number, month: string): DraftItem[] {
  const { first, last } = monthBounds(`${month}-01`);
  const sessions = plannedSessions(db, pendampingId, first, last).map(
    (s): DraftItem => ({
      kind: 'p2k2',
      sourceKey: `p2k2:${s.groupId}:${s.topicId}:${s.date}`,
      date: s.date,
      title: `P2K2 kelompok ${s.groupName}: ${s.topicName}`,
      place: s.place,
      kpmId: null,
      groupId: s.groupId,
    }),
  );
  const visits = dueFollowUps(db, pendampingId, first, last).map(
    (v): DraftItem => ({
      kind: 'kunjungan_pemantauan',
      sourceKey: `visit:${v.id}`,
      date: v.date,
      title: `Kunjungan pemantauan bulan ke-${v.monthsAfter}: ${v.nama}`,
      place: '',
      kpmId: v.kpmId,
      groupId: null,
    }),
  );
  const day = firstWorkingDay(month);
  const candidates = candidatesAwaitingVerification(db, pendampingId).map(
    (c): DraftItem => ({
      kind: 'verifikasi_graduasi',
      sourceKey: `candidate:${c.id}`,
      date: day,
      title: `Kunjungan verifikasi calon graduasi: ${c.nama}`,
      place: '',
      kpmId: c.kpmId,
      groupId: null,
    }),
  );
  return [...sessions, ...visits, ...candidates, ...commitmentCheck(db, pendampingId, month)];
}
