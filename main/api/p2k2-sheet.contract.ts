/**
 * The P2K2 daftar hadir on paper: printing a meeting's sheet, reading its signed pages back from a scan for
 * review, and accepting the reviewed statuses into the meeting's record. Roles: P2K2_DUTIES.record.
 */
import { SCAN_LIMITS, sheetAcceptSchema, sheetPrintSchema, sheetReadSchema } from '../domain/p2k2-sheet-forms';
import type { PdfFile } from '../services/documents/types';
import type { MeetingSaved } from '../services/p2k2/types';
import type { SheetReview } from '../services/p2k2-sheet/read';
import { MB, method } from './method';

export type { ReviewPage, ReviewRow, SheetReview } from '../services/p2k2-sheet/read';

export const p2k2SheetContract = {
  /** The sheet's PDF: families, NIK and No. KK (masked unless asked and allowed), so logged. */
  'p2k2.sheet.print': method<PdfFile & { families: number }>()(sheetPrintSchema, {
    duty: 'p2k2.record',
    file: 'logged',
  }),
  /** Reads the scans (PDF, PNG, JPEG) in a worker; writes nothing. */
  'p2k2.sheet.read': method<SheetReview>()(sheetReadSchema, {
    duty: 'p2k2.record',
    maxBodyBytes: Math.ceil((SCAN_LIMITS.files * SCAN_LIMITS.bytes * 4) / 3) + MB,
  }),
  /** Saves the reviewed statuses through the meeting's own save. */
  'p2k2.sheet.accept': method<MeetingSaved>()(sheetAcceptSchema, { duty: 'p2k2.record' }),
} as const;
