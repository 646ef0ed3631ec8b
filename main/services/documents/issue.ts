/**
 * Issuing documents: check the family (or proposal) may get the kind, build the snapshot,
 * take the number, sign the verification code and write the register row with its audit, all in ONE write
 * transaction; then render the PDF from the stored snapshot. The pieces are exported for the wisuda batch,
 * which issues hundreds in one transaction and renders them in one call.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { activeListOf, decisionOf, documentInserter } from '../../../db/queries/documents';
import type { IssuedDocument } from '../../../db/schema';
import { DOCUMENT_KIND_LABEL, type issueFamilySchema, type issueListSchema } from '../../domain/documents';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal, todayIso } from '../../domain/format';
import { type Actor, requireRole } from '../actor';
import { auditWriter } from '../audit';
import { pastDate } from '../graduation/checked-input';
import { letterContext } from './context';
import { familyEligibility } from './eligibility';
import { type CodeSigner, codeSigner, ensureOwnKey } from './keys';
import { listDraft } from './list-snapshot';
import { logDocuments } from './log';
import { allocateNumbers, inWriteTransaction } from './numbering';
import { pdfFileName, renderPdf } from './pdf';
import { toRegisterRow } from './register-row';
import { signedDocument } from './signed-document';
import type { DocumentDraft } from './snapshot';
import { familyDraft } from './snapshot';
import type { PdfFile, RegisterRow } from './types';

/** Who issues and prints: the office staff who prepare letters and the head who signs them. */

/** The issue date: today when absent; a real date, not after today. */
export function issueDate(raw: string | undefined): string {
  return raw === undefined ? todayIso() : pastDate('Tanggal surat', raw, 'issuedDate');
}

/** A letter resting on a decree cannot be dated before it. */
export function notBeforeDecree(issuedDate: string, skDate: string): void {
  if (!skDate || issuedDate >= skDate) return;
  const message = `Tanggal surat ${formatTanggal(issuedDate)} sebelum tanggal SK penetapan ${formatTanggal(skDate)}; surat ini tidak dapat bertanggal lebih awal dari SK-nya.`;
  throw new AppError('INVALID_INPUT', message, { fields: { issuedDate: message } });
}

/** Groups drafts by (kind, issue date): each group draws its numbers from one sequence in one step. */
function groupsOf(drafts: DocumentDraft[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  drafts.forEach((draft, index) => {
    const key = `${draft.printed.kind}|${draft.printed.issuedDate}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return groups;
}

const isUniqueNumber = (error: unknown) =>
  error instanceof Error &&
  'code' in error &&
  error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  /documents\.number/.test(error.message);

/** A draft's place in its sequence, as allocateNumbers gives it. */
export interface DraftNumber {
  number: string;
  scope: string;
  year: number;
  sequence: number;
}

/**
 * Takes the numbers of the drafts, each (kind, issue date) group from its sequence in one step, in draft order.
 * Must run inside inWriteTransaction (the sequence is bumped).
 */
export function numberDrafts(db: Db, drafts: DocumentDraft[]): DraftNumber[] {
  const numbers: DraftNumber[] = new Array(drafts.length);
  for (const indexes of groupsOf(drafts).values()) {
    const { kind, issuedDate } = drafts[indexes[0]].printed;
    const { scope, year, sequences, numbers: formatted } = allocateNumbers(db, kind, issuedDate, indexes.length);
    indexes.forEach((draftIndex, i) => {
      numbers[draftIndex] = { number: formatted[i], scope, year, sequence: sequences[i] };
    });
  }
  return numbers;
}

/**
 * Numbers, signs and writes the drafts to the register, with one audit line each. Must run inside
 * inWriteTransaction with whatever read the drafts: all documents or none, and no number taken on failure.
 * The rows and audit lines are written with prepared statements (a wisuda batch writes hundreds in one go);
 * `sign` may be one that already knows the codes (the batch signs while it plans, outside the transaction).
 */
export function insertDocuments(
  db: Db,
  actor: Actor,
  drafts: DocumentDraft[],
  options: { batchId?: number | null; sign?: CodeSigner } = {},
): IssuedDocument[] {
  if (!db.$client.inTransaction) throw new Error('insertDocuments must run inside inWriteTransaction');
  const key = ensureOwnKey(db);
  const sign = options.sign ?? codeSigner(key);
  const write = insertStatement(db);
  const audit = auditWriter(db, actor);
  const issuedAt = new Date().toISOString();
  const numbers = numberDrafts(db, drafts);
  const issued: IssuedDocument[] = new Array(drafts.length);
  // Written group by group (kind, then date), as the register has always listed a batch.
  for (const indexes of groupsOf(drafts).values()) {
    for (const draftIndex of indexes) {
      const draft = drafts[draftIndex];
      const { kind, issuedDate } = draft.printed;
      const { number, scope, year, sequence } = numbers[draftIndex];
      const verificationCode = sign({ regencyCode: key.regencyCode, kind, issuedDate, number });
      const row: IssuedDocument = {
        id: 0,
        kind,
        number,
        sequenceScope: scope,
        year,
        sequence,
        issuedDate,
        kpmId: draft.kpmId,
        proposalId: draft.proposalId,
        decisionId: draft.decisionId,
        batchId: options.batchId ?? null,
        subject: draft.subject,
        signatoryName: draft.printed.signature.name,
        data: signedDocument(draft.printed, number, verificationCode),
        templateVersion: draft.printed.templateVersion,
        verificationCode,
        issuedBy: actor.id,
        issuedByName: actor.username,
        issuedAt,
        printCount: 1,
        voidedAt: null,
        voidedBy: null,
        voidedByName: null,
        voidReason: null,
      };
      row.id = write(row);
      audit({
        action: 'issue_document',
        entity: 'document',
        entityId: row.id,
        summary: `${DOCUMENT_KIND_LABEL[kind]} nomor ${number} dibuat untuk ${row.subject}`,
      });
      issued[draftIndex] = row;
    }
  }
  return issued;
}

/** Writes one new register row; a number already in the register refuses the whole issue in Indonesian. */
function insertStatement(db: Db): (row: IssuedDocument) => number {
  const insert = documentInserter(db);
  return (row) => {
    try {
      const { data, voidedAt, voidedBy, voidedByName, voidReason, id, ...values } = row;
      return insert({ ...values, json: JSON.stringify(data) });
    } catch (error) {
      if (!isUniqueNumber(error)) throw error;
      throw new AppError(
        'CONFLICT',
        `Nomor surat ${row.number} sudah dipakai dokumen lain. Periksa pola nomor ${DOCUMENT_KIND_LABEL[row.kind]} di Pengaturan > Dokumen; tidak ada dokumen yang dibuat.`,
      );
    }
  };
}

export type IssueFamilyInput = z.infer<typeof issueFamilySchema>;
export type IssueListInput = z.infer<typeof issueListSchema>;

/** Renders freshly issued documents (from what was stored) into one file. */
async function issuedResult(
  db: Db,
  actor: Actor,
  source: string,
  row: IssuedDocument,
): Promise<{ document: RegisterRow; pdf: PdfFile }> {
  const pdf = await renderPdf([row.data], pdfFileName(row.kind, row.subject, row.number));
  return { document: toRegisterRow(row), pdf: logDocuments(db, actor, source, [row], pdf) };
}

/** Issues one family document (surat keterangan, surat pernyataan, piagam). */
export async function issueFamilyDocument(db: Db, actor: Actor, input: IssueFamilyInput) {
  requireRole(actor, DOCUMENT_DUTIES.issue);
  const date = issueDate(input.issuedDate);
  const row = inWriteTransaction(db, () => {
    const eligibility = familyEligibility(db, input.kind, input.kpmId);
    if (!eligibility.ok) throw new AppError('CONFLICT', eligibility.reason);
    notBeforeDecree(date, eligibility.candidacy.skDate);
    const ctx = letterContext(db, input.kind, date, input.signatoryId);
    return insertDocuments(db, actor, [familyDraft(db, ctx, input.kpmId, eligibility.candidacy)])[0];
  });
  return issuedResult(db, actor, 'documents.issue', row);
}

/** Issues a proposal's daftar usulan or its decision's lampiran keputusan. */
export async function issueListDocument(db: Db, actor: Actor, input: IssueListInput) {
  requireRole(actor, DOCUMENT_DUTIES.issue);
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
    const draft = listDraft(db, ctx, input.kind, input.proposalId);
    if (input.kind === 'lampiran_keputusan') notBeforeDecree(date, decisionOf(db, input.proposalId)?.skDate ?? '');
    return insertDocuments(db, actor, [draft])[0];
  });
  return issuedResult(db, actor, 'documents.issueList', row);
}
