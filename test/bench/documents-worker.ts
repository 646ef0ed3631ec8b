/**
 * One run of the documents benchmark in its own process (so its peak RSS is its own): a set-up office with a
 * logo and 500 families graduated by one decision, then the wisuda batch of their surat keterangan, from the
 * click to the finished PDF (numbers issued, signed, stored, rendered). Prints one JSON line.
 *   tsx test/bench/documents-worker.ts <dir> <families>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { batchProgress, batchResult, startBatch } from '../../main/services/documents/batch';
import { BatchJobs } from '../../main/services/documents/batch-jobs';
import { sampleLogo } from '../support/documents';
import { graduatedFamilies } from '../support/documents-db';
import { setUpTestOffice } from '../support/office';

const [dir, count] = process.argv.slice(2);
const families = Number(count);
const db = openDatabase(join(dir, 'dokumen.db'));
const { admin } = await setUpTestOffice(db);
db.$client.prepare('UPDATE office SET logo = ?').run(sampleLogo(256));
const { decisionId } = graduatedFamilies(
  db,
  admin,
  Array.from({ length: families }, (_, i) => i + 1),
);

const jobs = new BatchJobs();
const start = process.hrtime.bigint();
const { jobId } = await startBatch(jobs, db, admin, { decisionId, kinds: ['sk_graduasi'], issuedDate: '2026-11-30' });
while (batchProgress(jobs, admin, jobId).state === 'running') await new Promise((r) => setTimeout(r, 10));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const progress = batchProgress(jobs, admin, jobId);
if (progress.state !== 'done') throw new Error(`batch ${progress.state}: ${progress.message}`);
const pdf = batchResult(jobs, db, admin, jobId);
writeFileSync(join(dir, pdf.fileName), Buffer.from(pdf.base64, 'base64'));
db.$client.close();
console.log(
  JSON.stringify({
    seconds,
    issued: progress.issued,
    pages: pdf.pages,
    megabytes: (pdf.base64.length * 0.75) / 1024 / 1024,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
