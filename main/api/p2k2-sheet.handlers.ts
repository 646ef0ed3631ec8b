/** The P2K2 daftar hadir: print, read a scan back, accept the review (main/services/p2k2-sheet). */
import { fileFilters } from '../domain/export-log';
import { logged } from '../services/exports/log';
import { acceptSheet } from '../services/p2k2-sheet/accept';
import { printSheet } from '../services/p2k2-sheet/print';
import { readSheetScans } from '../services/p2k2-sheet/read';
import type { HandlersOf } from './handlers';
import type { p2k2SheetContract } from './p2k2-sheet.contract';

export const p2k2SheetHandlers = {
  'p2k2.sheet.print': async ({ db, actor }, input) => {
    const file = await printSheet(db, actor, input);
    return logged(db, actor, file, {
      templateKey: 'p2k2.sheet.print',
      templateName: 'Daftar hadir P2K2',
      kind: 'p2k2_sheet',
      filters: fileFilters(
        'meetingId' in input ? { pertemuan: input.meetingId } : { kelompok: input.groupId, tanggal: input.day },
      ),
      rows: file.families,
      nikMode: input.nikMode,
    });
  },
  'p2k2.sheet.read': ({ db }, input) =>
    readSheetScans(
      db,
      input.meetingId,
      input.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
    ),
  'p2k2.sheet.accept': ({ db, actor }, input) => acceptSheet(db, actor, input),
} satisfies HandlersOf<typeof p2k2SheetContract>;
