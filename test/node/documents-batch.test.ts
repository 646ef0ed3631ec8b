/**
 * The wisuda batch: every family of a decision gets the chosen documents, numbers for all or
 * none, one PDF that prints exactly what the register stores; cancel leaves nothing; a number issued by someone
 * else while the batch renders does not collide; a batch prints again as SALINAN. PDFs read back with pdftotext.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { AppError } from '../../main/domain/errors';
import type { Actor } from '../../main/services/actor';
import { batchProgress, batchResult, cancelBatch, planBatch, startBatch } from '../../main/services/documents/batch';
import { BatchJobs } from '../../main/services/documents/batch-jobs';
import { FAMILIES_PER_TURN } from '../../main/services/documents/batch-plan';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { reprintBatch } from '../../main/services/documents/print';
import type { BatchProgress, PdfFile } from '../../main/services/documents/types';
import { graduatedFamilies } from '../support/documents-db';
import { reverseDecision } from '../support/graduation';
import { pdfFile, pdfFlatText, pdfPageText } from '../support/pdf';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let jobs: BatchJobs;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  jobs = new BatchJobs();
});

const pdfText = (pdf: PdfFile) => pdfFlatText(pdfFile(pdf.base64));

async function finished(jobId: string): Promise<BatchProgress> {
  for (;;) {
    const progress = batchProgress(jobs, admin, jobId);
    if (progress.state !== 'running') return progress;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const registered = () =>
  db.$client
    .prepare('SELECT kind, number, sequence, kpm_id AS kpmId, batch_id AS batchId, subject FROM documents ORDER BY id')
    .all() as { kind: string; number: string; sequence: number; kpmId: number; batchId: number; subject: string }[];
const lastNumber = () => db.$client.prepare('SELECT max(last) FROM number_sequences').pluck().get() as number | null;

describe('wisuda batch', () => {
  it('issues every approved family the chosen kinds, numbered in one run, in one PDF that matches the register', async () => {
    const { decisionId } = graduatedFamilies(db, admin, [1, 2, 3], { rejected: [4] });
    const { jobId } = await startBatch(jobs, db, admin, {
      decisionId,
      kinds: ['piagam', 'sk_graduasi'],
      issuedDate: '2026-11-20',
    });
    const done = await finished(jobId);
    expect(done).toMatchObject({ state: 'done', issued: 6, total: 6, message: null });

    const rows = registered();
    // Surat keterangan first, then the piagam (printed on other paper), families by name within a kind.
    expect(rows.map((r) => [r.kind, r.subject])).toEqual([
      ['sk_graduasi', 'KELUARGA UJI 1'],
      ['sk_graduasi', 'KELUARGA UJI 2'],
      ['sk_graduasi', 'KELUARGA UJI 3'],
      ['piagam', 'KELUARGA UJI 1'],
      ['piagam', 'KELUARGA UJI 2'],
      ['piagam', 'KELUARGA UJI 3'],
    ]);
    expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(rows.map((r) => r.batchId)).size).toBe(1);
    expect(rows.some((r) => r.subject === 'KELUARGA UJI 4')).toBe(false);

    const pdf = batchResult(jobs, db, admin, jobId);
    expect(pdf.pages).toBe(6);
    const text = pdfText(pdf);
    for (const row of rows) expect(text).toContain(row.number);
    expect(text).not.toContain('SALINAN');
  });

  it('lets the event loop turn while it reads the families, before rendering and before saving', async () => {
    // More families than one turn reads: a batch that read them all at once held every other call waiting.
    const kpmIds = Array.from({ length: 2 * FAMILIES_PER_TURN + 1 }, (_, i) => i + 1);
    const { decisionId } = graduatedFamilies(db, admin, kpmIds);
    const seen: string[] = [];
    let jobId: string | null = null;
    let watching = true;
    // One entry per turn of the event loop: what the batch was doing while other work could run.
    const watch = () => {
      seen.push(jobId ? batchProgress(jobs, admin, jobId).phase : 'starting');
      if (watching) setImmediate(watch);
    };
    setImmediate(watch);
    ({ jobId } = await startBatch(jobs, db, admin, { decisionId, kinds: ['sk_graduasi'], issuedDate: '2026-11-20' }));
    const done = await finished(jobId);
    watching = false;
    expect(done).toMatchObject({ state: 'done', issued: kpmIds.length });
    expect(seen.filter((phase) => phase === 'starting').length).toBeGreaterThan(1);
    expect(seen).toContain('saving');
    expect(registered()).toHaveLength(kpmIds.length);
  });

  it('writes nothing and takes no number when cancelled', async () => {
    const { decisionId } = graduatedFamilies(db, admin, [1, 2, 3, 4, 5, 6, 7, 8]);
    const { jobId } = await startBatch(jobs, db, admin, { decisionId, kinds: ['sk_graduasi', 'piagam'] });
    expect(cancelBatch(jobs, admin, jobId)).toEqual({ cancelled: true });
    const done = await finished(jobId);
    expect(done.state).toBe('cancelled');
    expect(done.message).toMatch(/tidak ada nomor yang terpakai/);
    expect(registered()).toEqual([]);
    expect(lastNumber()).toBeNull();
    expect(() => batchResult(jobs, db, admin, jobId)).toThrow(/Dibatalkan/);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('renders again when someone issues a number while the batch is being laid out', async () => {
    const { decisionId, kpmIds } = graduatedFamilies(db, admin, [1, 2, 3, 4, 5, 6]);
    const { jobId } = await startBatch(jobs, db, admin, { decisionId, kinds: ['sk_graduasi'] });
    // Runs while the batch renders (the batch awaits between documents): takes number 1 of the shared sequence
    // before the batch commits.
    const single = await issueFamilyDocument(db, admin, { kind: 'pernyataan_mandiri', kpmId: kpmIds[0] });
    expect(single.document.number).toMatch(/^460\/1\//);
    const done = await finished(jobId);
    expect(done.state).toBe('done');

    const rows = registered();
    expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const text = pdfText(batchResult(jobs, db, admin, jobId));
    // The PDF prints the numbers the register holds for the batch, not the ones first planned.
    for (const row of rows.slice(1)) expect(text).toContain(row.number);
    expect(text).not.toContain(rows[0].number);
  });

  it('refuses a reversed decision and a decision with nothing left to issue, before starting', async () => {
    const first = graduatedFamilies(db, admin, [1, 2]);
    const { jobId } = await startBatch(jobs, db, admin, { decisionId: first.decisionId, kinds: ['sk_graduasi'] });
    await finished(jobId);
    const early = () =>
      startBatch(jobs, db, admin, { decisionId: first.decisionId, kinds: ['piagam'], issuedDate: '2026-10-01' });
    await expect(early()).rejects.toThrow(/sebelum/);
    const again = () => startBatch(jobs, db, admin, { decisionId: first.decisionId, kinds: ['sk_graduasi'] });
    await expect(again()).rejects.toThrow(AppError);
    await expect(again()).rejects.toThrow(/sudah memiliki dokumen itu/);

    // The fixture gives each decision's pendamping the same NIP, which must stay unique.
    db.$client.prepare('UPDATE pendamping SET nip = NULL').run();
    const second = graduatedFamilies(db, admin, [3]);
    reverseDecision(db, second.decisionId);
    await expect(startBatch(jobs, db, admin, { decisionId: second.decisionId, kinds: ['piagam'] })).rejects.toThrow(
      /sudah dibatalkan/,
    );
    expect(registered()).toHaveLength(2);
  });

  it('prints a batch again marked SALINAN, counting the print', async () => {
    const { decisionId } = graduatedFamilies(db, admin, [1, 2]);
    const { jobId } = await startBatch(jobs, db, admin, { decisionId, kinds: ['sk_graduasi'] });
    await finished(jobId);
    const batchId = registered()[0].batchId;
    const copy = await reprintBatch(db, admin, batchId);
    expect(copy.pages).toBe(2);
    expect(pdfText(copy)).toContain('SALINAN');
    const counts = db.$client.prepare('SELECT print_count FROM documents ORDER BY id').pluck().all();
    expect(counts).toEqual([2, 2]);
  });
});

describe('wisuda batch with documents issued before', () => {
  /** Per page: the kind's title and the family printed on it, and whether it is marked SALINAN. */
  function pages(pdf: PdfFile): string[] {
    const file = pdfFile(pdf.base64);
    return Array.from({ length: pdf.pages }, (_, i) => {
      const text = pdfPageText(file, i + 1);
      const kind = /PIAGAM PENGHARGAAN/.test(text) ? 'piagam' : /SURAT KETERANGAN/.test(text) ? 'sk' : '?';
      const family = text.match(/KELUARGA UJI \d/)?.[0].slice(-1) ?? '?';
      return `${kind} ${family}${/SALINAN/.test(text) ? ' salinan' : ''}`;
    });
  }

  async function withTwoEarlier() {
    const { decisionId, kpmIds } = graduatedFamilies(db, admin, [1, 2, 3, 4]);
    const sk = await issueFamilyDocument(db, admin, {
      kind: 'sk_graduasi',
      kpmId: kpmIds[1],
      issuedDate: '2026-11-02',
    });
    const piagam = await issueFamilyDocument(db, admin, { kind: 'piagam', kpmId: kpmIds[2], issuedDate: '2026-11-02' });
    return { decisionId, earlier: [sk.document, piagam.document] };
  }

  it('names the two issued before, in the plan and in the finished job, and leaves them out unless asked', async () => {
    const { decisionId, earlier } = await withTwoEarlier();
    const plan = await planBatch(db, { decisionId, kinds: ['sk_graduasi', 'piagam'] });
    expect(plan.newDocuments).toBe(6);
    expect(plan.earlier.map((d) => [d.kind, d.number, d.subject])).toEqual([
      ['sk_graduasi', earlier[0].number, 'KELUARGA UJI 2'],
      ['piagam', earlier[1].number, 'KELUARGA UJI 3'],
    ]);

    const { jobId } = await startBatch(jobs, db, admin, {
      decisionId,
      kinds: ['sk_graduasi', 'piagam'],
      issuedDate: '2026-11-20',
    });
    const done = await finished(jobId);
    expect(done).toMatchObject({ state: 'done', issued: 6, reprinted: false });
    expect(done.earlier.map((d) => d.number)).toEqual(earlier.map((d) => d.number));
    const pdf = batchResult(jobs, db, admin, jobId);
    expect(pdf.pages).toBe(6);
    expect(pdfText(pdf)).not.toContain(earlier[0].number);
  });

  it('prints all eight in the order of the ceremony when reprints are asked for, the earlier ones as SALINAN', async () => {
    const { decisionId, earlier } = await withTwoEarlier();
    const { jobId } = await startBatch(jobs, db, admin, {
      decisionId,
      kinds: ['piagam', 'sk_graduasi'],
      issuedDate: '2026-11-20',
      order: 'keluarga',
      reprints: true,
    });
    const done = await finished(jobId);
    expect(done).toMatchObject({ state: 'done', issued: 6, reprinted: true, total: 8 });
    const pdf = batchResult(jobs, db, admin, jobId);
    expect(pdf.pages).toBe(8);
    expect(pages(pdf)).toEqual([
      'sk 1',
      'piagam 1',
      'sk 2 salinan',
      'piagam 2',
      'sk 3',
      'piagam 3 salinan',
      'sk 4',
      'piagam 4',
    ]);
    const text = pdfText(pdf);
    for (const doc of earlier) expect(text).toContain(doc.number);
    // The reprints count as prints of the earlier documents; no new number for them.
    const counts = db.$client
      .prepare('SELECT number, print_count AS n FROM documents WHERE batch_id IS NULL ORDER BY id')
      .all();
    expect(counts).toEqual(earlier.map((d) => ({ number: d.number, n: 2 })));
    expect(registered()).toHaveLength(8);
  });

  it('orders by kind on request, and reprints alone when nothing new is left', async () => {
    const { decisionId } = await withTwoEarlier();
    const byKind = await startBatch(jobs, db, admin, {
      decisionId,
      kinds: ['sk_graduasi', 'piagam'],
      issuedDate: '2026-11-20',
      order: 'jenis',
      reprints: true,
    });
    await finished(byKind.jobId);
    expect(pages(batchResult(jobs, db, admin, byKind.jobId))).toEqual([
      'sk 1',
      'sk 2 salinan',
      'sk 3',
      'sk 4',
      'piagam 1',
      'piagam 2',
      'piagam 3 salinan',
      'piagam 4',
    ]);
    await expect(startBatch(jobs, db, admin, { decisionId, kinds: ['sk_graduasi'] })).rejects.toThrow(
      /4 dokumen sudah diterbitkan sebelumnya/,
    );
    const again = await startBatch(jobs, db, admin, { decisionId, kinds: ['sk_graduasi'], reprints: true });
    const done = await finished(again.jobId);
    expect(done).toMatchObject({ state: 'done', issued: 0, total: 4 });
    expect(batchResult(jobs, db, admin, again.jobId).pages).toBe(4);
    expect(registered()).toHaveLength(8);
  });
});
