/**
 * The wisuda batch: every family a decision approved gets the chosen documents in one step,
 * numbers for all or none, one PDF, with progress and cancel.
 *
 * Rendering 500 letters takes seconds, too long to hold SQLite's write lock (every other save would wait).
 * So a batch first issues its documents in a write transaction that it rolls back, which yields exactly the
 * numbers, codes and snapshots a real issue would write; renders those; and then issues again for real,
 * keeping the result only when every stored snapshot equals the rendered one. When someone issued a number or
 * edited a family in between, the batch renders again (at most MAX_ATTEMPTS times). A cancel before the final
 * transaction leaves nothing written and no number taken.
 */

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { countPrints } from '../../../db/queries/documents';
import { decisions, documentBatches, type IssuedDocument } from '../../../db/schema';
import { type batchPlanSchema, batchSchema, DOCUMENT_KIND_LABEL, FAMILY_KINDS } from '../../domain/documents';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import type { ExportVia } from '../exports/log';
import { fileNamePart } from '../file-names';
import type { BatchJob, BatchJobs } from './batch-jobs';
import { batchSlots, earlierOf } from './batch-plan';
import { type LetterContext, letterContext } from './context';
import { insertDocuments, issueDate, notBeforeDecree } from './issue';
import { logDocuments } from './log';
import { inWriteTransaction } from './numbering';
import { renderPdf } from './pdf';
import { getDocumentSettings } from './settings';
import { type DocumentDraft, familyDraft } from './snapshot';
import type { BatchPlan, BatchProgress, EarlierDocument, PdfFile } from './types';

export type BatchInput = z.infer<typeof batchSchema>;
/** The input as callers give it (the order and reprints have defaults). */
export type BatchRequest = z.input<typeof batchSchema>;
type BatchPlanInput = z.infer<typeof batchPlanSchema>;

const MAX_ATTEMPTS = 3;

/** What one run of the batch prints, in order: new rows, and earlier ones when reprinted (marked as copies). */
interface Printed {
  rows: { row: IssuedDocument; copy: boolean }[];
  issued: number;
  earlier: EarlierDocument[];
}

/** Thrown inside a write transaction to roll it back on purpose, carrying what it would have written. */
class Rollback {
  constructor(readonly printed: Printed) {}
}

function decisionInForce(db: Db, decisionId: number) {
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

/** Issues the decision's documents; with `dryRun` the transaction is rolled back and the rows only returned. */
function issueBatch(db: Db, actor: Actor, input: BatchInput, date: string, dryRun: boolean): Printed {
  try {
    return inWriteTransaction(db, () => {
      const decision = decisionInForce(db, input.decisionId);
      if (input.kinds.some((kind) => kind !== 'pernyataan_mandiri')) notBeforeDecree(date, decision.skDate);
      const slots = batchSlots(db, input.decisionId, input.kinds, input.order);
      const earlier = earlierOf(slots);
      const contexts = new Map(input.kinds.map((kind) => [kind, letterContext(db, kind, date)]));
      const drafts = slots.flatMap((slot) =>
        slot.earlier ? [] : [familyDraft(db, contexts.get(slot.kind) as LetterContext, slot.kpmId, slot.candidacy)],
      );
      if (drafts.length === 0 && !(input.reprints && earlier.length > 0)) {
        throw new AppError('CONFLICT', nothingToIssue(input, earlier));
      }
      const rows = drafts.length > 0 ? issueRows(db, actor, input, decision.skNumber, drafts, earlier) : [];
      if (input.reprints) countReprints(db, actor, earlier);
      const copy = getDocumentSettings(db).markCopies;
      let next = 0;
      const printed: Printed = {
        rows: slots.flatMap((slot) => {
          if (!slot.earlier) return [{ row: rows[next++], copy: false }];
          return input.reprints ? [{ row: slot.earlier, copy }] : [];
        }),
        issued: rows.length,
        earlier,
      };
      if (dryRun) throw new Rollback(printed);
      return printed;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.printed;
    throw error;
  }
}

/** The new documents under one batch row, with the batch's audit line. */
function issueRows(
  db: Db,
  actor: Actor,
  input: BatchInput,
  skNumber: string,
  drafts: DocumentDraft[],
  earlier: EarlierDocument[],
): IssuedDocument[] {
  const kinds = FAMILY_KINDS.filter((kind) => input.kinds.includes(kind));
  const batch = db
    .insert(documentBatches)
    .values({
      kind: kinds[0],
      decisionId: input.decisionId,
      count: drafts.length,
      createdBy: actor.id,
      createdByName: actor.username,
      createdAt: new Date().toISOString(),
    })
    .returning()
    .get();
  const rows = insertDocuments(db, actor, drafts, { batchId: batch.id });
  const reprinted = input.reprints && earlier.length > 0 ? `; ${formatNumber(earlier.length)} dicetak ulang` : '';
  writeAudit(db, actor, {
    action: 'issue_batch',
    entity: 'document_batch',
    entityId: batch.id,
    summary: `${formatNumber(rows.length)} dokumen wisuda (${kinds.map((k) => DOCUMENT_KIND_LABEL[k]).join(', ')}) untuk SK ${skNumber}${reprinted}`,
  });
  return rows;
}

/** A reprint in a batch counts as a print of the document, like a reprint from the register. */
function countReprints(db: Db, actor: Actor, earlier: EarlierDocument[]): void {
  countPrints(
    db,
    earlier.map((doc) => doc.id),
  );
  for (const doc of earlier) {
    writeAudit(db, actor, {
      action: 'reprint_document',
      entity: 'document',
      entityId: doc.id,
      summary: `Cetak ulang ${DOCUMENT_KIND_LABEL[doc.kind]} nomor ${doc.number} dalam cetak dokumen wisuda`,
    });
  }
}

function nothingToIssue(input: BatchInput, earlier: EarlierDocument[]): string {
  const kinds = input.kinds.map((k) => DOCUMENT_KIND_LABEL[k].toLowerCase()).join(', ');
  const reprint =
    earlier.length > 0
      ? ` ${formatNumber(earlier.length)} dokumen sudah diterbitkan sebelumnya: pilih "Sertakan cetak ulang" untuk mencetaknya lagi.`
      : ' Cetak ulang dari agenda surat.';
  return `Tidak ada KPM pada keputusan ini yang masih dapat dibuatkan ${kinds}: semuanya sudah memiliki dokumen itu atau tidak memenuhi syarat.${reprint}`;
}

const sameDocuments = (a: Printed, b: Printed) =>
  a.rows.length === b.rows.length &&
  a.rows.every(
    (entry, i) =>
      entry.copy === b.rows[i].copy && JSON.stringify(entry.row.data) === JSON.stringify(b.rows[i].row.data),
  );

/** What a batch of these kinds would print now (read only): the count of new documents and the earlier ones. */
export function planBatch(db: Db, input: BatchPlanInput): BatchPlan {
  decisionInForce(db, input.decisionId);
  const slots = batchSlots(db, input.decisionId, input.kinds, 'jenis');
  const earlier = earlierOf(slots);
  return { newDocuments: slots.length - earlier.length, earlier };
}

/** Checks the batch can start (role, date, something to issue) and runs it in the background. */
export function startBatch(jobs: BatchJobs, db: Db, actor: Actor, request: BatchRequest): { jobId: string } {
  requireRole(actor, DOCUMENT_DUTIES.issue);
  const input = batchSchema.parse(request);
  const date = issueDate(input.issuedDate);
  const planned = issueBatch(db, actor, input, date, true);
  const job: BatchJob = {
    jobId: randomUUID(),
    state: 'running',
    phase: 'preparing',
    done: 0,
    total: planned.rows.length,
    message: null,
    issued: 0,
    earlier: planned.earlier,
    reprinted: input.reprints,
    userId: actor.id,
    abort: new AbortController(),
    pdf: null,
    documents: [],
    touchedAt: Date.now(),
  };
  jobs.add(job);
  void runBatch(job, db, actor, input, date, planned);
  return { jobId: job.jobId };
}

async function runBatch(
  job: BatchJob,
  db: Db,
  actor: Actor,
  input: BatchInput,
  date: string,
  firstPlan: Printed,
): Promise<void> {
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      job.phase = 'preparing';
      const planned = attempt === 1 ? firstPlan : issueBatch(db, actor, input, date, true);
      Object.assign(job, { phase: 'rendering', done: 0, total: planned.rows.length, earlier: planned.earlier });
      const pdf = await renderPdf(
        planned.rows.map((entry) => entry.row.data),
        batchFileName(planned),
        {
          copy: planned.rows.map((entry) => entry.copy),
          signal: job.abort.signal,
          onProgress: (done) => {
            job.done = done;
          },
        },
      );
      if (job.abort.signal.aborted) throw new AppError('CANCELLED', 'Pembuatan dokumen dibatalkan.');
      job.phase = 'saving';
      const written = commitIfUnchanged(db, actor, input, date, planned);
      if (written) {
        const { issued, rows } = written;
        // every document in the PDF, reprints included, for the export log of each hand-out
        const documents = rows.map(({ row }) => ({ kind: row.kind, number: row.number }));
        Object.assign(job, { state: 'done', phase: 'done', done: rows.length, issued, pdf, documents });
        return;
      }
    }
    throw new AppError(
      'CONFLICT',
      'Nomor surat atau data KPM terus berubah selama dokumen disusun (ada petugas lain yang sedang membuat surat). Coba lagi sebentar; tidak ada nomor yang dipakai.',
    );
  } catch (error) {
    const cancelled = error instanceof AppError && error.code === 'CANCELLED';
    job.state = cancelled ? 'cancelled' : 'failed';
    job.message = cancelled
      ? 'Dibatalkan. Tidak ada dokumen yang dibuat dan tidak ada nomor yang terpakai.'
      : error instanceof AppError
        ? error.message
        : 'Terjadi kesalahan saat menyusun dokumen. Tidak ada dokumen yang dibuat.';
    if (!(error instanceof AppError)) console.error('documents batch failed', error);
  }
}

/** The real issue: kept only when it writes exactly what was rendered; returns what it wrote, or null to retry. */
function commitIfUnchanged(db: Db, actor: Actor, input: BatchInput, date: string, planned: Printed): Printed | null {
  try {
    return inWriteTransaction(db, () => {
      const printed = issueBatch(db, actor, input, date, false);
      if (!sameDocuments(printed, planned)) throw new Rollback(printed);
      return printed;
    });
  } catch (error) {
    if (error instanceof Rollback) return null;
    throw error;
  }
}

function batchFileName(printed: Printed): string {
  const first = printed.rows[0] ? fileNamePart(printed.rows[0].row.number) : 'kosong';
  return `Dokumen-Wisuda-${printed.rows.length}-dokumen-mulai-${first}.pdf`;
}

export function batchProgress(jobs: BatchJobs, actor: Actor, jobId: string): BatchProgress {
  const { userId, abort, pdf, documents, touchedAt, ...progress } = jobs.get(actor, jobId);
  return progress;
}

export function cancelBatch(jobs: BatchJobs, actor: Actor, jobId: string): { cancelled: boolean } {
  const job = jobs.get(actor, jobId);
  if (job.state !== 'running' || job.phase === 'saving') return { cancelled: false };
  job.abort.abort();
  return { cancelled: true };
}

/** The finished batch's PDF; each time it is handed out it is a row of the export log. */
export function batchResult(
  jobs: BatchJobs,
  db: Db,
  actor: Actor,
  jobId: string,
  via: ExportVia = 'aplikasi',
): PdfFile {
  const job = jobs.get(actor, jobId);
  if (!job.pdf) {
    throw new AppError('CONFLICT', job.message ?? 'Dokumen masih disusun; tunggu sampai selesai.');
  }
  return logDocuments(db, actor, 'documents.batchResult', job.documents, job.pdf, via);
}
