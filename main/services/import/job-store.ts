/**
 * The import jobs of one app instance (one dispatcher, one command-line run, one test): a job holds its file,
 * the rows as families and the plan in memory until it is committed, replaced or expires.
 */
import { AppError } from '../../domain/errors';
import type { Actor } from '../actor';
import type { ImportJob } from './jobs';

const MAX_JOBS = 8;
const JOB_TTL_MS = 3 * 60 * 60 * 1000;

const busy = (job: ImportJob) => job.status === 'running' || job.status === 'saving';

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  /** A job of this user; another user's job is "not found", as is an expired one. */
  get(actor: Actor, jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job || job.userId !== actor.id) {
      throw new AppError(
        'NOT_FOUND',
        'Pekerjaan impor tidak ditemukan (mungkin sudah kedaluwarsa). Pilih berkasnya lagi.',
      );
    }
    job.touchedAt = Date.now();
    return job;
  }

  /**
   * Adds a new job. One import at a time per user: it replaces the user's idle jobs (a 100,000-row job holds
   * ~130 MB); old idle jobs of others go when the store is full.
   */
  add(job: ImportJob): void {
    for (const [id, other] of this.jobs) {
      if (other.userId === job.userId && !busy(other)) this.jobs.delete(id);
    }
    this.prune();
    this.jobs.set(job.id, job);
  }

  /** True while an import is being written: backup, restore and other writes wait or are refused meanwhile. */
  isSaving(): boolean {
    return [...this.jobs.values()].some((job) => job.status === 'saving');
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (now - job.touchedAt > JOB_TTL_MS && !busy(job)) this.jobs.delete(id);
    }
    if (this.jobs.size < MAX_JOBS) return;
    const idle = [...this.jobs.values()].filter((j) => !busy(j)).sort((a, b) => a.touchedAt - b.touchedAt);
    while (this.jobs.size >= MAX_JOBS && idle.length > 0) this.jobs.delete((idle.shift() as ImportJob).id);
  }
}
