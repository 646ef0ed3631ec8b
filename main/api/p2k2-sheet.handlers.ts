/** The P2K2 daftar hadir: print, read a scan back, accept the review (main/services/p2k2-sheet). */
import { fileFilters } from '../domain/export-log';
import { meetingSaveSchema } from '../domain/p2k2-forms';
import { logged } from '../services/exports/log';
import type { MeetingDetail, MeetingSaved } from '../services/p2k2/types';
import { acceptedMeeting } from '../services/p2k2-sheet/accept';
import { printSheet } from '../services/p2k2-sheet/print';
import { readSheetScans } from '../services/p2k2-sheet/read';
import type { HandlerContext, HandlerEntry, HandlersOf } from './handlers';
import { p2k2Handlers } from './p2k2.handlers';
import type { p2k2SheetContract } from './p2k2-sheet.contract';

/** Runs another method's handler in this call (its check first, when it has one). */
async function runEntry<T>(entry: HandlerEntry<never>, ctx: HandlerContext, input: unknown): Promise<T> {
  if (typeof entry === 'function') return (await entry(ctx, input as never)) as T;
  entry.check(ctx, input as never);
  return (await entry.run(ctx, input as never)) as T;
}

export const p2k2SheetHandlers = {
  'p2k2.sheet.print': async ({ db, actor }, input) => {
    const file = await printSheet(db, actor, input);
    return logged(db, actor, file, {
      templateKey: 'p2k2.sheet.print',
      templateName: 'Daftar hadir P2K2',
      kind: 'p2k2_sheet',
      filters: fileFilters({ pertemuan: input.meetingId }),
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
  'p2k2.sheet.accept': async (ctx, input) => {
    const detail = await runEntry<MeetingDetail>(p2k2Handlers['p2k2.meetings.get'] as HandlerEntry<never>, ctx, {
      id: input.meetingId,
    });
    const save = meetingSaveSchema.parse(acceptedMeeting(ctx.db, detail, input));
    return runEntry<MeetingSaved>(p2k2Handlers['p2k2.meetings.save'] as HandlerEntry<never>, ctx, save);
  },
} satisfies HandlersOf<typeof p2k2SheetContract>;
