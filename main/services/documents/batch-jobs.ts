/**
 * The wisuda batch jobs of one app instance (one dispatcher, one command-line run, one test): a job renders in
 * the background while the renderer polls its progress, and holds its finished PDF until fetched or expired.
 */
import type { DocumentKind } from '../../domain/documents';
import { AppError } from '../../domain/errors';
import type { Actor } from '../actor';
import type { BatchProgress, DigestedPdf } from './types';

/** A finished 500-letter PDF is about 2 MB; a few per office are plenty. */
const MAX_JOBS = 8;
const JOB_TTL_MS = 60 * 60 * 1000;

export interface BatchJob extends BatchProgress {
  userId: number | null;
  abort: AbortController;
  pdf: DigestedPdf | null;
  /** The documents in the PDF, for the export log each time it is handed out. */
  documents: { kind: DocumentKind; number: string }[];
  touchedAt: number;
}

export class BatchJobs {
  private readonly jobs = new Map<string, BatchJob>();

  /** A job of this user; another user's job is "not found", as is an expired one. */
  get(actor: Actor, jobId: string): BatchJob {
    const job = this.jobs.get(jobId);
    if (!job || job.userId !== actor.id) {
      throw new AppError('NOT_FOUND', 'Pekerjaan cetak tidak ditemukan (mungkin sudah kedaluwarsa). Mulai lagi.');
    }
    job.touchedAt = Date.now();
    return job;
  }

  add(job: BatchJob): void {
    const now = Date.now();
    for (const [id, other] of this.jobs) {
      if (other.state !== 'running' && now - other.touchedAt > JOB_TTL_MS) this.jobs.delete(id);
    }
    const idle = [...this.jobs.values()].filter((j) => j.state !== 'running').sort((a, b) => a.touchedAt - b.touchedAt);
    while (this.jobs.size >= MAX_JOBS && idle.length > 0) this.jobs.delete((idle.shift() as BatchJob).jobId);
    if (this.jobs.size >= MAX_JOBS) {
      throw new AppError('CONFLICT', 'Terlalu banyak pekerjaan cetak yang sedang berjalan. Tunggu salah satu selesai.');
    }
    this.jobs.set(job.jobId, job);
  }
}
