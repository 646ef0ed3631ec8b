/**
 * Exports from the command line: a built-in template by key and an office template by name,
 * NIKs masked unless --nik-lengkap, the format chosen with --format, logged with via 'cli' and the hash of the
 * written file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { exportCommand } from '../../main/cli-exports';
import { saveTemplate } from '../../main/services/exports/templates';
import { runCli } from '../support/cli';
import { builtIn, exportDb, readWorkbook, sheetRows } from '../support/exports';

const cli = runCli;

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

/** Spawning tsx takes seconds on a busy machine: the spawning tests get more than the default minute. */
const SPAWN_TIMEOUT = 150_000;

describe('npm run cli -- export', () => {
  it(
    'masks NIKs by default, says so, and logs the export as the system via cli',
    async () => {
      const out = join(dirname(dbFile), 'graduasi.xlsx');
      // 'graduation', the single list's earlier name, is the file for upload: the three approved families.
      const result = await cli('export', 'graduation', '--db', dbFile, '--out', out);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/"Penetapan graduasi": 3 baris ditulis/);
      expect(result.stdout).toMatch(/disamarkan/);
      const bytes = readFileSync(out);
      const rows = sheetRows((await readWorkbook(bytes)).worksheets[0]);
      expect(rows.map((r) => r.NIK.value)).toEqual(expect.arrayContaining(['3375********0011']));
      for (const row of rows) expect(String(row.NIK.value)).toMatch(/^\d{4}\*{8}\d{4}$/);
      const last = logRows().at(-1);
      expect(last).toMatchObject({
        templateKey: 'bawaan:penetapan',
        username: 'sistem',
        via: 'cli',
        nikMode: 'masked',
        rows: 3,
      });
      expect(last?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      // Every proposed family, the rejected one with its status.
      const proposed = await cli('export', 'usulan', '--db', dbFile, '--out', join(dirname(dbFile), 'usulan.xlsx'));
      expect(proposed.stdout).toMatch(/"Usulan graduasi": 4 baris ditulis/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    '--nik-lengkap writes full NIKs; an office template by name, its own format or --format',
    async () => {
      const out = join(dirname(dbFile), 'provinsi.csv');
      const result = await cli('export', 'Untuk provinsi', '--db', dbFile, '--out', out, '--nik-lengkap');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/lengkap/);
      const text = readFileSync(out, 'utf8');
      expect(text).toMatch(/^\uFEFFNIK,NAMA\r\n/);
      expect(text).toContain('3375014507850011,KELUARGA UJI 11');
      const semicolon = join(dirname(dbFile), 'provinsi-titik-koma.csv');
      expect((await cli('export', 'Untuk provinsi', '--db', dbFile, '--out', semicolon, '--format', 'csv')).code).toBe(
        0,
      );
      expect(readFileSync(semicolon, 'utf8')).toContain('3375********0011;KELUARGA UJI 11');
      expect(
        logRows()
          .slice(-2)
          .map((r) => [r.nikMode, r.format]),
      ).toEqual([
        ['full', 'csv_comma'],
        ['masked', 'csv_semicolon'],
      ]);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'refuses an unknown template with exit code 1 and the built-in keys',
    async () => {
      const unknown = await cli('export', 'tidak-ada', '--db', dbFile, '--out', join(dirname(dbFile), 'x.xlsx'));
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(
        /Templat ekspor "tidak-ada" tidak ada\. Templat bawaan: penetapan, usulan, registry/,
      );
    },
    SPAWN_TIMEOUT,
  );

  it('refuses a missing --out, an unknown format and both NIK flags before writing anything', async () => {
    const db = openDatabase(dbFile);
    try {
      const before = logRows().length;
      await expect(exportCommand(db, 'registry', {})).rejects.toThrow(/--out/);
      await expect(exportCommand(db, 'registry', { out: '/tmp/x', format: 'pdf' })).rejects.toThrow(
        /Format "pdf" tidak dikenal/,
      );
      await expect(
        exportCommand(db, 'registry', { out: '/tmp/x', 'mask-nik': true, 'nik-lengkap': true }),
      ).rejects.toThrow(/salah satu/);
      expect(logRows()).toHaveLength(before);
    } finally {
      db.$client.close();
    }
  });
});
