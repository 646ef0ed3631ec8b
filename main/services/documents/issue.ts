/**
 * Issuing documents (issue 8 points 2-4): check the family (or proposal) may get the kind, build the snapshot,
 * take the number, sign the verification code and write the register row with its audit, all in ONE write
 * transaction; then render the PDF from the stored snapshot. The pieces are exported for the wisuda batch,
 * which issues hundreds in one transaction and renders them in one call.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { documents, type IssuedDocument } from '../../../db/schema';
import {
  DOCUMENT_KIND_LABEL,
  type DocumentKind,
  type issueFamilySchema,
  type issueListSchema,
} from '../../domain/documents';
import type { Role } from '../../domain/enums';
import { AppError } from '../../domain/errors';
import { todayIso } from '../../domain/format';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { pastDate } from '../graduation/duties';
import { letterContext } from './context';
import { familyEligibility } from './eligibility';
import { ensureOwnKey, signCode } from './keys';
import { listDraft } from './list-snapshot';
import { allocateNumbers, inWriteTransaction } from './numbering';
import { pdfFileName, renderPdf } from './pdf';
import { toRegisterRow } from './register-row';
import type { DocumentDraft } from './snapshot';
import { familyDraft } from './snapshot';
import type { PdfFile, RegisterRow } from './types';

/** Who issues and prints: the office staff who prepare letters and the head who signs them. */
export const ISSUER_ROLES: readonly Role[] = ['admin', 'operator', 'pimpinan'];

/** The issue date: today when absent; a real date, not after today. */
export function issueDate(raw: string | undefined): string {
  return raw === undefined ? todayIso() : pastDate('Tanggal surat', raw, 'issuedDate');
}

/** Groups drafts by (kind, issue date): each group draws its numbers from one sequence in one step. */
function groupsOf(drafts: DocumentDraft[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  drafts.forEach((draft, index) => {
    const key = `${draft.printed.kind}|${draft.printed.issuedDate}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  return groups;
}

const isUniqueNumber = (error: unknown) =>
  error instanceof Error &&
  'code' in error &&
  error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  /documents\.number/.test(error.message);

/**
 * Numbers, signs and writes the drafts to the register, with one audit line each. Must run inside
 * inWriteTransaction with whatever read the drafts: all documents or none, and no number taken on failure.
 */
export function insertDocuments(
  db: Db,
  actor: Actor,
  drafts: DocumentDraft[],
  options: { batchId?: number | null } = {},
): IssuedDocument[] {
  if (!db.$client.inTransaction) throw new Error('insertDocuments must run inside inWriteTransaction');
  const key = ensureOwnKey(db);
  const issuedAt = new Date().toISOString();
  const issued: IssuedDocument[] = new Array(drafts.length);
  for (const indexes of groupsOf(drafts).values()) {
    const { kind, issuedDate } = drafts[indexes[0]].printed;
    const allocated = allocateNumbers(db, kind, issuedDate, indexes.length);
    indexes.forEach((draftIndex, i) => {
      const draft = drafts[draftIndex];
      const number = allocated.numbers[i];
      const verificationCode = signCode(key, { regencyCode: key.regencyCode, kind, issuedDate, number });
      issued[draftIndex] = insertOne(db, actor, draft, {
        number,
        verificationCode,
        sequenceScope: allocated.scope,
        year: allocated.year,
        sequence: allocated.sequences[i],
        batchId: options.batchId ?? null,
        issuedAt,
      });
    });
  }
  return issued;
}

function insertOne(
  db: Db,
  actor: Actor,
  draft: DocumentDraft,
  values: {
    number: string;
    verificationCode: string;
    sequenceScope: string;
    year: number;
    sequence: number;
    batchId: number | null;
    issuedAt: string;
  },
): IssuedDocument {
  const { printed } = draft;
  let row: IssuedDocument;
  try {
    row = db
      .insert(documents)
      .values({
        ...values,
        kind: printed.kind,
        issuedDate: printed.issuedDate,
        kpmId: draft.kpmId,
        proposalId: draft.proposalId,
        decisionId: draft.decisionId,
        subject: draft.subject,
        signatoryName: printed.signature.name,
        data: { ...printed, number: values.number, verificationCode: values.verificationCode },
        templateVersion: printed.templateVersion,
        issuedBy: actor.id,
        issuedByName: actor.username,
      })
      .returning()
      .get();
  } catch (error) {
    if (!isUniqueNumber(error)) throw error;
    throw new AppError(
      'CONFLICT',
      `Nomor surat ${values.number} sudah dipakai dokumen lain. Periksa pola nomor ${DOCUMENT_KIND_LABEL[printed.kind]} di Pengaturan > Dokumen; tidak ada dokumen yang dibuat.`,
    );
  }
  writeAudit(db, actor, {
    action: 'issue_document',
    entity: 'document',
    entityId: row.id,
    summary: `${DOCUMENT_KIND_LABEL[row.kind]} nomor ${row.number} dibuat untuk ${row.subject}`,
    after: toRegisterRow(row),
  });
  return row;
}

export type IssueFamilyInput = z.infer<typeof issueFamilySchema>;
export type IssueListInput = z.infer<typeof issueListSchema>;

/** Renders freshly issued documents (from what was stored) into one file. */
async function issuedResult(row: IssuedDocument): Promise<{ document: RegisterRow; pdf: PdfFile }> {
  const pdf = await renderPdf([row.data], pdfFileName(row.kind, row.subject, row.number));
  return { document: toRegisterRow(row), pdf };
}

/** Issues one family document (surat keterangan, surat pernyataan, piagam). */
export async function issueFamilyDocument(db: Db, actor: Actor, input: IssueFamilyInput) {
  requireRole(actor, ISSUER_ROLES);
  const date = issueDate(input.issuedDate);
  const row = inWriteTransaction(db, () => {
    const eligibility = familyEligibility(db, input.kind, input.kpmId);
    if (!eligibility.ok) throw new AppError('CONFLICT', eligibility.reason);
    const ctx = letterContext(db, input.kind, date, input.signatoryId);
    return insertDocuments(db, actor, [familyDraft(db, ctx, input.kpmId, eligibility.candidacy)])[0];
  });
  return issuedResult(row);
}

/** The proposal's list of the kind still in force, if any (a list is issued once, like a family's letter). */
function activeListOf(db: Db, kind: DocumentKind, proposalId: number): string | null {
  return (
    (db.$client
      .prepare('SELECT number FROM documents WHERE kind = ? AND proposal_id = ? AND voided_at IS NULL LIMIT 1')
      .pluck()
      .get(kind, proposalId) as string | undefined) ?? null
  );
}

/** Issues a proposal's daftar usulan or its decision's lampiran keputusan. */
export async function issueListDocument(db: Db, actor: Actor, input: IssueListInput) {
  requireRole(actor, ISSUER_ROLES);
  const date = issueDate(input.issuedDate);
  const row = inWriteTransaction(db, () => {
    const existing = activeListOf(db, input.kind, input.proposalId);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `${DOCUMENT_KIND_LABEL[input.kind]} usulan ini sudah dibuat dengan nomor ${existing}. Cetak ulang dari agenda surat; nomor baru hanya setelah dokumen itu dibatalkan.`,
      );
    }
    const ctx = letterContext(db, input.kind, date, input.signatoryId);
    return insertDocuments(db, actor, [listDraft(db, ctx, input.kind, input.proposalId)])[0];
  });
  return issuedResult(row);
}
