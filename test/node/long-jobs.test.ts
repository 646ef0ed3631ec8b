/**
 * The long-jobs worker: PDFs, integrity checks and import checks run in worker threads owned by the app
 * instance, give the same results as the same code in process, report progress, stop on cancel, fail clearly
 * when the worker dies, and end with the app instance.
 */
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { AppDatabase } from '../../main/app-database';
import { renderDocuments } from '../../main/documents/render';
import { type PrintedReport, renderReport } from '../../main/documents/report';
import { integrityProblems, integrityProblemsInWorker } from '../../main/services/backup/verify';
import { type Parsed, type Preview, readAndCheck } from '../../main/services/import/check';
import { readAndCheckInWorker } from '../../main/services/import/check-worker';
import { buildPlan } from '../../main/services/import/plan';
import { DEFAULT_CHOICES } from '../../main/services/import/plan-base';
import { decodeFamilies, decodeItems } from '../../main/services/import/plan-items';
import { openFile } from '../../main/services/import/read';
import { LongJobs } from '../../main/workers/long-jobs';
import { renderDocumentsInWorker, renderReportInWorker } from '../../main/workers/pdf';
import { closeSharedLongJobs, currentLongJobs, sharedLongJobs, withLongJobs } from '../../main/workers/scope';
import { familyRow, headerRow, makeFamilies, xlsxFile } from '../fixtures/messy-files';
import { printedDocument, sampleLogo } from '../support/documents';
import { pdfFile, pdfText, squash } from '../support/pdf';
import { freshDb, placesOf } from './import-db';

afterAll(() => closeSharedLongJobs());

const letters = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    printedDocument('sk_graduasi', {
      number: `460/${i + 1}/Dinsos/XI/2026`,
      kop: { ...printedDocument('sk_graduasi').kop, logo: sampleLogo(64) },
    }),
  );

describe('PDFs in the worker', () => {
  it('gives the same bytes and pages as the layout in process, in base64 with their sha256 made there', async () => {
    const docs = [...letters(3), printedDocument('piagam'), printedDocument('bast')];
    const here = await renderDocuments(docs, { copy: [false, true, false, false, true] });
    const there = await renderDocumentsInWorker(docs, { copy: [false, true, false, false, true] });
    expect(there.pages).toBe(here.pages);
    expect(there.base64).toBe(here.bytes.toString('base64'));
    expect(there.sha256).toBe(createHash('sha256').update(here.bytes).digest('hex'));
  });

  it('gives the same report bytes as in process', async () => {
    const report: PrintedReport = {
      kop: printedDocument('sk_graduasi').kop,
      title: 'Laporan Uji',
      subtitle: ['Semua kecamatan'],
      date: '2026-11-30',
      tables: [
        {
          heading: 'Per kecamatan',
          columns: [
            { label: 'Kecamatan', align: 'left', noWrap: false, wide: true },
            { label: 'Jumlah', align: 'right', noWrap: true, wide: false },
          ],
          rows: Array.from({ length: 120 }, (_, i) => [`KECAMATAN UJI ${i + 1}`, String(i * 3)]),
          total: ['Jumlah', '21420'],
        },
      ],
    };
    const here = await renderReport(report);
    const there = await renderReportInWorker(report);
    expect(there.pages).toBe(here.pages);
    expect(there.pages).toBeGreaterThan(1);
    expect(there.base64).toBe(here.bytes.toString('base64'));
    expect(there.sha256).toBe(createHash('sha256').update(here.bytes).digest('hex'));
    expect(squash(pdfText(pdfFile(Buffer.from(there.base64, 'base64'))))).toContain('KECAMATAN UJI 120');
  });

  it('reports progress while the batch is laid out, before the PDF is done', async () => {
    const seen: { done: number; at: number }[] = [];
    const started = performance.now();
    const rendered = renderDocumentsInWorker(letters(60), {
      onProgress: (done, total) => {
        expect(total).toBe(60);
        seen.push({ done, at: performance.now() - started });
      },
    });
    const { pages } = await rendered;
    const finished = performance.now() - started;
    expect(pages).toBe(60);
    const done = seen.map((s) => s.done);
    expect(done.at(-1)).toBe(60);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Progress arrived on this thread while the worker was still laying out, not all at the end.
    const early = seen.filter((s) => s.done > 0 && s.done < 60);
    expect(early.length).toBeGreaterThan(5);
    expect(early[0].at).toBeLessThan(finished - 50);
  });

  it('a cancel ends the worker at once and the next job runs', async () => {
    const controller = new AbortController();
    let progressed = 0;
    let abortedAt = 0;
    const rendering = renderDocumentsInWorker(letters(400), {
      signal: controller.signal,
      onProgress: (done) => {
        progressed = done;
        if (done >= 5 && !abortedAt) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(rendering).rejects.toMatchObject({ code: 'CANCELLED', message: 'Pembuatan dokumen dibatalkan.' });
    // The other 395 letters take seconds to lay out: the answer came without waiting for them.
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(progressed).toBeLessThan(400);
    const { pages } = await renderDocumentsInWorker(letters(2));
    expect(pages).toBe(2);
  });
});

describe('a worker that dies', () => {
  it('fails the job with a clear Indonesian message instead of hanging', async () => {
    const jobs = new LongJobs({
      entry: { filename: fileURLToPath(new URL('../support/crash-worker.mjs', import.meta.url)) },
    });
    try {
      const error = await jobs.run('render-documents', {}).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'INTERNAL' });
      expect((error as Error).message).toBe(
        'Pembuatan PDF berhenti tiba-tiba (proses latar belakang gagal). Tidak ada data yang berubah; coba lagi. Bila terulang, hubungi admin.',
      );
    } finally {
      await jobs.close();
    }
  });
});

describe('integrity checks and import checks in the worker', () => {
  it('finds the same integrity problems as in process', async () => {
    const { db, file } = await freshDb();
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(await integrityProblemsInWorker(file)).toEqual(integrityProblems(file));
    expect(await integrityProblemsInWorker(`${file}.tidak-ada`)).toEqual(integrityProblems(`${file}.tidak-ada`));
    db.$client.close();
  });

  it('reads, checks and plans a file to the same families, problems and plan as in process', async () => {
    const { db } = await freshDb();
    try {
      const families = makeFamilies(30, placesOf(db), { seed: 3, pendamping: ['BUDI SANTOSO'] });
      const rows = families.map((f, i) => familyRow(f, 'pendamping', {}, i));
      rows[4][3] = '12345'; // a NIK too short: a row problem
      const bytes = await xlsxFile([{ name: 'KPM', rows: [['DATA KPM'], headerRow('pendamping'), ...rows] }]);
      const options = { today: new Date('2026-11-22T00:00:00Z') };
      const choices = { defaults: { ...DEFAULT_CHOICES }, overrides: {}, createPendamping: [] };
      const run = (totals: number[]) => ({
        db,
        opened: openFile(bytes),
        options,
        setTotal: (total: number) => totals.push(total),
        onBytes: () => {},
        stale: () => false,
        checkCancelled: () => {},
      });
      const here = (await readAndCheck(run([]))) as { parsed: Parsed; preview: Preview };
      const plan = await buildPlan(here.parsed.families, {
        conn: db.$client,
        choices,
        today: options.today,
        columnOf: () => ({ header: '', column: '' }),
      });
      const totals: number[] = [];
      const planned: number[] = [];
      const jobs = new LongJobs();
      const there = await withLongJobs(jobs, () =>
        readAndCheckInWorker({
          ...run(totals),
          bytes,
          choices,
          onChecked: (n) => planned.push(n),
          onPlanned: () => {},
        }),
      );
      // The import's worker has ended by the time its answer is given: its heap is not there when a commit begins.
      expect(jobs.running).toBe(false);
      await jobs.close();
      if (!there) throw new Error('no answer');
      const { families: encoded, familyCount, ...parsed } = there.parsed;
      const { families: _families, ...expected } = here.parsed;
      expect(parsed).toEqual(expected);
      expect(there.preview).toEqual(here.preview);
      // The families and the plan's items cross as buffers, decoded to what the process itself finds.
      expect(encoded.every((chunk) => chunk instanceof ArrayBuffer)).toBe(true);
      expect(decodeFamilies(encoded)).toEqual(here.parsed.families);
      expect([familyCount, planned]).toEqual([30, [30]]);
      expect(there.plan.items.every((chunk) => chunk instanceof ArrayBuffer)).toBe(true);
      expect(there.plan.items.flatMap(decodeItems)).toEqual(
        plan.items.map(({ family, note: _note, ...item }) => ({ ...item, row: family.row, rows: family.rows })),
      );
      expect([there.plan.digest, there.plan.counts, there.plan.fingerprint]).toEqual([
        plan.digest,
        plan.counts,
        plan.fingerprint,
      ]);
      expect(there.parsed.rowProblems.length).toBeGreaterThan(0);
      expect(totals).toHaveLength(1);
    } finally {
      db.$client.close();
    }
  });
});

describe('the workers belong to the app instance', () => {
  it('a call runs in the instance workers, which end when the instance closes', async () => {
    const { db, file } = await freshDb();
    db.$client.close();
    const app = AppDatabase.open({ configDir: dirname(file), databaseFile: file });
    expect(app.longJobs.running).toBe(false);
    // A wrapped database (tests, tools) borrows the process's shared workers and leaves them open.
    const wrapped = AppDatabase.wrap(openDatabase(file));
    expect(wrapped.longJobs).toBe(sharedLongJobs());
    wrapped.close();
    const seen = app.withLongJobs(() => currentLongJobs());
    expect(seen).toBe(app.longJobs);
    expect(withLongJobs(new LongJobs(), () => currentLongJobs())).not.toBe(app.longJobs);
    expect(await app.withLongJobs(() => integrityProblemsInWorker(file))).toEqual([]);
    expect(app.longJobs.running).toBe(true);
    await app.shutdown();
    expect(app.longJobs.running).toBe(false);
    expect(() => app.db).toThrow();
    await expect(app.longJobs.run('integrity', { file })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Pemeriksaan berkas cadangan tidak dapat dimulai: aplikasi sedang ditutup.',
    });
  });
});
