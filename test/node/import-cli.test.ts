/** The headless import: the same report as JSON; nothing written without --commit. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { csvFile, familyRow, headerRow, makeFamilies } from '../fixtures/messy-files';
import { runCli } from '../support/cli';
import { freshDb, placesOf } from './import-db';

const cli = runCli;

let dbFile: string;
let file: string;
let families: ReturnType<typeof makeFamilies>;
let places: ReturnType<typeof placesOf>;

beforeAll(async () => {
  const fresh = await freshDb();
  dbFile = fresh.file;
  places = placesOf(fresh.db);
  families = makeFamilies(3, places, { seed: 40 }).map((f, i) => (i === 1 ? { ...f, alamat: 'GG. MAWAR – RT 02' } : f));
  fresh.db.$client.close();
  file = `${dbFile}.csv`;
  writeFileSync(
    file,
    csvFile(
      [
        ['DATA KPM'],
        headerRow('siksng'),
        ...families.map((f) => familyRow(f, 'siksng')),
        familyRow(families[0], 'siksng', { nik: 'scientific' }),
      ],
      {
        delimiter: ';',
        encoding: 'windows-1252',
      },
    ),
  );
});

const kpmCount = () => {
  const db = openDatabase(dbFile);
  try {
    return db.$client.prepare('SELECT count(*) FROM kpm').pluck().get();
  } finally {
    db.$client.close();
  }
};

describe('npm run cli -- import', () => {
  it('prints the report as JSON and writes nothing without --commit', async () => {
    // --nik-lengkap: the values as the file has them (masked by default: test/node/privacy-cli.test.ts).
    const { stdout } = await cli('import', file, '--db', dbFile, '--json', '--nik-lengkap');
    const report = JSON.parse(stdout);
    expect(report.counts).toMatchObject({ families: 4, add: 3, error: 1 });
    expect(report.file).toMatchObject({ kind: 'csv', encoding: 'Windows-1252', delimiter: ';' });
    expect(report.problems).toEqual([
      {
        row: 6,
        column: 'E',
        header: 'NIK PENGURUS',
        value: expect.stringMatching(/E\+15$/),
        code: 'NIK_EXCEL_NUMBER',
        severity: 'error',
        message: expect.stringMatching(/^Baris 6, kolom NIK PENGURUS: nilai .*E\+15 telah diubah Excel/),
        expected: expect.any(String),
      },
    ]);
    expect(report.committed).toBeNull();
    expect(kpmCount()).toBe(0);
  });

  it('commits with --commit, lists the batch and undoes it', async () => {
    const text = await cli('import', file, '--db', dbFile, '--commit');
    expect(text.stdout).toMatch(/ditambahkan\s+3/);
    expect(text.stdout).toMatch(/Impor #1 tersimpan: 3 KPM ditambah/);
    expect(kpmCount()).toBe(3);
    const batches = JSON.parse((await cli('batches', '--db', dbFile, '--json')).stdout);
    expect(batches).toEqual([
      expect.objectContaining({ id: 1, fileName: expect.stringMatching(/\.csv$/), undoBlockedReason: null }),
    ]);
    expect((await cli('undo', '1', '--db', dbFile)).stdout).toMatch(/Impor #1 dibatalkan: 3 KPM dihapus/);
    expect(kpmCount()).toBe(0);
  });

  it('accepts the region suggestions with --accept-suggestions and commits exactly that', async () => {
    const misspelt = `${dbFile}-wilayah.csv`;
    const [f] = families;
    const wrong = { ...f.village, name: `${f.village.name.slice(0, 3)}${f.village.name.slice(4)}` };
    writeFileSync(misspelt, csvFile([headerRow('siksng'), familyRow({ ...f, village: wrong }, 'siksng')]));
    const dry = JSON.parse((await cli('import', misspelt, '--db', dbFile, '--json')).stdout);
    expect(dry.counts).toMatchObject({ add: 0, error: 1 });
    expect(dry.regionSuggestions).toEqual([
      expect.objectContaining({ level: 'desa', value: wrong.name, rows: 1, accepted: false }),
    ]);
    const text = await cli('import', misspelt, '--db', dbFile, '--accept-suggestions', '--commit');
    expect(text.stdout).toMatch(/saran diterima/);
    expect(text.stdout).toMatch(/Impor #\d+ tersimpan: 1 KPM ditambah/);
    const db = openDatabase(dbFile);
    try {
      expect(db.$client.prepare('SELECT village_code FROM kpm WHERE nik = ?').pluck().get(f.nik)).toBe(f.village.code);
      db.$client.prepare('DELETE FROM kpm').run();
    } finally {
      db.$client.close();
    }
  });

  it("reads members' NISNs: a wrong one in the JSON report with its row and column, a right one committed", async () => {
    const [f, g] = makeFamilies(2, places, { seed: 47, members: 1 });
    const withNisn = `${dbFile}-nisn.csv`;
    const header = ['NO KK', 'NIK PENGURUS', 'NAMA PENGURUS', 'DESA', 'NIK ART', 'NAMA ART', 'NISN SISWA'];
    const row = (x: typeof f, nisn: string) => [
      x.noKk,
      x.nik,
      x.nama,
      x.village.name,
      x.members[0].nik,
      x.members[0].nama,
      nisn,
    ];
    writeFileSync(withNisn, csvFile([header, row(f, '0151234567'), row(g, '015123456')]));
    const dry = JSON.parse((await cli('import', withNisn, '--db', dbFile, '--json')).stdout);
    expect(dry.mapping.artNisn).toBe(6);
    expect(dry.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'G', header: 'NISN SISWA', code: 'NISN_FORMAT', severity: 'error' }),
    ]);
    expect((await cli('import', withNisn, '--db', dbFile, '--commit')).stdout).toMatch(/Impor #\d+ tersimpan: 1 KPM/);
    const db = openDatabase(dbFile);
    try {
      expect(db.$client.prepare('SELECT nama, nisn FROM art').all()).toEqual([
        { nama: f.members[0].nama, nisn: '0151234567' },
      ]);
      db.$client.prepare('DELETE FROM kpm').run();
    } finally {
      db.$client.close();
    }
  });

  it('refuses a database path that does not exist and creates nothing there', async () => {
    const missing = join(`${dbFile}-folder-salah`, 'graduasi.db');
    const result = await cli('import', file, '--db', missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tidak ditemukan/);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(`${dbFile}-folder-salah`)).toBe(false);
  });

  it('explains a file it cannot read, with exit code 1', async () => {
    const bad = `${dbFile}.xls`;
    writeFileSync(
      bad,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('Workbook', 'utf16le')]),
    );
    const result = await cli('import', bad, '--db', dbFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Excel lama \(\.xls\)/);
  });
});
