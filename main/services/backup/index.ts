/**
 * Backups and restore of the office database (issue 11). FOUNDATION STUB: S1 replaces every body; the
 * signatures are the interface S4 (the app's wiring) codes against.
 */
import type { Db } from '../../../db/open';
import type { BackupDetails, BackupInfo, BackupReason } from './types';

export type * from './types';

const notBuilt = (): never => {
  throw new Error('backup service not built yet');
};

/**
 * A verified copy of the open database in `folder` (SQLite's online backup API, never a file copy): written
 * under a temporary name, `PRAGMA integrity_check` on the copy, then renamed to its final name and the folder
 * rotated. Writes may go on meanwhile; the copy is one consistent state.
 */
export async function createBackup(
  _db: Db,
  _folder: string,
  _reason: BackupReason,
  _options: { now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<BackupInfo> {
  return notBuilt();
}

/** Verified backups in the folder, newest first; [] for a folder that does not exist. */
export function listBackups(_folder: string): BackupInfo[] {
  return notBuilt();
}

/** A backup's counts (families, decisions, awards), read from the copy opened read-only. */
export function backupDetails(_file: string): BackupDetails {
  return notBuilt();
}

/** Keeps several of today, one a day for a week, one a week for a few months; returns the removed files. */
export function rotateBackups(_folder: string, _now: Date): string[] {
  return notBuilt();
}

/**
 * Puts a backup in place of the database file. The caller has closed every connection to `databaseFile`.
 * The current file is first kept as a backup (reason 'sebelum_pulih', unless it is missing or unreadable), the
 * chosen backup is verified, and the file is replaced atomically (temporary file, fsync, rename): a kill at
 * any moment leaves either the old or the new database, never a mix.
 */
export async function restoreBackup(_input: {
  backupFile: string;
  databaseFile: string;
  folder: string;
}): Promise<{ keptAs: BackupInfo | null }> {
  return notBuilt();
}

/**
 * A salvage copy of a damaged database: the raw file kept aside untouched, and a new database with every row
 * that could still be read, table by table. Returns both paths and what could not be read.
 */
export async function salvageDatabase(_input: {
  damagedFile: string;
  folder: string;
}): Promise<{ rawCopy: string; salvaged: string; unreadable: string[] }> {
  return notBuilt();
}

/** True when the backup folder is on the same disk as the database (the copy would die with the disk). */
export function onSameDisk(_folder: string, _databaseFile: string): boolean {
  return notBuilt();
}
