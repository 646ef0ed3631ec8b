/**
 * Exports from the command line (issue 10 point 6): a built-in template by key and an office template by name,
 * NIKs masked unless --nik-lengkap, the format chosen with --format, logged with via 'cli' and the hash of the
 * written file.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { saveTemplate } from '../../main/services/exports/templates';
import { builtIn, exportDb, readWorkbook, sheetRows } from '../support/exports';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const cli = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'main', 'cli.ts'), ...args], { cwd: root }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => ({
      stdout: error.stdout,
      stderr: error.stderr,
      code: error.code,
    }),
  );

let dbFile: string;

beforeAll(async () => {
  const t = await exportDb();
  dbFile = t.file;
  saveTemplate(t.db, t.admin, {
    ...builtIn('graduation'),
    name: 'Untuk provinsi',
    columns: [
      { key: 'nik', header: 'NIK' },
      { key: 'nama', header: 'NAMA' },
    ],
    format: 'csv_comma',
  });
  t.db.$client.close();
});

function logRows() {
  const db = openDatabase(dbFile);
  try {
    return db.$client
      .prepare(
        'SELECT template_key AS templateKey, username, via, nik_mode AS nikMode, rows, sha256, format FROM export_log ORDER BY id',
      )
      .all() as {
      templateKey: string;
      username: string;
      via: string;
      nikMode: string;
      rows: number;
      sha256: string;
      format: string;
    }[];
  } finally {
    db.$client.close();
  }
}

describe('npm run cli -- export', () => {
  it('masks NIKs by default, says so, and logs the export as the system via cli', async () => {
    const out = join(dirname(dbFile), 'graduasi.xlsx');
    const result = await cli('export', 'graduation', '--db', dbFile, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/4 baris ditulis/);
    expect(result.stdout).toMatch(/disamarkan/);
    const bytes = readFileSync(out);
    const rows = sheetRows((await readWorkbook(bytes)).worksheets[0]);
    expect(rows.map((r) => r.NIK.value)).toEqual(expect.arrayContaining(['3375********0011']));
    for (const row of rows) expect(String(row.NIK.value)).toMatch(/^\d{4}\*{8}\d{4}$/);
    const last = logRows().at(-1);
    expect(last).toMatchObject({
      templateKey: 'bawaan:graduation',
      username: 'sistem',
      via: 'cli',
      nikMode: 'masked',
      rows: 4,
    });
    expect(last?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('--nik-lengkap writes full NIKs; an office template by name, its own format or --format', async () => {
    const out = join(dirname(dbFile), 'provinsi.csv');
    const result = await cli('export', 'Untuk provinsi', '--db', dbFile, '--out', out, '--nik-lengkap');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/lengkap/);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^\uFEFFNIK,NAMA\r\n/);
    expect(text).toContain('3375014507850011,KELUARGA UJI 11');
    const semicolon = join(dirname(dbFile), 'provinsi-titik-koma.csv');
    expect((await cli('export', 'Untuk provinsi', '--db', dbFile, '--out', semicolon, '--format', 'csv')).code).toBe(0);
    expect(readFileSync(semicolon, 'utf8')).toContain('3375********0011;KELUARGA UJI 11');
    expect(
      logRows()
        .slice(-2)
        .map((r) => [r.nikMode, r.format]),
    ).toEqual([
      ['full', 'csv_comma'],
      ['masked', 'csv_semicolon'],
    ]);
  });

  it('refuses an unknown template, a missing --out and an unknown format with a message', async () => {
    const unknown = await cli('export', 'tidak-ada', '--db', dbFile, '--out', join(dirname(dbFile), 'x.xlsx'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Templat ekspor "tidak-ada" tidak ada/);
    expect((await cli('export', 'registry', '--db', dbFile)).stderr).toMatch(/--out/);
    const format = await cli(
      'export',
      'registry',
      '--db',
      dbFile,
      '--out',
      join(dirname(dbFile), 'x'),
      '--format',
      'pdf',
    );
    expect(format.stderr).toMatch(/Format "pdf" tidak dikenal/);
    expect((await cli('--help')).stdout).toMatch(/export <templat>/);
  });
});
