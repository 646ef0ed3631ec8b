/** Durable file steps shared by backup, restore and salvage. */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../domain/errors';

/** Forces a file's bytes to the disk, so a power cut after the rename cannot leave a renamed empty file. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `folder` durable. Windows cannot open a folder: there NTFS journals the rename itself. */
export function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Renames `from` over `to` (atomic on one filesystem) after flushing it, and flushes the folder's entry. */
export function durableRename(from: string, to: string): void {
  fsyncFile(from);
  renameSync(from, to);
  fsyncFolder(dirname(to));
}

/** A byte-for-byte copy of a database file and of its `-wal` (the committed changes not yet in the file). */
export function rawCopy(file: string, target: string): void {
  copyFileSync(file, target);
  fsyncFile(target);
  if (existsSync(`${file}-wal`)) {
    copyFileSync(`${file}-wal`, `${target}-wal`);
    fsyncFile(`${target}-wal`);
  }
  fsyncFolder(dirname(target));
}

/**
 * A file-system failure in the backup folder (a full disk, a USB drive pulled out, no write permission) as an
 * Indonesian message naming the folder; an AppError passes through unchanged.
 */
export function folderError(error: unknown, folder: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC'
      ? 'disk penuh'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'tidak ada izin menulis'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? 'folder tidak ada atau disk tidak terpasang'
          : error instanceof Error
            ? error.message
            : String(error);
  return new AppError('INVALID_INPUT', `Folder cadangan ${folder} tidak dapat ditulisi (${why}).`, {
    fields: { folder: why },
  });
}
