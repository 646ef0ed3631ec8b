/**
 * CSV exports: UTF-8 with a byte-order mark, `;` or `,`, RFC 4180 quoting, CRLF line ends, dates dd/mm/yyyy;
 * read back by the app's import reader as UTF-8 and, re-encoded as Windows-1252 (an office that saved it again
 * in an old Excel), still imported with every family unchanged.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport } from '../../main/services/import/jobs';
import { openFile } from '../../main/services/import/read';
import { importReport } from '../../main/services/import/report';
import { type ExportDb, exportDb, runBuiltIn, TODAY } from '../support/exports';

let t: ExportDb;
let families: number;
beforeAll(async () => {
  t = await exportDb();
  t.db.$client
    .prepare(`UPDATE kpm SET nama = 'SITI NURÉ', alamat = 'Jl. "Mawar"; Gg. 2, Blok C' WHERE id = ?`)
    .run(t.familyId);
  families = (t.db.$client.prepare('SELECT count(*) AS n FROM kpm').get() as { n: number }).n;
});
afterAll(() => t.db.$client.close());

async function readAll(bytes: Buffer) {
  const opened = openFile(bytes);
  const rows: unknown[][] = [];
  for await (const batch of opened.rows(null)) rows.push(...batch.map((r) => r.cells));
  return { opened, header: rows[0] as string[], rows: rows.slice(1) };
}

describe('CSV exports', () => {
  it('; with BOM, CRLF, quotes where RFC 4180 needs them, dates dd/mm/yyyy', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry', { format: 'csv_semicolon' });
    expect(file.fileName).toBe('data-kpm-2026-11-30.csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text).toContain(';"Jl. ""Mawar""; Gg. 2, Blok C";');
    expect(text).toContain(';05/07/1985;');
    const { opened, header, rows } = await readAll(file.bytes);
    expect(opened).toMatchObject({ encoding: 'UTF-8 (BOM)', delimiter: ';' });
    const siti = rows.find((r) => r[header.indexOf('NAMA PENGURUS')] === 'SITI NURÉ');
    expect(siti?.[header.indexOf('ALAMAT')]).toBe('Jl. "Mawar"; Gg. 2, Blok C');
    expect(siti?.[header.indexOf('NIK PENGURUS')]).toBe('3375014507850001');
  });

  it(', quotes the field with a comma and leaves the ; alone', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry', { format: 'csv_comma' });
    expect(file.bytes.toString('utf8')).toContain(',"Jl. ""Mawar""; Gg. 2, Blok C",');
    const { opened, header, rows } = await readAll(file.bytes);
    expect(opened.delimiter).toBe(',');
    expect(rows.map((r) => r[header.indexOf('ALAMAT')])).toContain('Jl. "Mawar"; Gg. 2, Blok C');
  });

  it('saved again as Windows-1252, the import reads the same letters and finds every family unchanged', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry', { format: 'csv_semicolon' });
    const cp1252 = iconv.encode(file.bytes.toString('utf8').replace(/^\uFEFF/, ''), 'win1252');
    expect(cp1252.includes(Buffer.from([0xc9]))).toBe(true); // É as one byte
    const { opened, header, rows } = await readAll(cp1252);
    expect(opened.encoding).toBe('Windows-1252');
    expect(rows.map((r) => r[header.indexOf('NAMA PENGURUS')])).toContain('SITI NURÉ');
    const jobs = new ImportJobs();
    const job = await checkImport(jobs, t.db, t.admin, { fileName: 'data-kpm.csv', bytes: cp1252, today: TODAY });
    const report = importReport(jobs, t.admin, job.id);
    expect(report.counts).toMatchObject({ families, unchanged: families, add: 0, update: 0, skip: 0, error: 0 });
  });
});
