import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../main/domain/normalize';
import { decodeText, detectDelimiter, openCsv, parseCsv } from '../../main/services/import/csv';
import { openFile, sniffFile } from '../../main/services/import/read';
import {
  columnIndex,
  columnLetter,
  isDateFormatCode,
  openXlsx,
  type SheetRow,
} from '../../main/services/import/xlsx-reader';
import { badFiles, csvFile, prefixedWorkbook, xlsxFile } from '../fixtures/messy-files';
import { appErrorOf } from '../support/errors';

async function collect(rows: AsyncGenerator<SheetRow[]>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const batch of rows) out.push(...batch);
  return out;
}

/** What ExcelJS's own (in-memory) reader sees in a cell, reduced to the reader's value types. */
function excelJsValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return (value as { result?: RawCell }).result ?? null;
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return value as RawCell;
}

describe('xlsx reader', () => {
  it('reads what ExcelJS reads, with and without shared strings', async () => {
    const rows: (string | number | Date | null)[][] = [
      ['DATA KPM <PKH> & "DTKS"'],
      [],
      ['NIK', 'NAMA', 'TGL', 'ANGKA', 'KOSONG', 'UNICODE'],
      [
        '3528024512800001',
        "SITI 'AMINAH'",
        new Date(Date.UTC(1980, 2, 12)),
        3528024512800001,
        null,
        'Ngéplak – “RT 01”',
      ],
      ['3528024512800002', 'BARIS\nDUA', null, 0.5, null, '😀'],
      [null, null, null, null, null, 'terakhir'],
    ];
    for (const sharedStrings of [true, false]) {
      const buf = await xlsxFile([{ name: 'Data', rows }], { sharedStrings });
      const book = openXlsx(buf);
      const mine = await collect(book.rows(book.sheets[0]));
      const reference = new ExcelJS.Workbook();
      await reference.xlsx.load(buf as unknown as ArrayBuffer);
      const expected: SheetRow[] = [];
      reference.worksheets[0].eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(excelJsValue);
        expected.push({ row: rowNumber, cells: Array.from({ length: values.length }, (_, i) => values[i] ?? null) });
      });
      const trim = (r: SheetRow) => {
        const cells = [...r.cells];
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        return { row: r.row, cells };
      };
      expect(mine.filter((r) => r.cells.some((c) => c !== null)).map(trim)).toEqual(expected.map(trim));
    }
  });

  it('reads workbooks written by other programs (prefixes, inline and rich strings, 1904 dates)', async () => {
    const book = openXlsx(prefixedWorkbook());
    expect(book.sheets).toEqual([
      { name: 'Catatan', path: 'xl/worksheets/notes.xml', hidden: true },
      { name: 'Data & KPM', path: 'xl/worksheets/data.xml', hidden: false },
    ]);
    expect(book.date1904).toBe(true);
    const rows = await collect(book.rows(book.sheets[1]));
    expect(rows).toEqual([
      { row: 1, cells: ['NIK', 'NAMA PENGURUS', 'TANGGAL LAHIR', 'BANTUAN'] },
      // 28190 days after 1904-01-01 (day 0 in the 1904 system) is 1981-03-07; the money format is not a date.
      { row: 2, cells: ['3528024512800001', 'SITI & AMINAH\r', new Date(Date.UTC(1981, 2, 7)), 1500000] },
      { row: 4, cells: [null, 'NUR', null, true] },
      { row: 5, cells: [] },
    ]);
  });

  it('tells date formats from others', () => {
    expect(isDateFormatCode('dd/mm/yyyy')).toBe(true);
    expect(isDateFormatCode('d-mmm-yy;@')).toBe(true);
    expect(isDateFormatCode('[$-421]dd mmmm yyyy')).toBe(true);
    expect(isDateFormatCode('"Rp"#,##0')).toBe(false);
    expect(isDateFormatCode('0.00')).toBe(false);
    expect(isDateFormatCode('@')).toBe(false);
  });

  it('converts column letters', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AB12')).toBe(27);
    for (const i of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetter(i))).toBe(i);
  });

  it('streams a big sheet in batches', async () => {
    const rows = [
      ['NIK', 'NAMA'],
      ...Array.from({ length: 20_000 }, (_, i) => [`352802451280${String(i).padStart(4, '0')}`, `NAMA ${i}`]),
    ];
    const buf = await xlsxFile([{ name: 'Besar', rows }]);
    const book = openXlsx(buf);
    let batches = 0;
    let count = 0;
    let progress = 0;
    for await (const batch of book.rows(book.sheets[0], (done) => (progress = done))) {
      batches++;
      count += batch.length;
    }
    expect(count).toBe(20_001);
    expect(batches).toBeGreaterThan(1);
    expect(progress).toBe(book.sheetSize(book.sheets[0]));
  });
});

describe('csv reader', () => {
  it('detects the delimiter despite title rows', () => {
    const body = (d: string) =>
      `DATA KPM PKH 2025\n\nNIK${d}NAMA${d}ALAMAT\n1${d}SITI${d}"JL. A${d} NO. 1"\n2${d}NUR${d}JL. B\n`;
    for (const d of [',', ';', '|', '\t']) expect(detectDelimiter(body(d))).toBe(d);
    expect(detectDelimiter('NAMA;ALAMAT\nSITI, NUR;JL. MAWAR, GG. 2\nAMINAH;JL. MELATI\n')).toBe(';');
  });

  it('parses quotes, doubled quotes, line breaks in cells and missing final line break', async () => {
    const text = 'A;B;C\r\n"x;y";"say ""hi""";"two\nlines"\r\n\r\nlast;;end';
    const rows = await collect(parseCsv(text, ';'));
    expect(rows).toEqual([
      { row: 1, cells: ['A', 'B', 'C'] },
      { row: 2, cells: ['x;y', 'say "hi"', 'two\nlines'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['last', '', 'end'] },
    ]);
  });

  it('refuses a quote that is never closed instead of pouring later rows into one cell', async () => {
    const text = 'NIK;NAMA;ALAMAT\n3375014507850001;SITI;"JL. MAWAR\n3375015001900004;NUR;JL. MELATI\n';
    await expect(collect(parseCsv(text, ';'))).rejects.toMatchObject({
      code: 'FILE_CORRUPT',
      message: expect.stringMatching(/dibuka pada baris 2 tidak pernah ditutup/),
    });
  });

  it('detects the encoding', () => {
    const rows = [
      ['NAMA', 'ALAMAT'],
      ['ZAINAB ‘ISTRI’', 'KAMPUNG BARU – GG. MAWAR'],
    ];
    expect(decodeText(csvFile(rows, { encoding: 'windows-1252' }))).toMatchObject({
      encoding: 'Windows-1252',
      text: expect.stringContaining('ZAINAB ‘ISTRI’'),
    });
    expect(decodeText(csvFile(rows, { encoding: 'utf8' }))).toMatchObject({
      encoding: 'UTF-8',
      text: expect.stringContaining('– GG. MAWAR'),
    });
    expect(decodeText(csvFile(rows, { encoding: 'utf8-bom' }))).toMatchObject({
      encoding: 'UTF-8 (BOM)',
      text: expect.stringMatching(/^NAMA/),
    });
    expect(decodeText(csvFile(rows, { encoding: 'utf16le' }))).toMatchObject({
      encoding: 'UTF-16LE',
      text: expect.stringMatching(/^NAMA/),
    });
  });

  it('honours the sep= line Excel writes', async () => {
    const source = openCsv(Buffer.from('sep=|\nNIK|NAMA\n1|SITI, NUR\n'));
    expect(source.delimiter).toBe('|');
    expect(await collect(source.rows())).toEqual([
      { row: 2, cells: ['NIK', 'NAMA'] },
      { row: 3, cells: ['1', 'SITI, NUR'] },
    ]);
  });
});

describe('what is not a spreadsheet', () => {
  it('recognises xlsx and text', async () => {
    expect(sniffFile(await xlsxFile([{ name: 'a', rows: [['NIK']] }]))).toBe('xlsx');
    expect(sniffFile(Buffer.from('NIK;NAMA\n'))).toBe('csv');
    expect(sniffFile(csvFile([['NIK']], { encoding: 'utf16le' }))).toBe('csv');
  });

  it('explains each kind of wrong file in Indonesian', async () => {
    const xlsx = await xlsxFile([{ name: 'Data', rows: Array.from({ length: 500 }, (_, i) => [`baris ${i}`, i]) }]);
    const cases: [Buffer, string, RegExp][] = [
      [badFiles.empty(), 'FILE_EMPTY', /kosong/],
      [Buffer.from('  \r\n \n'), 'FILE_EMPTY', /kosong/],
      [badFiles.legacyXls(), 'FILE_UNSUPPORTED', /Excel lama \(\.xls\).*Simpan Sebagai/],
      [badFiles.passwordProtected(), 'FILE_PROTECTED', /kata sandi/],
      [badFiles.pdf(), 'FILE_UNSUPPORTED', /PDF/],
      [badFiles.png(), 'FILE_UNSUPPORTED', /gambar/],
      [badFiles.htmlAsXls(), 'FILE_UNSUPPORTED', /HTML/],
      [badFiles.binary(), 'FILE_UNSUPPORTED', /bukan lembar kerja/],
      [badFiles.truncated(xlsx), 'FILE_CORRUPT', /terpotong/],
    ];
    for (const [buf, code, message] of cases) {
      const error = appErrorOf(() => openFile(buf));
      expect(error.code, message.source).toBe(code);
      expect(error.message).toMatch(message);
    }
  });

  it('reports a workbook whose sheet data is damaged when it is read', async () => {
    const xlsx = await xlsxFile(
      [{ name: 'Data', rows: Array.from({ length: 3000 }, (_, i) => [`baris ${i}`, i, `x${i * 7}`]) }],
      { sharedStrings: false },
    );
    const opened = openFile(badFiles.corrupted(xlsx));
    await expect(collect(opened.rows(null))).rejects.toMatchObject({ code: 'FILE_CORRUPT' });
  });
});
