/**
 * Which family may get which document, one set of rules for the family page, the
 * single issue and the wisuda batch: sk_graduasi and piagam for a family graduated through an approved,
 * unreversed decision; pernyataan_mandiri for a mandiri candidacy that is neither withdrawn nor rejected. A kind
 * is issued once per family: again only after the previous one is voided.
 */
import type { Db } from '../../../db/open';
import {
  activeDocumentOf,
  approvedFamiliesOf,
  type Candidacy,
  graduationOf,
  mandiriCandidacyOf,
} from '../../../db/queries/documents';
import { DOCUMENT_KIND_LABEL, type DocumentKind, FAMILY_KINDS } from '../../domain/documents';

export { activeDocumentOf, approvedFamiliesOf, type Candidacy, graduationOf, mandiriCandidacyOf };

type FamilyKind = (typeof FAMILY_KINDS)[number];

export function alreadyIssuedReason(kind: DocumentKind, number: string): string {
  return `${DOCUMENT_KIND_LABEL[kind]} untuk KPM ini sudah dibuat dengan nomor ${number}. Cetak ulang dari daftar dokumen; nomor baru hanya dapat dibuat setelah dokumen itu dibatalkan.`;
}

/** Not eligible; `issued` when the family already holds the kind (with the candidacy it rests on). */
export type FamilyEligibility =
  | { ok: true; candidacy: Candidacy }
  | { ok: false; reason: string; issued?: { id: number; number: string; candidacy: Candidacy } };

/** Whether the family may get the kind now, and the candidacy it rests on; the reason in Indonesian if not. */
export function familyEligibility(db: Db, kind: FamilyKind, kpmId: number): FamilyEligibility {
  const candidacy = kind === 'pernyataan_mandiri' ? mandiriCandidacyOf(db, kpmId) : graduationOf(db, kpmId);
  if (!candidacy) {
    return {
      ok: false,
      reason:
        kind === 'pernyataan_mandiri'
          ? 'Surat pernyataan hanya untuk calon graduasi sejahtera mandiri; KPM ini tidak sedang dicalonkan (atau pencalonannya dibatalkan/ditolak).'
          : `${DOCUMENT_KIND_LABEL[kind]} hanya untuk KPM yang sudah ditetapkan graduasi melalui keputusan (SK) yang berlaku.`,
    };
  }
  const issued = activeDocumentOf(db, kind, kpmId);
  if (issued) return { ok: false, reason: alreadyIssuedReason(kind, issued.number), issued: { ...issued, candidacy } };
  return { ok: true, candidacy };
}

/** A document of the batch's kinds that a family of the decision already holds (in force). */
export interface EarlierDocumentRef {
  kpmId: number;
  documentId: number;
}

/**
 * The families a decision approved that may get the kind now (batch): graduated through this decision, still
 * in force, without a document of the kind. The others come with their reason; those that already hold the kind
 * for this decision (or a statement, which precedes any decision) are also in `issued`, for a reprint.
 */
export function eligibleFamiliesOfDecision(
  db: Db,
  decisionId: number,
  kind: FamilyKind,
  kpmIds: readonly number[] = approvedFamiliesOf(db, decisionId),
): {
  eligible: { kpmId: number; candidacy: Candidacy }[];
  skipped: { kpmId: number; reason: string }[];
  issued: EarlierDocumentRef[];
} {
  const eligible: { kpmId: number; candidacy: Candidacy }[] = [];
  const skipped: { kpmId: number; reason: string }[] = [];
  const issued: EarlierDocumentRef[] = [];
  const ofThisDecision = (candidacy: Candidacy) => kind === 'pernyataan_mandiri' || candidacy.decisionId === decisionId;
  for (const kpmId of kpmIds) {
    const result = familyEligibility(db, kind, kpmId);
    if (result.ok && ofThisDecision(result.candidacy)) {
      eligible.push({ kpmId, candidacy: result.candidacy });
      continue;
    }
    skipped.push({ kpmId, reason: result.ok ? 'Graduasi KPM ini ditetapkan oleh keputusan lain.' : result.reason });
    if (!result.ok && result.issued && ofThisDecision(result.issued.candidacy)) {
      issued.push({ kpmId, documentId: result.issued.id });
    }
  }
  return { eligible, skipped, issued };
}

export const isFamilyKind = (kind: DocumentKind): kind is FamilyKind =>
  (FAMILY_KINDS as readonly DocumentKind[]).includes(kind);
export type { FamilyKind };
