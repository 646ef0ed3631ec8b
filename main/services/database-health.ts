/**
 * The start-up check of the database file, before the app opens it for writing. Everything
 * here reads only: a file that is refused stays byte-for-byte as it was, -wal/-shm included.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  appliedMigrationTimes,
  DEFAULT_MIGRATIONS_FOLDER,
  latestKnownMigration,
  NewerDatabaseError,
} from '../../db/open';

export const DATABASE_STATES = [
  /** Usable. */
  'ok',
  /** No file and none was ever opened here: a first run makes a new database. */
  'new',
  /** A database opened here before is gone. */
  'missing',
  'empty',
  'not_sqlite',
  'newer',
  'damaged',
  'read_only',
  /** Checked well but failed to open (a migration error, a locked file). */
  'unavailable',
] as const;
export type DatabaseState = (typeof DATABASE_STATES)[number];

export interface DatabaseHealth {
  state: DatabaseState;
  file: string;
  /** Indonesian, fit to show; empty when usable. */
  message: string;
}

export interface HealthCheckOptions {
  /** The file was opened successfully before (app config): its absence is an accident, not a first run. */
  known: boolean;
  migrationsFolder?: string;
  /** Whether the app may write the path; injectable because tests may run as root, whom chmod does not stop. */
  canWrite?: (path: string) => boolean;
}

const SQLITE_HEADER = 'SQLite format 3\0';
const RESTORE_HINT = 'Pulihkan cadangan terakhir atau pilih berkas database yang benar.';

export function databaseMessage(state: DatabaseState, file: string, detail = ''): string {
  switch (state) {
    case 'ok':
    case 'new':
      return '';
    case 'missing':
      return `Berkas database ${file} tidak ditemukan, padahal database ini pernah dipakai di komputer ini. Aplikasi tidak membuat database kosong sebagai gantinya. ${RESTORE_HINT}`;
    case 'empty':
      return `Berkas database ${file} kosong (0 byte). Aplikasi tidak menjadikannya database baru. ${RESTORE_HINT}`;
    case 'not_sqlite':
      return `Berkas ${file} bukan database Graduasi PKH (bukan berkas SQLite). Berkas tidak diubah. ${RESTORE_HINT}`;
    case 'newer':
      return new NewerDatabaseError(file).message;
    case 'damaged':
      return `Berkas database ${file} rusak (${detail}). Aplikasi tidak menulis apa pun ke berkas ini. Pulihkan cadangan terakhir, atau buat salinan penyelamatan berisi data yang masih terbaca.`;
    case 'read_only':
      return `Berkas database hanya-baca: aplikasi tidak dapat menyimpan perubahan. Berkas ada di ${file} (folder ${dirname(file)}). Hilangkan tanda "hanya-baca" (Read-only) pada berkas atau folder itu, lalu buka ulang aplikasi.`;
    case 'unavailable':
      return `Berkas database ${file} tidak dapat dibuka: ${detail}`;
  }
}

const health = (state: DatabaseState, file: string, detail?: string): DatabaseHealth => ({
  state,
  file,
  message: databaseMessage(state, file, detail),
});

/** Classifies the file: missing, empty, not SQLite, from a newer app, damaged, read-only, or ok. */
export function checkDatabaseFile(file: string, options: HealthCheckOptions): DatabaseHealth {
  if (!existsSync(file)) return health(options.known ? 'missing' : 'new', file);
  if (statSync(file).size === 0) return health('empty', file);
  if (readHeader(file) !== SQLITE_HEADER) return health('not_sqlite', file);
  const verdict = inspectReadOnly(file, latestKnownMigration(options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER));
  if (verdict) return verdict;
  const canWrite = options.canWrite ?? writable;
  if (!canWrite(file) || !canWrite(dirname(file))) return health('read_only', file);
  return health('ok', file);
}

function readHeader(file: string): string {
  const buffer = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('latin1');
}

/**
 * The newer-version and damage checks through a read-only connection. SQLite makes empty -wal/-shm files
 * beside a WAL database even for a reader; those it made (and only those) are removed again afterwards.
 */
function inspectReadOnly(file: string, latestKnown: number): DatabaseHealth | null {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    if (appliedMigrationTimes(sqlite).some((when) => when > latestKnown)) return health('newer', file);
    const problems = (sqlite.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.join() !== 'ok') return health('damaged', file, `pemeriksaan: ${problems.join('; ')}`);
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return health('damaged', file, `SQLite: ${(error as Error).message}`);
    }
    return health('unavailable', file, (error as Error).message);
  } finally {
    sqlite?.close();
    for (const f of sideFiles) if (existsSync(f)) rmSync(f, { force: true });
  }
}

/** Write permission by the OS, and the mode bits too (root passes access() even on a 0444 file). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  return (statSync(path).mode & 0o222) !== 0;
}
