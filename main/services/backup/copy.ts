/**
 * Making a backup: SQLite's online backup API into `<name>.tmp`, the copy sealed (journal mode DELETE) and
 * checked with `PRAGMA integrity_check`, flushed (all in the long-jobs worker), then renamed to its final name.
 * A file copy of the live database is never taken: it could catch a page mid-write or miss the `-wal`.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { durableRename, folderError } from './files';
import { backupName, TEMP_SUFFIX } from './names';
import { rotateBackups } from './rotation';
import type { BackupInfo, BackupReason } from './types';
import { copyAndSealInWorker } from './verify';

export interface BackupOptions {
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

/** One backup at a time per folder in this process (the timer and the button at the same moment). */
const queues = new Map<string, Promise<unknown>>();

export async function createBackup(
  db: Db,
  folder: string,
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<BackupInfo> {
  return backupConnection(db.$client, folder, reason, options);
}

/** createBackup for a bare connection (restore keeps the current file through it). */
export function backupConnection(
  sqlite: Database.Database,
  folder: string,
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<BackupInfo> {
  const key = resolve(folder);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => backupNow(sqlite, key, reason, options));
  queues.set(key, run);
  void run
    .finally(() => {
      if (queues.get(key) === run) queues.delete(key);
    })
    .catch(() => undefined);
  return run;
}

async function backupNow(
  sqlite: Database.Database,
  folder: string,
  reason: BackupReason,
  options: BackupOptions,
): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  let claimed: { name: string; temp: string };
  try {
    mkdirSync(folder, { recursive: true });
    claimed = claimName(folder, now, reason);
  } catch (error) {
    throw folderError(error, folder);
  }
  const { name, temp } = claimed;
  try {
    await copyAndSealInWorker(sqlite, temp, options.onProgress);
    const file = join(folder, name);
    durableRename(temp, file);
    rotateBackups(folder, now);
    return { file, name, at: now.toISOString(), reason, bytes: statSync(file).size };
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    rmSync(`${temp}-wal`, { force: true });
    throw folderError(error, folder);
  }
}

/**
 * A free name, its temporary file created exclusively ('wx'): another process backing up into the same folder
 * in the same millisecond takes the next suffix instead of writing into our file.
 */
function claimName(folder: string, now: Date, reason: BackupReason): { name: string; temp: string } {
  for (let attempt = 1; ; attempt++) {
    const name = backupName(now, reason, attempt);
    const temp = join(folder, name + TEMP_SUFFIX);
    if (existsSync(join(folder, name))) continue;
    try {
      closeSync(openSync(temp, 'wx'));
      return { name, temp };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
