/**
 * Which family may get which document, one set of rules for the family page, the
 * single issue and the wisuda batch: sk_graduasi and piagam for a family graduated through an approved,
 * unreversed decision; pernyataan_mandiri for a mandiri candidacy that is neither withdrawn nor rejected. A kind
 * is issued once per family: again only after the previous one is voided.
 */
import type { Db } from '../../../db/open';
import { DOCUMENT_KIND_LABEL, type DocumentKind, FAMILY_KINDS } from '../../domain/documents';
import type { CandidateKind } from '../../domain/graduation';

type FamilyKind = (typeof FAMILY_KINDS)[number];

/** The candidacy a family document rests on, with its decision when there is one. */
export interface Candidacy {
  candidateId: number;
  kind: CandidateKind;
  reasons: string[];
  pendampingId: number | null;
  decisionId: number | null;
  skNumber: string;
  skDate: string;
  /** The family's status date (the graduation date) when graduated. */
  statusDate: string;
}

interface CandidacyRow extends Omit<Candidacy, 'reasons'> {
  reasons: string;
}

const parse = (row: CandidacyRow | undefined): Candidacy | null =>
  row ? { ...row, reasons: JSON.parse(row.reasons) as string[] } : null;

/** The approved candidacy of a family graduated through an unreversed decision (the latest), or null. */
export function graduationOf(db: Db, kpmId: number): Candidacy | null {
  const row = db.$client
    .prepare<[number], CandidacyRow>(
      `SELECT c.id AS candidateId, c.kind, c.reasons, c.pendamping_id AS pendampingId, d.id AS decisionId,
              d.sk_number AS skNumber, d.sk_date AS skDate, k.status_date AS statusDate
       FROM graduation_candidates c
       JOIN kpm k ON k.id = c.kpm_id
       JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
       JOIN decisions d ON d.proposal_id = pi.proposal_id AND d.reversed_at IS NULL
       WHERE c.kpm_id = ? AND k.status IN ('graduasi_mandiri', 'graduasi_alamiah')
       ORDER BY d.id DESC LIMIT 1`,
    )
    .get(kpmId);
  return parse(row);
}

/** The family's latest mandiri candidacy that is not withdrawn or rejected (with its decision if approved). */
export function mandiriCandidacyOf(db: Db, kpmId: number): Candidacy | null {
  const row = db.$client
    .prepare<[number], CandidacyRow>(
      `SELECT c.id AS candidateId, c.kind, c.reasons, c.pendamping_id AS pendampingId, d.id AS decisionId,
              COALESCE(d.sk_number, '') AS skNumber, COALESCE(d.sk_date, '') AS skDate,
              CASE WHEN d.id IS NULL THEN '' ELSE COALESCE(k.status_date, '') END AS statusDate
       FROM graduation_candidates c
       JOIN kpm k ON k.id = c.kpm_id
       LEFT JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
       LEFT JOIN decisions d ON d.proposal_id = pi.proposal_id AND d.reversed_at IS NULL
       WHERE c.kpm_id = ? AND c.kind = 'mandiri' AND c.stage NOT IN ('dibatalkan', 'ditolak')
       ORDER BY c.id DESC, d.id DESC LIMIT 1`,
    )
    .get(kpmId);
  return parse(row);
}

/** The family's document of the kind still in force (not voided), if any. */
export function activeDocumentOf(db: Db, kind: DocumentKind, kpmId: number): { id: number; number: string } | null {
  return (
    db.$client
      .prepare<[string, number], { id: number; number: string }>(
        'SELECT id, number FROM documents WHERE kind = ? AND kpm_id = ? AND voided_at IS NULL ORDER BY id DESC LIMIT 1',
      )
      .get(kind, kpmId) ?? null
  );
}

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

/** The families a decision approved, by name (the order of a wisuda batch). */
export function approvedFamiliesOf(db: Db, decisionId: number): number[] {
  return db.$client
    .prepare<[number], number>(
      `SELECT c.kpm_id FROM decisions d
       JOIN proposal_items pi ON pi.proposal_id = d.proposal_id AND pi.decision = 'disetujui'
       JOIN graduation_candidates c ON c.id = pi.candidate_id
       JOIN kpm k ON k.id = c.kpm_id
       WHERE d.id = ? ORDER BY k.nama COLLATE NOCASE, k.id`,
    )
    .pluck()
    .all(decisionId);
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
): {
  eligible: { kpmId: number; candidacy: Candidacy }[];
  skipped: { kpmId: number; reason: string }[];
  issued: EarlierDocumentRef[];
} {
  const kpmIds = approvedFamiliesOf(db, decisionId);
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
