/**
 * Backups and restore in the running app: recovery mode through the dispatcher, the
 * administrator's restore (sessions end, the restored database records it, the restore can be undone), the
 * refusal while an import is being saved, and the automatic backups before an import commit and a decision.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupStatus } from '../../main/api/backup.handlers';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { AppDatabase } from '../../main/app-database';
import { listBackups } from '../../main/services/backup';
import { ImportJobs } from '../../main/services/import/job-store';
import { familyRow, headerRow, makeFamilies, xlsxFile } from '../fixtures/messy-files';
import { staff } from '../support/awards';
import { expectFailure } from '../support/errors';
import { decideGraduations, FIXTURE_PASSWORD, insertFamily } from '../support/graduation';
import { ADMIN } from '../support/office';
import { setUpOffice } from './helpers';
import { freshDb, placesOf } from './import-db';

const opened: AppDatabase[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const app of opened.splice(0)) {
    app.scheduler?.stop();
    app.close();
  }
});

/** The test office in its own folder, opened the way the app opens it (config, health check, holder). */
async function officeApp(options: { schedule?: boolean } = {}) {
  const { db, file } = await setUpOffice();
  db.$client.close();
  const configDir = mkdtempSync(join(tmpdir(), 'graduasi-config-'));
  const app = AppDatabase.open({ configDir, databaseFile: file });
  opened.push(app);
  if (options.schedule) await app.startSchedule({ intervalMs: 3_600_000 }).idle();
  return { app, file, configDir, api: createDispatcher(app, () => {}) };
}

async function login(api: Dispatcher, username = ADMIN.username, password = ADMIN.password): Promise<string> {
  const result = await api.call('auth.login', { username, password }, null);
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { sessionToken: string }).sessionToken;
}

async function ok<T>(api: Dispatcher, method: string, input: unknown, token: string | null): Promise<T> {
  const result = await api.call(method, input, token);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const familiesIn = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare('SELECT count(*) FROM kpm').pluck().get() as number;
  } finally {
    sqlite.close();
  }
};

describe('recovery mode', () => {
  it('starts without the missing database, refuses setup and login, restores the latest backup and logs in', async () => {
    const { app, file, configDir } = await officeApp();
    insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 1);
    const api = createDispatcher(app, () => {});
    await ok(api, 'backup.now', {}, await login(api));
    app.close();
    rmSync(file);

    const broken = AppDatabase.open({ configDir, databaseFile: file });
    opened.push(broken);
    const recovery = createDispatcher(broken, () => {});
    for (const method of ['setup.status', 'auth.login', 'kpm.search']) {
      const result = await recovery.call(method, { username: 'admin', password: 'admin12345' }, null);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    }
    // A known database that is gone must not accept a new office.
    const setup = await recovery.call('setup.complete', {}, null);
    expect(setup).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });

    const status = await ok<{ state: string; message: string; backups: { counts?: { families: number } }[] }>(
      recovery,
      'database.status',
      {},
      null,
    );
    expect(status.state).toBe('missing');
    expect(status.message).toContain('tidak ditemukan');
    expect(status.backups[0].counts?.families).toBe(1);

    const recovered = await ok<{ state: string }>(recovery, 'database.recover', { action: 'restore' }, null);
    expect(recovered.state).toBe('ok');
    expect(familiesIn(file)).toBe(1);
    const token = await login(recovery);
    expect((await ok<{ total: number }>(recovery, 'kpm.search', {}, token)).total).toBe(1);
    const audit = broken.db.$client
      .prepare("SELECT username, summary FROM audit_log WHERE action = 'restore'")
      .get() as { username: string; summary: string };
    expect(audit.username).toBe('layar pemulihan');
    // Once the database is fine, recovery is the administrator's, through Pengaturan > Cadangan.
    const again = await recovery.call('database.recover', { action: 'restore' }, null);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('chooses another existing file, but never a path that does not exist', async () => {
    const { app, file, configDir } = await officeApp();
    app.close();
    rmSync(file);
    const other = await setUpOffice();
    other.db.$client.close();
    const broken = AppDatabase.open({ configDir, databaseFile: file });
    opened.push(broken);
    const api = createDispatcher(broken, () => {});
    const nowhere = await api.call(
      'database.recover',
      { action: 'choose', file: join(configDir, 'tidak-ada.db') },
      null,
    );
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const chosen = await ok<{ state: string; file: string }>(
      api,
      'database.recover',
      { action: 'choose', file: other.file },
      null,
    );
    expect(chosen).toMatchObject({ state: 'ok', file: other.file });
    await login(api);
  });

  it('makes a salvage copy of a damaged file, leaves the file as it was, and opens the copy on request', async () => {
    const { app, file, configDir } = await officeApp();
    insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 9);
    // The families' pages are damaged, never the accounts': which page holds what moves with every migration.
    const familyPages = app.db.$client
      .prepare("SELECT pageno FROM dbstat WHERE name = 'kpm' ORDER BY pageno")
      .pluck()
      .all() as number[];
    app.close();
    const fd = openSync(file, 'r+');
    for (const page of familyPages) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * (page - 1));
    closeSync(fd);
    const before = readFileSync(file);

    const broken = AppDatabase.open({ configDir, databaseFile: file });
    opened.push(broken);
    const api = createDispatcher(broken, () => {});
    const result = await ok<{ state: string; salvage: { salvaged: string; rawCopy: string } }>(
      api,
      'database.recover',
      { action: 'salvage' },
      null,
    );
    expect(result.state).toBe('damaged');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readFileSync(result.salvage.rawCopy).equals(before)).toBe(true);
    const chosen = await ok<{ state: string }>(
      api,
      'database.recover',
      { action: 'choose', file: result.salvage.salvaged },
      null,
    );
    expect(chosen.state).toBe('ok');
    await login(api);
  });
});

describe('restore by the administrator', () => {
  it('puts the backup back, ends every session, records who restored which backup, and can be undone', async () => {
    const { app, api } = await officeApp();
    const token = await login(api);
    const made = await ok<{ name: string }>(api, 'backup.now', {}, token);
    insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 7);

    const listed = await ok<{ name: string; counts?: { families: number } }[]>(
      api,
      'backup.list',
      { details: true },
      token,
    );
    expect(listed[0]).toMatchObject({ name: made.name, counts: { families: 0 } });
    const restored = await ok<{ keptAs: { name: string } }>(api, 'backup.restore', { backup: made.name }, token);
    expect(app.db.$client.prepare('SELECT count(*) FROM kpm').pluck().get()).toBe(0);
    expect(await api.call('kpm.search', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const audit = app.db.$client.prepare("SELECT username, summary FROM audit_log WHERE action = 'restore'").get() as {
      username: string;
      summary: string;
    };
    expect(audit.username).toBe('admin');
    expect(audit.summary).toContain(made.name);

    // Undo: the copy kept before the restore still holds the family added after the backup.
    const token2 = await login(api);
    await ok(api, 'backup.restore', { backup: restored.keptAs.name }, token2);
    expect(app.db.$client.prepare('SELECT count(*) FROM kpm').pluck().get()).toBe(1);
  });

  it('refuses backup and restore while an import is being saved', async () => {
    const { api } = await officeApp();
    const token = await login(api);
    const made = await ok<{ name: string }>(api, 'backup.now', {}, token);
    vi.spyOn(ImportJobs.prototype, 'isSaving').mockReturnValue(true);
    for (const [method, input] of [
      ['backup.now', {}],
      ['backup.restore', { backup: made.name }],
    ] as const) {
      expect(await api.call(method, input, token)).toMatchObject({
        ok: false,
        error: { code: 'BUSY', message: 'Sedang menyimpan impor; pemulihan dan pencadangan menunggu sampai selesai.' },
      });
    }
  });

  it('refuses a backup folder it cannot write and warns when the folder shares the database disk', async () => {
    const { api, file } = await officeApp();
    const token = await login(api);
    const status = await ok<{ sameDisk: boolean; warning: string | null }>(api, 'backup.status', {}, token);
    expect(status.sameDisk).toBe(true);
    expect(status.warning).toContain('Belum ada cadangan');
    // A folder under a file cannot be made, even by root.
    const refused = await api.call('backup.setFolder', { folder: join(file, 'cadangan') }, token);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { folder: expect.any(String) } },
    });
  });

  it('warns on the home page when the last backup is older than 24 hours', async () => {
    const { app, api } = await officeApp();
    await ok(api, 'backup.now', {}, await login(api));
    expect(backupStatus(app).warning).toBeNull();
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    expect(backupStatus(app, tomorrow).warning).toContain('lebih dari 1 hari');
  });
});

describe('automatic backups', () => {
  it('backs up at start, then only when data changed', async () => {
    const { app } = await officeApp({ schedule: true });
    expect(listBackups(app.backupFolder).map((b) => b.reason)).toEqual(['mulai']);
    expect(await app.scheduler?.tick()).toBeNull();
    insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 3);
    expect((await app.scheduler?.tick())?.reason).toBe('berkala');
  });

  it('backs up before a decision is reversed (the copy holds the decision as it was)', async () => {
    const { app, api } = await officeApp({ schedule: true });
    const kpmId = insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 5);
    const { decisionId } = decideGraduations(app.db, { kpmIds: [kpmId], skDate: '2026-06-01' });
    await ok(api, 'decision.reverse', { decisionId, reason: 'Salah catat' }, await login(api));
    const before = listBackups(app.backupFolder).find((b) => b.reason === 'keputusan');
    expect(before).toBeDefined();
    const copy = new Database(before?.file as string, { readonly: true });
    expect(copy.prepare('SELECT status FROM kpm WHERE id = ?').pluck().get(kpmId)).toBe('graduasi_mandiri');
    copy.close();
    expect(app.db.$client.prepare('SELECT status FROM kpm WHERE id = ?').pluck().get(kpmId)).toBe('aktif');
  });

  it('backs up before a decision only for a caller who may decide: a refused call writes no copy', async () => {
    const { app, api } = await officeApp({ schedule: true });
    const { operator, verifikator } = staff(app.db, { id: null, username: 'uji', role: 'admin' });
    const kpmId = insertFamily(app.db, { id: null, username: 'uji', role: 'admin' }, 6);
    const { decisionId, proposalId } = decideGraduations(app.db, { kpmIds: [kpmId], skDate: '2026-06-01' });
    const copies = () => listBackups(app.backupFolder).map((b) => b.reason);
    expect(copies()).toEqual(['mulai']);
    const asOperator = await login(api, operator.username, FIXTURE_PASSWORD);
    const asVerifikator = await login(api, verifikator.username, FIXTURE_PASSWORD);
    const decide = {
      proposalId,
      skNumber: 'SK/1',
      skDate: '2026-06-01',
      items: [{ candidateId: 1, decision: 'approved' }],
    };
    for (let i = 0; i < 4; i++) {
      expectFailure(await api.call('decision.decide', decide, asOperator), 'FORBIDDEN', /administrator atau pimpinan/);
    }
    for (let i = 0; i < 9; i++) {
      expectFailure(
        await api.call('decision.reverse', { decisionId, reason: 'Salah catat' }, asVerifikator),
        'FORBIDDEN',
      );
    }
    const admin = await login(api);
    expect(await api.call('decision.reverse', { decisionId: 'x', reason: 'Salah catat' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // allowed roles the service refuses: a decision already decided, a reversal without a reason
    for (let i = 0; i < 3; i++) {
      expectFailure(await api.call('decision.decide', decide, admin), 'CONFLICT', /sudah diputuskan/);
      expectFailure(await api.call('decision.reverse', { decisionId, reason: ' ' }, admin), 'INVALID_INPUT');
    }
    expect(copies()).toEqual(['mulai']);
    await ok(api, 'decision.reverse', { decisionId, reason: 'Salah catat' }, admin);
    expect(copies()).toEqual(['keputusan', 'mulai']);
    expectFailure(await api.call('decision.reverse', { decisionId, reason: 'Lagi' }, admin), 'CONFLICT');
    expect(copies()).toEqual(['keputusan', 'mulai']);
  });

  it('backs up before an import commit, and a failing automatic backup does not stop the import', async () => {
    const fresh = await freshDb();
    const families = makeFamilies(4, placesOf(fresh.db), { seed: 11 });
    fresh.db.$client.close();
    const app = AppDatabase.open({
      configDir: mkdtempSync(join(tmpdir(), 'graduasi-config-')),
      databaseFile: fresh.file,
    });
    opened.push(app);
    await app.startSchedule({ intervalMs: 3_600_000 }).idle();
    const api = createDispatcher(app, () => {});
    const token = await login(api);

    const importFile = async () => {
      const bytes = await xlsxFile([
        { name: 'Data', rows: [headerRow('siksng'), ...families.map((f) => familyRow(f, 'siksng'))] },
      ]);
      const { jobId } = await ok<{ jobId: string }>(
        api,
        'import.start',
        { fileName: 'kpm.xlsx', fileBase64: bytes.toString('base64') },
        token,
      );
      // The import runs between calls: give it the event loop while polling.
      while ((await ok<{ status: string }>(api, 'import.progress', { jobId }, token)).status === 'running') {
        await new Promise((r) => setTimeout(r, 10));
      }
      const { planId } = await ok<{ planId: string }>(api, 'import.report', { jobId }, token);
      return ok(api, 'import.commit', { jobId, planId }, token);
    };
    await importFile();
    const beforeImport = listBackups(app.backupFolder).find((b) => b.reason === 'impor');
    expect(beforeImport && familiesIn(beforeImport.file)).toBe(0);
    expect(app.db.$client.prepare('SELECT count(*) FROM kpm').pluck().get()).toBe(4);

    // The backup folder becomes a file: the automatic backup fails, is remembered, and the work goes on.
    rmSync(app.backupFolder, { recursive: true });
    writeFileSync(app.backupFolder, 'bukan folder');
    const { decisionId } = decideGraduations(app.db, { kpmIds: [1], skDate: '2026-06-01' });
    await ok(api, 'decision.reverse', { decisionId, reason: 'Salah catat' }, token);
    expect(app.scheduler?.lastFailure?.reason).toBe('keputusan');
    expect(backupStatus(app).warning).toContain('gagal');
  });
});
