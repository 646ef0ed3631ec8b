import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export class NewerDatabaseError extends Error {
  constructor(file: string) {
    super(
      `Berkas database ${file} dibuat oleh versi aplikasi Graduasi PKH yang lebih baru. ` +
        'Perbarui aplikasi ini; berkas tidak diubah.',
    );
  }
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export class EmptyDatabaseFileError extends Error {
  constructor(file: string) {
    super(
      `Berkas database ${file} kosong (0 byte). Aplikasi tidak menjadikannya database baru; ` +
        'pulihkan cadangan atau pilih berkas database yang benar.',
    );
  }
}

/** The newest migration this app knows (its `when`), to tell a file from a newer app. */
export function latestKnownMigration(migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): number {
  const journal: Journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  return Math.max(...journal.entries.map((e) => e.when));
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Called with the path of the copy taken before an existing database is migrated. */
  onBackup?: (backupFile: string) => void;
}

/**
 * Opens (and creates or migrates) the app's database. A file written by a newer app is refused untouched;
 * an existing file is copied aside before any migration runs on it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const journal: Journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  const latestKnown = latestKnownMigration(migrationsFolder);

  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const existed = file !== ':memory:' && existsSync(file);
  // A 0-byte file is what a failed copy or a disk error leaves: never silently a new, empty office.
  if (existed && statSync(file).size === 0) throw new EmptyDatabaseFileError(file);
  const sqlite = new Database(file);
  try {
    // Checked before anything is set: a newer app's file must stay byte-for-byte as it was (even its journal mode).
    const applied = appliedMigrationTimes(sqlite);
    if (applied.some((when) => when > latestKnown)) throw new NewerDatabaseError(file);
    sqlite.pragma('journal_mode = WAL');
    // Disbursement and audit records must survive a power cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB of page cache keeps a 100,000-family registry's indexes in memory (the default is 2 MB).
    sqlite.pragma('cache_size = -65536');

    const pending = journal.entries.filter((e) => !applied.includes(e.when));
    if (existed && applied.length > 0 && pending.length > 0) {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const backupFile = `${file}.sebelum-migrasi-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
      copyFileSync(file, backupFile);
      options.onBackup?.(backupFile);
    }
    const db = drizzle(sqlite, { schema, casing: 'snake_case' });
    if (pending.length > 0) migrateWithoutForeignKeys(sqlite, db, migrationsFolder);
    return db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * SQLite rebuilds a table to change a column (0007: ID KPM optional). With foreign keys on, the DROP TABLE of
 * that rebuild deletes every member row through ON DELETE CASCADE, and the PRAGMA cannot change inside the
 * migrator's transaction, so keys are off for the run and checked before they are switched back on.
 */
function migrateWithoutForeignKeys(sqlite: Database.Database, db: Db, migrationsFolder: string) {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`Migrasi merusak ${broken.length} rujukan antartabel.`);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export function appliedMigrationTimes(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (sqlite.prepare('SELECT created_at AS whenMs FROM __drizzle_migrations').all() as { whenMs: number }[]).map(
    (r) => Number(r.whenMs),
  );
}

/**
 * Runs fn in one SQLite transaction, all or nothing. better-sqlite3 is one synchronous connection, so
 * everything fn does through `db` runs inside the transaction; nested calls become savepoints.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(() => fn());
}
