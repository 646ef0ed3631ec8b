/**
 * The wisuda batch: every family a decision approved gets the chosen documents in one step,
 * numbers for all or none, one PDF, with progress and cancel.
 *
 * Rendering 500 letters takes seconds, too long to hold SQLite's write lock (every other save would wait). So a
 * batch first gathers what it would print, a few families per turn of the event loop, and reads the numbers it
 * would take in a write transaction that it rolls back; signs the codes and renders. Then it gathers again in
 * turns and, when the pages are the same and nothing was written since (writeMark), numbers and writes them in
 * one short transaction (the codes already signed). When someone issued a number or edited a family in between,
 * the batch renders again (at most MAX_ATTEMPTS times). A cancel before the final transaction leaves nothing
 * written and no number taken. Nothing of this holds the main thread for long: every other call keeps answering.
 */

import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { writeMark } from '../../../db/queries/database-file';
import { countPrints } from '../../../db/queries/documents';
import { documentBatches, type IssuedDocument } from '../../../db/schema';
import { type batchPlanSchema, batchSchema, DOCUMENT_KIND_LABEL, FAMILY_KINDS } from '../../domain/documents';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import type { PrintedDocument } from '../../domain/printed-document';
import { type Actor, requireRole } from '../actor';
import { auditWriter, writeAudit } from '../audit';
import type { ExportVia } from '../exports/log';
import { fileNamePart } from '../file-names';
import { type BatchInput, decisionInForce, type Gathered, gatherBatch, samePages } from './batch-gather';
import type { BatchJob, BatchJobs } from './batch-jobs';
import { batchSlots, earlierOf, turnsOf } from './batch-plan';
import { type DraftNumber, insertDocuments, issueDate, numberDrafts } from './issue';
import { type CodeSigner, codeSigner, ensureOwnKey, rememberingSigner } from './keys';
import { logDocuments } from './log';
import { inWriteTransaction } from './numbering';
import { renderPdf } from './pdf';
import { signedDocument } from './signed-document';
import type { BatchPlan, BatchProgress, EarlierDocument, PdfFile } from './types';

export type { BatchInput } from './batch-gather';
/** The input as callers give it (the order and reprints have defaults). */
export type BatchRequest = z.input<typeof batchSchema>;
type BatchPlanInput = z.infer<typeof batchPlanSchema>;

const MAX_ATTEMPTS = 3;
/** Gatherings before a render that a write in between sends back to gathering (other users keep saving). */
const GATHERS_PER_COMMIT = 5;

/** What one run of the batch prints, in order: new documents, and earlier ones when reprinted (as copies). */
interface Printed {
  docs: { doc: PrintedDocument; copy: boolean }[];
  issued: number;
  earlier: EarlierDocument[];
}

/** A batch ready to render: what it gathered, the numbers it will take, and the codes already signed. */
interface Plan {
  gathered: Gathered;
  numbers: string[];
  sign: CodeSigner;
  printed: Printed;
}

/** Thrown inside a write transaction to roll it back on purpose, carrying what it found. */
class Rollback<T> {
  constructor(readonly value: T) {}
}

/** The numbers the drafts would take now (the transaction is rolled back: none is taken). */
function peekNumbers(db: Db, drafts: Gathered['drafts']): DraftNumber[] {
  try {
    return inWriteTransaction(db, () => {
      throw new Rollback(numberDrafts(db, drafts));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as DraftNumber[];
    throw error;
  }
}

/** Gathers, reads the numbers and signs the codes, a few documents per turn of the event loop. */
async function planRun(db: Db, input: BatchInput, date: string, sign: CodeSigner): Promise<Plan> {
  const gathered = await gatherBatch(db, input, date);
  const numbers = peekNumbers(db, gathered.drafts);
  const { regencyCode } = ensureOwnKey(db);
  const docs: Printed['docs'] = [];
  let next = 0;
  for (const part of turnsOf(gathered.slots)) {
    for (const slot of part) {
      if (slot.earlier) {
        if (input.reprints) docs.push({ doc: slot.earlier.data, copy: gathered.copy });
        continue;
      }
      const { printed } = gathered.drafts[next];
      const { number } = numbers[next++];
      const verificationCode = sign({ regencyCode, kind: printed.kind, issuedDate: printed.issuedDate, number });
      docs.push({ doc: signedDocument(printed, number, verificationCode), copy: false });
    }
    await nextTurn();
  }
  return {
    gathered,
    numbers: numbers.map((n) => n.number),
    sign,
    printed: { docs, issued: gathered.drafts.length, earlier: gathered.earlier },
  };
}

/** The new documents under one batch row, with the batch's audit line. */
function issueRows(db: Db, actor: Actor, input: BatchInput, gathered: Gathered, sign: CodeSigner): IssuedDocument[] {
  const { drafts, earlier } = gathered;
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
  const rows = insertDocuments(db, actor, drafts, { batchId: batch.id, sign });
  const reprinted = input.reprints && earlier.length > 0 ? `; ${formatNumber(earlier.length)} dicetak ulang` : '';
  writeAudit(db, actor, {
    action: 'issue_batch',
    entity: 'document_batch',
    entityId: batch.id,
    summary: `${formatNumber(rows.length)} dokumen wisuda (${kinds.map((k) => DOCUMENT_KIND_LABEL[k]).join(', ')}) untuk SK ${gathered.skNumber}${reprinted}`,
  });
  return rows;
}

/** A reprint in a batch counts as a print of the document, like a reprint from the register. */
function countReprints(db: Db, actor: Actor, earlier: EarlierDocument[]): void {
  countPrints(
    db,
    earlier.map((doc) => doc.id),
  );
  const audit = auditWriter(db, actor);
  for (const doc of earlier) {
    audit({
      action: 'reprint_document',
      entity: 'document',
      entityId: doc.id,
      summary: `Cetak ulang ${DOCUMENT_KIND_LABEL[doc.kind]} nomor ${doc.number} dalam cetak dokumen wisuda`,
    });
  }
}

/** What a batch of these kinds would print now (read only): the count of new documents and the earlier ones. */
export async function planBatch(db: Db, input: BatchPlanInput): Promise<BatchPlan> {
  decisionInForce(db, input.decisionId);
  const slots = await batchSlots(db, input.decisionId, input.kinds, 'jenis');
  const earlier = earlierOf(slots);
  return { newDocuments: slots.length - earlier.length, earlier };
}

/** Checks the batch can start (role, date, something to issue), plans it and renders it in the background. */
export async function startBatch(
  jobs: BatchJobs,
  db: Db,
  actor: Actor,
  request: BatchRequest,
): Promise<{ jobId: string }> {
  requireRole(actor, DOCUMENT_DUTIES.issue);
  const input = batchSchema.parse(request);
  const date = issueDate(input.issuedDate);
  const sign = rememberingSigner(codeSigner(ensureOwnKey(db)));
  const plan = await planRun(db, input, date, sign);
  const job: BatchJob = {
    jobId: randomUUID(),
    state: 'running',
    phase: 'preparing',
    done: 0,
    total: plan.printed.docs.length,
    message: null,
    issued: 0,
    earlier: plan.printed.earlier,
    reprinted: input.reprints,
    userId: actor.id,
    abort: new AbortController(),
    pdf: null,
    documents: [],
    touchedAt: Date.now(),
  };
  jobs.add(job);
  void runBatch(job, db, actor, input, date, plan);
  return { jobId: job.jobId };
}

async function runBatch(job: BatchJob, db: Db, actor: Actor, input: BatchInput, date: string, firstPlan: Plan) {
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      job.phase = 'preparing';
      const plan = attempt === 1 ? firstPlan : await planRun(db, input, date, firstPlan.sign);
      const { printed } = plan;
      Object.assign(job, { phase: 'rendering', done: 0, total: printed.docs.length, earlier: printed.earlier });
      const pdf = await renderPdf(
        printed.docs.map((entry) => entry.doc),
        batchFileName(printed),
        {
          copy: printed.docs.map((entry) => entry.copy),
          signal: job.abort.signal,
          onProgress: (done) => {
            job.done = done;
          },
        },
      );
      if (job.abort.signal.aborted) throw new AppError('CANCELLED', 'Pembuatan dokumen dibatalkan.');
      job.phase = 'saving';
      if (await commitIfUnchanged(db, actor, input, date, plan)) {
        // every document in the PDF, reprints included, for the export log of each hand-out
        const documents = printed.docs.map(({ doc }) => ({ kind: doc.kind, number: doc.number }));
        const done = printed.docs.length;
        Object.assign(job, { state: 'done', phase: 'done', done, issued: printed.issued, pdf, documents });
        return;
      }
    }
    throw new AppError(
      'CONFLICT',
      'Nomor surat atau data KPM terus berubah selama dokumen disusun (ada petugas lain yang sedang membuat surat). Coba lagi sebentar; tidak ada nomor yang dipakai.',
    );
  } catch (error) {
    failBatch(job, error);
  }
}

function failBatch(job: BatchJob, error: unknown): void {
  const cancelled = error instanceof AppError && error.code === 'CANCELLED';
  job.state = cancelled ? 'cancelled' : 'failed';
  job.message = cancelled
    ? 'Dibatalkan. Tidak ada dokumen yang dibuat dan tidak ada nomor yang terpakai.'
    : error instanceof AppError
      ? error.message
      : 'Terjadi kesalahan saat menyusun dokumen. Tidak ada dokumen yang dibuat.';
  if (!(error instanceof AppError)) console.error('documents batch failed', error);
}

/**
 * The real issue, kept only when it writes exactly what was rendered: the same pages, gathered again in turns,
 * with nothing written since, take the planned numbers. False when the batch must render again.
 */
async function commitIfUnchanged(db: Db, actor: Actor, input: BatchInput, date: string, plan: Plan) {
  for (let gathering = 0; gathering < GATHERS_PER_COMMIT; gathering++) {
    const mark = writeMark(db);
    const now = await gatherBatch(db, input, date);
    if (!samePages(now, plan.gathered)) return false;
    const written = writeIfUnmoved(db, actor, input, now, plan, mark);
    if (written !== 'moved') return written;
  }
  return false;
}

/** The one write transaction: 'moved' when something was written since the gathering began. */
function writeIfUnmoved(db: Db, actor: Actor, input: BatchInput, now: Gathered, plan: Plan, mark: string) {
  try {
    return inWriteTransaction(db, () => {
      if (writeMark(db) !== mark) return 'moved' as const;
      const rows = now.drafts.length > 0 ? issueRows(db, actor, input, now, plan.sign) : [];
      if (input.reprints) countReprints(db, actor, now.earlier);
      if (rows.some((row, i) => row.number !== plan.numbers[i])) throw new Rollback(false);
      return true;
    });
  } catch (error) {
    if (error instanceof Rollback) return false;
    throw error;
  }
}

function batchFileName(printed: Printed): string {
  const first = printed.docs[0] ? fileNamePart(printed.docs[0].doc.number) : 'kosong';
  return `Dokumen-Wisuda-${printed.docs.length}-dokumen-mulai-${first}.pdf`;
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
