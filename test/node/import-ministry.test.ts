/**
 * Files as the ministry's systems (SIKS-NG, DTKS) write them: snake_case headers (NAMA_PENGURUS, NO_KK,
 * TGL_LAHIR), sex as L/P, 1/2 or LAKI-LAKI/PEREMPUAN, and kecamatan and desa as Kemendagri codes (dotted or plain
 * digits, text or number cells) instead of names; a column of codes under a header the import does not know is
 * offered as kecamatan or desa from its content. Generated files, a real SQLite file (Kabupaten Pamekasan, 3528).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, commitImport, type ImportJob } from '../../main/services/import/jobs';
import { importReport, problemsPage } from '../../main/services/import/report';
import { type Cell, csvFile, type MessyFamily, makeFamilies, writeRegion, xlsxFile } from '../fixtures/messy-files';
import { ADMIN, freshDb, placesOf } from './import-db';

const TODAY = new Date('2026-11-22T00:00:00Z');
let db: Db;
let jobs: ImportJobs;
let places: ReturnType<typeof placesOf>;

beforeAll(async () => {
  const fresh = await freshDb();
  places = placesOf(fresh.db);
  fresh.db.$client.close();
});

afterEach(() => db?.$client.close());

async function check(fileName: string, bytes: Buffer): Promise<ImportJob> {
  db = (await freshDb()).db;
  jobs = new ImportJobs();
  return checkImport(jobs, db, ADMIN, { fileName, bytes, today: TODAY });
}

const report = (job: ImportJob) => importReport(jobs, ADMIN, job.id);
const problems = (job: ImportJob) => problemsPage(jobs, ADMIN, job.id, { limit: 1000 }).items;
const dmy = (iso: string) => iso.split('-').reverse().join('-');
const stored = (nik: string) =>
  db.$client
    .prepare('SELECT nama, tanggal_lahir, jenis_kelamin, district_code, village_code FROM kpm WHERE nik = ?')
    .get(nik) as Record<string, string> | undefined;

/** The sex of a pengurus (always P here) as the systems write it, one spelling per family. */
const FEMALE = ['P', '2', 'PEREMPUAN', 'Perempuan'];

describe('a SIKS-NG style sheet', () => {
  it('maps snake_case headers, reads sex as P/2/PEREMPUAN and regions as dotted or plain codes', async () => {
    const families = makeFamilies(8, places, { seed: 31 });
    const rows: Cell[][] = [
      [
        'NO',
        'ID_KPM',
        'NO_KK',
        'NIK_PENGURUS',
        'NAMA_PENGURUS',
        'TGL_LAHIR',
        'JENIS_KELAMIN',
        'KODE_KECAMATAN',
        'KODE_DESA',
      ],
      ...families.map((f, i) => [
        i + 1,
        f.idKpm,
        f.noKk,
        f.nik,
        f.nama,
        dmy(f.tanggalLahir),
        FEMALE[i % FEMALE.length],
        // dotted text, plain text, a number cell
        i % 3 === 0
          ? writeRegion(f.district, 'district', 'dotted-code')
          : i % 3 === 1
            ? f.district.code
            : Number(f.district.code),
        i % 2 === 0 ? writeRegion(f.village, 'village', 'dotted-code') : Number(f.village.code),
      ]),
    ];
    const job = await check('siks-ng.xlsx', await xlsxFile([{ name: 'DATA', rows, textColumns: [1, 2, 3] }]));
    const r = report(job);
    expect(r.mapping).toEqual({
      idKpm: 1,
      noKk: 2,
      nik: 3,
      nama: 4,
      tanggalLahir: 5,
      jenisKelamin: 6,
      kecamatan: 7,
      desa: 8,
    });
    expect(problems(job).filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.counts).toMatchObject({ add: 8, error: 0 });
    await commitImport(jobs, db, ADMIN, job.id, r.planId as string);
    for (const f of families) {
      expect(stored(f.nik)).toEqual({
        nama: f.nama,
        tanggal_lahir: f.tanggalLahir,
        jenis_kelamin: 'P',
        district_code: f.district.code,
        village_code: f.village.code,
      });
    }
  });

  it('reads member sex as L/P, 1/2 and LAKI-LAKI/PEREMPUAN under snake_case member headers', async () => {
    const [f] = makeFamilies(1, places, { seed: 32, members: 4 });
    const spelled: Record<string, string[]> = { L: ['1', 'LAKI-LAKI', 'L'], P: ['2', 'PEREMPUAN', 'P'] };
    const rows: Cell[][] = [
      [
        'NO_KK',
        'NIK_PENGURUS',
        'NAMA_PENGURUS',
        'KODE_DESA',
        'NIK_ART',
        'NAMA_ART',
        'TGL_LAHIR_ART',
        'JENIS_KELAMIN_ART',
      ],
      ...f.members.map((m, j) => [
        f.noKk,
        f.nik,
        f.nama,
        f.village.code,
        m.nik,
        m.nama,
        dmy(m.tanggalLahir),
        spelled[m.jenisKelamin][j % 3],
      ]),
    ];
    const job = await check('art.csv', csvFile(rows, { delimiter: ';' }));
    const r = report(job);
    expect(r.layout).toBe('keluarga_anggota');
    expect(problems(job)).toEqual([]);
    await commitImport(jobs, db, ADMIN, job.id, r.planId as string);
    const members = db.$client.prepare('SELECT nik, jenis_kelamin AS sex FROM art ORDER BY id').all();
    expect(members).toEqual(f.members.map((m) => ({ nik: m.nik, sex: m.jenisKelamin })));
  });
});

describe('region codes', () => {
  function codeFile(families: MessyFamily[], header: [string, string], cells: (f: MessyFamily) => [Cell, Cell]) {
    return csvFile([['NIK', 'NO_KK', 'NAMA', ...header], ...families.map((f) => [f.nik, f.noKk, f.nama, ...cells(f)])]);
  }

  it('a code outside the office’s kabupaten is a problem naming the row and the value', async () => {
    const families = makeFamilies(3, places, { seed: 33 });
    const job = await check(
      'luar.csv',
      codeFile(families, ['KODE_KECAMATAN', 'KODE_DESA'], (f) =>
        f === families[1]
          ? ['33.75.01', '3375011002']
          : f === families[2]
            ? [f.district.code, '35.29.01.2001']
            : [f.district.code, f.village.code],
      ),
    );
    const errors = problems(job).filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.row, p.code, p.value, p.message])).toEqual([
      [
        3,
        'REGION_OUTSIDE',
        '33.75.01',
        'Baris 3, kolom KODE_KECAMATAN: kode kecamatan 33.75.01 termasuk wilayah KOTA PEKALONGAN, bukan KABUPATEN PAMEKASAN.',
      ],
      [
        4,
        'REGION_OUTSIDE',
        '35.29.01.2001',
        'Baris 4, kolom KODE_DESA: kode desa 35.29.01.2001 termasuk wilayah KABUPATEN SUMENEP, bukan KABUPATEN PAMEKASAN.',
      ],
    ]);
    expect(report(job).counts).toMatchObject({ add: 1, error: 2 });
  });

  it('offers a column of codes under a header it does not know as kecamatan or desa, from its content', async () => {
    const families = makeFamilies(4, places, { seed: 34 });
    const job = await check(
      'kode.csv',
      codeFile(families, ['KD_WIL_KEC', 'KD_WIL'], (f) => [
        writeRegion(f.district, 'district', 'dotted-code'),
        writeRegion(f.village, 'village', 'dotted-code'),
      ]),
    );
    const r = report(job);
    expect(r.mapping).toMatchObject({ kecamatan: 3, desa: 4 });
    const columns = r.header?.columns ?? [];
    expect(columns.slice(3).map((c) => [c.header, c.field, c.note])).toEqual([
      ['KD_WIL_KEC', 'kecamatan', 'Berisi kode kecamatan Kemendagri'],
      ['KD_WIL', 'desa', 'Berisi kode desa/kelurahan Kemendagri'],
    ]);
    expect(r.counts).toMatchObject({ add: 4, error: 0 });
  });

  it('leaves alone a column of six-digit numbers that are no kecamatan of the office', async () => {
    const families = makeFamilies(4, places, { seed: 35 });
    // 352890... look like Pamekasan's codes, but Pamekasan has no such kecamatan.
    const job = await check(
      'angka.csv',
      codeFile(families, ['DESA', 'PENGHASILAN'], (f) => [f.village.name, 352890 + families.indexOf(f)]),
    );
    const r = report(job);
    expect(r.mapping.kecamatan).toBeUndefined();
    expect(r.header?.columns[4]).toMatchObject({ header: 'PENGHASILAN', field: null, note: null });
  });
});
