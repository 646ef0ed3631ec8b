/**
 * OWASP's CSV injection rule in both formats: a text cell starting with = + - @ tab or carriage return gets a
 * leading ', also for a name that came in through an import; numbers (a negative amount) stay numbers. The
 * CSV is read back by the app's own import reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, commitImport } from '../../main/services/import/jobs';
import { openFile } from '../../main/services/import/read';
import { importReport } from '../../main/services/import/report';
import { type ExportDb, exportDb, readWorkbook, runBuiltIn, sheetRows, TODAY } from '../support/exports';

const HYPERLINK = '=HYPERLINK("http://x","klik")';
/** The import keeps names in capitals. */
const IMPORTED = HYPERLINK.toUpperCase();
/** Values written straight into the registry (any source), by family id order. */
const DANGEROUS = ['+6281234567890', '-5', '@SUM(A1)', '\tTAB', '\rCR'];

let t: ExportDb;
beforeAll(async () => {
  t = await exportDb();
  // A family whose name came in through an import, as a CSV row typed by someone.
  const csv = [
    'NO KK;NIK;NAMA PENGURUS;JENIS KELAMIN;ALAMAT;KECAMATAN;DESA',
    `3375010101109901;3375014507859901;"${HYPERLINK.replace(/"/g, '""')}";P;Jl. Uji;PEKALONGAN BARAT;MEDONO`,
  ].join('\r\n');
  const jobs = new ImportJobs();
  const job = await checkImport(jobs, t.db, t.admin, { fileName: 'uji.csv', bytes: Buffer.from(csv), today: TODAY });
  const report = importReport(jobs, t.admin, job.id);
  expect(report.counts.add, JSON.stringify(report.problems)).toBe(1);
  await commitImport(jobs, t.db, t.admin, job.id, report.planId as string);
  const ids = t.db.$client.prepare("SELECT id FROM kpm WHERE nik <> '3375014507859901' ORDER BY id").pluck().all();
  const setName = t.db.$client.prepare('UPDATE kpm SET nama = ? WHERE id = ?');
  DANGEROUS.forEach((value, i) => {
    setName.run(value, ids[i]);
  });
  // Cash below zero (a correction entered by hand) is a number, not text.
  t.db.$client.prepare("UPDATE awards SET cash = -500000 WHERE stage = 'planned'").run();
});
afterAll(() => t.db.$client.close());

const expected = (value: string) => `'${value}`;

describe('formula injection', () => {
  it('xlsx: every dangerous text starts with an apostrophe, no cell is a formula', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry');
    const sheet = (await readWorkbook(file.bytes)).worksheets[0];
    const names = sheetRows(sheet).map((r) => r['NAMA PENGURUS'].value);
    expect(names).toContain(expected(IMPORTED));
    // XML reads a carriage return back as a line feed: the cell still starts with the apostrophe.
    for (const value of DANGEROUS) expect(names).toContain(expected(value.replace(/\r/g, '\n')));
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.formula, `${cell.address}`).toBeUndefined();
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      });
    });
  });

  it('xlsx: a negative amount stays a number', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'awards');
    const rows = sheetRows((await readWorkbook(file.bytes)).worksheets[0]);
    expect(rows.map((r) => r['TUNAI (RP)'].value)).toContain(-500_000);
  });

  it.each(['csv_semicolon', 'csv_comma'] as const)(
    '%s read by the import: neutralised, numbers plain',
    async (format) => {
      const file = await runBuiltIn(t.db, t.admin, 'awards', { format });
      const opened = openFile(file.bytes);
      expect(opened.encoding).toBe('UTF-8 (BOM)');
      expect(opened.delimiter).toBe(format === 'csv_comma' ? ',' : ';');
      const rows: unknown[][] = [];
      for await (const batch of opened.rows(null)) rows.push(...batch.map((r) => r.cells));
      const header = rows[0] as string[];
      const cash = rows.slice(1).map((r) => r[header.indexOf('TUNAI (RP)')]);
      expect(cash).toContain('-500000');
      const names = rows.slice(1).map((r) => r[header.indexOf('NAMA PENGURUS')]);
      // The award families are among those given dangerous names.
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^'[-+=@\t\r]/);
      const registry = await runBuiltIn(t.db, t.admin, 'registry', { format });
      const text = registry.bytes.toString('utf8');
      for (const line of text.split('\r\n')) {
        for (const field of line.split(format === 'csv_comma' ? ',' : ';')) {
          expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
      const all: unknown[][] = [];
      for await (const batch of openFile(registry.bytes).rows(null)) all.push(...batch.map((r) => r.cells));
      const nameColumn = (all[0] as string[]).indexOf('NAMA PENGURUS');
      const imported = all.slice(1).map((r) => r[nameColumn]);
      expect(imported).toContain(expected(IMPORTED));
      for (const value of DANGEROUS) expect(imported).toContain(expected(value));
    },
  );
});
