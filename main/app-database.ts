/**
 * The app's one database, as a holder the dispatcher reads per call (`ctx.db`), so a restore can close the
 * file, put a backup in its place and open it again while the app keeps running. It runs the start-up health
 * check (main/services/database-health.ts): a file that is not usable is never opened for writing, and the
 * app starts in recovery mode (only `database.status` and `database.recover`).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Db, openDatabase } from '../db/open';
import { isKnownDatabase, loadAppConfig, rememberDatabase, updateAppConfig } from './app-config';
import { AppError } from './domain/errors';
import { formatWaktu } from './domain/format';
import type { Actor } from './services/actor';
import { writeAudit } from './services/audit';
import {
  type BackupInfo,
  type DatabaseOrigin,
  listBackups,
  matchOrigin,
  originOfFile,
  readOrigin,
  restoreBackup,
  salvageDatabase,
} from './services/backup';
import { removeLeftoverTemps } from './services/backup/rotation';
import { BackupScheduler, type BackupSchedulerOptions } from './services/backup/schedule';
import type { BackupReason } from './services/backup/types';
import { checkDatabaseFile, type DatabaseHealth, databaseMessage } from './services/database-health';
import { LongJobs } from './workers/long-jobs';
import { sharedLongJobs, withLongJobs } from './workers/scope';

export interface AppDatabaseOptions {
  /** The folder of the app config (pengaturan.json); the user data folder in the app. */
  configDir: string;
  /** An explicit file (--db, GRADUASI_DB) wins over the config's. */
  databaseFile?: string;
  migrationsFolder?: string;
  canWrite?: (path: string) => boolean;
  onMigrationBackup?: (file: string) => void;
  log?: (message: string) => void;
}

export class AppDatabase {
  file: string;
  health: DatabaseHealth;
  scheduler: BackupScheduler | null = null;
  /**
   * This app instance's worker threads for long jobs (PDFs, integrity checks, import checks). A wrapped
   * database (a test, a tool) uses the process's shared ones: a test suite makes a dispatcher per test, and a
   * pool each would start a worker per test and keep it for a minute.
   */
  readonly longJobs: LongJobs;
  private current: Db | null = null;
  private restoring = false;
  private readonly replacedListeners = new Set<(reason: string) => void>();

  private constructor(
    private readonly options: AppDatabaseOptions,
    /** False for a wrapped test database: nothing is remembered in a config file. */
    private readonly persist: boolean,
  ) {
    this.file = resolve(options.databaseFile ?? loadAppConfig(options.configDir).databaseFile);
    this.health = { state: 'new', file: this.file, message: '' };
    this.longJobs = persist ? new LongJobs() : sharedLongJobs();
  }

  /** Checks the configured file and opens it when usable; else the app runs in recovery mode. */
  static open(options: AppDatabaseOptions): AppDatabase {
    const app = new AppDatabase(options, true);
    // At start nothing of this app is copying yet: what a killed backup or restore left is only taking space
    // (a copy the size of the database); an unreadable folder is the backup's own warning later.
    try {
      removeLeftoverTemps(app.backupFolder, app.file);
    } catch {
      // a drive not plugged in
    }
    app.reopen();
    return app;
  }

  /** An already-open database (tests, tools): backups beside it unless a config says otherwise. */
  static wrap(db: Db): AppDatabase {
    const file = db.$client.name;
    const app = new AppDatabase({ configDir: dirname(resolve(file)), databaseFile: file }, false);
    app.current = db;
    app.health = { state: 'ok', file: app.file, message: '' };
    return app;
  }

  /** The open database; refused while restoring or when the file is not usable (no write reaches it). */
  get db(): Db {
    if (this.restoring) throw new AppError('BUSY', 'Database sedang dipulihkan dari cadangan; coba lagi sebentar.');
    if (!this.current) throw new AppError('DATABASE_UNAVAILABLE', this.health.message || 'Database belum dibuka.');
    return this.current;
  }

  /** Throws the reason the database is not usable (recovery mode) or busy (a restore). */
  requireOpen(): void {
    void this.db;
  }

  get isOpen(): boolean {
    return this.current !== null && !this.restoring;
  }

  get backupFolder(): string {
    return resolve(loadAppConfig(this.options.configDir).backupFolder);
  }

  setBackupFolder(folder: string): void {
    updateAppConfig(this.options.configDir, { backupFolder: resolve(folder) });
  }

  /**
   * Called after the database was replaced (restore, another file) with the reason the login page gives:
   * sessions end, users log in again.
   */
  onReplaced(listener: (reason: string) => void): () => void {
    this.replacedListeners.add(listener);
    return () => this.replacedListeners.delete(listener);
  }

  /** Runs the health check and opens the file when it is usable. */
  reopen(): DatabaseHealth {
    this.close();
    const config = loadAppConfig(this.options.configDir);
    const check = checkDatabaseFile(this.file, {
      known: isKnownDatabase(config, this.file),
      migrationsFolder: this.options.migrationsFolder,
      canWrite: this.options.canWrite,
    });
    this.health = check;
    if (check.state !== 'ok' && check.state !== 'new') return check;
    try {
      this.current = openDatabase(this.file, {
        migrationsFolder: this.options.migrationsFolder,
        onBackup: this.options.onMigrationBackup,
      });
      this.health = { state: 'ok', file: this.file, message: '' };
      if (this.persist) rememberDatabase(this.options.configDir, this.file, readOrigin(this.current.$client));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.health = {
        state: 'unavailable',
        file: this.file,
        message: databaseMessage('unavailable', this.file, detail),
      };
    }
    return this.health;
  }

  close(): void {
    this.current?.$client.close();
    this.current = null;
  }

  /** Runs fn (and the jobs it starts) with this instance's workers: every call and the backup schedule. */
  withLongJobs<T>(fn: () => T): T {
    return withLongJobs(this.longJobs, fn);
  }

  /** The app instance closes: backups stop, the file closes and the worker threads end. */
  async shutdown(): Promise<void> {
    this.scheduler?.stop();
    await this.scheduler?.idle();
    this.close();
    if (this.persist) await this.longJobs.close();
  }

  /** Starts the automatic backups (the app does; tests call it with a short interval or not at all). */
  startSchedule(options: Partial<BackupSchedulerOptions> = {}): BackupScheduler {
    this.scheduler?.stop();
    this.scheduler = new BackupScheduler({
      db: () => (this.isOpen ? this.current : null),
      folder: () => this.backupFolder,
      log: this.options.log,
      ...options,
    });
    const scheduler = this.scheduler;
    this.withLongJobs(() => void scheduler.start());
    return scheduler;
  }

  /** The automatic backup before an import commit or a decision; never fails the user's work. */
  async backupBefore(reason: BackupReason): Promise<void> {
    const scheduler = this.scheduler;
    if (scheduler && this.isOpen) await this.withLongJobs(() => scheduler.auto(reason));
  }

  /**
   * Whose data this database holds: read from the open file, else (recovery mode) what was remembered when it
   * last opened; null when nothing is known.
   */
  origin(): DatabaseOrigin | null {
    if (this.isOpen && this.current) return readOrigin(this.current.$client);
    return loadAppConfig(this.options.configDir).origins[this.file] ?? null;
  }

  /** A backup by name in the backup folder (never a path from the caller); without a name, the newest of this database. */
  findBackup(name: string | undefined, expected: DatabaseOrigin | null = this.origin()): BackupInfo {
    const backups = listBackups(this.backupFolder);
    const own = (b: BackupInfo) => !expected || matchOrigin(expected, originOfFile(b.file)) === 'sama';
    const found = name === undefined ? backups.find(own) : backups.find((b) => b.name === name);
    if (!found) {
      throw new AppError(
        'NOT_FOUND',
        name === undefined
          ? `Belum ada cadangan database ini di folder ${this.backupFolder}.`
          : `Cadangan ${name} tidak ditemukan di folder ${this.backupFolder}.`,
      );
    }
    return found;
  }

  /**
   * Puts a backup in place of the database: the current file is kept as a backup first (so the restore can
   * be undone), the file is swapped, reopened and checked, every session ends, and the restored database
   * records who restored which backup. Only this database's backups: another office's or another database's
   * is refused (restore.ts) before anything is touched.
   */
  async restore(
    name: string | undefined,
    actor: Actor,
    byName: string = actor.username,
  ): Promise<{ restored: BackupInfo; keptAs: BackupInfo | null; reason: string }> {
    const expected = this.origin();
    const backup = this.findBackup(name, expected);
    await this.scheduler?.idle();
    this.restoring = true;
    let keptAs: BackupInfo | null = null;
    let swapped = false;
    const reason = `Data dipulihkan dari cadangan ${formatWaktu(backup.at)} oleh ${byName}; semua pengguna keluar. Silakan masuk lagi.`;
    try {
      this.close();
      keptAs = (
        await restoreBackup({
          backupFile: backup.file,
          databaseFile: this.file,
          folder: this.backupFolder,
          expected: expected ?? undefined,
        })
      ).keptAs;
      swapped = true;
    } finally {
      // A refused backup left the old file in place (the swap is one rename): it opens again as it was.
      this.restoring = false;
      this.reopen();
      if (swapped) this.replaced(reason);
    }
    const db = this.db;
    writeAudit(db, actor, {
      action: 'restore',
      entity: 'database',
      entityId: null,
      summary: `Database dipulihkan dari cadangan ${backup.name} (${backup.at}) oleh ${actor.username}`,
      after: { backup: backup.name, at: backup.at, keptAs: keptAs?.name ?? null },
    });
    return { restored: backup, keptAs, reason };
  }

  /** A salvage copy of a damaged file: every row still readable, in a new file beside the backups. */
  salvage() {
    return salvageDatabase({ damagedFile: this.file, folder: this.backupFolder });
  }

  /** Another database file, typed by the user: it must exist (choosing a path never makes a new office). */
  chooseFile(file: string): DatabaseHealth {
    const chosen = resolve(file);
    if (!existsSync(chosen)) throw new AppError('NOT_FOUND', `Berkas ${chosen} tidak ditemukan.`);
    this.close();
    this.file = chosen;
    updateAppConfig(this.options.configDir, { databaseFile: chosen });
    const health = this.reopen();
    this.replaced('Database diganti dengan berkas lain; semua pengguna keluar. Silakan masuk lagi.');
    return health;
  }

  private replaced(reason: string): void {
    for (const listener of this.replacedListeners) listener(reason);
  }
}
