/**
 * The wisuda batch (issue 8 point 5): every family a decision approved gets the chosen documents in one step,
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
import { decisions, documentBatches, type IssuedDocument } from '../../../db/schema';
import { type batchSchema, DOCUMENT_KIND_LABEL, FAMILY_KINDS } from '../../domain/documents';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import type { ExportVia } from '../exports/log';
import { fileNamePart } from '../file-names';
import type { BatchJob, BatchJobs } from './batch-jobs';
import { letterContext } from './context';
import { eligibleFamiliesOfDecision } from './eligibility';
import { ISSUER_ROLES, insertDocuments, issueDate, notBeforeDecree } from './issue';
import { logDocuments } from './log';
import { inWriteTransaction } from './numbering';
import { renderPdf } from './pdf';
import { familyDraft } from './snapshot';
import type { BatchProgress, PdfFile } from './types';

export type BatchInput = z.infer<typeof batchSchema>;

const MAX_ATTEMPTS = 3;

/** Thrown inside a write transaction to roll it back on purpose, carrying what it would have written. */
class Rollback {
  constructor(readonly rows: IssuedDocument[]) {}
}

/** Issues the decision's documents; with `dryRun` the transaction is rolled back and the rows only returned. */
function issueBatch(db: Db, actor: Actor, input: BatchInput, date: string, dryRun: boolean): IssuedDocument[] {
  try {
    return inWriteTransaction(db, () => {
      const decision = db.select().from(decisions).where(eq(decisions.id, input.decisionId)).get();
      if (!decision) throw new AppError('NOT_FOUND', 'Keputusan tidak ditemukan.');
      if (decision.reversedAt) {
        throw new AppError(
          'CONFLICT',
          `Keputusan SK ${decision.skNumber} sudah dibatalkan; dokumennya tidak dapat dibuat.`,
        );
      }
      // Grouped by kind (piagam are often printed on other paper), families by name within a kind.
      const kinds = FAMILY_KINDS.filter((kind) => input.kinds.includes(kind));
      if (kinds.some((kind) => kind !== 'pernyataan_mandiri')) notBeforeDecree(date, decision.skDate);
      const drafts = kinds.flatMap((kind) => {
        const ctx = letterContext(db, kind, date);
        return eligibleFamiliesOfDecision(db, input.decisionId, kind).eligible.map((e) =>
          familyDraft(db, ctx, e.kpmId, e.candidacy),
        );
      });
      if (drafts.length === 0) throw new AppError('CONFLICT', nothingToIssue(input));
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
      writeAudit(db, actor, {
        action: 'issue_batch',
        entity: 'document_batch',
        entityId: batch.id,
        summary: `${formatNumber(rows.length)} dokumen wisuda (${kinds.map((k) => DOCUMENT_KIND_LABEL[k]).join(', ')}) untuk SK ${decision.skNumber}`,
      });
      if (dryRun) throw new Rollback(rows);
      return rows;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.rows;
    throw error;
  }
}

function nothingToIssue(input: BatchInput): string {
  const kinds = input.kinds.map((k) => DOCUMENT_KIND_LABEL[k].toLowerCase()).join(', ');
  return `Tidak ada KPM pada keputusan ini yang masih dapat dibuatkan ${kinds}: semuanya sudah memiliki dokumen itu atau tidak memenuhi syarat. Cetak ulang dari agenda surat.`;
}

const sameDocuments = (a: IssuedDocument[], b: IssuedDocument[]) =>
  a.length === b.length && a.every((row, i) => JSON.stringify(row.data) === JSON.stringify(b[i].data));

/** Checks the batch can start (role, date, something to issue) and runs it in the background. */
export function startBatch(jobs: BatchJobs, db: Db, actor: Actor, input: BatchInput): { jobId: string } {
  requireRole(actor, ISSUER_ROLES);
  const date = issueDate(input.issuedDate);
  const planned = issueBatch(db, actor, input, date, true);
  const job: BatchJob = {
    jobId: randomUUID(),
    state: 'berjalan',
    phase: 'menyiapkan',
    done: 0,
    total: planned.length,
    message: null,
    issued: 0,
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
  firstPlan: IssuedDocument[],
): Promise<void> {
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      job.phase = 'menyiapkan';
      const planned = attempt === 1 ? firstPlan : issueBatch(db, actor, input, date, true);
      Object.assign(job, { phase: 'menyusun', done: 0, total: planned.length });
      const pdf = await renderPdf(
        planned.map((row) => row.data),
        batchFileName(planned),
        {
          signal: job.abort.signal,
          onProgress: (done) => {
            job.done = done;
          },
        },
      );
      if (job.abort.signal.aborted) throw new AppError('CANCELLED', 'Pembuatan dokumen dibatalkan.');
      job.phase = 'menyimpan';
      const written = commitIfUnchanged(db, actor, input, date, planned);
      if (written) {
        const documents = planned.map(({ kind, number }) => ({ kind, number }));
        Object.assign(job, { state: 'selesai', phase: 'selesai', done: written, issued: written, pdf, documents });
        return;
      }
    }
    throw new AppError(
      'CONFLICT',
      'Nomor surat atau data KPM terus berubah selama dokumen disusun (ada petugas lain yang sedang membuat surat). Coba lagi sebentar; tidak ada nomor yang dipakai.',
    );
  } catch (error) {
    const cancelled = error instanceof AppError && error.code === 'CANCELLED';
    job.state = cancelled ? 'dibatalkan' : 'gagal';
    job.message = cancelled
      ? 'Dibatalkan. Tidak ada dokumen yang dibuat dan tidak ada nomor yang terpakai.'
      : error instanceof AppError
        ? error.message
        : 'Terjadi kesalahan saat menyusun dokumen. Tidak ada dokumen yang dibuat.';
    if (!(error instanceof AppError)) console.error('documents batch failed', error);
  }
}

/** The real issue: kept only when it writes exactly what was rendered; returns the count, or null to retry. */
function commitIfUnchanged(db: Db, actor: Actor, input: BatchInput, date: string, planned: IssuedDocument[]) {
  try {
    return inWriteTransaction(db, () => {
      const rows = issueBatch(db, actor, input, date, false);
      if (!sameDocuments(rows, planned)) throw new Rollback(rows);
      return rows.length;
    });
  } catch (error) {
    if (error instanceof Rollback) return null;
    throw error;
  }
}

function batchFileName(rows: IssuedDocument[]): string {
  const first = rows[0] ? fileNamePart(rows[0].number) : 'kosong';
  return `Dokumen-Wisuda-${rows.length}-dokumen-mulai-${first}.pdf`;
}

export function batchProgress(jobs: BatchJobs, actor: Actor, jobId: string): BatchProgress {
  const { userId, abort, pdf, documents, touchedAt, ...progress } = jobs.get(actor, jobId);
  return progress;
}

export function cancelBatch(jobs: BatchJobs, actor: Actor, jobId: string): { cancelled: boolean } {
  const job = jobs.get(actor, jobId);
  if (job.state !== 'berjalan' || job.phase === 'menyimpan') return { cancelled: false };
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
