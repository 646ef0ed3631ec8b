/** P2K2 meetings: the list and one meeting with its attendance (NIKs as the viewer may see them) and photos. */
import type { Db } from '../../../db/open';
import { meetingAttendance, meetingById, meetingPage, meetingPhotos } from '../../../db/queries/p2k2-meetings';
import { AppError } from '../../domain/errors';
import type { MeetingListInput } from '../../domain/p2k2-forms';
import type { Page } from '../../domain/paging';
import { type Actor, ownPendampingId } from '../actor';
import { requireOwnFamily } from '../own-families';
import { nikFor } from '../security-settings';
import { loadGroup } from './groups';
import type { MeetingDetail, MeetingRow } from './types';

export function listMeetings(db: Db, actor: Actor, input: MeetingListInput): Page<MeetingRow> {
  // A pendamping account sees the meetings of its own groups (whoever led them).
  const { items, total } = meetingPage(db, { ...input, groupPendampingId: ownPendampingId(actor) });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export function loadMeeting(db: Db, id: number) {
  const meeting = meetingById(db, id);
  if (!meeting) throw new AppError('NOT_FOUND', 'Pertemuan P2K2 tidak ditemukan.');
  return meeting;
}

export function getMeeting(db: Db, actor: Actor, id: number): MeetingDetail {
  const meeting = loadMeeting(db, id);
  requireOwnFamily(actor, loadGroup(db, meeting.groupId).pendampingId, 'Pertemuan P2K2 tidak ditemukan.');
  const show = nikFor(db, actor.role);
  return {
    ...meeting,
    photos: meetingPhotos(db, id).map((p) => ({ id: p.id, mime: p.mime, base64: p.bytes.toString('base64') })),
    attendance: meetingAttendance(db, id).map((a) => ({ ...a, nik: show(a.nik), noKk: show(a.noKk) })),
  };
}
