/**
 * Import defaults that lose nothing: DTKS files without ID KPM, ID KPM filled in later,
 * registered families skipped unless chosen with every difference shown, case-only differences ignored, and
 * region suggestions accepted once for every row with that name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { ImportJobs } from '../../main/services/import/job-store';
import {
  checkImport,
  chooseImport,
  commitImport,
  configureImport,
  type ImportJob,
  type StartInput,
} from '../../main/services/import/jobs';
import { importReport, problemsPage } from '../../main/services/import/report';
import { type Cell, csvFile, familyRow, headerRow, makeFamilies, xlsxFile } from '../fixtures/messy-files';
import { ADMIN, count, freshDb, placesOf } from './import-db';

const TODAY = new Date('2026-11-22T00:00:00Z');
const DTKS_FILE = join(__dirname, '../fixtures/dtks-tanpa-id-kpm.txt');
let db: Db;
let jobs: ImportJobs;
let places: ReturnType<typeof placesOf>;

beforeAll(async () => {
  const fresh = await freshDb();
  places = placesOf(fresh.db);
  fresh.db.$client.close();
});

afterEach(() => db?.$client.close());

async function open() {
  db = (await freshDb()).db;
  jobs = new ImportJobs();
}

const check = (input: Omit<StartInput, 'today'>) => checkImport(jobs, db, ADMIN, { ...input, today: TODAY });
const report = (job: ImportJob) => importReport(jobs, ADMIN, job.id, { duplicates: 100 });
const commit = (job: ImportJob) => commitImport(jobs, db, ADMIN, job.id, report(job).planId as string);
const codes = (job: ImportJob) => problemsPage(jobs, ADMIN, job.id, { limit: 100 }).items.map((p) => [p.row, p.code]);
const kpmByNik = (nik: string) =>
  db.$client.prepare('SELECT * FROM kpm WHERE nik = ?').get(nik) as Record<string, unknown> | undefined;

/** The DTKS fixture's rows, as cells. */
const dtksRows = (): Cell[][] =>
  readFileSync(DTKS_FILE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('|'));

describe('a DTKS file without ID KPM', () => {
  it('imports its families from the pipe-separated text and from the xlsx, then a file with ID KPM fills them in', async () => {
    await open();
    const text = await check({ fileName: 'dtks.txt', bytes: readFileSync(DTKS_FILE) });
    expect(report(text)).toMatchObject({
      file: { kind: 'csv', delimiter: '|' },
      counts: { families: 4, add: 4, error: 0 },
      problemsTotal: { error: 0 },
    });
    expect(await commit(text)).toMatchObject({ added: 4 });
    expect(kpmByNik('3528024507850001')).toMatchObject({
      id_kpm: null,
      id_dtks: '3528020000000001',
      no_kk: '3528020101100001',
      nama: 'SITI AMINAH CONTOH',
      tanggal_lahir: '1985-07-05',
      village_code: '3528022022',
    });
    expect(count(db, 'SELECT count(*) AS n FROM kpm WHERE id_kpm IS NULL')).toBe(4);

    // The same rows as an xlsx, into an empty registry.
    db.$client.close();
    await open();
    const xlsx = await check({ fileName: 'dtks.xlsx', bytes: await xlsxFile([{ name: 'DTKS', rows: dtksRows() }]) });
    expect(report(xlsx).counts).toMatchObject({ families: 4, add: 4, error: 0 });
    await commit(xlsx);

    // A file with ID KPM by NIK: fills in the empty ID KPM (by default); a different ID KPM is not overwritten.
    db.$client.prepare("UPDATE kpm SET id_kpm = 'P3528000000004' WHERE nik = '3528024101920004'").run();
    const withId = await check({
      fileName: 'id-kpm.csv',
      bytes: csvFile([
        ['ID KPM', 'NIK'],
        ['P3528000000001', '3528024507850001'],
        ['P3528000000002', '3528025203880002'],
        ['P3528000000099', '3528024101920004'],
      ]),
    });
    const r = report(withId);
    expect(r.counts).toMatchObject({ families: 3, add: 0, update: 2, skip: 1, error: 0 });
    expect(r.duplicates.map((d) => [d.row, d.kind, d.choice])).toEqual([
      [2, 'db_fill', 'update'],
      [3, 'db_fill', 'update'],
      [4, 'db', 'skip'],
    ]);
    expect(r.duplicates[0].differences).toEqual([{ label: 'ID KPM', registered: '(kosong)', file: 'P3528000000001' }]);
    expect(codes(withId)).toEqual([[4, 'DB_IDKPM_DIFFERS']]);
    expect(await commit(withId)).toMatchObject({ updated: 2 });
    expect(kpmByNik('3528024507850001')?.id_kpm).toBe('P3528000000001');
    expect(kpmByNik('3528025203880002')?.id_kpm).toBe('P3528000000002');
    expect(kpmByNik('3528026110900003')?.id_kpm).toBeNull();
    expect(kpmByNik('3528024101920004')?.id_kpm).toBe('P3528000000004');
  });
});

describe('a registered family that differs', () => {
  it('is skipped by default with its differences; "Perbarui semua" and per-row choices decide what is written', async () => {
    await open();
    const [a, b, c] = makeFamilies(3, places, { seed: 70 });
    await commit(
      await check({
        fileName: 'v1.csv',
        bytes: csvFile([headerRow('siksng'), ...[a, b, c].map((f) => familyRow(f, 'siksng'))]),
      }),
    );
    const rows = [
      familyRow({ ...a, alamat: 'JL. BARU A' }, 'siksng'),
      familyRow({ ...b, alamat: 'JL. BARU B', rt: '099' }, 'siksng'),
      // Only letter case and spaces around the name differ: no change.
      familyRow({ ...c, nama: `  ${c.nama.toLowerCase()} ` }, 'siksng'),
    ];
    const job = await check({ fileName: 'v2.csv', bytes: csvFile([headerRow('siksng'), ...rows]) });
    let r = report(job);
    expect(r.counts).toMatchObject({ families: 3, update: 0, skip: 2, unchanged: 1 });
    expect(
      r.duplicates.map((d) => ({ row: d.row, kind: d.kind, choice: d.choice, differences: d.differences })),
    ).toEqual([
      {
        row: 2,
        kind: 'db',
        choice: 'skip',
        differences: [{ label: 'alamat', registered: a.alamat, file: 'JL. BARU A' }],
      },
      {
        row: 3,
        kind: 'db',
        choice: 'skip',
        differences: [
          { label: 'alamat', registered: b.alamat, file: 'JL. BARU B' },
          { label: 'RT', registered: b.rt, file: '099' },
        ],
      },
    ]);

    r = await chooseImport(jobs, ADMIN, job.id, { overrides: { '3': 'update' } });
    expect(r.counts).toMatchObject({ update: 1, skip: 1 });
    // "Perbarui semua": every row of the kind, the earlier row choice included.
    r = await chooseImport(jobs, ADMIN, job.id, { defaults: { db: 'update' } });
    expect(r.counts).toMatchObject({ update: 2, skip: 0 });
    expect(r.choices.overrides).toEqual({});
    r = await chooseImport(jobs, ADMIN, job.id, { overrides: { '2': 'skip' } });
    expect(r.counts).toMatchObject({ update: 1, skip: 1, unchanged: 1 });

    const updatedAt = kpmByNik(c.nik)?.updated_at;
    expect(await commit(job)).toMatchObject({ updated: 1, skipped: 1, unchanged: 1 });
    expect(kpmByNik(a.nik)?.alamat).toBe(a.alamat);
    expect(kpmByNik(b.nik)).toMatchObject({ alamat: 'JL. BARU B', rt: '099' });
    expect(kpmByNik(c.nik)).toMatchObject({ nama: c.nama, updated_at: updatedAt });
  });
});

describe('region suggestions', () => {
  it('accepts a suggestion once for every row with that name, and writes exactly that', async () => {
    await open();
    const buddagan = {
      district: { code: '352802', name: 'Pademawu' },
      village: { code: '3528022022', name: 'Buddagan' },
    };
    const f = makeFamilies(4, [buddagan], { seed: 71 });
    const misspelt = { ...buddagan.village, name: 'BUDAGAN' };
    const rows: Cell[][] = [
      headerRow('siksng'),
      familyRow({ ...f[0], village: misspelt }, 'siksng'),
      familyRow(f[1], 'siksng'),
      familyRow({ ...f[2], village: misspelt }, 'siksng'),
      familyRow({ ...f[3], district: { ...buddagan.district, name: 'Pademau' } }, 'siksng'),
    ];
    const job = await check({ fileName: 'wilayah.csv', bytes: csvFile(rows) });
    let r = report(job);
    expect(r.counts).toMatchObject({ add: 1, error: 3 });
    expect(
      r.regionSuggestions.map((s) => [s.level, s.value, s.within, s.suggestion.name, s.rows, s.firstRows, s.accepted]),
    ).toEqual([
      ['desa', 'BUDAGAN', 'PADEMAWU', 'BUDDAGAN', 2, [2, 4], false],
      ['kecamatan', 'Pademau', null, 'PADEMAWU', 1, [5], false],
    ]);
    const desa = r.regionSuggestions[0].key;

    configureImport(jobs, ADMIN, job.id, { acceptSuggestions: [desa] });
    await job.running;
    r = report(job);
    expect(r.counts).toMatchObject({ add: 3, error: 1 });
    expect(r.regionSuggestions.map((s) => s.accepted)).toEqual([true, false]);
    expect(codes(job)).toEqual([[5, 'REGION_DISTRICT_UNKNOWN']]);
    expect(await commit(job)).toMatchObject({ added: 3, errors: 1 });
    for (const x of [f[0], f[1], f[2]]) expect(kpmByNik(x.nik)?.village_code).toBe('3528022022');
    expect(kpmByNik(f[3].nik)).toBeUndefined();
  });
});
