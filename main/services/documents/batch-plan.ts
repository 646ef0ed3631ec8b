/**
 * What a wisuda batch prints, in which order: per chosen kind, the families of the decision that get a new
 * document and those that already hold one (issued before; printed again only when asked). Ordered per family
 * (each family's documents together, as handed over at the ceremony) or per kind; families by name either way.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../../db/open';
import type { IssuedDocument } from '../../../db/schema';
import { type BatchOrder, FAMILY_KINDS } from '../../domain/documents';
import { approvedFamiliesOf, type Candidacy, eligibleFamiliesOfDecision, type FamilyKind } from './eligibility';
import { getDocument } from './print';
import type { EarlierDocument } from './types';

/** One place in the batch's PDF: a document to issue now, or one the family already holds. */
export type BatchSlot =
  | { kind: FamilyKind; kpmId: number; candidacy: Candidacy; earlier?: undefined }
  | { kind: FamilyKind; kpmId: number; earlier: IssuedDocument };

/** Families looked at per turn of the event loop: about 2 ms of queries each on the test machine. */
export const FAMILIES_PER_TURN = 25;

/** The items in slices of FAMILIES_PER_TURN. */
export function* turnsOf<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += FAMILIES_PER_TURN) yield items.slice(i, i + FAMILIES_PER_TURN);
}

/**
 * The batch's slots in print order (earlier documents included, whether or not they will be reprinted). The
 * families are read a few at a time, letting the event loop turn in between: at 500 families the reads held the
 * main thread (every other user) for 30-90 ms.
 */
export async function batchSlots(
  db: Db,
  decisionId: number,
  kinds: readonly FamilyKind[],
  order: BatchOrder,
): Promise<BatchSlot[]> {
  const families = approvedFamiliesOf(db, decisionId);
  const rank = new Map(families.map((kpmId, i) => [kpmId, i]));
  const chosen = FAMILY_KINDS.filter((kind) => kinds.includes(kind));
  const ranked: { slot: BatchSlot; kindIndex: number; family: number }[] = [];
  for (const [kindIndex, kind] of chosen.entries()) {
    for (const part of turnsOf(families)) {
      const { eligible, issued } = eligibleFamiliesOfDecision(db, decisionId, kind, part);
      const slots: BatchSlot[] = [
        ...eligible.map((e) => ({ kind, kpmId: e.kpmId, candidacy: e.candidacy })),
        ...issued.map((e) => ({ kind, kpmId: e.kpmId, earlier: getDocument(db, e.documentId) })),
      ];
      ranked.push(...slots.map((slot) => ({ slot, kindIndex, family: rank.get(slot.kpmId) ?? 0 })));
      await nextTurn();
    }
  }
  const [first, second] =
    order === 'keluarga' ? (['family', 'kindIndex'] as const) : (['kindIndex', 'family'] as const);
  ranked.sort((a, b) => a[first] - b[first] || a[second] - b[second]);
  return ranked.map((r) => r.slot);
}

export function earlierDocument(row: IssuedDocument): EarlierDocument {
  return { id: row.id, kind: row.kind, number: row.number, subject: row.subject, issuedDate: row.issuedDate };
}

/** The documents of the slots issued before, in print order. */
export const earlierOf = (slots: BatchSlot[]): EarlierDocument[] =>
  slots.flatMap((slot) => (slot.earlier ? [earlierDocument(slot.earlier)] : []));
