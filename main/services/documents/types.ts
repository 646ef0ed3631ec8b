/** What the documents services return across the contract. */
import type { DocumentKind } from '../../domain/documents';

/** A produced file, as bytes in base64 (files cross the contract as bytes; the renderer saves or previews). */
export interface PdfFile {
  fileName: string;
  base64: string;
  pages: number;
}

/** A PDF with the sha256 of its bytes made in the worker, for the export log (logged() keeps it off the contract). */
export type DigestedPdf = PdfFile & { sha256: string };

/** The Kepala Dinas as a signatory (from the office profile, not the signatories table). */
export interface HeadSignatory {
  position: string;
  name: string;
  rank: string;
  nip: string;
}

/** One line of the register (agenda surat keluar). */
export interface RegisterRow {
  id: number;
  kind: DocumentKind;
  number: string;
  issuedDate: string;
  /** The family's name, or the proposal/decision the list belongs to. */
  subject: string;
  kpmId: number | null;
  proposalId: number | null;
  decisionId: number | null;
  batchId: number | null;
  signatoryName: string;
  issuedByName: string;
  issuedAt: string;
  printCount: number;
  voidedAt: string | null;
  voidedByName: string | null;
  voidReason: string | null;
}

/** A kind the family page offers, and whether it can be issued now (and why not). */
export interface FamilyDocumentOption {
  kind: DocumentKind;
  ready: boolean;
  /** Why it cannot be issued yet (Indonesian), when not ready. */
  reason: string | null;
}

export interface FamilyDocuments {
  options: FamilyDocumentOption[];
  issued: RegisterRow[];
}

export type BatchState = 'running' | 'done' | 'cancelled' | 'failed';

/** What a running batch is doing; 'rendering' lays out the PDF. */
import type { BatchPhase } from '../../domain/job-phases';

export type { BatchPhase };

export interface BatchProgress {
  jobId: string;
  state: BatchState;
  phase: BatchPhase;
  done: number;
  total: number;
  /** Indonesian, when failed or cancelled. */
  message: string | null;
  /** When finished: the documents issued. */
  issued: number;
  /** The chosen kinds the families already held (issued before this batch), known from the start. */
  earlier: EarlierDocument[];
  /** Whether those are printed again (as reprints) in this batch's PDF. */
  reprinted: boolean;
}

/** A document of a wisuda batch's kinds a family already holds: not issued again, reprinted when asked. */
export interface EarlierDocument {
  id: number;
  kind: DocumentKind;
  number: string;
  /** The family's name. */
  subject: string;
  issuedDate: string;
}

/** What a wisuda batch would print now: the new documents and the ones issued before. */
export interface BatchPlan {
  newDocuments: number;
  earlier: EarlierDocument[];
}

export type VerifyStatus = 'asli' | 'palsu' | 'kunci_tidak_dikenal' | 'format_salah';

export interface VerifyResult {
  status: VerifyStatus;
  /** The verdict in Indonesian, fit to show as the headline. */
  message: string;
  /** What the code says (when it could be read). */
  code: { number: string; kind: DocumentKind; issuedDate: string; regencyCode: string } | null;
  /** The office whose key signed it (own or imported). */
  officeName: string | null;
  /** The register entry when the document is one of this office's. */
  document: {
    subject: string;
    issuedAt: string;
    issuedByName: string;
    voidedAt: string | null;
    voidReason: string | null;
  } | null;
}

export interface KeyView {
  id: number;
  regencyCode: string;
  officeName: string;
  own: boolean;
  /** Short fingerprint (first 16 hex of SHA-256 of the public key) for reading over the phone. */
  fingerprint: string;
  createdAt: string;
}
