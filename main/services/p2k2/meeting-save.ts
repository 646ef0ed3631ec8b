/**
 * Records a meeting, or corrects a recorded one: its fields, speakers, photos and every family's attendance and
 * ratings in one transaction, with one audit line saying what changed.
 */
import { type Db, inTransaction } from '../../../db/open';
import { topicById } from '../../../db/queries/p2k2-curriculum';
import {
  deletePhotosExcept,
  familyNames,
  insertMeeting,
  insertPhoto,
  meetingAttendance,
  meetingPhotos,
  membersOnDay,
  sameMeeting,
  setPhotoOrder,
  updateMeeting,
  upsertAttendance,
} from '../../../db/queries/p2k2-meetings';
import { P2K2_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal, formatWaktu } from '../../domain/format';
import type { MeetingSaveInput } from '../../domain/p2k2-forms';
import { type Actor, ownPendampingId, requireDuty } from '../actor';
import { historyOf, writeAudit } from '../audit';
import { pastDate } from '../graduation/checked-input';
import { requireOwnFamily } from '../own-families';
import { checkPendamping } from './group-rules';
import { loadGroup } from './groups';
import { type AttendanceFacts, attendanceChanges, fieldChanges } from './meeting-changes';
import { checkPhotos, type NewPhoto, photoChanges } from './meeting-photos';
import { loadMeeting } from './meetings';
import type { MeetingSaved } from './types';

export const MEETING_ENTITY = 'p2k2_meeting';

function checkFields(db: Db, input: MeetingSaveInput, keptTopicId: number | null) {
  pastDate('Tanggal pertemuan', input.heldOn, 'heldOn');
  if (input.startTime && input.endTime && input.endTime <= input.startTime) {
    throw new AppError('INVALID_INPUT', 'Jam selesai harus setelah jam mulai.', {
      fields: { endTime: 'Jam selesai harus setelah jam mulai.' },
    });
  }
  checkPendamping(db, input.pendampingId);
  const topic = topicById(db, input.topicId);
  // A switched-off topic is not taught any more; a correction may keep the one the meeting taught.
  if (!topic || (!topic.active && topic.id !== keptTopicId)) {
    throw new AppError('INVALID_INPUT', 'Pilih sesi (materi) yang aktif.', { fields: { topicId: 'Pilih sesi.' } });
  }
  return topic;
}

/** The families whose rows the meeting holds: the group's on that day, plus any already recorded. */
function attendanceRows(db: Db, input: MeetingSaveInput, meetingId: number, before: AttendanceFacts[]) {
  const allowed = new Map<number, string>(membersOnDay(db, input.groupId, input.heldOn).map((m) => [m.kpmId, m.nama]));
  for (const row of before) allowed.set(row.kpmId, row.nama);
  const strangers = input.attendance.filter((a) => !allowed.has(a.kpmId)).map((a) => a.kpmId);
  if (strangers.length > 0) {
    const names = familyNames(db, strangers);
    const shown = strangers.slice(0, 5).map((id) => names.get(id) ?? `KPM #${id}`);
    throw new AppError('INVALID_INPUT', `Bukan anggota kelompok pada tanggal pertemuan: ${shown.join(', ')}.`);
  }
  const given = new Map(input.attendance.map((a) => [a.kpmId, a]));
  const old = new Map(before.map((a) => [a.kpmId, a]));
  return [...allowed].map(([kpmId, nama]): AttendanceFacts & { meetingId: number } => {
    const row = given.get(kpmId) ?? old.get(kpmId);
    return {
      meetingId,
      kpmId,
      nama,
      status: row?.status ?? null,
      behaviourRating: row?.behaviourRating ?? null,
      potentialRating: row?.potentialRating ?? null,
    };
  });
}

/** Two PCs correcting one meeting: the later save would undo the earlier one unseen, so it is refused. */
function refuseStale(db: Db, meetingId: number): never {
  const last = historyOf(db, MEETING_ENTITY, meetingId)[0];
  const by = last ? ` oleh ${last.username} pada ${formatWaktu(last.at)}` : '';
  throw new AppError(
    'CONFLICT',
    `Pertemuan ini sudah diubah${by}. Buka lagi untuk melihat perubahannya, lalu koreksi.`,
  );
}

function writePhotos(db: Db, meetingId: number, photos: (NewPhoto | { id: number })[]): void {
  deletePhotosExcept(
    db,
    meetingId,
    photos.flatMap((p) => ('id' in p ? [p.id] : [])),
  );
  photos.forEach((p, i) => {
    if ('id' in p) setPhotoOrder(db, p.id, i);
    else insertPhoto(db, meetingId, p.mime, p.bytes, i);
  });
}

export function saveMeeting(db: Db, actor: Actor, input: MeetingSaveInput): MeetingSaved {
  requireDuty(actor, P2K2_DUTIES.recordOwn, input.id ? 'mengoreksi pertemuan P2K2' : 'mencatat pertemuan P2K2');
  const group = loadGroup(db, input.groupId);
  requireOwnFamily(actor, group.pendampingId, 'Kelompok P2K2 tidak ditemukan.');
  const own = ownPendampingId(actor);
  if (own != null && input.pendampingId !== own) {
    const message = 'Pendamping pertemuan harus Anda sendiri.';
    throw new AppError('INVALID_INPUT', message, { fields: { pendampingId: message } });
  }
  const old = input.id ? loadMeeting(db, input.id) : null;
  if (old && old.groupId !== input.groupId) {
    throw new AppError('INVALID_INPUT', 'Kelompok pertemuan tidak dapat diubah.', {
      fields: { groupId: 'Kelompok tetap.' },
    });
  }
  if (old && input.version && input.version !== old.updatedAt) refuseStale(db, old.id);
  const topic = checkFields(db, input, old?.topicId ?? null);
  const photoIds = old ? meetingPhotos(db, old.id).map((p) => p.id) : [];
  const photos = checkPhotos(photoIds, input.photos);
  return inTransaction(db, () => {
    const twin = sameMeeting(db, input.groupId, input.topicId, input.heldOn);
    if (twin && twin.id !== input.id) {
      throw new AppError(
        'CONFLICT',
        `Pertemuan kelompok ${group.name} untuk sesi ini pada ${formatTanggal(input.heldOn)} sudah dicatat.`,
      );
    }
    const now = new Date().toISOString();
    const values = {
      groupId: input.groupId,
      topicId: input.topicId,
      heldOn: input.heldOn,
      startTime: input.startTime,
      endTime: input.endTime,
      place: input.place,
      pendampingId: input.pendampingId,
      speakers: input.speakers,
      notes: input.notes,
      updatedAt: now,
    };
    const id = old ? old.id : insertMeeting(db, { ...values, createdBy: actor.id, createdAt: now });
    if (old) updateMeeting(db, id, values);
    const before = old ? meetingAttendance(db, id) : [];
    const rows = attendanceRows(db, input, id, before);
    upsertAttendance(
      db,
      rows.map(({ nama: _, ...row }) => row),
    );
    writePhotos(db, id, photos);
    const after = loadMeeting(db, id);
    const changes = old
      ? [...fieldChanges(old, after), ...attendanceChanges(before, rows), ...photoChanges(photoIds, photos)]
      : [];
    if (!old || changes.length > 0) {
      writeAudit(db, actor, {
        action: old ? 'correct' : 'create',
        entity: MEETING_ENTITY,
        entityId: id,
        summary: old
          ? `Pertemuan P2K2 ${group.name} ${formatTanggal(after.heldOn)} dikoreksi: ${changes.join('; ')}`
          : `Pertemuan P2K2 ${group.name} ${formatTanggal(input.heldOn)} dicatat: ${topic.name}, ${rows.filter((r) => r.status === 'hadir').length} dari ${rows.length} KPM hadir`,
        before: old ? { ...old, attendance: before } : undefined,
        after: { ...after, attendance: rows.map(({ meetingId: _, ...row }) => row) },
      });
    }
    return { id, changes, warnings: [] };
  });
}
