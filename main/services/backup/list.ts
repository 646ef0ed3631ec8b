/** What is in the backup folder: the verified copies, one copy's counts, and whether the folder shares the disk. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { rowCount, tableNames } from '../../../db/queries/database-file';
import { AppError } from '../../domain/errors';
import { newestFirst, parseBackupName } from './names';
import type { BackupCounts, BackupDetails, BackupInfo } from './types';

function infoOf(file: string): BackupInfo | null {
  const name = basename(file);
  const parsed = parseBackupName(name);
  if (!parsed) return null;
  return { file, name, at: parsed.at.toISOString(), reason: parsed.reason, bytes: statSync(file).size };
}

/** Verified backups in the folder, newest first; [] for a folder that does not exist. */
export function listBackups(folder: string): BackupInfo[] {
  const dir = resolve(folder);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no such folder (yet), or a drive that is not plugged in
  }
  // Only final names are ever listed: a copy gets one after its integrity check, so a half-written or
  // unverified file (.tmp, a raw '_rusak' copy) never shows.
  return names
    .flatMap((name) => {
      const info = infoOf(join(dir, name));
      return info ? [info] : [];
    })
    .sort(newestFirst);
}

const COUNTED: Record<keyof BackupCounts, string> = { families: 'kpm', decisions: 'decisions', awards: 'awards' };

/** A backup's counts (families, decisions, awards), read from the copy opened read-only. */
export function backupDetails(file: string): BackupDetails {
  const info = existsSync(file) ? infoOf(resolve(file)) : null;
  if (!info) throw new AppError('NOT_FOUND', `Berkas cadangan ${file} tidak ditemukan atau bukan berkas cadangan.`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(info.file, { readonly: true, fileMustExist: true });
    const db = sqlite;
    const tables = tableNames(db);
    // A backup made before a table existed (an older version of the app) simply has none of those rows.
    const count = (table: string) => (tables.has(table) ? rowCount(db, table) : 0);
    const counts = Object.fromEntries(
      Object.entries(COUNTED).map(([key, table]) => [key, count(table)]),
    ) as unknown as BackupCounts;
    return { ...info, counts };
  } catch (error) {
    throw new AppError(
      'FILE_CORRUPT',
      `Berkas cadangan ${info.name} tidak dapat dibaca: ${error instanceof Error ? error.message : String(error)}.`,
    );
  } finally {
    sqlite?.close();
  }
}

/** The nearest folder that exists: the backup folder may not be created yet (a USB drive's new folder). */
function nearestExisting(path: string): string {
  let current = resolve(path);
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/** True when the backup folder is on the same disk as the database (the copy would die with the disk). */
export function onSameDisk(folder: string, databaseFile: string): boolean {
  return statSync(nearestExisting(folder)).dev === statSync(nearestExisting(dirname(databaseFile))).dev;
}
