/**
 * The main-thread stall benchmark's run, in its own process: three prepared jobs at once, as an office would
 * meet them (a wisuda batch printing while the 3-hourly backup runs and someone checks an import file), with
 * the longest event-loop stall measured while they run and for a second after (a stall of a job's last step
 * would be missed otherwise), overall and per job (stall-by-job.ts). Prints one JSON line.
 *   tsx test/bench/main-thread-worker.ts <dir> <letters> <families>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { createBackup } from '../../main/services/backup';
import { batchProgress, batchResult, startBatch } from '../../main/services/documents/batch';
import { BatchJobs } from '../../main/services/documents/batch-jobs';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport } from '../../main/services/import/jobs';
import { closeSharedLongJobs, currentLongJobs } from '../../main/workers/scope';
import { ensureSyntheticOffice, seedSyntheticFamilies } from '../fixtures/seed';
import { graduatedFamilies } from '../support/documents-db';
import { setUpTestOffice } from '../support/office';
import { stallByJob } from './stall-by-job';

const ADMIN: Actor = { id: 1, username: 'admin', role: 'admin' };
const [dir, letterCount, familyCount, only] = process.argv.slice(2);
/** For finding which job stalls: a comma list of documents, backup, import (all by default). */
const wanted = (job: string) => !only || only.split(',').includes(job);

async function prepareLetters() {
  const db = openDatabase(join(dir, 'dokumen.db'));
  const { admin } = await setUpTestOffice(db);
  const ids = Array.from({ length: Number(letterCount) }, (_, i) => i + 1);
  const { decisionId } = graduatedFamilies(db, admin, ids);
  return { db, admin, decisionId };
}

async function prepareBackup() {
  const db = openDatabase(join(dir, 'cadangan.db'));
  await ensureSyntheticOffice(db, '3375');
  seedSyntheticFamilies(db, { count: Number(familyCount), seed: 42, pendampingCount: 400 });
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

const letters = wanted('documents') ? await prepareLetters() : null;
const backupDb = wanted('backup') ? await prepareBackup() : null;
// template.db and kpm.xlsx come from `import-worker.ts prepare`.
const importDb = openDatabase(join(dir, 'template.db'));
const bytes = readFileSync(join(dir, 'kpm.xlsx'));
// The workers start before the measure, as they have in an app that has been running.
await currentLongJobs().run('integrity', { file: join(dir, 'template.db') });

const delay = monitorEventLoopDelay({ resolution: 10 });
const byJob = stallByJob();
delay.enable();
byJob.start();
const started = performance.now();
const timed = async <T>(job: string, work: () => Promise<T>) => {
  const start = performance.now();
  await byJob.run(job, work);
  return (performance.now() - start) / 1000;
};
const jobs = new BatchJobs();
const [documentsSeconds, backupSeconds, importSeconds] = await Promise.all([
  timed('batch', async () => {
    if (!letters) return;
    const { jobId } = await startBatch(jobs, letters.db, letters.admin, {
      decisionId: letters.decisionId,
      kinds: ['sk_graduasi'],
      issuedDate: '2026-11-30',
    });
    while (batchProgress(jobs, letters.admin, jobId).state === 'running') await new Promise((r) => setTimeout(r, 10));
    const pdf = batchResult(jobs, letters.db, letters.admin, jobId);
    if (pdf.pages !== Number(letterCount)) throw new Error(`batch: ${pdf.pages} halaman`);
  }),
  timed('backup', async () => backupDb && (await createBackup(backupDb, join(dir, 'folder-cadangan'), 'manual'))),
  timed(
    'import',
    async () =>
      wanted('import') && (await checkImport(new ImportJobs(), importDb, ADMIN, { fileName: 'kpm.xlsx', bytes })),
  ),
]);
const seconds = (performance.now() - started) / 1000;
await new Promise((resolve) => setTimeout(resolve, 1000));
delay.disable();
const stallByJobMs = byJob.stop();
await closeSharedLongJobs();
for (const db of [letters?.db, backupDb, importDb]) db?.$client.close();
console.log(
  JSON.stringify({
    stallMaxMs: delay.max / 1e6,
    stallP99Ms: delay.percentile(99) / 1e6,
    stallByJobMs,
    seconds,
    documentsSeconds,
    backupSeconds,
    importSeconds,
  }),
);
