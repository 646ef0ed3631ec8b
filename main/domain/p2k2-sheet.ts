/**
 * The printed P2K2 attendance sheet (daftar hadir) and reading it back from a scan: the page's geometry in PDF
 * points, shared by the layout that prints it and the reader that finds its boxes, and the code its QR carries.
 * Every page has the same geometry (A4 landscape, the same table top on every page), so a scanned page is read
 * from its four corner marks alone, whatever its kop printed.
 */
import type { Attendance } from './p2k2';

/** A4 landscape, in points. */
export const SHEET_PAGE = { width: 841.89, height: 595.28 } as const;
/** Families per page: the table's rows below a kop, title and meeting lines on A4 landscape. */
export const SHEET_ROWS_PER_PAGE = 15;
/** Side margins of the text block. */
export const SHEET_MARGIN = 50;

/**
 * Solid square corner marks: their side and the distance of their outer edge from the paper's edge. A sheet turned
 * 3 degrees on the scanner's glass moves its corners about 21 pt; marks 30 pt in stay whole on the scan.
 */
export const MARK = { size: 16, inset: 30 } as const;

/** The centres of the four corner marks, in the order top-left, top-right, bottom-left, bottom-right. */
export function markCentres(): { x: number; y: number }[] {
  const near = MARK.inset + MARK.size / 2;
  const { width, height } = SHEET_PAGE;
  return [
    { x: near, y: near },
    { x: width - near, y: near },
    { x: near, y: height - near },
    { x: width - near, y: height - near },
  ];
}

/** The QR at the top right, beside the kop. */
export const SHEET_QR = { x: SHEET_PAGE.width - SHEET_MARGIN - 58, y: 50, size: 58 } as const;

/** The table: its top, the header's and each row's height. */
export const SHEET_TABLE = { top: 188, headerHeight: 26, rowHeight: 20.5 } as const;

/** The attendance boxes, in the order printed. */
export const SHEET_CHOICES = ['hadir', 'izin', 'sakit', 'alfa'] as const satisfies readonly Attendance[];
export const SHEET_CHOICE_LETTER: Record<Attendance, string> = { hadir: 'H', izin: 'I', sakit: 'S', alfa: 'A' };

export type SheetColumnKey =
  | 'no'
  | 'pengurus'
  | 'noKk'
  | 'nik'
  | 'alamat'
  | 'aud'
  | 'sd'
  | 'smp'
  | 'sma'
  | 'disab'
  | 'lansia'
  | 'hamil'
  | 'keterangan'
  | 'ttd'
  | Attendance;

/** The columns left to right with their header and width in points (they add up to the text block's width). */
export const SHEET_COLUMNS: readonly { key: SheetColumnKey; label: string; width: number }[] = [
  { key: 'no', label: 'NO', width: 20 },
  { key: 'pengurus', label: 'PENGURUS', width: 102 },
  { key: 'noKk', label: 'NO KK', width: 70 },
  { key: 'nik', label: 'NIK', width: 70 },
  { key: 'alamat', label: 'ALAMAT', width: 104 },
  { key: 'aud', label: 'AUD', width: 22 },
  { key: 'sd', label: 'SD', width: 22 },
  { key: 'smp', label: 'SMP', width: 22 },
  { key: 'sma', label: 'SMA', width: 22 },
  { key: 'disab', label: 'DISAB', width: 24 },
  { key: 'lansia', label: 'LANSIA', width: 26 },
  { key: 'hamil', label: 'HAMIL', width: 24 },
  { key: 'keterangan', label: 'KETERANGAN', width: 70 },
  { key: 'ttd', label: 'TTD', width: 54 },
  { key: 'hadir', label: 'H', width: 22 },
  { key: 'izin', label: 'I', width: 22 },
  { key: 'sakit', label: 'S', width: 22 },
  { key: 'alfa', label: 'A', width: 22 },
];

/** The left edge of each column, in points from the paper's left edge. */
export function columnLefts(): Record<SheetColumnKey, number> {
  const lefts = {} as Record<SheetColumnKey, number>;
  let x = SHEET_MARGIN;
  for (const column of SHEET_COLUMNS) {
    lefts[column.key] = x;
    x += column.width;
  }
  return lefts;
}

export interface SheetBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cell of an attendance choice on a row (0-based) of the page: the box a mark goes in. */
export function choiceBox(row: number, choice: Attendance): SheetBox {
  const column = SHEET_COLUMNS.find((c) => c.key === choice);
  if (!column) throw new Error(`no column ${choice}`);
  return {
    x: columnLefts()[choice],
    y: SHEET_TABLE.top + SHEET_TABLE.headerHeight + row * SHEET_TABLE.rowHeight,
    width: column.width,
    height: SHEET_TABLE.rowHeight,
  };
}

// ------------------------------------------------------------------------------------------------ the QR code

/**
 * What a sheet is for: a recorded meeting, or a meeting planned for a day (group, topic, date), printed before it
 * is held and read back into the meeting recorded for that group, topic and day.
 */
export type SheetSubject = { meetingId: number } | { groupId: number; topicId: number; day: string };

/** What a page's QR names: the sheet's subject, the page, how many pages and rows, and a check of its families. */
export interface SheetCode {
  subject: SheetSubject;
  page: number;
  pages: number;
  rows: number;
  /** 8 hex digits over the subject, the page and its families' ids in order (sheetCheck). */
  check: string;
}

/** The subject as the check hashes it: a meeting's id, or the planned group, topic and day. */
export function subjectKey(subject: SheetSubject): string {
  return 'meetingId' in subject ? String(subject.meetingId) : `G${subject.groupId}T${subject.topicId}D${subject.day}`;
}

/** QR alphanumeric mode (digits, capitals, '*'): a short code makes a small QR with large modules. */
export function formatSheetCode(code: SheetCode): string {
  const { subject } = code;
  const head =
    'meetingId' in subject
      ? ['P2K2DH', subject.meetingId]
      : ['P2K2DR', subject.groupId, subject.topicId, subject.day.replaceAll('-', '')];
  return [...head, code.page, code.pages, code.rows, code.check].join('*');
}

const TAIL = String.raw`\*(\d{1,3})\*(\d{1,3})\*(\d{1,2})\*([0-9A-F]{8})$`;
const MEETING_CODE = new RegExp(String.raw`^P2K2DH\*(\d{1,9})${TAIL}`);
const PLANNED_CODE = new RegExp(String.raw`^P2K2DR\*(\d{1,9})\*(\d{1,9})\*(\d{4})(\d{2})(\d{2})${TAIL}`);

/** A read QR's text as a sheet code, or null when it is not one (another QR, a document's verification code). */
export function parseSheetCode(text: string): SheetCode | null {
  const meeting = MEETING_CODE.exec(text.trim());
  const planned = meeting ? null : PLANNED_CODE.exec(text.trim());
  const tail = meeting?.slice(2) ?? planned?.slice(6);
  if (!tail) return null;
  const [page, pages, rows] = tail.slice(0, 3).map(Number);
  if (page < 1 || page > pages || rows < 1 || rows > SHEET_ROWS_PER_PAGE) return null;
  const subject: SheetSubject = meeting
    ? { meetingId: Number(meeting[1]) }
    : {
        groupId: Number(planned?.[1]),
        topicId: Number(planned?.[2]),
        day: `${planned?.[3]}-${planned?.[4]}-${planned?.[5]}`,
      };
  return { subject, page, pages, rows, check: tail[3] };
}

/**
 * FNV-1a (32 bits) over the subject, the page and its families' ids: a page whose families are no longer the
 * meeting's, in that order (a family moved after printing), does not match, so no mark lands on another family.
 */
export function sheetCheck(subject: SheetSubject, page: number, kpmIds: readonly number[]): string {
  const text = `${subjectKey(subject)}|${page}|${kpmIds.join(',')}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).toUpperCase().padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------- what is read

/** A row's reading: the one marked choice, or why there is none. */
export type RowFlag = 'tidak_ada_tanda' | 'lebih_dari_satu_tanda';
export const ROW_FLAG_LABEL: Record<RowFlag, string> = {
  tidak_ada_tanda: 'tidak ada tanda',
  lebih_dari_satu_tanda: 'lebih dari satu tanda',
};

export interface RowReading {
  /** 0-based row on the page. */
  row: number;
  choice: Attendance | null;
  flag: RowFlag | null;
  /** Dark share of each box's interior above the page's blank boxes, H I S A order (for the review's tooltip). */
  darkness: number[];
}

/** One scanned page as read in the worker: its code and rows, and a small image of it for the review. */
export interface PageReading {
  code: SheetCode;
  rows: RowReading[];
}
