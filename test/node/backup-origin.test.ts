/**
 * A restore puts back this office's data, nothing else: every database carries its own identity (also one
 * made before identities existed, through its migration), the backup list names each copy's office and whether
 * it is this database's, a copy of another office or another database is refused naming it (in the app and in
 * recovery mode), the login page is told why everyone was logged out, and a killed backup's or restore's
 * temporary file is cleared at the next start.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../db/open';
import type { BackupItem, DatabaseStatus } from '../../main/api/backup.contract';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { AppDatabase } from '../../main/app-database';
import { formatWaktu } from '../../main/domain/format';
import { createBackup, listBackups, readOrigin } from '../../main/services/backup';
import { backupName, restoreTempOf } from '../../main/services/backup/names';
import { expectFailure, expectOk } from '../support/errors';
import { FIXTURE_PASSWORD, insertFamily, userActor } from '../support/graduation';
import { ADMIN, setUpTestOffice } from '../support/office';
import { setUpOffice, tempDbFile } from './helpers';

const PAMEKASAN = '3528';
const opened: AppDatabase[] = [];
const others: Db[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  for (const db of others.splice(0)) db.$client.close();
});

/** The Kota Pekalongan office opened the way the app opens it, with its own config folder. */
async function officeApp() {
  const { db, file } = await setUpOffice();
  db.$client.close();
  const configDir = mkdtempSync(join(tmpdir(), 'graduasi-config-'));
  const app = AppDatabase.open({ configDir, databaseFile: file });
  opened.push(app);
  return { app, file, configDir, api: createDispatcher(app, () => {}) };
}

/** Another database, set up for the kabupaten/kota given (Kota Pekalongan by default). */
async function otherDatabase(regencyCode?: string): Promise<Db> {
  const db = openDatabase(tempDbFile());
  await setUpTestOffice(db, regencyCode);
  others.push(db);
  return db;
}

async function login(api: Dispatcher, username = ADMIN.username, password = ADMIN.password): Promise<string> {
  return expectOk<{ sessionToken: string }>(await api.call('auth.login', { username, password }, null)).sessionToken;
}

const officeOf = (app: AppDatabase) =>
  app.db.$client.prepare('SELECT agency_name FROM office WHERE id = 1').pluck().get() as string;

describe('the database identity', () => {
  it('is a random id written once by the migration, for a new file and for one made before it existed', () => {
    const fresh = openDatabase(tempDbFile());
    const second = openDatabase(tempDbFile());
    others.push(fresh, second);
    const id = readOrigin(fresh.$client).databaseId;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(readOrigin(second.$client).databaseId).not.toBe(id);

    // A file migrated by the previous release only (without the identity's migration), then opened by this one.
    const previous = join(mkdtempSync(join(tmpdir(), 'graduasi-migrasi-')), 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, previous, { recursive: true });
    const journalFile = join(previous, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    // the previous release knew the migrations before the identity's, none of the later ones
    journal.entries = journal.entries.slice(
      0,
      journal.entries.findIndex((e) => e.tag.endsWith('_database_identity')),
    );
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = tempDbFile();
    const old = openDatabase(file, { migrationsFolder: previous });
    expect(readOrigin(old.$client).databaseId).toBeNull();
    old.$client.close();
    const upgraded = openDatabase(file);
    others.push(upgraded);
    const upgradedId = readOrigin(upgraded.$client).databaseId;
    expect(upgradedId).toMatch(/^[0-9a-f]{32}$/);
    upgraded.$client.close();
    const again = openDatabase(file);
    others.push(again);
    expect(readOrigin(again.$client).databaseId).toBe(upgradedId);
  });
});

describe('the backup list and restore', () => {
  it("names each copy's office and whether it is this database's", async () => {
    const { app, api } = await officeApp();
    const token = await login(api);
    expectOk(await api.call('backup.now', {}, token));
    await createBackup(await otherDatabase(PAMEKASAN), app.backupFolder, 'manual');
    await createBackup(await otherDatabase(), app.backupFolder, 'mulai');

    const list = expectOk<BackupItem[]>(await api.call('backup.list', {}, token));
    const byReason = Object.fromEntries(list.map((b) => [b.reason, b]));
    expect(byReason.mulai).toMatchObject({
      match: 'database_lain',
      office: { agencyName: 'Dinas Sosial Kota Pekalongan' },
    });
    expect(list.filter((b) => b.match === 'sama')).toHaveLength(1);
    expect(list.find((b) => b.match === 'kantor_lain')?.office).toEqual({
      regencyCode: PAMEKASAN,
      regencyName: 'Kabupaten Pamekasan',
      agencyName: 'Dinas Sosial Kabupaten Pamekasan',
    });
    // Beranda's "last backup" is this database's, not the other office's newer copy.
    const status = expectOk<{ last: BackupItem }>(await api.call('backup.status', {}, token));
    expect(status.last.match).toBe('sama');
  });

  it("refuses another office's or another database's backup naming it, and changes nothing", async () => {
    const { app, api } = await officeApp();
    insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 1);
    const token = await login(api);
    const pamekasan = await createBackup(await otherDatabase(PAMEKASAN), app.backupFolder, 'manual');
    const twin = await createBackup(await otherDatabase(), app.backupFolder, 'manual');

    const refused = expectFailure(
      await api.call('backup.restore', { backup: pamekasan.name }, token),
      'OTHER_DATABASE',
      /berasal dari kantor lain, Dinas Sosial Kabupaten Pamekasan, bukan dari Dinas Sosial Kota Pekalongan/,
    );
    expect(refused.message).toContain('Database tidak diubah');
    expectFailure(
      await api.call('backup.restore', { backup: twin.name }, token),
      'OTHER_DATABASE',
      /database lain milik Dinas Sosial Kota Pekalongan/,
    );
    expect(officeOf(app)).toBe('Dinas Sosial Kota Pekalongan');
    expect(app.db.$client.prepare('SELECT count(*) FROM kpm').pluck().get()).toBe(1);
    // Nothing was replaced: nobody was logged out, and no copy of the current file was needed.
    expectOk(await api.call('kpm.search', {}, token));
    expect(listBackups(app.backupFolder).filter((b) => b.reason === 'sebelum_pulih')).toEqual([]);
  });

  it('tells every logged-out user on the login page that a restore ended their session, by whom', async () => {
    const { app, api } = await officeApp();
    const operator = userActor(app.db, { id: null, username: 'uji', role: 'admin' }, 'operator', 'operator1');
    const admin = await login(api);
    const other = await login(api, operator.username, FIXTURE_PASSWORD);
    const backup = expectOk<BackupItem>(await api.call('backup.now', {}, admin));
    const result = expectOk<{ reason: string }>(await api.call('backup.restore', { backup: backup.name }, admin));
    const reason = `Data dipulihkan dari cadangan ${formatWaktu(backup.at)} oleh ${ADMIN.fullName}; semua pengguna keluar. Silakan masuk lagi.`;
    expect(result.reason).toBe(reason);
    expectFailure(await api.call('kpm.search', {}, other), 'UNAUTHENTICATED', reason);
    expectFailure(await api.call('kpm.search', {}, admin), 'UNAUTHENTICATED', reason);
  });
});

describe('recovery mode', () => {
  it("restores this database's newest backup, never another office's newer one in the same folder", async () => {
    const { app, file, configDir } = await officeApp();
    insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 1);
    const own = await createBackup(app.db, app.backupFolder, 'manual');
    const other = await createBackup(await otherDatabase(PAMEKASAN), app.backupFolder, 'manual');
    expect(listBackups(app.backupFolder)[0].name).toBe(other.name);
    const folder = app.backupFolder;
    app.close();
    rmSync(file);

    const broken = AppDatabase.open({ configDir, databaseFile: file });
    opened.push(broken);
    const api = createDispatcher(broken, () => {});
    const status = expectOk<DatabaseStatus>(await api.call('database.status', {}, null));
    expect(status.backups.map((b) => [b.name, b.match])).toEqual([
      [other.name, 'kantor_lain'],
      [own.name, 'sama'],
    ]);
    expectFailure(
      await api.call('database.recover', { action: 'restore', backup: other.name }, null),
      'OTHER_DATABASE',
      /Dinas Sosial Kabupaten Pamekasan/,
    );
    expect(existsSync(file)).toBe(false);
    expectOk(await api.call('database.recover', { action: 'restore' }, null));
    expect(officeOf(broken)).toBe('Dinas Sosial Kota Pekalongan');
    expect(broken.db.$client.prepare('SELECT count(*) FROM kpm').pluck().get()).toBe(1);
    expect(listBackups(folder).length).toBeGreaterThanOrEqual(2);
  });
});

describe('at start', () => {
  it('clears what a killed backup or restore left, and nothing else', async () => {
    const { app, file, configDir } = await officeApp();
    const kept = await createBackup(app.db, app.backupFolder, 'manual');
    app.close();
    const folder = app.backupFolder;
    const half = `${backupName(new Date(2026, 10, 30, 15, 4, 5), 'keputusan')}.tmp`;
    const leftovers = [join(folder, half), join(folder, `${half}-journal`), restoreTempOf(file)];
    for (const leftover of leftovers) writeFileSync(leftover, Buffer.alloc(256 * 1024));
    const note = join(folder, 'catatan.tmp');
    writeFileSync(note, 'bukan cadangan');

    const again = AppDatabase.open({ configDir, databaseFile: file });
    opened.push(again);
    for (const leftover of leftovers) expect(existsSync(leftover), leftover).toBe(false);
    expect(existsSync(note)).toBe(true);
    expect(existsSync(kept.file)).toBe(true);
    expect(again.health.state).toBe('ok');
  });
});
