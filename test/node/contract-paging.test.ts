/** Every growing list crosses the contract in one shape: { items, total, page, pageSize }, asked by page. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { authContract } from '../../main/api/auth.contract';
import { awardsContract } from '../../main/api/awards.contract';
import { backupContract } from '../../main/api/backup.contract';
import { businessContract } from '../../main/api/business.contract';
import { contract, type MethodName, type OutputOf } from '../../main/api/contract';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { documentsContract } from '../../main/api/documents.contract';
import { evaluationContract } from '../../main/api/evaluation.contract';
import { exportsContract } from '../../main/api/exports.contract';
import { graduationContract } from '../../main/api/graduation.contract';
import { importContract } from '../../main/api/import.contract';
import { kpmContract } from '../../main/api/kpm.contract';
import { p2k2Contract } from '../../main/api/p2k2.contract';
import { p2k2ReportsContract } from '../../main/api/p2k2-reports.contract';
import { p2k2SheetContract } from '../../main/api/p2k2-sheet.contract';
import { pendampingContract } from '../../main/api/pendamping.contract';
import { progressContract } from '../../main/api/progress.contract';
import { proposalContract } from '../../main/api/proposal.contract';
import { regionsContract } from '../../main/api/regions.contract';
import { reportsContract } from '../../main/api/reports.contract';
import { securityContract } from '../../main/api/security.contract';
import { serverContract } from '../../main/api/server.contract';
import { settingsContract } from '../../main/api/settings.contract';
import { setupContract } from '../../main/api/setup.contract';
import { statementContract } from '../../main/api/statement.contract';
import { usersContract } from '../../main/api/users.contract';
import { verificationContract } from '../../main/api/verification.contract';
import { verkomContract } from '../../main/api/verkom.contract';
import { workPlanContract } from '../../main/api/workplan.contract';
import { familyRow, headerRow, makeFamilies, xlsxFile } from '../fixtures/messy-files';
import { freshDb, placesOf } from './import-db';

let db: Db;
let api: Dispatcher;
let token: string;

afterEach(() => {
  db?.$client.close();
});

async function call<M extends MethodName>(method: M, input: unknown): Promise<OutputOf<M>> {
  const result = await api.call(method, input, token);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { data: result.error });
  return result.value as OutputOf<M>;
}

/** Imports a file of the given rows (after the header) and waits for its report. */
async function checkFile(rows: ReturnType<typeof familyRow>[]) {
  const bytes = await xlsxFile([{ name: 'Data', rows: [headerRow('siksng'), ...rows] }]);
  const { jobId } = await call('import.start', { fileName: 'kpm.xlsx', fileBase64: bytes.toString('base64') });
  while ((await call('import.progress', { jobId })).status === 'running') await new Promise((r) => setTimeout(r, 10));
  return call('import.report', { jobId });
}

async function start() {
  const fresh = await freshDb();
  db = fresh.db;
  api = createDispatcher(db, () => {});
  const login = await api.call('auth.login', { username: 'admin', password: 'admin12345' }, null);
  if (!login.ok) throw new Error(login.error.message);
  token = (login.value as { sessionToken: string }).sessionToken;
  return placesOf(db);
}

describe('paging through the contract', () => {
  it('pages families, problems, duplicates and import batches alike', async () => {
    const families = makeFamilies(5, await start(), { seed: 41 });
    const first = await checkFile([
      ...families.map((f) => familyRow(f, 'siksng')),
      // Three rows with a NIK mangled by Excel: three problems.
      ...families.slice(0, 3).map((f) => familyRow(f, 'siksng', { nik: 'scientific' })),
    ]);
    const problems = await call('import.problems', { jobId: first.jobId, pageSize: 2, page: 2 });
    expect(problems).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(problems.items).toHaveLength(1);
    const allProblems = await call('import.problems', { jobId: first.jobId });
    expect(allProblems).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(problems.items[0]).toEqual(allProblems.items[2]);
    await call('import.commit', { jobId: first.jobId, planId: first.planId });

    const kpmPage = await call('kpm.search', { pageSize: 2, page: 3 });
    expect(kpmPage).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(kpmPage.items).toHaveLength(1);
    const allKpm = await call('kpm.search', {});
    expect(kpmPage.items[0].id).toBe(allKpm.items[4].id);

    // The same families with another address: every one is a duplicate of a registered family.
    const second = await checkFile(families.map((f) => familyRow({ ...f, alamat: 'JL. PINDAHAN 9' }, 'siksng')));
    const duplicates = await call('import.duplicates', { jobId: second.jobId, pageSize: 2, page: 3 });
    expect(duplicates).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(duplicates.items).toHaveLength(1);
    // Registered families that differ are skipped unless the user chooses to update them.
    const chosen = await call('import.choose', { jobId: second.jobId, defaults: { db: 'update' } });
    await call('import.commit', { jobId: second.jobId, planId: chosen.planId as string });

    const batches = await call('import.batches', { pageSize: 1, page: 2 });
    expect(batches).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(batches.items.map((b) => b.fileName)).toEqual(['kpm.xlsx']);
    const newest = await call('import.batches', { pageSize: 1 });
    expect(newest.items[0].id).toBeGreaterThan(batches.items[0].id);
  });

  it('refuses the same page sizes on every list', async () => {
    await start();
    const lists = ['kpm.search', 'import.problems', 'import.duplicates', 'import.batches'] as const;
    for (const method of lists) {
      for (const paging of [{ pageSize: 201 }, { pageSize: 0 }, { page: 0 }]) {
        const result = await api.call(method, { jobId: 'tidak-ada-job', ...paging }, token);
        expect(result, `${method} ${JSON.stringify(paging)}`).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
    }
  });
});

describe('the contract per domain', () => {
  it('merges every domain file without one method hiding another', () => {
    const domains = [
      setupContract,
      authContract,
      usersContract,
      settingsContract,
      regionsContract,
      kpmContract,
      pendampingContract,
      importContract,
      graduationContract,
      progressContract,
      verificationContract,
      statementContract,
      proposalContract,
      documentsContract,
      awardsContract,
      securityContract,
      serverContract,
      backupContract,
      reportsContract,
      exportsContract,
      p2k2Contract,
      p2k2SheetContract,
      verkomContract,
      p2k2ReportsContract,
      evaluationContract,
      workPlanContract,
      businessContract,
    ];
    const names = domains.flatMap((d) => Object.keys(d));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(contract).sort()).toEqual([...names].sort());
  });
});
