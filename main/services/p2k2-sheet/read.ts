/**
 * Reading a meeting's scanned sheets for review: the scans are read in the long-jobs worker (scan/), then each
 * page is checked against the meeting as it is now: the QR must name this meeting, and the families its check
 * binds must still be that page's families, in order. Every row comes back with its family, what was read and the
 * status saved now; nothing is written here (the user reviews and accepts: accept.ts).
 */
import type { Db } from '../../../db/open';
import type { SheetMeetingRow } from '../../../db/queries/p2k2-sheet';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import type { Attendance } from '../../domain/p2k2';
import { type RowFlag, SHEET_ROWS_PER_PAGE, type SheetSubject, sheetCheck } from '../../domain/p2k2-sheet';
import { currentLongJobs } from '../../workers/scope';
import { sheetPages } from './print';
import type { ScanFile, ScannedPage } from './scan/read-files';

export interface ReviewRow {
  /** The row's number on the sheet (NO). */
  no: number;
  kpmId: number;
  nama: string;
  read: Attendance | null;
  flag: RowFlag | null;
  darkness: number[];
}

export interface ReviewPage {
  source: string;
  page: number;
  pages: number;
  /** The scanned page, PNG base64, for the review beside its rows. */
  preview: string;
  rows: ReviewRow[];
}

export interface SheetReview {
  meetingId: number;
  /** The meeting's version when read: accepting refuses when it was corrected since (another PC). */
  version: string;
  pages: ReviewPage[];
  /** Pages of the sheet no scan covered ("2"): their families keep what is saved. */
  missingPages: number[];
}

/** A sheet of this meeting, or of the meeting planned for its group, topic and day (printed before it was held). */
function sameMeeting(subject: SheetSubject, meeting: SheetMeetingRow): boolean {
  if ('meetingId' in subject) return subject.meetingId === meeting.id;
  return subject.groupId === meeting.groupId && subject.topicId === meeting.topicId && subject.day === meeting.heldOn;
}

const subjectName = (subject: SheetSubject) =>
  'meetingId' in subject
    ? `pertemuan nomor ${subject.meetingId}`
    : `rencana kelompok nomor ${subject.groupId} tanggal ${formatTanggal(subject.day)}`;

function refuse(message: string): never {
  throw new AppError('INVALID_INPUT', message);
}

export async function readSheetScans(db: Db, meetingId: number, files: ScanFile[]): Promise<SheetReview> {
  const { meeting, pages } = sheetPages(db, { meetingId });
  const scanned = await currentLongJobs().run<ScannedPage[]>('read-p2k2-sheet', { files });
  const seen = new Set<number>();
  const review: ReviewPage[] = scanned.map(({ source, reading, preview }) => {
    const { code } = reading;
    if (!sameMeeting(code.subject, meeting)) {
      refuse(
        `${source}: lembar ini milik pertemuan lain (${subjectName(code.subject)}), bukan pertemuan kelompok ${meeting.groupName} tanggal ${formatTanggal(meeting.heldOn)}. Unggah lembar pertemuan ini saja.`,
      );
    }
    const families = pages[code.page - 1];
    const check =
      families &&
      sheetCheck(
        code.subject,
        code.page,
        families.map((f) => f.kpmId),
      );
    if (!families || code.pages !== pages.length || code.rows !== families.length || code.check !== check) {
      refuse(
        `${source}: keluarga di halaman ${code.page} lembar ini tidak lagi sama dengan keluarga pertemuan ini (anggota kelompok berubah sesudah lembar dicetak). Cetak ulang daftar hadir, atau isi kehadiran langsung di halaman pertemuan.`,
      );
    }
    if (seen.has(code.page))
      refuse(`${source}: halaman ${code.page} sudah diunggah dalam berkas lain; unggah sekali saja.`);
    seen.add(code.page);
    return {
      source,
      page: code.page,
      pages: code.pages,
      preview,
      rows: reading.rows.map((row) => {
        const family = families[row.row];
        return {
          no: (code.page - 1) * SHEET_ROWS_PER_PAGE + row.row + 1,
          kpmId: family.kpmId,
          nama: family.nama,
          read: row.choice,
          flag: row.flag,
          darkness: row.darkness,
        };
      }),
    };
  });
  const missingPages = pages.map((_, i) => i + 1).filter((p) => !seen.has(p));
  return { meetingId, version: meeting.updatedAt, pages: review.sort((a, b) => a.page - b.page), missingPages };
}
