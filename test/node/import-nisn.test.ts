/**
 * The member's NISN in the family import: mapped by its header, checked as the form checks it (10 digits, one
 * student each), written on insert and update, shown in the differences, left alone by a file without it or with
 * its cell blank, and put back by an undo. Real SQLite files; every person and number is made up.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { autoMap } from '../../main/domain/import-fields';
import { normalizeNisn } from '../../main/domain/normalize';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, chooseImport, commitImport, type ImportJob } from '../../main/services/import/jobs';
import { importReport, problemsPage } from '../../main/services/import/report';
import { undoBatch } from '../../main/services/import/undo';
import { type Cell, csvFile, type MessyFamily, makeFamilies, xlsxFile } from '../fixtures/messy-files';
import { ADMIN, count, freshDb, placesOf } from './import-db';

const TODAY = new Date('2026-11-22T00:00:00Z');
let db: Db;
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
}

/** Family rows with member columns; the NISN column under the header given (none: no NISN column). */
function rowsOf(families: MessyFamily[], nisns: (Cell | undefined)[][], header: string | null = 'No. NISN'): Cell[][] {
  const head = ['NO KK', 'NIK PENGURUS', 'NAMA PENGURUS', 'DESA', 'NIK ART', 'NAMA ART', 'HUBUNGAN', 'TGL LAHIR ART'];
  const rows: Cell[][] = [header ? [...head, header] : head];
  families.forEach((f, i) => {
    f.members.forEach((m, j) => {
      const row: Cell[] = [f.noKk, f.nik, f.nama, f.village.name, m.nik, m.nama, m.hubungan, m.tanggalLahir];
      rows.push(header ? [...row, nisns[i]?.[j] ?? null] : row);
    });
  });
  return rows;
}

function check(name: string, bytes: Buffer): Promise<ImportJob> {
  return checkImport(jobs, db, ADMIN, { fileName: name, bytes, today: TODAY });
}

async function commit(job: ImportJob) {
  return commitImport(jobs, db, ADMIN, job.id, importReport(jobs, ADMIN, job.id).planId as string);
}

const problems = (job: ImportJob) => problemsPage(jobs, ADMIN, job.id, { limit: 1000 }).items;
const nisnsOf = (f: MessyFamily) =>
  db.$client
    .prepare('SELECT a.nama, a.nisn FROM art a JOIN kpm k ON k.id = a.kpm_id WHERE k.nik = ? ORDER BY a.id')
    .all(f.nik) as { nama: string; nisn: string | null }[];

describe('the NISN column', () => {
  it('is recognised under the headers offices write', () => {
    for (const header of ['NISN', 'No. NISN', 'NOMOR NISN', 'NISN SISWA', 'nisn_anak'])
      expect(autoMap(['NIK ART', 'NAMA ART', header]).artNisn, header).toBe(2);
  });

  it('reads 10 digits, puts back the zeros a number cell dropped, and refuses any other length', () => {
    expect(normalizeNisn("'0051234567")).toEqual({ ok: true, value: '0051234567' });
    expect(normalizeNisn('005 123 4567')).toEqual({ ok: true, value: '0051234567' });
    expect(normalizeNisn(3121234567)).toEqual({ ok: true, value: '3121234567' });
    expect(normalizeNisn(51234567)).toMatchObject({
      ok: true,
      value: '0051234567',
      warning: { code: 'NISN_LEADING_ZEROS' },
    });
    expect(normalizeNisn('51234567')).toMatchObject({ ok: false, code: 'NISN_FORMAT' });
    expect(normalizeNisn(12345)).toMatchObject({
      ok: false,
      code: 'NISN_FORMAT',
      message: 'NISN harus 10 digit angka; tertulis 12345.',
    });
  });
});

describe('a family import with NISN', () => {
  it('stores each NISN on its member, from CSV text and from an xlsx number cell', async () => {
    await open();
    const [a, b] = makeFamilies(2, places, { seed: 41, members: 2 });
    const csv = await check('nisn.csv', csvFile(rowsOf([a], [[null, '0051234567']])));
    expect(importReport(jobs, ADMIN, csv.id).mapping.artNisn).toBe(8);
    expect(problems(csv)).toEqual([]);
    await commit(csv);
    expect(nisnsOf(a)).toEqual([
      { nama: a.members[0].nama, nisn: null },
      { nama: a.members[1].nama, nisn: '0051234567' },
    ]);

    const xlsx = await check('nisn.xlsx', await xlsxFile([{ name: 'Data', rows: rowsOf([b], [[null, 61234567]]) }]));
    expect(problems(xlsx).map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [3, 'I', 'NISN_LEADING_ZEROS', 'warning'],
    ]);
    await commit(xlsx);
    expect(nisnsOf(b).map((m) => m.nisn)).toEqual([null, '0061234567']);
  });

  it('reports a wrong NISN with its row and column and writes nothing of that family', async () => {
    await open();
    const [good, bad] = makeFamilies(2, places, { seed: 42, members: 2 });
    const job = await check(
      'salah.csv',
      csvFile(
        rowsOf(
          [good, bad],
          [
            [null, '0071234567'],
            [null, '12345'],
          ],
        ),
      ),
    );
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.counts).toMatchObject({ families: 2, add: 1, error: 1 });
    expect(problems(job)).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'I',
        header: 'No. NISN',
        field: 'artNisn',
        value: '12345',
        code: 'NISN_FORMAT',
        severity: 'error',
        message: 'Baris 5, kolom No. NISN: NISN harus 10 digit angka; tertulis 12345.',
      }),
    ]);
    await commit(job);
    // The family of the wrong row is not imported at all; the other one is, whole.
    expect(count(db, 'SELECT count(*) AS n FROM kpm WHERE nik = ?', bad.nik)).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM art')).toBe(2);
    expect(nisnsOf(good).map((m) => m.nisn)).toEqual([null, '0071234567']);
  });

  it('refuses a NISN given twice in the file or registered for a member of another family', async () => {
    await open();
    const [first, second, third] = makeFamilies(3, places, { seed: 43, members: 2 });
    await commit(await check('a.csv', csvFile(rowsOf([first], [[null, '0081234567']]))));
    const job = await check(
      'b.csv',
      csvFile(
        rowsOf(
          [second, third],
          [
            [null, '0081234567'],
            ['0091234567', '0091234567'],
          ],
        ),
      ),
    );
    expect(problems(job).map((p) => [p.row, p.column, p.code, p.message])).toEqual([
      [
        2,
        'I',
        'MEMBER_NISN_EXISTS',
        `Baris 2, kolom No. NISN: NISN 0081234567 (${second.members[1].nama}) sudah terdaftar untuk ${first.members[1].nama}, keluarga ${first.nama}.`,
      ],
      [
        4,
        'I',
        'MEMBER_NISN_DUPLICATE',
        `Baris 4, kolom No. NISN: NISN 0091234567 (${third.members[1].nama}, baris 5) juga ada di baris 4; satu NISN untuk satu siswa.`,
      ],
    ]);
    expect(importReport(jobs, ADMIN, job.id).counts).toMatchObject({ add: 0, error: 2 });
  });
});

describe('a registered family and its NISNs', () => {
  it('fills in a NISN as a difference, keeps it when the file has no NISN column or a blank cell', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 44, members: 2 });
    await commit(await check('a.csv', csvFile(rowsOf([f], [], null))));
    const job = await check('b.csv', csvFile(rowsOf([f], [['0101234567', null]])));
    const report = importReport(jobs, ADMIN, job.id);
    expect(report.duplicates[0]).toMatchObject({
      kind: 'db_fill',
      choice: 'update',
      differences: [
        { label: 'anggota keluarga', registered: '2 anggota', file: '1 anggota diubah' },
        { label: `NISN ${f.members[0].nama}`, registered: '(kosong)', file: '0101234567' },
      ],
    });
    await commit(job);
    expect(nisnsOf(f).map((m) => m.nisn)).toEqual(['0101234567', null]);

    // Without the column, with the cell blank, or with another value changed, the NISN stays.
    expect(importReport(jobs, ADMIN, (await check('c.csv', csvFile(rowsOf([f], [], null)))).id).counts).toMatchObject({
      unchanged: 1,
      update: 0,
    });
    expect(importReport(jobs, ADMIN, (await check('d.csv', csvFile(rowsOf([f], [[]])))).id).counts).toMatchObject({
      unchanged: 1,
      update: 0,
    });
    const older = { ...f, members: [{ ...f.members[0], hubungan: 'FAMILI LAIN' }, f.members[1]] };
    const edit = await check('e.csv', csvFile(rowsOf([older], [], null)));
    await chooseImport(jobs, ADMIN, edit.id, { defaults: { db: 'update' } });
    await commit(edit);
    expect(db.$client.prepare('SELECT hubungan, nisn FROM art WHERE nama = ?').get(f.members[0].nama)).toEqual({
      hubungan: 'famili_lain',
      nisn: '0101234567',
    });
  });

  it('moves NISNs between members of one family, refuses one another member keeps, and undo puts them back', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 45, members: 3 });
    await commit(await check('a.csv', csvFile(rowsOf([f], [[null, '0111234567', '0121234567']]))));
    const registered = nisnsOf(f);

    const kept = await check('b.csv', csvFile(rowsOf([f], [['0111234567', null, null]])));
    expect(problems(kept).map((p) => [p.code, p.message])).toEqual([
      [
        'MEMBER_NISN_EXISTS',
        `Baris 2, kolom No. NISN: NISN 0111234567 (${f.members[0].nama}) sudah terdaftar untuk ${f.members[1].nama} di keluarga ini.`,
      ],
    ]);

    const swapped = await check('c.csv', csvFile(rowsOf([f], [[null, '0121234567', '0111234567']])));
    await chooseImport(jobs, ADMIN, swapped.id, { defaults: { db: 'update' } });
    expect(importReport(jobs, ADMIN, swapped.id).counts).toMatchObject({ update: 1, membersUpdated: 2, error: 0 });
    const done = await commit(swapped);
    expect(nisnsOf(f).map((m) => m.nisn)).toEqual([null, '0121234567', '0111234567']);
    expect(undoBatch(db, ADMIN, done.batchId as number)).toMatchObject({ restored: 1 });
    expect(nisnsOf(f)).toEqual(registered);
  });

  it('reads a NISN on person rows and says a NISN on the pengurus row is not kept', async () => {
    await open();
    const [f] = makeFamilies(1, places, { seed: 46, members: 1 });
    const header = ['NO KK', 'NIK', 'NAMA', 'HUBUNGAN', 'DESA', 'NISN'];
    const rows: Cell[][] = [
      header,
      [f.noKk, f.nik, f.nama, 'PENGURUS', f.village.name, '0131234567'],
      [f.noKk, f.members[0].nik, f.members[0].nama, 'SUAMI', f.village.name, '0141234567'],
    ];
    const job = await check('orang.csv', csvFile(rows));
    expect(importReport(jobs, ADMIN, job.id).layout).toBe('anggota');
    expect(problems(job).map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [2, 'F', 'NISN_NOT_MEMBER', 'warning'],
    ]);
    await commit(job);
    expect(nisnsOf(f).map((m) => m.nisn)).toEqual(['0141234567']);
  });
});
