import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, NewerDatabaseError, openDatabase } from '../../db/open';
import { migrationsUpTo } from '../support/older-migrations';
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
    expect(newest?.tag).toBe(latestMigrationTag());
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

  it('makes ID KPM optional without losing members, search or references (0007 rebuilds kpm)', () => {
    const olderFolder = migrationsUpTo('0006');
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: olderFolder }).$client.close();
    const raw = new Database(file);
    raw.exec(`
      INSERT INTO regions (code, name, level, parent_code) VALUES ('337501', 'PEKALONGAN BARAT', 3, NULL),
        ('3375011002', 'MEDONO', 4, '337501');
      INSERT INTO kpm (id_kpm, no_kk, nik, nama, jenis_kelamin, district_code, village_code, created_at, updated_at)
        VALUES ('P0001', '3375010101100001', '3375014507850001', 'Siti Wulandari', 'P', '337501', '3375011002', 'x', 'x');
      INSERT INTO art (kpm_id, nama, hubungan, jenis_kelamin) VALUES (1, 'Budi Santoso', 'anak', 'L'),
        (1, 'Ayu Lestari', 'anak', 'P');`);
    raw.close();

    const db = openDatabase(file);
    const one = <T>(sql: string) => db.$client.prepare(sql).get() as T;
    expect(one<{ n: number }>('SELECT count(*) AS n FROM art WHERE kpm_id = 1').n).toBe(2);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM kpm_search WHERE kpm_search MATCH 'wulan'").n).toBe(1);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    // Two families without ID KPM may live side by side; a present ID KPM stays unique.
    const insert = db.$client.prepare(
      `INSERT INTO kpm (id_kpm, no_kk, nik, nama, jenis_kelamin, district_code, village_code, created_at, updated_at)
       VALUES (?, '3375010101100009', ?, 'Dewi Lestari', 'P', '337501', '3375011002', 'x', 'x')`,
    );
    insert.run(null, '3375014507850002');
    insert.run(null, '3375014507850003');
    expect(() => insert.run('P0001', '3375014507850004')).toThrow(/UNIQUE/);
    // The search triggers came back with the rebuilt table.
    expect(one<{ n: number }>("SELECT count(*) AS n FROM kpm_search WHERE kpm_search MATCH 'dewi'").n).toBe(2);
    db.$client.close();
  });

  it('gives families that left before 0009 an exit type read from their status and reason', () => {
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: migrationsUpTo('0008') }).$client.close();
    const raw = new Database(file);
    raw.exec(`
      INSERT INTO regions (code, name, level, parent_code) VALUES ('337501', 'PEKALONGAN BARAT', 3, NULL),
        ('3375011002', 'MEDONO', 4, '337501');`);
    const insert = raw.prepare(
      `INSERT INTO kpm (nik, no_kk, nama, jenis_kelamin, district_code, village_code, status, status_reason, created_at, updated_at)
       VALUES (?, '3375010101100001', 'X', 'P', '337501', '3375011002', ?, ?, 'x', 'x')`,
    );
    insert.run('3375014507850001', 'aktif', null);
    insert.run('3375014507850002', 'graduasi_mandiri', 'Usaha warung');
    insert.run('3375014507850003', 'keluar', 'Pengurus Meninggal Dunia');
    insert.run('3375014507850004', 'keluar', 'pindah ke Batang');
    insert.run('3375014507850005', 'keluar', 'tidak diketahui');
    raw.close();

    const db = openDatabase(file);
    const exits = db.$client
      .prepare('SELECT k.nik, e.name FROM kpm k LEFT JOIN exit_types e ON e.id = k.exit_type_id ORDER BY k.nik')
      .all();
    expect(exits).toEqual([
      { nik: '3375014507850001', name: null },
      { nik: '3375014507850002', name: 'Graduasi sejahtera mandiri' },
      { nik: '3375014507850003', name: 'Meninggal dunia' },
      { nik: '3375014507850004', name: 'Pindah domisili' },
      { nik: '3375014507850005', name: 'Mengundurkan diri / lainnya' },
    ]);
    db.$client.close();
  });
});

/** The newest migration the app ships, from its real journal. */
function latestMigrationTag(): string {
  const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries[journal.entries.length - 1].tag;
}
