/**
 * What a wisuda batch would print now, read from the database a few families per turn of the event loop (500
 * families read in one go held the main thread, and every other user, for 60-150 ms). Outside any transaction:
 * the batch writes only when nothing was written since it gathered (writeMark), so reading in turns is safe.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { decisions } from '../../../db/schema';
import { type batchSchema, DOCUMENT_KIND_LABEL } from '../../domain/documents';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { type BatchSlot, batchSlots, earlierOf, turnsOf } from './batch-plan';
import { type LetterContext, letterContext } from './context';
import { notBeforeDecree } from './issue';
import { getDocumentSettings } from './settings';
import { type DocumentDraft, familyDraft } from './snapshot';
import type { EarlierDocument } from './types';

export type BatchInput = z.infer<typeof batchSchema>;

export interface Gathered {
  skNumber: string;
  slots: BatchSlot[];
  /** The new documents' drafts, in print order. */
  drafts: DocumentDraft[];
  earlier: EarlierDocument[];
  /** Whether reprints are marked as copies. */
  copy: boolean;
  /** Each printed page as JSON before its number: two gatherings print the same when these are equal. */
  pages: string[];
}

export function decisionInForce(db: Db, decisionId: number) {
  const decision = db.select().from(decisions).where(eq(decisions.id, decisionId)).get();
  if (!decision) throw new AppError('NOT_FOUND', 'Keputusan tidak ditemukan.');
  if (decision.reversedAt) {
    throw new AppError(
      'CONFLICT',
      `Keputusan SK ${decision.skNumber} sudah dibatalkan; dokumennya tidak dapat dibuat.`,
    );
  }
  return decision;
}

/** The batch's slots and the drafts of its new documents, as of now; refuses a batch with nothing to print. */
export async function gatherBatch(db: Db, input: BatchInput, date: string): Promise<Gathered> {
  const decision = decisionInForce(db, input.decisionId);
  if (input.kinds.some((kind) => kind !== 'pernyataan_mandiri')) notBeforeDecree(date, decision.skDate);
  const slots = await batchSlots(db, input.decisionId, input.kinds, input.order);
  const earlier = earlierOf(slots);
  const contexts = new Map(input.kinds.map((kind) => [kind, letterContext(db, kind, date)]));
  const copy = getDocumentSettings(db).markCopies;
  const drafts: DocumentDraft[] = [];
  const pages: string[] = [];
  for (const part of turnsOf(slots)) {
    for (const slot of part) {
      if (slot.earlier) {
        if (input.reprints) pages.push(JSON.stringify({ copy, reprint: slot.earlier.data }));
        continue;
      }
      const draft = familyDraft(db, contexts.get(slot.kind) as LetterContext, slot.kpmId, slot.candidacy);
      drafts.push(draft);
      pages.push(JSON.stringify(draft.printed));
    }
    await nextTurn();
  }
  if (drafts.length === 0 && !(input.reprints && earlier.length > 0)) {
    throw new AppError('CONFLICT', nothingToIssue(input, earlier));
  }
  return { skNumber: decision.skNumber, slots, drafts, earlier, copy, pages };
}

export const samePages = (a: Gathered, b: Gathered) =>
  a.pages.length === b.pages.length && a.pages.every((page, i) => page === b.pages[i]);

function nothingToIssue(input: BatchInput, earlier: EarlierDocument[]): string {
  const kinds = input.kinds.map((k) => DOCUMENT_KIND_LABEL[k].toLowerCase()).join(', ');
  const reprint =
    earlier.length > 0
      ? ` ${formatNumber(earlier.length)} dokumen sudah diterbitkan sebelumnya: pilih "Sertakan cetak ulang" untuk mencetaknya lagi.`
      : ' Cetak ulang dari agenda surat.';
  return `Tidak ada KPM pada keputusan ini yang masih dapat dibuatkan ${kinds}: semuanya sudah memiliki dokumen itu atau tidak memenuhi syarat.${reprint}`;
}
