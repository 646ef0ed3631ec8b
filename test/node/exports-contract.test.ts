/**
 * The exports through the contract (what the renderer calls): the catalogue with the NIK modes the role may
 * use, an export and its log row (sha256 of the very bytes returned), masked NIKs, full NIKs refused for a
 * role without them, and the log for the administrator only, newest first.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import type { ExportCatalogue, ExportFile, ExportLogEntry } from '../../main/api/exports.contract';
import type { Page } from '../../main/domain/paging';
import { staff } from '../support/awards';
import { expectFailure, expectOk } from '../support/errors';
import { builtIn, type ExportDb, exportDb, readWorkbook, sheetRows } from '../support/exports';

let t: ExportDb;
let api: Dispatcher;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await exportDb();
  api = createDispatcher(t.db, () => {});
  const people = staff(t.db, t.admin);
  for (const actor of [people.operator, people.pimpinan, people.verifikator]) {
    tokens[actor.role] = expectOk<{ sessionToken: string }>(
      await api.call('auth.login', { username: actor.username, password: 'rahasia123' }, null),
    ).sessionToken;
  }
});
afterAll(() => t.db.$client.close());

const run = (role: string, nikMode: 'full' | 'masked', kind: 'graduation' | 'registry' = 'registry') =>
  api.call('exports.run', { templateKey: `bawaan:${kind}`, template: builtIn(kind), nikMode }, tokens[role]);

describe('exports through the contract', () => {
  it('the catalogue: every kind with its columns and stages; full NIK only for the roles allowed', async () => {
    const catalogue = expectOk<ExportCatalogue>(await api.call('exports.catalogue', {}, tokens.operator));
    expect(catalogue.kinds.map((k) => k.kind)).toEqual(['graduation', 'registry', 'awards', 'visits']);
    expect(catalogue.kinds[0].columns.find((c) => c.key === 'nik')).toMatchObject({ type: 'id' });
    expect(catalogue.kinds[0].stages.map((s) => s.value)).toContain('approved');
    expect(catalogue.allowedNikModes).toEqual(['full', 'masked']);
    const boss = expectOk<ExportCatalogue>(await api.call('exports.catalogue', {}, tokens.pimpinan));
    expect(boss.allowedNikModes).toEqual(['masked']);
  });

  it('an export is logged with who, what, how many rows, the NIK mode and the hash of the bytes', async () => {
    const file = expectOk<ExportFile>(await run('operator', 'full'));
    const bytes = Buffer.from(file.base64, 'base64');
    const log = expectOk<Page<ExportLogEntry>>(await api.call('exports.log', {}, await adminToken()));
    const entry = log.items.find((e) => e.id === file.logId);
    expect(entry).toMatchObject({
      username: 'operator_bantuan',
      templateKey: 'bawaan:registry',
      templateName: 'Data KPM dan anggota keluarga',
      kind: 'registry',
      format: 'xlsx',
      filters: {},
      rows: file.rows,
      nikMode: 'full',
      fileName: file.fileName,
      via: 'aplikasi',
    });
    expect(entry?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file.mimeType).toMatch(/spreadsheetml/);
  });

  it('a pimpinan may not export full NIKs; masked ones hide NIK, No. KK and members NIK', async () => {
    expectFailure(await run('pimpinan', 'full'), 'FORBIDDEN', /NIK/);
    const file = expectOk<ExportFile>(await run('pimpinan', 'masked'));
    expect(file.nikMode).toBe('masked');
    const rows = sheetRows((await readWorkbook(Buffer.from(file.base64, 'base64'))).worksheets[0]);
    const family = rows.find((r) => r['NIK PENGURUS'].value === '3375********0001');
    expect(family?.['NO. KK'].value).toBe('3375********0001');
    expect(rows.map((r) => r['NIK ANGGOTA'].value)).toEqual(
      expect.arrayContaining(['3375********0002', '3375********0003']),
    );
    for (const row of rows) {
      for (const header of ['NIK PENGURUS', 'NO. KK']) expect(String(row[header].value)).toMatch(/^\d{4}\*{8}\d{4}$/);
    }
  });

  it("the log is the administrator's, newest first, filtered by user", async () => {
    expectFailure(await api.call('exports.log', {}, tokens.verifikator), 'FORBIDDEN');
    const admin = await adminToken();
    const log = expectOk<Page<ExportLogEntry>>(await api.call('exports.log', { pageSize: 10 }, admin));
    expect(log.total).toBeGreaterThanOrEqual(2);
    const ids = log.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const mine = expectOk<Page<ExportLogEntry>>(await api.call('exports.log', { username: 'pimpinan_bantuan' }, admin));
    expect(mine.items.map((e) => [e.username, e.nikMode])).toEqual([['pimpinan_bantuan', 'masked']]);
  });
});

let adminSession: string | null = null;
async function adminToken(): Promise<string> {
  adminSession ??= expectOk<{ sessionToken: string }>(
    await api.call('auth.login', { username: 'admin', password: 'admin12345' }, null),
  ).sessionToken;
  return adminSession;
}
