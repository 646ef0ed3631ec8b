/**
 * When the app backs up by itself: at start, every few hours while data changed, and
 * before an import commit, a decision and a restore. An automatic backup that fails never blocks the
 * user's work: it is logged and kept as `lastFailure` for the home page's warning.
 */
import type { Db } from '../../../db/open';
import { auditMark } from '../../../db/queries/database-file';
import { createBackup } from './index';
import type { BackupInfo, BackupReason } from './types';

export interface BackupSchedulerOptions {
  /** The open database now (it changes after a restore), or null while none is usable. */
  db: () => Db | null;
  folder: () => string;
  log?: (message: string) => void;
  /** How often to look for changes; default every 3 hours. */
  intervalMs?: number;
  /** Injectable for tests. */
  create?: typeof createBackup;
}

export interface BackupFailure {
  at: string;
  reason: BackupReason;
  message: string;
}

const THREE_HOURS = 3 * 60 * 60 * 1000;

export class BackupScheduler {
  lastFailure: BackupFailure | null = null;
  lastSuccess: BackupInfo | null = null;
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The newest audit id at the last good backup: every change writes an audit row. */
  private auditMarkAtBackup: number | null = null;

  constructor(private readonly options: BackupSchedulerOptions) {}

  /** One backup now, queued behind a running one. Throws (for "Cadangkan sekarang"); see `auto` for the rest. */
  backup(reason: BackupReason): Promise<BackupInfo> {
    const run = this.queue.then(() => this.runOnce(reason));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** An automatic backup: a failure is logged and remembered, never thrown at the user's work. */
  async auto(reason: BackupReason): Promise<BackupInfo | null> {
    // Recovery mode: there is nothing usable to copy, and that is not a failed backup.
    if (!this.options.db()) return null;
    try {
      return await this.backup(reason);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.lastFailure = { at: new Date().toISOString(), reason, message };
      (this.options.log ?? console.error)(`[cadangan] pencadangan otomatis (${reason}) gagal: ${message}`);
      return null;
    }
  }

  /** The periodic check: a backup only when something changed since the last one. */
  async tick(): Promise<BackupInfo | null> {
    const db = this.options.db();
    if (!db || auditMark(db) === this.auditMarkAtBackup) return null;
    return this.auto('berkala');
  }

  /** The backup at start, then the periodic check; the timer does not keep the process alive. */
  start(): Promise<BackupInfo | null> {
    this.stop();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? THREE_HOURS);
    this.timer.unref();
    return this.auto('mulai');
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits for queued backups (closing the database under a running backup would fail it). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async runOnce(reason: BackupReason): Promise<BackupInfo> {
    const db = this.options.db();
    if (!db) throw new Error('Database tidak terbuka.');
    const mark = auditMark(db);
    const info = await (this.options.create ?? createBackup)(db, this.options.folder(), reason);
    this.auditMarkAtBackup = mark;
    this.lastSuccess = info;
    this.lastFailure = null;
    return info;
  }
}
