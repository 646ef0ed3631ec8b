/**
 * The start-up check of the database file: each broken file is told apart, said in
 * Indonesian, and left exactly as it was; a file that is not usable is never opened for writing.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EmptyDatabaseFileError, latestKnownMigration, NewerDatabaseError, openDatabase } from '../../db/open';
import { createDispatcher } from '../../main/api/dispatch';
import { loadAppConfig } from '../../main/app-config';
import { AppDatabase } from '../../main/app-database';
import { checkDatabaseFile } from '../../main/services/database-health';
import { setUpOffice, tempDbFile } from './helpers';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sideFiles = (file: string) => [`${file}-wal`, `${file}-shm`].filter((f) => existsSync(f));

/** A set-up office database, closed (its WAL checkpointed into the file). */
async function officeFile(): Promise<string> {
  const { db, file } = await setUpOffice();
  db.$client.close();
  return file;
}

describe('the start-up check of the database file', () => {
  it('opens a first run and remembers the file; the same file missing later is not made anew', () => {
    const file = tempDbFile();
    const configDir = dirname(file);
    const first = AppDatabase.open({ configDir, databaseFile: file });
    expect(first.health.state).toBe('ok');
    expect(loadAppConfig(configDir).knownDatabases).toEqual([file]);
    first.close();

    rmSync(file);
    const again = AppDatabase.open({ configDir, databaseFile: file });
    expect(again.health.state).toBe('missing');
    expect(again.health.message).toContain('tidak ditemukan');
    expect(again.health.message).toContain(file);
    expect(again.isOpen).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a zero-byte file, known or not, and leaves it empty', () => {
    const file = tempDbFile();
    writeFileSync(file, '');
    const health = checkDatabaseFile(file, { known: false });
    expect(health.state).toBe('empty');
    expect(health.message).toContain('kosong (0 byte)');
    expect(() => openDatabase(file)).toThrow(EmptyDatabaseFileError);
    const app = AppDatabase.open({ configDir: dirname(file), databaseFile: file });
    expect(app.isOpen).toBe(false);
    expect(statSync(file).size).toBe(0);
    expect(sideFiles(file)).toEqual([]);
  });

  it('says a file that is not SQLite is not a database and leaves it as it was', () => {
    const file = tempDbFile();
    writeFileSync(file, 'Ini surat biasa, bukan database.\n'.repeat(200));
    const before = sha256(file);
    expect(checkDatabaseFile(file, { known: true }).state).toBe('not_sqlite');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file from a newer app byte-for-byte unchanged, without -wal or -shm', async () => {
    const file = await officeFile();
    const sqlite = new Database(file);
    sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('dari-versi-baru', latestKnownMigration() + 1000);
    sqlite.close();
    expect(sideFiles(file)).toEqual([]);
    const before = sha256(file);

    const health = checkDatabaseFile(file, { known: true });
    expect(health.state).toBe('newer');
    expect(health.message).toContain('versi aplikasi Graduasi PKH yang lebih baru');
    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);

    // The plain open refuses it before switching anything (its journal mode included).
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);
  });

  it('finds damaged pages, never opens the file for writing, and leaves it as it was', async () => {
    const file = await officeFile();
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(8);
    // Garbage over pages in the middle (page 1, the header and schema, stays): a disk's bad sectors.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize * 4, 0xa5), 0, pageSize * 4, pageSize * Math.floor(pages / 2));
    closeSync(fd);
    const before = sha256(file);

    const app = AppDatabase.open({ configDir: dirname(file), databaseFile: file });
    expect(app.health.state).toBe('damaged');
    expect(app.health.message).toContain('rusak');
    expect(app.health.message).toContain('tidak menulis apa pun');
    expect(app.isOpen).toBe(false);
    expect(() => app.db).toThrow(/rusak/);
    // Through the app's dispatcher: no login, no read, no write reaches the file.
    const api = createDispatcher(app, () => {});
    for (const method of ['auth.login', 'kpm.search', 'kpm.create', 'setup.complete']) {
      const result = await api.call(method, { username: 'admin', password: 'admin12345' }, null);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    }
    expect(sha256(file)).toBe(before);
    expect(sideFiles(file)).toEqual([]);
  });

  it('says a read-only file is read-only and where it is (from the mode bits, also as root)', async () => {
    const file = await officeFile();
    chmodSync(file, 0o444);
    try {
      const health = checkDatabaseFile(file, { known: true });
      expect(health.state).toBe('read_only');
      expect(health.message).toContain('hanya-baca');
      expect(health.message).toContain(file);
      expect(health.message).toContain(dirname(file));
    } finally {
      chmodSync(file, 0o644);
    }
    expect(checkDatabaseFile(file, { known: true }).state).toBe('ok');
  });

  it('says the folder is read-only when the file is writable but its folder is not', async () => {
    const file = await officeFile();
    const folder = dirname(file);
    const health = checkDatabaseFile(file, { known: true, canWrite: (path) => path !== folder });
    expect(health.state).toBe('read_only');
    expect(health.message).toContain(`folder ${folder}`);
  });
});
