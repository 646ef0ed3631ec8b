/**
 * The export's data rows written straight into the sheet's stream (xlsx-rows.ts) are byte for byte the rows
 * ExcelJS writes through its own row and cell objects: every cell type, styled and unstyled empty cells, text
 * that needs XML entities, dropped control characters or xml:space, and the style ids (styles.xml) they add.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../main/services/exports/cells';
import { xlsxRowWriter } from '../../main/services/exports/xlsx-rows';
import { readEntry, readZipDirectory } from '../../main/services/import/zip';
import { dateCell, inlineRow, writeXlsxBytes } from '../../main/services/xlsx-writer';

const plain: Partial<ExcelJS.Style> = {};
// id, text, date, money, number (text and number share the empty style, as the export's columns do)
const styles: Partial<ExcelJS.Style>[] = [{ numFmt: '@' }, plain, { numFmt: 'dd/mm/yyyy' }, { numFmt: '#,##0' }, plain];
const headers = ['NIK', 'NAMA', 'TANGGAL', 'NILAI', 'JUMLAH'];
const rows: CellValue[][] = [
  [null, null, null, null, 7],
  ['3375014507850001', 'Siti Aminah', dateCell('2026-11-30'), 1_750_000, 0],
  ['0012', ' di depan', dateCell('1970-01-01'), -5, 1.5],
  ['1e5', 'di belakang ', null, 0, null],
  [null, 'baris\nbaru', dateCell('1945-08-17'), 123_456_789, -0.25],
  ['tanda', `x & y <z> "q" 's`, null, null, 1e21],
  ['kontrol', 'a\u0001b\u007fc\td\re', null, null, null],
  ["'=SUM(A1)", 'Ngatijo Ñ 漢字 🙂', null, null, null],
  [null, null, null, null, null],
];

async function written(fast: boolean): Promise<Map<string, string>> {
  const bytes = await writeXlsxBytes((workbook) => {
    const sheet = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = sheet.addRow(inlineRow(headers));
    header.font = { bold: true };
    header.commit();
    const writeRow = xlsxRowWriter(workbook, styles);
    rows.forEach((values, i) => {
      if (fast) {
        writeRow(sheet, i + 2, values);
        return;
      }
      const row = sheet.addRow(inlineRow(values));
      for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = styles[c];
      row.commit();
    });
    sheet.commit();
  });
  const entries = readZipDirectory(bytes);
  // docProps/core.xml holds the moment the workbook was made
  const names = [...entries.keys()].filter((name) => name !== 'docProps/core.xml');
  return new Map(names.map((name) => [name, readEntry(bytes, entries.get(name) as never).toString('utf8')]));
}

describe('the export rows written without ExcelJS row objects', () => {
  it('are the bytes ExcelJS writes for the same rows and styles', async () => {
    const ours = await written(true);
    const excel = await written(false);
    expect([...ours.keys()]).toEqual([...excel.keys()]);
    for (const [name, text] of excel) expect(ours.get(name), name).toBe(text);
    // the rows are there: an empty styled cell, an entity, a kept space, a date serial
    const sheet = ours.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('<c r="A2" s="');
    expect(sheet).toContain('x &amp; y &lt;z&gt; &quot;q&quot; &apos;s');
    expect(sheet).toContain('<t xml:space="preserve"> di depan</t>');
    expect(sheet).toContain('<v>25569</v>');
  });
});
