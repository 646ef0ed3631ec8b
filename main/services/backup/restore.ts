/**
 * Putting a backup in place of the database file. The caller has closed every connection to it. Order: the
 * chosen backup is checked first (a damaged one is refused before anything is touched); the current file is
 * kept (a verified 'sebelum_pulih' backup, or a raw byte copy when SQLite cannot read it), so the restore can
 * be undone; its `-wal` is folded in by SQLite; the backup is copied beside the database, flushed and renamed
 * over it. A kill at any moment leaves the old file or the new one, never a mix.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { appliedMigrationTimes, latestKnownMigration } from '../../../db/open';
import { tableNames } from '../../../db/queries/database-file';
import { AppError } from '../../domain/errors';
import { backupConnection } from './copy';
import { durableRename, folderError, rawCopy } from './files';
import { rawCopyName, restoreTempOf } from './names';
import { type DatabaseOrigin, matchOrigin, originOfFile, otherOriginError } from './origin';
import type { BackupInfo } from './types';
import { integrityProblemsInWorker } from './verify';

export const RESTORE_STEPS = ['checking', 'keeping', 'copying', 'replacing', 'done'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface RestoreInput {
  backupFile: string;
  databaseFile: string;
  folder: string;
  /** The time the copy of the replaced file is named and rotated by (the app's clock; tests set it). */
  now?: Date;
  /**
   * Whose data the database holds (read before it was closed, or remembered when it is unusable): a backup of
   * another office or another database is refused before anything is touched. Absent: nothing is known.
   */
  expected?: DatabaseOrigin;
  /** Called as each step starts (for a progress line; the crash tests stop the process there). */
  onStep?: (step: RestoreStep) => void;
}

export interface RestoreResult {
  /** The verified backup of the file that was replaced (restore it to undo), or null. */
  keptAs: BackupInfo | null;
  /** A raw byte copy of a replaced file SQLite could not read (or of a zero-byte file). */
  rawCopy?: string;
}

export async function restoreBackup(input: RestoreInput): Promise<RestoreResult> {
  const databaseFile = resolve(input.databaseFile);
  const backupFile = resolve(input.backupFile);
  input.onStep?.('checking');
  await checkBackup(backupFile, databaseFile, input.expected);
  input.onStep?.('keeping');
  const kept = await keepCurrent(databaseFile, input.folder, input.now ?? new Date());
  input.onStep?.('copying');
  const temp = restoreTempOf(databaseFile);
  copyFileSync(backupFile, temp);
  input.onStep?.('replacing');
  foldJournal(databaseFile);
  // Left beside the new file, an old `-wal` would be replayed into it.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(databaseFile + suffix, { force: true });
  durableRename(temp, databaseFile);
  input.onStep?.('done');
  return kept;
}

async function checkBackup(
  backupFile: string,
  databaseFile: string,
  expected: DatabaseOrigin | undefined,
): Promise<void> {
  const name = basename(backupFile);
  if (!existsSync(backupFile)) throw new AppError('NOT_FOUND', `Berkas cadangan ${backupFile} tidak ditemukan.`);
  if (backupFile === databaseFile) {
    throw new AppError('INVALID_INPUT', `Berkas ${name} adalah database yang sedang dipakai, bukan cadangan.`);
  }
  const problems = await integrityProblemsInWorker(backupFile);
  if (problems.length > 0) {
    throw new AppError(
      'FILE_CORRUPT',
      `Cadangan ${name} rusak dan tidak dipulihkan (${problems.slice(0, 3).join('; ')}). ` +
        'Database tidak diubah; pilih cadangan lain.',
    );
  }
  const refusal = notOurs(backupFile);
  if (refusal)
    throw new AppError('INVALID_INPUT', `Berkas ${name} tidak dipulihkan: ${refusal}. Database tidak diubah.`);
  if (expected) {
    const origin = originOfFile(backupFile);
    const match = matchOrigin(expected, origin);
    if (match !== 'sama') throw otherOriginError(name, match, expected, origin);
  }
}

/**
 * Why a sound SQLite file is still no backup to restore: not this app's database, or written by a newer version
 * (the app would refuse to open it after the restore).
 */
function notOurs(backupFile: string): string | null {
  const latestKnown = latestKnownMigration();
  const sqlite = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const tables = tableNames(sqlite);
    if (!tables.has('__drizzle_migrations') || !tables.has('kpm')) {
      return 'berkas ini bukan database Graduasi PKH';
    }
    return appliedMigrationTimes(sqlite).some((when) => when > latestKnown)
      ? 'dibuat oleh versi aplikasi yang lebih baru; perbarui aplikasi dulu'
      : null;
  } finally {
    sqlite.close();
  }
}

/** Keeps the file about to be replaced: a verified backup when SQLite reads it whole, else its raw bytes. */
async function keepCurrent(databaseFile: string, folder: string, now: Date): Promise<RestoreResult> {
  if (!existsSync(databaseFile)) return { keptAs: null };
  if (statSync(databaseFile).size > 0) {
    let sqlite: Database.Database | undefined;
    try {
      sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
      return { keptAs: await backupConnection(sqlite, folder, 'sebelum_pulih', { now }) };
    } catch {
      // unreadable or damaged: kept raw below
    } finally {
      sqlite?.close();
    }
  }
  const target = join(resolve(folder), rawCopyName(now, 'sebelum_pulih'));
  try {
    mkdirSync(folder, { recursive: true });
    rawCopy(databaseFile, target);
  } catch (error) {
    // nothing is replaced unless the current file is kept somewhere
    const cause = folderError(error, folder);
    throw new AppError(cause.code, `${cause.message} Pemulihan dibatalkan; database tidak diubah.`, cause);
  }
  return { keptAs: null, rawCopy: target };
}

/**
 * Lets SQLite move the old file's committed `-wal` frames (or roll back a hot journal) into it, crash-safely,
 * and leave it one file; removing a `-wal` by hand while the old file is still in place could lose them.
 * A damaged file may refuse: its raw copy (with the `-wal`) is already kept.
 */
function foldJournal(databaseFile: string): void {
  if (!existsSync(databaseFile)) return;
  try {
    const sqlite = new Database(databaseFile, { fileMustExist: true });
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.pragma('journal_mode = DELETE');
    } finally {
      sqlite.close();
    }
  } catch {
    // kept raw already
  }
}
