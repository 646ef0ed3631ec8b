/**
 * What the app already knows of a pendamping's month, as planned activities: its groups' P2K2 sessions (the
 * yearly plans), the follow-up visits of its graduated families falling due, and a verification visit for each
 * candidate of its families still waiting for one. Home visits, verifikasi komitmen and meetings the pendamping
 * adds by hand: nothing in the app dates them.
 */
import type { Db } from '../../../db/open';
import {
  candidatesAwaitingVerification,
  type DraftSource,
  dueFollowUps,
  plannedSessions,
} from '../../../db/queries/workplan';
import { monthBounds } from '../../domain/dates';
import type { WorkPlanKind } from '../../domain/workplan';

export type DraftItem = DraftSource & { kind: WorkPlanKind };

/** The month's first Monday-to-Friday: candidates have no date of their own, the pendamping moves each visit. */
export function firstWorkingDay(month: string): string {
  for (let day = 1; day <= 7; day++) {
    const iso = `${month}-0${day}`;
    const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return iso;
  }
  return `${month}-01`;
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
  return [...sessions, ...visits, ...candidates];
}
