/** The import.* methods through the contract, as the renderer calls them: files as base64, errors as data. */
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { MethodName, OutputOf } from '../../main/api/contract';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { insertUser } from '../../main/services/auth';
import { badFiles, csvFile, familyRow, headerRow, makeFamilies, xlsxFile } from '../fixtures/messy-files';
import { freshDb, placesOf } from './import-db';

let db: Db;
let api: Dispatcher;
let places: ReturnType<typeof placesOf>;

beforeAll(async () => {
  const fresh = await freshDb();
  places = placesOf(fresh.db);
  fresh.db.$client.close();
});

afterEach(() => {
  db?.$client.close();
});

async function login(username: string, password: string): Promise<string> {
  const result = await api.call('auth.login', { username, password }, null);
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { sessionToken: string }).sessionToken;
}

async function call<M extends MethodName>(method: M, input: unknown, token: string): Promise<OutputOf<M>> {
  const result = await api.call(method, input, token);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { data: result.error });
  return result.value as OutputOf<M>;
}

async function waitReady(jobId: string, token: string) {
  for (;;) {
    const progress = await call('import.progress', { jobId }, token);
    if (progress.status !== 'running') return progress;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('import through the contract', () => {
  it('checks, commits, lists, downloads and undoes', async () => {
    db = (await freshDb()).db;
    api = createDispatcher(db, () => {});
    const token = await login('admin', 'admin12345');
    const families = makeFamilies(5, places, { seed: 30 });
    const bytes = await xlsxFile([
      {
        name: 'Data',
        rows: [
          ['JUDUL'],
          headerRow('siksng'),
          ...families.map((f) => familyRow(f, 'siksng')),
          familyRow(families[0], 'siksng', { nik: 'scientific' }),
        ],
      },
    ]);
    const { jobId } = await call('import.start', { fileName: 'kpm.xlsx', fileBase64: bytes.toString('base64') }, token);
    const progress = await waitReady(jobId, token);
    expect(progress).toMatchObject({ status: 'ready', percent: 100, error: null });

    const report = await call('import.report', { jobId }, token);
    expect(report.counts).toMatchObject({ add: 5, error: 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 8, column: 'E', code: 'NIK_EXCEL_NUMBER', severity: 'error' }),
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);

    const page = await call('import.problems', { jobId, severity: 'error', pageSize: 10 }, token);
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 10, items: [expect.objectContaining({ row: 8 })] });

    const file = await call('import.problemsXlsx', { jobId }, token);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.getWorksheet('Baris bermasalah')?.rowCount).toBe(2);

    const saved = await call('import.saveMapping', { name: 'Format SIKS-NG', jobId }, token);
    expect(saved.fields).toMatchObject({ nik: 'NIKPENGURUS', noKk: 'NOKK' });
    expect((await call('import.mappings', {}, token)).map((m) => m.name)).toEqual(['Format SIKS-NG']);

    const stale = await api.call('import.commit', { jobId, planId: 'laporan-lama' }, token);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const outcome = await call('import.commit', { jobId, planId: report.planId }, token);
    expect(outcome).toMatchObject({ added: 5, errors: 1, batchId: expect.any(Number) });
    expect(await call('import.progress', { jobId }, token)).toMatchObject({
      status: 'done',
      batchId: outcome.batchId,
    });

    const batches = await call('import.batches', {}, token);
    expect(batches).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(batches.items).toEqual([
      expect.objectContaining({
        id: outcome.batchId,
        fileName: 'kpm.xlsx',
        status: 'committed',
        undoBlockedReason: null,
      }),
    ]);
    expect(await call('import.undo', { batchId: outcome.batchId }, token)).toEqual({
      batchId: outcome.batchId,
      removed: 5,
      restored: 0,
      pendampingRemoved: 0,
      pendampingKept: 0,
    });
  });

  it('returns file problems as data, with the Indonesian message', async () => {
    db = (await freshDb()).db;
    api = createDispatcher(db, () => {});
    const token = await login('admin', 'admin12345');
    const result = await api.call(
      'import.start',
      { fileName: 'lama.xls', fileBase64: badFiles.legacyXls().toString('base64') },
      token,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'FILE_UNSUPPORTED',
        message: expect.stringContaining('Excel lama (.xls)'),
        fields: undefined,
        link: undefined,
      },
    });
    const empty = await api.call('import.start', { fileName: 'x.csv', fileBase64: '' }, token);
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'FILE_EMPTY', message: expect.stringMatching(/Berkas kosong/) },
    });
  });

  it('is for admin and operator only', async () => {
    db = (await freshDb()).db;
    api = createDispatcher(db, () => {});
    await insertUser(db, SYSTEM_ACTOR, {
      username: 'pimpinan1',
      fullName: 'Pimpinan',
      role: 'pimpinan',
      password: 'rahasia123',
    });
    const token = await login('pimpinan1', 'rahasia123');
    const bytes = csvFile([['NIK'], ['3528024512800001']]).toString('base64');
    expect(await api.call('import.start', { fileName: 'a.csv', fileBase64: bytes }, token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await api.call('import.batches', {}, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets the user choose per duplicate and create unknown pendamping', async () => {
    db = (await freshDb()).db;
    api = createDispatcher(db, () => {});
    const token = await login('admin', 'admin12345');
    const [a, b] = makeFamilies(2, places, { seed: 31, pendamping: ['PENDAMPING BARU'] });
    const rows = [
      headerRow('siksng'),
      familyRow(a, 'siksng'),
      familyRow({ ...a, alamat: 'LAIN' }, 'siksng'),
      familyRow(b, 'siksng'),
    ];
    const { jobId } = await call(
      'import.start',
      { fileName: 'a.csv', fileBase64: csvFile(rows).toString('base64') },
      token,
    );
    await waitReady(jobId, token);
    const invalid = await api.call('import.choose', { jobId, overrides: { '3': 'add' } }, token);
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'overrides.3': expect.any(String) } },
    });
    const report = await call(
      'import.choose',
      { jobId, overrides: { '3': 'update' }, createPendamping: ['PENDAMPING BARU'] },
      token,
    );
    expect(report.counts).toMatchObject({ add: 2, merged: 1 });
    expect(report.unknownPendamping).toEqual([
      expect.objectContaining({ name: 'PENDAMPING BARU', create: true, families: 2 }),
    ]);
    const outcome = await call('import.commit', { jobId, planId: report.planId }, token);
    expect(outcome.added).toBe(2);
    const alamat = db.$client.prepare('SELECT alamat FROM kpm WHERE nik = ?').pluck().get(a.nik);
    expect(alamat).toBe('LAIN');
  });
});
