/**
 * Backups on real files: a copy taken while another process keeps writing is one
 * consistent state; listing shows only verified copies, newest first, with their counts; a restore can be
 * undone; a damaged backup is refused and the database left as it was.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestKnownMigration, openDatabase } from '../../db/open';
import {
  backupDetails,
  createBackup,
  integrityProblems,
  listBackups,
  onSameDisk,
  restoreBackup,
} from '../../main/services/backup';
import { seedSyntheticFamilies } from '../fixtures/seed';
import { decideGraduations } from '../support/graduation';
import { startWorker } from '../support/worker-process';
import { setUpOffice, tempDbFile } from './helpers';

async function officeWithFamilies(count = 60) {
  const { db, file } = await setUpOffice();
  seedSyntheticFamilies(db, { count, seed: 7, pendampingCount: 3 });
  const ids = db.$client.prepare('SELECT id FROM kpm ORDER BY id LIMIT 5').pluck().all() as number[];
  decideGraduations(db, { kpmIds: ids, skDate: '2026-06-01' });
  return { db, file, folder: join(dirname(file), 'cadangan') };
}

const familyName = (file: string, id: number) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare('SELECT nama FROM kpm WHERE id = ?').pluck().get(id);
  } finally {
    sqlite.close();
  }
};

describe('createBackup', () => {
  it('writes one verified, self-contained file with a sortable name and lists it with its counts', async () => {
    const { db, folder } = await officeWithFamilies();
    const progress: number[] = [];
    const info = await createBackup(db, folder, 'manual', {
      now: new Date(2026, 10, 30, 15, 4, 5, 123),
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(info.name).toBe('graduasi-pkh-2026-11-30_15-04-05-123_manual.db');
    expect(progress.at(-1)).toBe(1);
    // journal mode DELETE: nothing beside the copy, and the header no longer asks for WAL (bytes 18-19 = 1)
    expect(readdirSync(folder)).toEqual([info.name]);
    const header = readFileSync(info.file).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    expect(integrityProblems(info.file)).toEqual([]);
    expect(listBackups(folder)).toEqual([info]);
    expect(backupDetails(info.file).counts).toEqual({ families: 60, decisions: 1, awards: 0 });
    db.$client.close();
  });

  it('gives two backups of the same moment two names', async () => {
    const { db, folder } = await officeWithFamilies(10);
    const now = new Date(2026, 10, 30, 8, 0, 0, 0);
    const [a, b] = await Promise.all([
      createBackup(db, folder, 'berkala', { now }),
      createBackup(db, folder, 'berkala', { now }),
    ]);
    expect(new Set([a.name, b.name]).size).toBe(2);
    expect(listBackups(folder).map((x) => x.name)).toEqual([
      'graduasi-pkh-2026-11-30_08-00-00-000_berkala-2.db',
      'graduasi-pkh-2026-11-30_08-00-00-000_berkala.db',
    ]);
    db.$client.close();
  });

  it('copies one consistent state while another process keeps writing', async () => {
    const { db, folder } = await officeWithFamilies(10);
    db.$client.exec(`
      CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL);
      CREATE TABLE totals (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, total INTEGER NOT NULL);
      INSERT INTO totals VALUES (1, 0, 0);
      CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB);
      WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 6000)
      INSERT INTO filler (data) SELECT randomblob(3000) FROM k;`);
    const writer = startWorker<number>('backup-writer.ts', [db.$client.name, '3000'], 'writer');
    await writer.ready;
    writer.go();
    const count = () => db.$client.prepare('SELECT n FROM totals').pluck().get() as number;
    while (count() < 50) await new Promise((done) => setTimeout(done, 10));
    const before = count();
    const done: number[] = [];
    const info = await createBackup(db, folder, 'manual', { onProgress: (d) => done.push(d) });
    const after = count();
    // the writer's commits restarted the copy from the first page at least once, and it still finished
    expect(done.some((d, i) => i > 0 && d <= done[i - 1])).toBe(true);
    const commits = await writer.result;
    expect(after).toBeGreaterThan(before);
    expect(commits).toBeGreaterThanOrEqual(after);

    const copy = new Database(info.file, { readonly: true });
    const state = copy.prepare('SELECT n, total FROM totals').get() as { n: number; total: number };
    const ledger = copy.prepare('SELECT count(*) AS n, sum(amount) AS total FROM ledger').get();
    copy.close();
    expect(ledger).toEqual(state);
    expect(state.n).toBeGreaterThanOrEqual(before);
    expect(state.n).toBeLessThanOrEqual(after);
    expect(integrityProblems(info.file)).toEqual([]);
    db.$client.close();
  }, 60_000);

  it('copies the pages in the worker, so the copy goes on while the main thread is busy', async () => {
    const { db, folder } = await officeWithFamilies(10);
    db.$client.exec(`
      CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB);
      WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 5000)
      INSERT INTO filler (data) SELECT randomblob(4000) FROM k;`);
    const pages = db.$client.pragma('page_count', { simple: true }) as number;
    const bytes = pages * (db.$client.pragma('page_size', { simple: true }) as number);
    let copying!: () => void;
    const started = new Promise<void>((resolve) => {
      copying = resolve;
    });
    const backup = createBackup(db, folder, 'manual', { onProgress: () => copying() });
    await started;
    const temp = join(folder, readdirSync(folder).find((name) => name.endsWith('.tmp')) as string);
    // The main thread blocked (as by a long synchronous call): a copy stepped from the main thread stays where
    // it was; the worker's copy reaches the whole file.
    const giveUp = performance.now() + 20_000;
    while (statSync(temp).size < bytes && performance.now() < giveUp) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    expect(statSync(temp).size).toBe(bytes);
    const info = await backup;
    expect(integrityProblems(info.file)).toEqual([]);
    db.$client.close();
  }, 60_000);

  it('creates a missing folder and says whether it shares the database disk', async () => {
    const { db, file } = await officeWithFamilies(5);
    const folder = join(dirname(file), 'a', 'b');
    expect(onSameDisk(folder, file)).toBe(true);
    await createBackup(db, folder, 'mulai');
    expect(listBackups(folder)).toHaveLength(1);
    expect(listBackups(join(folder, 'tidak-ada'))).toEqual([]);
    db.$client.close();
  });

  it('says in Indonesian which folder cannot be written, and a restore into it replaces nothing', async () => {
    const { db, file } = await officeWithFamilies(4);
    // a folder "inside" a file: like a backup drive that is no longer there
    const folder = join(file, 'cadangan');
    await expect(createBackup(db, folder, 'manual')).rejects.toThrow(
      `Folder cadangan ${folder} tidak dapat ditulisi (folder tidak ada atau disk tidak terpasang).`,
    );
    const good = await createBackup(db, join(dirname(file), 'baik'), 'manual');
    db.$client.close();
    const before = readFileSync(file);
    await expect(restoreBackup({ backupFile: good.file, databaseFile: file, folder })).rejects.toThrow(
      /tidak dapat ditulisi .*Pemulihan dibatalkan; database tidak diubah\./,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says when the folder is on another disk than the database', () => {
    // /proc is its own filesystem on Linux: a folder under it is certainly not on the database's disk
    expect(onSameDisk('/proc/cadangan-graduasi', tempDbFile())).toBe(false);
  });

  it('counts a backup made before the decisions and awards tables existed as having none', () => {
    const folder = dirname(tempDbFile());
    const file = join(folder, 'graduasi-pkh-2025-01-02_03-04-05-006_mulai.db');
    const old = new Database(file);
    old.exec("CREATE TABLE kpm (id INTEGER PRIMARY KEY, nama TEXT); INSERT INTO kpm (nama) VALUES ('A'), ('B');");
    old.close();
    const details = backupDetails(file);
    expect(details.counts).toEqual({ families: 2, decisions: 0, awards: 0 });
    expect(details.reason).toBe('mulai');
    expect(new Date(details.at)).toEqual(new Date(2025, 0, 2, 3, 4, 5, 6));
  });

  it('never lists temporary copies, raw copies or other files', async () => {
    const folder = dirname(tempDbFile());
    for (const name of [
      'graduasi-pkh-2026-11-30_15-04-05-123_manual.db.tmp',
      'graduasi-pkh-2026-11-30_15-04-05-123_sebelum_pulih_rusak.db',
      'graduasi-pkh-2026-11-30_15-04-05-123_entah.db',
      'catatan.txt',
    ]) {
      writeFileSync(join(folder, name), 'x');
    }
    expect(listBackups(folder)).toEqual([]);
  });
});

describe('restoreBackup', () => {
  it('puts the backup in place, keeps the replaced file, and restoring that copy undoes it', async () => {
    const { db, file, folder } = await officeWithFamilies();
    const original = familyName(file, 1);
    // one clock for the backup, the restore and the undo: the rotation judges each copy's age by it
    const at = (minutes: number) => new Date(2026, 10, 30, 9, minutes);
    const backup = await createBackup(db, folder, 'manual', { now: at(0) });
    db.$client.prepare("UPDATE kpm SET nama = 'NAMA DIUBAH' WHERE id = 1").run();
    db.$client.close();

    const steps: string[] = [];
    const { keptAs } = await restoreBackup({
      backupFile: backup.file,
      databaseFile: file,
      folder,
      now: at(10),
      onStep: (s) => steps.push(s),
    });
    expect(steps).toEqual(['checking', 'keeping', 'copying', 'replacing', 'done']);
    expect(keptAs?.reason).toBe('sebelum_pulih');
    expect(familyName(file, 1)).toBe(original);
    const reopened = openDatabase(file);
    expect(reopened.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.$client.prepare('SELECT count(*) FROM kpm').pluck().get()).toBe(60);
    reopened.$client.close();

    // undo: restore the copy kept before the restore
    if (!keptAs) throw new Error('the replaced file was not kept');
    const undo = await restoreBackup({ backupFile: keptAs.file, databaseFile: file, folder, now: at(20) });
    expect(familyName(file, 1)).toBe('NAMA DIUBAH');
    expect(undo.keptAs?.reason).toBe('sebelum_pulih');
    expect(listBackups(folder).filter((b) => b.reason === 'sebelum_pulih')).toHaveLength(2);
  });

  it('refuses a damaged backup and leaves the database byte for byte as it was', async () => {
    const { db, file, folder } = await officeWithFamilies();
    const backup = await createBackup(db, folder, 'manual');
    db.$client.close();
    const damaged = readFileSync(backup.file);
    damaged.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(backup.file, damaged);
    const before = readFileSync(file);

    await expect(restoreBackup({ backupFile: backup.file, databaseFile: file, folder })).rejects.toThrow(
      /Cadangan graduasi-pkh-.*_manual\.db rusak dan tidak dipulihkan.*Database tidak diubah/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(listBackups(folder)).toHaveLength(1);
  });

  it("keeps the committed changes still in the replaced file's -wal", async () => {
    const { db, file, folder } = await officeWithFamilies(8);
    const backup = await createBackup(db, folder, 'manual');
    // a crash: the change is committed in the -wal only (no checkpoint), and the files stay as they are
    db.$client.pragma('wal_autocheckpoint = 0');
    db.$client.prepare("UPDATE kpm SET nama = 'HANYA DI WAL' WHERE id = 2").run();
    const crashed = join(dirname(file), 'crash.db');
    for (const suffix of ['', '-wal']) writeFileSync(crashed + suffix, readFileSync(file + suffix));
    db.$client.close();

    const { keptAs } = await restoreBackup({ backupFile: backup.file, databaseFile: crashed, folder });
    expect(familyName(crashed, 2)).not.toBe('HANYA DI WAL');
    expect(familyName(keptAs?.file as string, 2)).toBe('HANYA DI WAL');
    expect(readdirSync(dirname(file)).filter((n) => n.startsWith('crash.db'))).toEqual(['crash.db']);
  });

  it("refuses a file that is not this app's database, or comes from a newer version", async () => {
    const { db, file, folder } = await officeWithFamilies(4);
    db.$client.close();
    const before = readFileSync(file);
    const foreign = new Database(join(dirname(file), 'lain.db'));
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    await expect(
      restoreBackup({ backupFile: join(dirname(file), 'lain.db'), databaseFile: file, folder }),
    ).rejects.toThrow(
      'Berkas lain.db tidak dipulihkan: berkas ini bukan database Graduasi PKH. Database tidak diubah.',
    );
    const newer = join(dirname(file), 'baru.db');
    writeFileSync(newer, before);
    const future = new Database(newer);
    future
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('x', latestKnownMigration() + 1);
    future.close();
    await expect(restoreBackup({ backupFile: newer, databaseFile: file, folder })).rejects.toThrow(
      /versi aplikasi yang lebih baru/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(listBackups(folder)).toEqual([]);
  });

  it('keeps a zero-byte current file as a raw copy and still restores', async () => {
    const { db, file, folder } = await officeWithFamilies(8);
    const backup = await createBackup(db, folder, 'manual');
    db.$client.close();
    writeFileSync(file, '');
    const result = await restoreBackup({ backupFile: backup.file, databaseFile: file, folder });
    expect(result.keptAs).toBeNull();
    expect(result.rawCopy).toMatch(/_sebelum_pulih_rusak\.db$/);
    expect(readFileSync(result.rawCopy as string).length).toBe(0);
    expect(familyName(file, 1)).toBeTruthy();
    expect(listBackups(folder)).toHaveLength(1);
  });
});
