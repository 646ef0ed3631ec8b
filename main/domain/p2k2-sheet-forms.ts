/** The printed attendance sheet's inputs: printing it, reading its scans back, and accepting the reviewed rows. */
import { z } from 'zod';
import { NIK_MODES } from './exports';
import { ATTENDANCE } from './p2k2';

const meetingId = z.number().int().positive();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat tahun-bulan-hari.');
/** Masked by default: the sheet goes from hand to hand in the village. */
const nikMode = z.enum(NIK_MODES).default('masked');

/**
 * A recorded meeting's sheet, or the sheet of a meeting planned for a group, topic and day (printed before it is
 * held; its scan is read into the meeting recorded for that group, topic and day).
 */
export const sheetPrintSchema = z.union([
  z.object({ meetingId, nikMode }),
  z.object({
    groupId: z.number().int().positive(),
    topicId: z.number().int().positive(),
    day: isoDate,
    nikMode,
  }),
]);

/** At most this many files in one upload, each at most this size (a 300 dpi colour JPEG page is about 3 MB). */
export const SCAN_LIMITS = { files: 10, bytes: 20 * 1024 * 1024 } as const;

export const sheetReadSchema = z.object({
  meetingId,
  files: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        base64: z.string().max(Math.ceil((SCAN_LIMITS.bytes * 4) / 3) + 8, 'Berkas pindaian paling besar 20 MB.'),
      }),
    )
    .min(1, 'Pilih berkas pindaian daftar hadir (PDF, PNG atau JPEG).')
    .max(SCAN_LIMITS.files, `Paling banyak ${SCAN_LIMITS.files} berkas sekali unggah.`),
});

/** The reviewed rows: every family of the scanned pages with the status the user confirmed. */
export const sheetAcceptSchema = z.object({
  meetingId,
  /** The meeting's version the review was read against (SheetReview.version). */
  version: z.string().max(40),
  rows: z
    .array(z.object({ kpmId: z.number().int().positive(), status: z.enum(ATTENDANCE) }))
    .min(1)
    .max(1000),
});
export type SheetAcceptInput = z.infer<typeof sheetAcceptSchema>;
