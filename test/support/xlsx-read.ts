/**
 * Reading back the workbooks the app writes, for node and Chromium tests alike (no test runner imports here).
 */
import ExcelJS from 'exceljs';
import { readEntry, readZipDirectory } from '../../main/services/import/zip';

/**
 * The workbook as ExcelJS reads it, with each inline string (the exports write every text so) given back as its
 * text: ExcelJS reads an inline string as rich text, where Excel shows plain text. The cell types themselves are
 * checked on the raw XML (exports-xlsx.test.ts).
 */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as ExcelJS.CellRichTextValue | null;
        if (value && typeof value === 'object' && 'richText' in value) {
          const text = value.richText.map((r) => r.text).join('');
          const style = cell.style;
          cell.value = text;
          cell.style = style;
        }
      }),
    );
  }
  return workbook;
}

/**
 * The cells of every sheet stored as formula strings (`t="str"`), which spreadsheet tools may recompute or
 * retype: text cells the app writes are inline or shared strings, so this lists none.
 */
export function formulaStringCells(bytes: Buffer): string[] {
  const entries = readZipDirectory(bytes);
  return [...entries.entries()]
    .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .flatMap(([name, entry]) =>
      [
        ...readEntry(bytes, entry)
          .toString('utf8')
          .matchAll(/<c r="([A-Z]+\d+)"[^>]*\bt="str"/g),
      ].map((m) => `${name}!${m[1]}`),
    );
}
