/**
 * The import's plan is built in the long-jobs worker, never on the main thread: the main process's own
 * buildPlan is replaced by one that fails, and a check, a change of choices and a commit that must plan again
 * (the registry changed meanwhile) all still work. The main process keeps the families and the plan's items
 * as transferred buffers, not as objects.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanChangedError } from '../../main/services/import/commit';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, chooseImport, commitImport } from '../../main/services/import/jobs';
import { importReport } from '../../main/services/import/report';
import { closeSharedLongJobs } from '../../main/workers/scope';
import { csvFile, familyRow, headerRow, makeFamilies } from '../fixtures/messy-files';
import { ADMIN, count, freshDb, placesOf } from './import-db';

// Only this thread's module: the worker thread loads its own plan.ts.
vi.mock('../../main/services/import/plan', async (original) => ({
  ...(await original<typeof import('../../main/services/import/plan')>()),
  buildPlan: () => {
    throw new Error('buildPlan ran on the main thread');
  },
}));

const TODAY = new Date('2026-11-22T00:00:00Z');

afterEach(() => closeSharedLongJobs());

describe('the plan off the main thread', () => {
  it('checks, plans again after a choice, and replans at commit without building a plan here', async () => {
    const { db } = await freshDb();
    try {
      const jobs = new ImportJobs();
      const [a, b, c] = makeFamilies(3, placesOf(db), { seed: 11 });
      const file = (families: (typeof a)[]) =>
        csvFile([headerRow('siksng'), ...families.map((f, i) => familyRow(f, 'siksng', {}, i))], { delimiter: ';' });
      const first = await checkImport(jobs, db, ADMIN, { fileName: 'v1.csv', bytes: file([a, b]), today: TODAY });
      expect(first.parsed?.families.every((chunk) => chunk instanceof ArrayBuffer)).toBe(true);
      expect(first.plan?.items.every((chunk) => chunk instanceof ArrayBuffer)).toBe(true);
      await commitImport(jobs, db, ADMIN, first.id, importReport(jobs, ADMIN, first.id).planId as string);

      const job = await checkImport(jobs, db, ADMIN, {
        fileName: 'v2.csv',
        bytes: file([{ ...a, alamat: 'JL. BARU' }, b, c]),
        today: TODAY,
      });
      expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ add: 1, skip: 1, unchanged: 1 });
      await chooseImport(jobs, ADMIN, job.id, { defaults: { db: 'update' } });
      const shown = importReport(jobs, ADMIN, job.id);
      expect(shown.counts).toMatchObject({ add: 1, update: 1, unchanged: 1 });

      // Family b is edited meanwhile: the commit plans again (in the worker) and refuses the stale report.
      db.$client.prepare("UPDATE kpm SET alamat = 'DIUBAH', updated_at = '2099-01-01' WHERE nik = ?").run(b.nik);
      const error = await commitImport(jobs, db, ADMIN, job.id, shown.planId as string).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlanChangedError);
      expect(count(db, 'SELECT count(*) AS n FROM kpm')).toBe(2);
      const fresh = importReport(jobs, ADMIN, job.id);
      // b differs now too, and "update" was chosen for every registered family that differs.
      expect(fresh.counts).toMatchObject({ add: 1, update: 2 });
      expect(await commitImport(jobs, db, ADMIN, job.id, fresh.planId as string)).toMatchObject({
        added: 1,
        updated: 2,
      });
      expect(count(db, "SELECT count(*) AS n FROM kpm WHERE alamat = 'JL. BARU'")).toBe(1);
    } finally {
      db.$client.close();
    }
  });
});
