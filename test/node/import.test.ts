/**
 * Import of messy office spreadsheets, end to end on real SQLite files: dry run, exact counts and problems,
 * choices, commit, re-import, undo.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { ImportJobs } from '../../main/services/import/job-store';
import {
  cancelImport,
  checkImport,
  chooseImport,
  commitImport,
  configureImport,
  type ImportJob,
  importProgress,
  type StartInput,
  startImport,
} from '../../main/services/import/jobs';
import { listMappings, saveMapping } from '../../main/services/import/mapping';
import { importReport, problemsPage } from '../../main/services/import/report';
import { problemsXlsx } from '../../main/services/import/report-xlsx';
import { listBatches, undoBatch } from '../../main/services/import/undo';
import { readEntry, readZipDirectory, type ZipEntry } from '../../main/services/import/zip';
import { updateKpm } from '../../main/services/kpm';
import { createPendamping } from '../../main/services/pendamping';
import {
  badFiles,
  type Cell,
  csvFile,
  familyRow,
  headerRow,
  MEMBER_HEADER,
  type MessyFamily,
  makeFamilies,
  memberRows,
  writeDate,
  writeRegion,
  xlsxFile,
} from '../fixtures/messy-files';
import { appErrorOf } from '../support/errors';
import { ADMIN, count, freshDb, OPERATOR, placesOf, VERIFIKATOR } from './import-db';

const TODAY = new Date('2026-11-22T00:00:00Z');
let db: Db;
/** Each test's own import jobs, as each app instance has its own. */
let jobs: ImportJobs;
let places: ReturnType<typeof placesOf>;

beforeAll(async () => {
  const fresh = await freshDb();
  places = placesOf(fresh.db);
  fresh.db.$client.close();
});

afterEach(() => {
  db?.$client.close();
});

async function open() {
  db = (await freshDb()).db;
  jobs = new ImportJobs();
  return db;
}

function check(input: Omit<StartInput, 'today'>, actor = ADMIN): Promise<ImportJob> {
  return checkImport(jobs, db, actor, { ...input, today: TODAY });
}

/** Chooses to update the registered families that differ (the default skips them). */
async function updating(job: ImportJob): Promise<ImportJob> {
  await chooseImport(jobs, ADMIN, job.id, { defaults: { db: 'update' } });
  return job;
}

async function commit(job: ImportJob, actor = ADMIN) {
  return commitImport(jobs, db, actor, job.id, importReport(jobs, actor, job.id).planId as string);
}

const problems = (job: ImportJob, actor = ADMIN) => problemsPage(jobs, actor, job.id, { limit: 1000 }).items;
const brief = (job: ImportJob) =>
  problems(job).map((p) => ({ row: p.row, column: p.column, code: p.code, severity: p.severity }));
const kpmCount = () => count(db, 'SELECT count(*) AS n FROM kpm');
const kpmByNik = (nik: string) =>
  db.$client.prepare('SELECT * FROM kpm WHERE nik = ?').get(nik) as Record<string, unknown> | undefined;

describe('header and mapping', () => {
  it('finds the header under title rows and maps renamed headers', async () => {
    await open();
    const families = makeFamilies(8, places, { seed: 1, pendamping: ['BUDI SANTOSO', 'Sri Mulyani'] });
    const buf = await xlsxFile([
      {
        name: 'KPM Pademawu',
        rows: [
          ['DAFTAR KPM PKH KECAMATAN PADEMAWU'],
          ['TAHUN 2025'],
          [],
          headerRow('pendamping'),
          ...families.map((f, i) => familyRow(f, 'pendamping', {}, i)),
        ],
      },
    ]);
    const job = await check({ fileName: 'kpm-pademawu.xlsx', bytes: buf });
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.header?.row).toBe(4);
    expect(report.header?.titleRows).toBe(2);
    expect(report.mapping).toEqual({
      idKpm: 1,
      noKk: 2,
      nik: 3,
      nama: 4,
      tanggalLahir: 5,
      jenisKelamin: 6,
      alamat: 7,
      rt: 8,
      rw: 9,
      kecamatan: 10,
      desa: 11,
      pendamping: 12,
    });
    expect(report.layout).toBe('keluarga');
    expect(report.counts).toMatchObject({ families: 8, add: 8, update: 0, unchanged: 0, skip: 0, error: 0 });
    expect(report.problemsTotal).toEqual({ error: 0, warning: 0 });
    expect(report.canCommit).toBe(true);

    const before = kpmCount();
    const outcome = await commit(job);
    expect(outcome.added).toBe(8);
    expect(kpmCount()).toBe(before + 8);
    const f = families[1];
    const row = kpmByNik(f.nik);
    expect(row).toMatchObject({
      id_kpm: f.idKpm.toUpperCase(),
      no_kk: f.noKk,
      nama: f.nama,
      tanggal_lahir: f.tanggalLahir,
      jenis_kelamin: 'P',
      rt: f.rt,
      rw: f.rw,
      district_code: f.district.code,
      village_code: f.village.code,
      status: 'aktif',
      import_batch_id: outcome.batchId,
    });
    // "Sri Mulyani" is the registered "SRI MULYANI, S.Sos".
    const pendamping = db.$client.prepare('SELECT name FROM pendamping WHERE id = ?').get(row?.pendamping_id) as {
      name: string;
    };
    expect(pendamping.name).toBe('SRI MULYANI, S.Sos');
  });

  it('uses a saved mapping, and reads the same file again with a corrected mapping', async () => {
    await open();
    const families = makeFamilies(3, places, { seed: 2 });
    const rows: Cell[][] = [
      ['Kode Keluarga', 'Induk Penduduk', 'Kartu', 'Ibu', 'Wilayah Desa'],
      ...families.map((f) => [f.idKpm, f.nik, f.noKk, f.nama, f.village.code]),
    ];
    const buf = csvFile(rows, { delimiter: ';' });
    const job = await check({ fileName: 'aneh.csv', bytes: buf });
    // No header is recognised: the report shows the first rows to choose it from.
    let report = importReport(jobs, ADMIN, job.id);
    expect(report.fatal).toMatch(/Baris judul kolom tidak ditemukan/);
    expect(report.header).toBeNull();
    expect(report.preview[0]).toEqual({
      row: 1,
      cells: ['Kode Keluarga', 'Induk Penduduk', 'Kartu', 'Ibu', 'Wilayah Desa'],
    });
    configureImport(jobs, ADMIN, job.id, { headerRow: 1 });
    await job.running;
    report = importReport(jobs, ADMIN, job.id);
    expect(report.fatal).toMatch(/belum dipetakan/);
    // Only the column of village codes is recognised, from its content.
    expect(report.header?.columns.map((c) => c.field)).toEqual([null, null, null, null, 'desa']);
    expect(report.canCommit).toBe(false);

    configureImport(jobs, ADMIN, job.id, { mapping: { idKpm: 0, nik: 1, noKk: 2, nama: 3, desa: 4 } });
    await job.running;
    report = importReport(jobs, ADMIN, job.id);
    expect(report.mappingSource).toBe('pengguna');
    expect(report.counts).toMatchObject({ add: 3, error: 0 });

    saveMapping(db, ADMIN, 'Format desa', {
      idKpm: 'Kode Keluarga',
      nik: 'Induk Penduduk',
      noKk: 'Kartu',
      nama: 'Ibu',
      desa: 'Wilayah Desa',
    });
    expect(listMappings(db).map((m) => m.name)).toEqual(['Format desa']);
    const again = await check({ fileName: 'aneh.csv', bytes: buf, mappingName: 'format desa' });
    expect(importReport(jobs, ADMIN, again.id)).toMatchObject({
      mappingSource: 'tersimpan',
      mappingName: 'Format desa',
      counts: { add: 3 },
    });
  });

  it('refuses a mapping that feeds two fields from one column', async () => {
    await open();
    const job = await check({
      fileName: 'a.csv',
      bytes: csvFile([
        ['NIK', 'NAMA'],
        ['3528024512800001', 'SITI'],
      ]),
    });
    configureImport(jobs, ADMIN, job.id, { mapping: { nik: 0, noKk: 0 } });
    await job.running;
    expect(importProgress(jobs, ADMIN, job.id)).toMatchObject({
      status: 'failed',
      error: { code: 'INVALID_INPUT', fields: { noKk: expect.stringContaining('NIK') } },
    });
  });

  it('picks the sheet with the data, and reads another sheet on request', async () => {
    await open();
    const [a, b] = makeFamilies(2, places, { seed: 3 });
    const buf = await xlsxFile([
      { name: 'Petunjuk', rows: [['Isi data mulai baris 3'], ['Jangan ubah judul kolom']] },
      { name: 'Data', rows: [headerRow('siksng'), familyRow(a, 'siksng')] },
      { name: 'Susulan', rows: [['DATA SUSULAN'], headerRow('dtks'), familyRow(b, 'dtks')] },
    ]);
    const job = await check({ fileName: 'buku.xlsx', bytes: buf });
    expect(importReport(jobs, ADMIN, job.id).file).toMatchObject({
      sheet: 'Data',
      sheets: [{ name: 'Petunjuk' }, { name: 'Data' }, { name: 'Susulan' }],
    });
    configureImport(jobs, ADMIN, job.id, { sheet: 'Susulan' });
    await job.running;
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.file.sheet).toBe('Susulan');
    expect(report.header?.row).toBe(2);
    expect(report.counts.add).toBe(1);
    configureImport(jobs, ADMIN, job.id, { sheet: 'Tidak Ada' });
    await job.running;
    expect(importProgress(jobs, ADMIN, job.id).error?.message).toMatch(/Lembar "Tidak Ada" tidak ada/);
  });

  it('says clearly when there is no header row', async () => {
    await open();
    const job = startImport(jobs, db, ADMIN, { fileName: 'x.csv', bytes: Buffer.from('halo;dunia\n1;2\n') });
    await job.running;
    expect(importProgress(jobs, ADMIN, job.id).status).toBe('ready');
    expect(importReport(jobs, ADMIN, job.id)).toMatchObject({
      fatal: expect.stringContaining('Baris judul kolom tidak ditemukan di 30 baris pertama berkas'),
      canCommit: false,
      preview: [
        { row: 1, cells: ['halo', 'dunia'] },
        { row: 2, cells: ['1', '2'] },
      ],
    });
  });
});

describe('values', () => {
  it('accepts NIK numbers only when all digits survived', async () => {
    await open();
    const f = makeFamilies(6, places, { seed: 4 });
    const endsInZero = `${f[1].nik.slice(0, 15)}0`;
    const rows: Cell[][] = [
      headerRow('siksng'),
      familyRow(f[0], 'siksng', { nik: 'number' }),
      familyRow({ ...f[1], nik: endsInZero }, 'siksng', { nik: 'number' }),
      familyRow(f[2], 'siksng', { nik: 'scientific' }),
      familyRow({ ...f[3], nik: `91710${f[3].nik.slice(5)}` }, 'siksng', { nik: 'number' }),
      familyRow(f[4], 'siksng', { nik: 'apostrophe', kk: 'spaced' }),
      familyRow(f[5], 'siksng', { nik: 'dotted', kk: 'number' }),
    ];
    const job = await check({ fileName: 'nik-angka.xlsx', bytes: await xlsxFile([{ name: 'Data', rows }]) });
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.counts).toMatchObject({ families: 6, add: 3, error: 3 });
    expect(brief(job)).toEqual([
      { row: 3, column: 'E', code: 'NIK_EXCEL_NUMBER', severity: 'error' },
      { row: 4, column: 'E', code: 'NIK_EXCEL_NUMBER', severity: 'error' },
      { row: 5, column: 'E', code: 'NIK_EXCEL_NUMBER', severity: 'error' },
    ]);
    const p = problems(job);
    expect(p[1]).toMatchObject({
      header: 'NIK PENGURUS',
      value: `${f[2].nik[0]}.${f[2].nik.slice(1, 6)}E+15`,
      message: `Baris 4, kolom NIK PENGURUS: nilai ${f[2].nik[0]}.${f[2].nik.slice(1, 6)}E+15 telah diubah Excel menjadi angka dan digitnya hilang. Format kolom NIK sebagai Teks lalu ketik ulang.`,
      expected: expect.stringContaining('16 digit'),
    });
    expect(p[0].message).toMatch(/Excel hanya menyimpan 15 digit/);
    await commit(job);
    expect(kpmByNik(f[0].nik)?.no_kk).toBe(f[0].noKk);
    expect(kpmByNik(f[4].nik)?.no_kk).toBe(f[4].noKk);
    expect(kpmByNik(f[5].nik)?.no_kk).toBe(f[5].noKk);
  });

  it('reads a ; CSV in Windows-1252 with dates in every format', async () => {
    await open();
    const f = makeFamilies(6, places, { seed: 5 });
    const styles = ['iso', 'dmy-dash', 'dmy-slash', 'indo-long', 'indo-short', 'serial'] as const;
    const withAccents = f.map((x, i) => ({ ...x, alamat: i === 0 ? 'KAMPUNG BARU – GG. MAWAR ‘2’' : x.alamat }));
    const rows: Cell[][] = [
      ['REKAP KPM PKH'],
      headerRow('dtks'),
      ...withAccents.map((x, i) =>
        familyRow(x, 'dtks', { date: styles[i], sex: 'word', region: i % 2 ? 'prefixed' : 'lower' }),
      ),
    ];
    const bytes = csvFile(rows, { delimiter: ';', encoding: 'windows-1252' });
    const job = await check({ fileName: 'rekap.csv', bytes });
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.file).toMatchObject({ kind: 'csv', encoding: 'Windows-1252', delimiter: ';' });
    expect(report.header?.row).toBe(2);
    expect(report.problemsTotal).toEqual({ error: 0, warning: 0 });
    expect(report.counts.add).toBe(6);
    await commit(job);
    for (const x of withAccents) {
      expect(kpmByNik(x.nik)).toMatchObject({
        tanggal_lahir: x.tanggalLahir,
        alamat: x.alamat,
        village_code: x.village.code,
      });
    }
  });

  it('reads date cells and serial numbers in xlsx, and reports impossible dates', async () => {
    await open();
    const f = makeFamilies(4, places, { seed: 6 });
    const rows: Cell[][] = [
      headerRow('siksng'),
      familyRow(f[0], 'siksng', { date: 'date-cell' }),
      familyRow(f[1], 'siksng', { date: 'serial' }),
      familyRow(f[2], 'siksng', { date: 'indo-short' }),
      [...familyRow(f[3], 'siksng').slice(0, 7), '31/02/1980', ...familyRow(f[3], 'siksng').slice(8)],
    ];
    const job = await check({ fileName: 'tgl.xlsx', bytes: await xlsxFile([{ name: 'Data', rows }]) });
    expect(brief(job)).toEqual([{ row: 5, column: 'H', code: 'DATE_INVALID', severity: 'error' }]);
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ add: 3, error: 1 });
    await commit(job);
    for (const x of f.slice(0, 3)) expect(kpmByNik(x.nik)?.tanggal_lahir).toBe(x.tanggalLahir);
    expect(kpmByNik(f[3].nik)).toBeUndefined();
  });

  it('warns where the NIK disagrees with the birth date, and imports the row', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 7 });
    const rows: Cell[][] = [headerRow('siksng'), familyRow({ ...f, tanggalLahir: '1970-01-01' }, 'siksng')];
    const job = await check({ fileName: 'a.csv', bytes: csvFile(rows) });
    expect(brief(job)).toEqual([{ row: 2, column: 'H', code: 'NIK_DATE_MISMATCH', severity: 'warning' }]);
    expect(importReport(jobs, ADMIN, job.id).counts.add).toBe(1);
  });
});

describe('duplicates', () => {
  it('skips identical rows, asks about conflicting ones, and adds a second family of one KK', async () => {
    await open();
    const [a, b, c] = makeFamilies(3, places, { seed: 8 });
    const [other] = makeFamilies(1, places, { seed: 9 });
    const sameKk: MessyFamily = { ...other, noKk: c.noKk };
    const bChanged = { ...b, alamat: 'JL. BARU NO. 9' };
    const rows: Cell[][] = [headerRow('siksng'), ...[a, b, a, bChanged, c, sameKk].map((f) => familyRow(f, 'siksng'))];
    const job = await check({ fileName: 'ganda.csv', bytes: csvFile(rows) });
    let report = importReport(jobs, ADMIN, job.id);
    expect(report.counts).toMatchObject({ families: 6, add: 4, skip: 2, merged: 0, error: 0 });
    expect(brief(job)).toEqual([{ row: 4, column: 'E', code: 'FILE_DUPLICATE_SAME', severity: 'warning' }]);
    expect(report.duplicates).toEqual([
      {
        row: 5,
        kind: 'file',
        key: 'NIK',
        value: b.nik,
        otherRows: [3],
        existing: null,
        changes: ['alamat'],
        differences: [{ label: 'alamat', registered: b.alamat, file: 'JL. BARU NO. 9' }],
        allowed: ['skip', 'update'],
        choice: 'skip',
      },
      {
        row: 7,
        kind: 'file_kk',
        key: 'No. KK',
        value: c.noKk,
        otherRows: [6],
        existing: null,
        changes: expect.any(Array),
        differences: expect.any(Array),
        allowed: ['add', 'skip'],
        choice: 'add',
      },
    ]);

    report = await chooseImport(jobs, ADMIN, job.id, { overrides: { '5': 'update', '7': 'skip' } });
    expect(report.counts).toMatchObject({ add: 3, skip: 2, merged: 1 });
    await commit(job);
    expect(kpmByNik(b.nik)?.alamat).toBe('JL. BARU NO. 9');
    expect(kpmByNik(sameKk.nik)).toBeUndefined();
  });

  it('matches the registry by NIK, ID KPM and No. KK, and refuses ambiguous keys', async () => {
    await open();
    const [a, b, c, d, e, f1] = makeFamilies(6, places, { seed: 10 });
    const [f2] = makeFamilies(1, places, { seed: 11 });
    const first = await check({
      fileName: 'awal.csv',
      bytes: csvFile([
        headerRow('siksng'),
        ...[a, b, c, d, e, f1, { ...f2, noKk: f1.noKk }].map((f) => familyRow(f, 'siksng')),
      ]),
    });
    expect(importReport(jobs, ADMIN, first.id).counts.add).toBe(7);
    await commit(first);

    const [cNew, y] = makeFamilies(2, places, { seed: 12 });
    const rows: Cell[][] = [
      headerRow('siksng'),
      familyRow({ ...a, alamat: 'JL. PINDAH NO. 1' }, 'siksng'), // 2: same NIK, new address -> update
      familyRow(b, 'siksng'), // 3: identical -> unchanged
      familyRow({ ...cNew, noKk: c.noKk }, 'siksng'), // 4: only the No. KK matches -> ask, default skip
      familyRow({ ...d, idKpm: e.idKpm }, 'siksng'), // 5: NIK of d, ID KPM of e -> error
      familyRow({ ...y, noKk: f1.noKk }, 'siksng'), // 6: No. KK of two registered families -> error
    ];
    const job = await check({ fileName: 'susulan.csv', bytes: csvFile(rows) });
    let report = importReport(jobs, ADMIN, job.id);
    // Registered families that would change are skipped unless the user chooses otherwise.
    expect(report.counts).toMatchObject({ families: 5, add: 0, update: 0, unchanged: 1, skip: 2, error: 2 });
    expect(brief(job)).toEqual([
      { row: 5, column: 'B', code: 'DB_KEY_CONFLICT', severity: 'error' },
      { row: 6, column: 'D', code: 'DB_KK_AMBIGUOUS', severity: 'error' },
    ]);
    expect(
      report.duplicates.map((x) => ({
        row: x.row,
        kind: x.kind,
        key: x.key,
        choice: x.choice,
        changes: x.changes,
        existing: x.existing?.nik,
      })),
    ).toEqual([
      { row: 2, kind: 'db', key: 'NIK', choice: 'skip', changes: ['alamat'], existing: a.nik },
      {
        row: 4,
        kind: 'db_kk',
        key: 'No. KK',
        choice: 'skip',
        changes: expect.arrayContaining(['ID KPM', 'NIK', 'nama']),
        existing: c.nik,
      },
    ]);
    report = await chooseImport(jobs, ADMIN, job.id, { overrides: { '2': 'update', '4': 'add' } });
    expect(report.counts).toMatchObject({ add: 1, update: 1, unchanged: 1, skip: 0, error: 2 });
    const before = kpmCount();
    const outcome = await commit(job);
    expect(outcome).toMatchObject({ added: 1, updated: 1 });
    expect(kpmCount()).toBe(before + 1);
    expect(kpmByNik(a.nik)).toMatchObject({ alamat: 'JL. PINDAH NO. 1', import_batch_id: outcome.batchId });
    expect(kpmByNik(cNew.nik)?.no_kk).toBe(c.noKk);
    const audit = db.$client
      .prepare(
        "SELECT action, before, after, import_batch_id FROM audit_log WHERE entity = 'kpm' AND entity_id = ? ORDER BY id",
      )
      .all(kpmByNik(a.nik)?.id) as { action: string; before: string; import_batch_id: number }[];
    expect(audit.map((x) => [x.action, x.import_batch_id])).toEqual([
      ['create', first.batchId],
      ['update', outcome.batchId],
    ]);
    expect(JSON.parse(audit[1].before).kpm.alamat).toBe(a.alamat);
  });

  it('adds nothing when the same file is imported twice', async () => {
    await open();
    const families = makeFamilies(5, places, { seed: 13, members: 2 });
    const rows: Cell[][] = [MEMBER_HEADER, ...families.flatMap(memberRows)];
    const bytes = await xlsxFile([{ name: 'Data', rows }]);
    const first = await check({ fileName: 'kpm.xlsx', bytes });
    const done = await commit(first);
    expect(done).toMatchObject({ added: 5 });
    const kpm = kpmCount();
    const art = count(db, 'SELECT count(*) AS n FROM art');
    const audit = count(db, 'SELECT count(*) AS n FROM audit_log');

    const second = await check({ fileName: 'kpm-lagi.xlsx', bytes });
    const report = importReport(jobs, ADMIN, second.id);
    expect(report.counts).toMatchObject({ families: 5, add: 0, update: 0, unchanged: 5, error: 0 });
    expect(report.previousBatches).toEqual([expect.objectContaining({ id: done.batchId, status: 'committed' })]);
    expect(report.canCommit).toBe(false);
    const outcome = await commit(second);
    expect(outcome.batchId).toBeNull();
    expect([
      kpmCount(),
      count(db, 'SELECT count(*) AS n FROM art'),
      count(db, 'SELECT count(*) AS n FROM audit_log'),
    ]).toEqual([kpm, art, audit]);
  });
});

describe('families with member rows', () => {
  it('groups person rows by No. KK into families', async () => {
    await open();
    const families = makeFamilies(3, places, { seed: 14, members: 3 });
    // Rows of different families interleaved, as after sorting by name.
    const all = families.map(memberRows);
    const rows: Cell[][] = [['DATA ANGGOTA KELUARGA PKH'], MEMBER_HEADER];
    for (let i = 0; i < 4; i++) for (const fam of all) rows.push(fam[i]);
    const job = await check({ fileName: 'anggota.xlsx', bytes: await xlsxFile([{ name: 'ART', rows }]) });
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.layout).toBe('anggota');
    expect(report.counts).toMatchObject({ families: 3, add: 3, membersAdded: 9, error: 0 });
    expect(report.problemsTotal).toEqual({ error: 0, warning: 0 });
    await commit(job);
    for (const f of families) {
      const id = kpmByNik(f.nik)?.id;
      const members = db.$client
        .prepare(
          'SELECT nik, nama, hubungan, tanggal_lahir AS t, jenis_kelamin AS jk FROM art WHERE kpm_id = ? ORDER BY id',
        )
        .all(id);
      expect(members).toEqual(
        f.members.map((m) => ({
          nik: m.nik,
          nama: m.nama,
          hubungan: m.hubungan.toLowerCase(),
          t: m.tanggalLahir,
          jk: m.jenisKelamin,
        })),
      );
    }
  });

  it('takes the only ISTRI as pengurus, and refuses a KK with two pengurus', async () => {
    await open();
    const [a, b] = makeFamilies(2, places, { seed: 15, members: 1 });
    const aRows = memberRows(a);
    aRows[0][4] = 'ISTRI';
    const bRows = memberRows(b);
    bRows[1][4] = 'PENGURUS';
    const job = await check({ fileName: 'anggota.csv', bytes: csvFile([MEMBER_HEADER, ...aRows, ...bRows]) });
    expect(brief(job)).toEqual([
      { row: 2, column: 'E', code: 'PENGURUS_ASSUMED', severity: 'warning' },
      { row: 4, column: 'E', code: 'PENGURUS_MULTIPLE', severity: 'error' },
    ]);
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ families: 2, add: 1, error: 1 });
  });

  it('reads family rows with member columns', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 16, members: 2 });
    const header = [
      'ID KPM',
      'NO KK',
      'NIK PENGURUS',
      'NAMA PENGURUS',
      'DESA',
      'NAMA ART',
      'NIK ART',
      'HUBUNGAN',
      'TGL LAHIR ART',
    ];
    const rows: Cell[][] = [
      header,
      ...f.members.map((m) => [
        f.idKpm,
        f.noKk,
        f.nik,
        f.nama,
        f.village.name,
        m.nama,
        m.nik,
        m.hubungan,
        writeDate(m.tanggalLahir, 'dmy-slash'),
      ]),
    ];
    const job = await check({ fileName: 'keluarga-art.csv', bytes: csvFile(rows) });
    expect(importReport(jobs, ADMIN, job.id)).toMatchObject({
      layout: 'keluarga_anggota',
      counts: { families: 1, add: 1, membersAdded: 2 },
    });
    await commit(job);
    expect(count(db, 'SELECT count(*) AS n FROM art WHERE kpm_id = ?', kpmByNik(f.nik)?.id)).toBe(2);
  });

  it('adds new members to a registered family and leaves the others alone', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 17, members: 2 });
    await commit(await check({ fileName: 'a.csv', bytes: csvFile([MEMBER_HEADER, ...memberRows(f).slice(0, 2)]) }));
    const job = await check({ fileName: 'b.csv', bytes: csvFile([MEMBER_HEADER, ...memberRows(f)]) });
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ update: 1, membersAdded: 1, membersUpdated: 0 });
    expect(importReport(jobs, ADMIN, job.id).duplicates[0]).toMatchObject({
      kind: 'db_fill',
      choice: 'update',
      changes: ['anggota keluarga'],
      differences: [{ label: 'anggota keluarga', registered: '1 anggota', file: '1 anggota baru' }],
    });
    await commit(job);
    expect(count(db, 'SELECT count(*) AS n FROM art WHERE kpm_id = ?', kpmByNik(f.nik)?.id)).toBe(2);
  });
});

describe('regions and pendamping', () => {
  it('reports unknown regions with a suggestion and lists unknown pendamping', async () => {
    await open();
    const buddagan = {
      district: { code: '352802', name: 'Pademawu' },
      village: { code: '3528022022', name: 'Buddagan' },
    };
    const f = makeFamilies(5, [buddagan], { seed: 18, pendamping: ['AHMAD BARU'] });
    const rows: Cell[][] = [
      headerRow('siksng'),
      familyRow({ ...f[0], district: { ...buddagan.district, name: 'Pademau' } }, 'siksng'),
      familyRow({ ...f[1], village: { ...buddagan.village, name: 'Budagan' } }, 'siksng'),
      familyRow(f[2], 'siksng', { region: 'prefixed' }),
      familyRow(f[3], 'siksng', { region: 'dotted-code' }),
      familyRow({ ...f[4], pendamping: 'BUDI SANTOSO' }, 'siksng'),
    ];
    const job = await check({ fileName: 'wilayah.csv', bytes: csvFile(rows) });
    let report = importReport(jobs, ADMIN, job.id);
    expect(brief(job)).toEqual([
      { row: 2, column: 'M', code: 'REGION_DISTRICT_UNKNOWN', severity: 'error' },
      { row: 3, column: 'N', code: 'REGION_VILLAGE_UNKNOWN', severity: 'error' },
      { row: 4, column: 'O', code: 'PENDAMPING_UNKNOWN', severity: 'warning' },
      { row: 5, column: 'O', code: 'PENDAMPING_UNKNOWN', severity: 'warning' },
    ]);
    const p = problems(job);
    expect(p[0].message).toBe(
      'Baris 2, kolom KECAMATAN: kecamatan Pademau tidak ditemukan di kabupaten/kota ini. Mungkin maksudnya PADEMAWU?',
    );
    expect(p[1].message).toBe(
      'Baris 3, kolom DESA/KELURAHAN: desa/kelurahan Budagan tidak ditemukan di Kecamatan PADEMAWU. Mungkin maksudnya BUDDAGAN?',
    );
    expect(report.counts).toMatchObject({ add: 3, error: 2 });
    expect(report.unknownPendamping).toEqual([
      { key: 'AHMAD BARU', name: 'AHMAD BARU', families: 2, rows: [4, 5], create: false },
    ]);

    report = await chooseImport(jobs, ADMIN, job.id, { createPendamping: ['AHMAD BARU'] });
    expect(report.problemsTotal).toEqual({ error: 2, warning: 0 });
    expect(report.unknownPendamping[0].create).toBe(true);
    await commit(job);
    const created = db.$client.prepare("SELECT id FROM pendamping WHERE name = 'AHMAD BARU'").get() as { id: number };
    expect(kpmByNik(f[2].nik)?.pendamping_id).toBe(created.id);
    expect(kpmByNik(f[3].nik)?.village_code).toBe('3528022022');
    expect(
      count(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'pendamping' AND entity_id = ?", created.id),
    ).toBe(1);
  });
});

describe('files that cannot be imported', () => {
  it('refuses at once, writing nothing', async () => {
    await open();
    const good = await xlsxFile([
      {
        name: 'Data',
        rows: [headerRow('siksng'), ...makeFamilies(200, places, { seed: 19 }).map((f) => familyRow(f, 'siksng'))],
      },
    ]);
    const before = kpmCount();
    const cases: [Buffer, string][] = [
      [badFiles.empty(), 'FILE_EMPTY'],
      [badFiles.truncated(good), 'FILE_CORRUPT'],
      [badFiles.legacyXls(), 'FILE_UNSUPPORTED'],
      [badFiles.passwordProtected(), 'FILE_PROTECTED'],
      [badFiles.pdf(), 'FILE_UNSUPPORTED'],
    ];
    for (const [bytes, code] of cases) {
      expect(appErrorOf(() => startImport(jobs, db, ADMIN, { fileName: 'x.xlsx', bytes })).code).toBe(code);
    }
    const corrupted = startImport(jobs, db, ADMIN, { fileName: 'rusak.xlsx', bytes: badFiles.corrupted(good) });
    await corrupted.running;
    expect(importProgress(jobs, ADMIN, corrupted.id)).toMatchObject({
      status: 'failed',
      error: { code: 'FILE_CORRUPT' },
    });
    const headerOnly = startImport(jobs, db, ADMIN, {
      fileName: 'kosong.csv',
      bytes: csvFile([['JUDUL'], headerRow('siksng')]),
    });
    await headerOnly.running;
    expect(importReport(jobs, ADMIN, headerOnly.id).fatal).toMatch(/Tidak ada baris data/);
    expect(kpmCount()).toBe(before);
    expect(count(db, 'SELECT count(*) AS n FROM import_batches')).toBe(0);
  });

  it('lets only admin and operator import', async () => {
    await open();
    const bytes = csvFile([['NIK'], ['3528024512800001']]);
    expect(appErrorOf(() => startImport(jobs, db, VERIFIKATOR, { fileName: 'a.csv', bytes })).code).toBe('FORBIDDEN');
    const job = await check({ fileName: 'a.csv', bytes }, OPERATOR);
    // A job belongs to the user who started it.
    expect(appErrorOf(() => importReport(jobs, ADMIN, job.id)).code).toBe('NOT_FOUND');
  });
});

describe('commit and undo', () => {
  it('refuses to write a plan that the database no longer matches, and writes one that still does', async () => {
    await open();
    const [a, b] = makeFamilies(2, places, { seed: 20 });
    const job = await check({
      fileName: 'a.csv',
      bytes: csvFile([headerRow('siksng'), familyRow(a, 'siksng'), familyRow(b, 'siksng')]),
    });
    const planId = importReport(jobs, ADMIN, job.id).planId as string;
    // Someone else registers family a in between.
    await commit(
      await check({ fileName: 'lain.csv', bytes: csvFile([headerRow('siksng'), familyRow(a, 'siksng')]) }, OPERATOR),
      OPERATOR,
    );
    const before = kpmCount();
    await expect(commitImport(jobs, db, ADMIN, job.id, planId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(kpmCount()).toBe(before);
    const fresh = importReport(jobs, ADMIN, job.id);
    expect(fresh.planId).not.toBe(planId);
    expect(fresh.counts).toMatchObject({ add: 1, unchanged: 1 });
    // An unrelated change does not invalidate the plan.
    createPendamping(db, ADMIN, { name: 'PENDAMPING LAIN', nip: null, phone: '', districtCodes: [], active: true });
    expect(await commitImport(jobs, db, ADMIN, job.id, fresh.planId as string)).toMatchObject({ added: 1 });
    await expect(commitImport(jobs, db, ADMIN, job.id, fresh.planId as string)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('undoes a batch while nothing touched it, newest first, and not after a later change', async () => {
    await open();
    const families = makeFamilies(4, places, { seed: 21, members: 1 });
    const start = kpmCount();
    const first = await commit(
      await check({ fileName: 'satu.csv', bytes: csvFile([MEMBER_HEADER, ...families.flatMap(memberRows)]) }),
    );
    const changed = families.map((f, i) => (i === 0 ? { ...f, alamat: 'JL. UBAH' } : f));
    const second = await commit(
      await updating(
        await check({ fileName: 'dua.csv', bytes: csvFile([MEMBER_HEADER, ...changed.flatMap(memberRows)]) }),
      ),
    );
    expect(second).toMatchObject({ added: 0, updated: 1 });
    expect(listBatches(db).map((b) => [b.id, b.undoBlockedReason === null])).toEqual([
      [second.batchId, true],
      [first.batchId, false],
    ]);
    expect(() => undoBatch(db, ADMIN, first.batchId as number)).toThrow(/tidak dapat dibatalkan/);
    expect(undoBatch(db, ADMIN, second.batchId as number)).toEqual({
      batchId: second.batchId,
      removed: 0,
      restored: 1,
      pendampingRemoved: 0,
      pendampingKept: 0,
    });
    expect(kpmByNik(families[0].nik)?.alamat).toBe(families[0].alamat);
    expect(undoBatch(db, ADMIN, first.batchId as number)).toEqual({
      batchId: first.batchId,
      removed: 4,
      restored: 0,
      pendampingRemoved: 0,
      pendampingKept: 0,
    });
    expect(kpmCount()).toBe(start);
    expect(count(db, 'SELECT count(*) AS n FROM art WHERE kpm_id NOT IN (SELECT id FROM kpm)')).toBe(0);
    expect(listBatches(db).every((b) => b.status === 'undone')).toBe(true);
    expect(() => undoBatch(db, ADMIN, first.batchId as number)).toThrow(/sudah dibatalkan/);
    // FTS5 raises SQLITE_CORRUPT_VTAB when the search index and its rows disagree.
    expect(() =>
      db.$client.prepare("INSERT INTO kpm_search(kpm_search) VALUES ('integrity-check')").run(),
    ).not.toThrow();

    // A family edited after its import blocks the undo.
    const third = await commit(
      await check({ fileName: 'tiga.csv', bytes: csvFile([MEMBER_HEADER, ...families.flatMap(memberRows)]) }),
    );
    const id = kpmByNik(families[1].nik)?.id as number;
    const row = db.$client.prepare('SELECT * FROM kpm WHERE id = ?').get(id) as Record<string, string>;
    updateKpm(db, ADMIN, id, {
      idKpm: row.id_kpm,
      idDtks: row.id_dtks,
      noKk: row.no_kk,
      nik: row.nik,
      nama: 'NAMA DIUBAH',
      tempatLahir: '',
      tanggalLahir: row.tanggal_lahir,
      jenisKelamin: 'P',
      komponen: null,
      alamat: row.alamat,
      rt: row.rt,
      rw: row.rw,
      districtCode: row.district_code,
      villageCode: row.village_code,
      phone: '',
      tahunBergabung: null,
      desil: null,
      pendampingId: null,
      notes: '',
      members: [],
      acceptWarnings: true,
    });
    const error = appErrorOf(() => undoBatch(db, ADMIN, third.batchId as number));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/1 keluarga dari impor ini sudah diubah setelah impor \(contoh: NAMA DIUBAH/);
  });

  it('restores changed and added members exactly when an update is undone', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 25, members: 2 });
    await commit(await check({ fileName: 'a.csv', bytes: csvFile([MEMBER_HEADER, ...memberRows(f)]) }));
    const id = kpmByNik(f.nik)?.id;
    const members = () => db.$client.prepare('SELECT * FROM art WHERE kpm_id = ? ORDER BY id').all(id);
    const before = members();
    const [extra] = makeFamilies(1, places, { seed: 26, members: 2 })[0].members.slice(1);
    const changed = { ...f, members: [{ ...f.members[0], tanggalLahir: '1970-01-01' }, f.members[1], extra] };
    const rows = memberRows(changed);
    const update = await updating(await check({ fileName: 'b.csv', bytes: csvFile([MEMBER_HEADER, ...rows]) }));
    expect(importReport(jobs, ADMIN, update.id).counts).toMatchObject({
      update: 1,
      membersAdded: 1,
      membersUpdated: 1,
    });
    const done = await commit(update);
    expect(members()).toHaveLength(3);
    expect(undoBatch(db, ADMIN, done.batchId as number)).toMatchObject({ restored: 1 });
    expect(members()).toEqual(before);
  });

  it('cancels while checking and while saving, writing nothing', async () => {
    await open();
    const families = makeFamilies(12_000, places, { seed: 22 });
    const bytes = csvFile([headerRow('siksng'), ...families.map((f) => familyRow(f, 'siksng'))]);
    const early = startImport(jobs, db, ADMIN, { fileName: 'besar.csv', bytes, today: TODAY });
    cancelImport(jobs, ADMIN, early.id);
    await early.running;
    expect(importProgress(jobs, ADMIN, early.id).status).toBe('cancelled');

    const job = await check({ fileName: 'besar.csv', bytes });
    const before = kpmCount();
    const planId = importReport(jobs, ADMIN, job.id).planId as string;
    const seen: number[] = [];
    await expect(
      commitImport(jobs, db, ADMIN, job.id, planId, {
        afterChunk: (done) => {
          seen.push(done);
          if (done === 5000) cancelImport(jobs, ADMIN, job.id);
        },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toEqual([5000]);
    expect(kpmCount()).toBe(before);
    expect(count(db, 'SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(importProgress(jobs, ADMIN, job.id).status).toBe('ready');
    expect(await commitImport(jobs, db, ADMIN, job.id, planId)).toMatchObject({ added: 12_000 });
    expect(kpmCount()).toBe(before + 12_000);
  });
});

describe('report download', () => {
  it('gives the problem rows as xlsx with what is wrong', async () => {
    await open();
    const f = makeFamilies(4, places, { seed: 23 });
    const rows: Cell[][] = [
      ['JUDUL'],
      headerRow('siksng'),
      familyRow(f[0], 'siksng'),
      familyRow(f[1], 'siksng', { nik: 'scientific' }),
      familyRow({ ...f[2], district: { code: '999999', name: 'ANTAH BERANTAH' } }, 'siksng'),
      familyRow(f[3], 'siksng', { nik: 'number' }),
    ];
    const job = await check({ fileName: 'data kpm.xlsx', bytes: await xlsxFile([{ name: 'Data', rows }]) });
    const file = await problemsXlsx(jobs, ADMIN, job.id);
    expect(file.fileName).toBe('data kpm-masalah.xlsx');
    expect(file.rows).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Baris bermasalah') as ExcelJS.Worksheet;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...headerRow('siksng'), 'BARIS ASAL', 'STATUS IMPOR', 'MASALAH']);
    expect(values(2).slice(-3)).toEqual([
      4,
      'Tidak diimpor',
      expect.stringMatching(/^Kesalahan: Baris 4, kolom NIK PENGURUS: nilai .*E\+15 telah diubah Excel/),
    ]);
    expect(values(3).slice(-3)).toEqual([
      5,
      'Tidak diimpor',
      expect.stringMatching(/kecamatan ANTAH BERANTAH tidak ditemukan/),
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(book.getWorksheet('Ringkasan')).toBeDefined();
    // The No. KK of a problem row is an inline string in the sheet XML, as the exports write identifiers.
    const xml = readEntry(
      file.bytes,
      readZipDirectory(file.bytes).get('xl/worksheets/sheet1.xml') as ZipEntry,
    ).toString('utf8');
    expect(xml).toContain(`t="inlineStr"><is><r><t>${f[1].noKk}</t></r></is>`);
  });
});

describe('region columns written as names or codes', () => {
  it('imports families whose address is given only by village code', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 24 });
    const rows: Cell[][] = [
      ['NIK', 'NO KK', 'ID KPM', 'NAMA', 'KODE DESA'],
      [f.nik, f.noKk, f.idKpm, f.nama, writeRegion(f.village, 'village', 'dotted-code')],
    ];
    const job = await check({ fileName: 'kode.csv', bytes: csvFile(rows, { delimiter: '\t' }) });
    expect(importReport(jobs, ADMIN, job.id).counts.add).toBe(1);
    await commit(job);
    expect(kpmByNik(f.nik)).toMatchObject({ district_code: f.district.code, village_code: f.village.code });
  });
});
