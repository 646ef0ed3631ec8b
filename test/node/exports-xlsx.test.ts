/**
 * Every default template written as .xlsx and read back with ExcelJS: identifiers as text cells, dates as real
 * dates shown dd/mm/yyyy, rupiah as whole numbers, the header bold and frozen, the sheet named after the content,
 * a title row, and the sheets split above the row limit (a small injected limit, not a million rows).
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, catalogueColumn, type ExportKind, findBuiltIn } from '../../main/domain/exports';
import { readEntry, readZipDirectory, type ZipEntry } from '../../main/services/import/zip';
import { type ExportDb, exportDb, readWorkbook, runBuiltIn, sheetRows } from '../support/exports';

let t: ExportDb;
beforeAll(async () => {
  t = await exportDb();
});
afterAll(() => t.db.$client.close());

/** Checks each cell against its catalogue column's type. */
function expectTypes(key: string, sheet: ExcelJS.Worksheet, headerRow = 1) {
  const template = findBuiltIn(key);
  if (!template) throw new Error(key);
  const kind: ExportKind = template.kind;
  const seen = new Set<string>();
  for (const row of sheetRows(sheet, headerRow)) {
    template.columns.forEach((column) => {
      const cell = row[column.header];
      if (cell.value === null || cell.value === undefined) return;
      const type = catalogueColumn(kind, column.key)?.type;
      seen.add(type ?? '?');
      if (type === 'id' || type === 'text') {
        expect(typeof cell.value, `${kind}.${column.key}`).toBe('string');
        if (type === 'id') expect(cell.numFmt, `${kind}.${column.key}`).toBe('@');
      } else if (type === 'date') {
        expect(cell.value, `${kind}.${column.key}`).toBeInstanceOf(Date);
        expect(cell.numFmt).toBe('dd/mm/yyyy');
      } else if (type === 'money') {
        expect(Number.isInteger(cell.value), `${kind}.${column.key}`).toBe(true);
        expect(cell.numFmt).toBe('#,##0');
      } else {
        expect(typeof cell.value, `${kind}.${column.key}`).toBe('number');
      }
    });
  }
  return seen;
}

describe('xlsx of the built-in templates', () => {
  it('penetapan graduasi: the columns the ministry asks for, NIK as text, the SK date as a date, bold frozen header', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'penetapan');
    expect(file.fileName).toBe('penetapan-graduasi-2026-11-30.xlsx');
    const workbook = await readWorkbook(file.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Penetapan graduasi']);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'NO',
      'ID DTKS',
      'ID KPM',
      'NIK',
      'NO KK',
      'NAMA PENGURUS',
      'ALAMAT',
      'RT',
      'RW',
      'DESA/KELURAHAN',
      'KECAMATAN',
      'KABUPATEN/KOTA',
      'PROVINSI',
      'JENIS GRADUASI',
      'ALASAN',
      'STATUS',
      'NOMOR SK',
      'TANGGAL SK',
      'NAMA PENDAMPING',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = sheetRows(sheet);
    // Three approved; the rejected candidacy is in the Usulan graduasi file only.
    expect(rows).toHaveLength(3);
    expect(file.rows).toBe(3);
    const first = rows.find((r) => r.NIK.value === '3375014507850011');
    expect(first?.NIK.value).toBe('3375014507850011');
    expect(first?.['NO KK'].value).toBe('3375010101100011');
    expect(first?.['TANGGAL SK'].value).toEqual(new Date('2026-10-15T00:00:00Z'));
    expect(first?.['JENIS GRADUASI'].value).toBe('Graduasi sejahtera mandiri');
    expect(first?.['KABUPATEN/KOTA'].value).toMatch(/PEKALONGAN/i);
    expect(first?.ALASAN.value).toBe('Memiliki usaha; Rumah layak huni');
    expect(rows.map((r) => r.NO.value)).toEqual([1, 2, 3]);
    expect(expectTypes('penetapan', sheet)).toEqual(new Set(['number', 'id', 'text', 'date']));
    // Widths fit: the name column is at least as wide as its header, identifiers fit 16 digits.
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(16);
  });

  it('registry, awards and visits: every cell type, money as whole rupiah', async () => {
    for (const kind of ['registry', 'awards', 'visits'] as const) {
      const file = await runBuiltIn(t.db, t.admin, kind);
      const sheet = (await readWorkbook(file.bytes)).worksheets[0];
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      const seen = expectTypes(kind, sheet);
      expect(seen.has('id'), kind).toBe(true);
      if (kind === 'awards') {
        expect(seen.has('money')).toBe(true);
        const handed = sheetRows(sheet).find((r) => r['TAHAP BANTUAN'].value === 'Diserahkan');
        expect(handed?.['NILAI BANTUAN (RP)'].value).toBe(3_000_000);
        expect(handed?.['TANGGAL SERAH TERIMA'].value).toEqual(new Date('2026-11-20T00:00:00Z'));
      }
      if (kind === 'registry') {
        // Siti Wulandari's two members: two rows; the four single families one row each.
        expect(file.rows).toBe(2 + 4);
      }
      if (kind === 'visits') expect(file.rows).toBe(9);
    }
  });

  it('identifier cells are inline strings in the sheet XML, never t="str"', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry');
    const entries = readZipDirectory(file.bytes);
    const xml = readEntry(file.bytes, entries.get('xl/worksheets/sheet1.xml') as ZipEntry).toString('utf8');
    const cells = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)].map((m) => ({
      column: m[1],
      row: Number(m[2]),
      type: /t="(\w+)"/.exec(m[3])?.[1] ?? 'n',
      inner: m[4] ?? '',
    }));
    // The registry template's identifier columns (ID KPM, ID DTKS, NO. KK, NIK, NIK ANGGOTA, ...), by their header.
    const template = BUILT_IN_TEMPLATES.find((x) => x.key === 'registry');
    const idHeaders = (template?.columns ?? [])
      .filter((c) => catalogueColumn('registry', c.key)?.type === 'id')
      .map((c) => c.header);
    expect(idHeaders).toContain('NO. KK');
    const idColumns = cells
      .filter((c) => c.row === 1 && idHeaders.includes(/<(?:t|v)[^>]*>([^<]*)<\/(?:t|v)>/.exec(c.inner)?.[1] ?? ''))
      .map((c) => c.column);
    expect(idColumns).toHaveLength(idHeaders.length);
    const ids = cells.filter((c) => c.row > 1 && idColumns.includes(c.column) && c.inner !== '');
    expect(ids.length).toBeGreaterThan(8);
    expect(ids.filter((c) => c.type !== 'inlineStr' && c.type !== 's')).toEqual([]);
    expect(ids.find((c) => c.inner.includes('3375014507850001'))?.type).toBe('inlineStr');
    expect(cells.filter((c) => c.type === 'str')).toEqual([]);
  });

  it('a title row above the header, the header frozen under it', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'usulan', { titleRow: 'DAFTAR GRADUASI 2026' });
    const sheet = (await readWorkbook(file.bytes)).worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('DAFTAR GRADUASI 2026');
    expect(sheet.getRow(2).getCell(1).value).toBe('NO');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('splits the rows into sheets `Name (2)`... above the row limit, each with its header', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'usulan', { name: 'Graduasi: [2026]/Okt?' }, 'full', 3);
    const workbook = await readWorkbook(file.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Graduasi 2026 Okt', 'Graduasi 2026 Okt (2)']);
    const [one, two] = workbook.worksheets;
    expect(sheetRows(one)).toHaveLength(2);
    expect(sheetRows(two)).toHaveLength(2);
    expect(two.getRow(1).getCell(2).value).toBe('ID DTKS');
    expect(sheetRows(two).map((r) => r.NO.value)).toEqual([3, 4]);
  });
});
