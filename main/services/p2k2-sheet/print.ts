/**
 * The daftar hadir of one meeting as the PDF the pendamping takes to the village: the meeting's families in the
 * sheet's fixed order (db/queries/p2k2-sheet.ts), 15 a page, each page's QR naming the meeting, the page and a
 * check of its families. NIK and No. KK print masked unless the user asks for them in full and may see them
 * (security settings, fullNikRoles), as the exports do: the sheet is passed from hand to hand in the village.
 */
import type { Db } from '../../../db/open';
import {
  groupFamiliesOn,
  plannedHeading,
  type SheetFamilyRow,
  type SheetMeetingRow,
  sheetFamilies,
  sheetMeeting,
} from '../../../db/queries/p2k2-sheet';
import type { PrintedSheet, PrintedSheetRow } from '../../documents/p2k2-sheet';
import { AppError } from '../../domain/errors';
import type { NikMode } from '../../domain/exports';
import { formatHari, formatTanggal, todayIso } from '../../domain/format';
import { maskNik } from '../../domain/identity';
import { formatSheetCode, SHEET_ROWS_PER_PAGE, type SheetSubject, sheetCheck } from '../../domain/p2k2-sheet';
import { renderSheetInWorker } from '../../workers/pdf';
import type { Actor } from '../actor';
import { buildKop } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { fileNamePart } from '../file-names';
import { seesFullNik } from '../security-settings';

/** The sheet's heading and families: a recorded meeting's, or a group's on the day a meeting is planned. */
function subjectRows(db: Db, subject: SheetSubject): { meeting: SheetMeetingRow; families: SheetFamilyRow[] } {
  if ('meetingId' in subject) {
    const meeting = sheetMeeting(db, subject.meetingId);
    if (!meeting) throw new AppError('NOT_FOUND', 'Pertemuan P2K2 tidak ditemukan.');
    return { meeting, families: sheetFamilies(db, subject.meetingId) };
  }
  const heading = plannedHeading(db, subject.groupId, subject.topicId);
  if (!heading) throw new AppError('NOT_FOUND', 'Kelompok atau sesi P2K2 tidak ditemukan.');
  const meeting = { ...heading, id: 0, heldOn: subject.day, startTime: '', endTime: '', place: '', updatedAt: '' };
  return { meeting, families: groupFamiliesOn(db, subject.groupId, subject.day) };
}

/** The subject's heading and its families split into the sheet's pages; refused when there is nothing to print. */
export function sheetPages(db: Db, subject: SheetSubject): { meeting: SheetMeetingRow; pages: SheetFamilyRow[][] } {
  const { meeting, families } = subjectRows(db, subject);
  if (families.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Kelompok ${meeting.groupName} tidak punya keluarga pada tanggal pertemuan ini: tidak ada yang dapat dicetak.`,
    );
  }
  const pages: SheetFamilyRow[][] = [];
  for (let i = 0; i < families.length; i += SHEET_ROWS_PER_PAGE) pages.push(families.slice(i, i + SHEET_ROWS_PER_PAGE));
  return { meeting, pages };
}

const count = (n: number) => (n > 0 ? String(n) : '');

function printedRow(family: SheetFamilyRow, no: number, id: (nik: string) => string): PrintedSheetRow {
  const rtRw = [family.rt && `RT ${family.rt}`, family.rw && `RW ${family.rw}`].filter(Boolean).join('/');
  return {
    no: String(no),
    // two lines of the column at most: a longer name or address is cut, never allowed to push the boxes
    pengurus: family.nama.slice(0, 56),
    noKk: id(family.noKk),
    nik: id(family.nik),
    alamat: [family.alamat, rtRw].filter(Boolean).join(' ').slice(0, 64),
    aud: count(family.anak_usia_dini),
    sd: count(family.anak_sd),
    smp: count(family.anak_smp),
    sma: count(family.anak_sma),
    disab: count(family.disabilitas_berat),
    lansia: count(family.lanjut_usia),
    hamil: count(family.ibu_hamil),
  };
}

function waktu(meeting: SheetMeetingRow): string {
  const time = [meeting.startTime, meeting.endTime].filter(Boolean).join('-').replaceAll(':', '.');
  return `${formatHari(meeting.heldOn)}, ${formatTanggal(meeting.heldOn)}${time ? `, pukul ${time}` : ''}`;
}

export function printedSheet(
  db: Db,
  subject: SheetSubject,
  nikMode: NikMode,
  today = todayIso(),
): { sheet: PrintedSheet; meeting: SheetMeetingRow } {
  const { meeting, pages } = sheetPages(db, subject);
  const office = requireOffice(db);
  const id = nikMode === 'full' ? (nik: string) => nik : maskNik;
  const sheet: PrintedSheet = {
    kop: buildKop(office, getDocumentSettings(db).website),
    title: `Daftar hadir P2K2 kelompok ${meeting.groupName}, tahun ${meeting.heldOn.slice(0, 4)}`,
    details: [
      ['Waktu', waktu(meeting)],
      ['Kelompok', `${meeting.groupName} (${[meeting.villageName, meeting.districtName].filter(Boolean).join(', ')})`],
      ['Modul/Sesi', `${meeting.moduleName} / ${meeting.topicName}`],
      ['Tempat', meeting.place || meeting.groupPlace],
    ],
    date: today,
    pages: pages.map((families, p) => ({
      code: formatSheetCode({
        subject,
        page: p + 1,
        pages: pages.length,
        rows: families.length,
        check: sheetCheck(
          subject,
          p + 1,
          families.map((f) => f.kpmId),
        ),
      }),
      rows: families.map((family, i) => printedRow(family, p * SHEET_ROWS_PER_PAGE + i + 1, id)),
    })),
  };
  return { sheet, meeting };
}

/** The sheet's PDF; a full NIK only for a role that may see it (the same refusal as the exports'). */
export async function printSheet(
  db: Db,
  actor: Actor,
  input: { nikMode: NikMode } & SheetSubject,
): Promise<DigestedPdf & { families: number }> {
  if (input.nikMode === 'full' && !seesFullNik(db, actor.role)) {
    const message = 'Peran Anda tidak dapat mencetak NIK dan No. KK lengkap; pilih NIK disamarkan.';
    throw new AppError('FORBIDDEN', message, { fields: { nikMode: message } });
  }
  const { nikMode, ...subject } = input;
  const { sheet, meeting } = printedSheet(db, subject as SheetSubject, nikMode);
  const rendered = await renderSheetInWorker(sheet);
  const families = sheet.pages.reduce((sum, page) => sum + page.rows.length, 0);
  return {
    fileName: `Daftar-Hadir-P2K2-${fileNamePart(meeting.groupName).slice(0, 40)}-${meeting.heldOn}.pdf`,
    ...rendered,
    families,
  };
}
