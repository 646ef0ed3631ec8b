/**
 * Accepting a reviewed scan: the statuses the user confirmed replace those of the same families in the meeting's
 * record, and everything else of the record (fields, speakers, photos, ratings, other families) is sent back as it
 * is, through the meeting's own save (p2k2.meetings.save: one transaction, audited, its checks). A row not on
 * the meeting's sheet is refused, never added.
 */
import type { Db } from '../../../db/open';
import { AppError } from '../../domain/errors';
import { type MeetingSaveInput, meetingSaveSchema } from '../../domain/p2k2-forms';
import type { SheetAcceptInput } from '../../domain/p2k2-sheet-forms';
import type { Actor } from '../actor';
import { saveMeeting } from '../p2k2/meeting-save';
import { getMeeting } from '../p2k2/meetings';
import type { MeetingDetail, MeetingSaved } from '../p2k2/types';
import { sheetPages } from './print';

export function acceptedMeeting(db: Db, detail: MeetingDetail, input: SheetAcceptInput): MeetingSaveInput {
  const onSheet = new Map(
    sheetPages(db, { meetingId: input.meetingId })
      .pages.flat()
      .map((f) => [f.kpmId, f.nama]),
  );
  const statuses = new Map<number, SheetAcceptInput['rows'][number]['status']>();
  for (const row of input.rows) {
    if (!onSheet.has(row.kpmId)) {
      throw new AppError(
        'INVALID_INPUT',
        'Ada baris yang bukan keluarga pada daftar hadir pertemuan ini; baca ulang pindaiannya.',
      );
    }
    if (statuses.has(row.kpmId)) throw new AppError('INVALID_INPUT', `${onSheet.get(row.kpmId)} tercantum dua kali.`);
    statuses.set(row.kpmId, row.status);
  }
  const attendance = detail.attendance.map((a) => ({
    kpmId: a.kpmId,
    status: statuses.get(a.kpmId) ?? a.status,
    behaviourRating: a.behaviourRating,
    potentialRating: a.potentialRating,
  }));
  // a meeting saved before its attendance: the sheet's families join its record with the status read
  const recorded = new Set(detail.attendance.map((a) => a.kpmId));
  for (const [kpmId, status] of statuses) {
    if (!recorded.has(kpmId)) attendance.push({ kpmId, status, behaviourRating: null, potentialRating: null });
  }
  return {
    id: detail.id,
    // a correction saved on another PC since the scan was read is refused by the meeting's save, naming who
    version: input.version,
    groupId: detail.groupId,
    topicId: detail.topicId,
    heldOn: detail.heldOn,
    startTime: detail.startTime,
    endTime: detail.endTime,
    place: detail.place,
    pendampingId: detail.pendampingId,
    speakers: detail.speakers,
    notes: detail.notes,
    photos: detail.photos.map((p) => ({ id: p.id })),
    attendance,
  };
}

/** Saves the reviewed statuses: the meeting's save checks the recorder's role, the families and the date. */
export function acceptSheet(db: Db, actor: Actor, input: SheetAcceptInput): MeetingSaved {
  const detail = getMeeting(db, actor, input.meetingId);
  return saveMeeting(db, actor, meetingSaveSchema.parse(acceptedMeeting(db, detail, input)));
}
