import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, NewerDatabaseError, openDatabase } from '../../db/open';
import { tempDbFile } from './helpers';

describe('openDatabase', () => {
  it('creates every table and sets the pragmas the data needs', () => {
    const db = openDatabase(tempDbFile());
    const pragma = (name: string) => db.$client.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    const tables = (
      db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['kpm', 'art', 'pendamping', 'regions', 'users', 'office', 'audit_log', 'kpm_search']),
    );
    db.$client.close();
  });

  it('reopens a current file without migrating or copying it', () => {
    const file = tempDbFile();
    openDatabase(file).$client.close();
    const backups: string[] = [];
    openDatabase(file, { onBackup: (b) => backups.push(b) }).$client.close();
    expect(backups).toEqual([]);
  });

  it('copies an older file aside before migrating it', () => {
    // An older app: the same migrations folder without its newest migration.
    const olderFolder = join(mkdtempSync(join(tmpdir(), 'graduasi-older-')), 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, olderFolder, { recursive: true });
    const journalFile = join(olderFolder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const newest = journal.entries.pop();
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: olderFolder }).$client.close();

    const backups: string[] = [];
    const db = openDatabase(file, { onBackup: (b) => backups.push(b) });
    expect(backups).toHaveLength(1);
    expect(existsSync(backups[0])).toBe(true);
    expect(readdirSync(dirname(file)).some((f) => f.includes('sebelum-migrasi'))).toBe(true);
    const applied = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal.entries.length + 1);
    expect(newest).toBeDefined();
    // The copy is the database as the older app left it.
    const copy = new Database(backups[0], { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(
      journal.entries.length,
    );
    copy.close();
    db.$client.close();
  });

  it('refuses a file written by a newer app and leaves it untouched', () => {
    const file = tempDbFile();
    openDatabase(file).$client.close();
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', Date.now() + 10 ** 12);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/versi aplikasi Graduasi PKH yang lebih baru/);
    const check = new Database(file);
    expect((check.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBeGreaterThan(
      1,
    );
    check.close();
  });
});
