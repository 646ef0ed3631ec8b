/**
 * An export as .xlsx through the app's one streaming writer (../xlsx.ts): identifiers as text cells (format @
 * and string values), dates as dates shown dd/mm/yyyy, rupiah as whole numbers (#,##0), the header bold and
 * frozen, widths fitted to the header and the first rows, the sheet named after the content, an optional title
 * row, and the rows split over sheets `Name (2)`, `Name (3)`... above Excel's 1,048,576 rows per sheet.
 */
import type ExcelJS from 'exceljs';
import type { ColumnType } from '../../domain/exports';
import { writeXlsxBytes } from '../xlsx';
import { type CellValue, csvText, type PreparedColumn } from './cells';

/** Excel's limit of rows per sheet, header and title rows included. */
export const EXCEL_MAX_ROWS = 1_048_576;

const NUM_FMT: Record<ColumnType, string> = {
  text: '@',
  id: '@',
  date: 'dd/mm/yyyy',
  money: '#,##0',
  number: '0',
};

/** Rows read before the sheet starts, to size the columns (streamed rows cannot be measured afterwards). */
const WIDTH_SAMPLE = 200;
const MIN_WIDTH = 5;
const MAX_WIDTH = 50;
/** Rows between two turns of the event loop, so the zip stream drains instead of piling up in memory. */
const YIELD_EVERY = 2000;

export interface XlsxExport {
  sheetName: string;
  title: string | null;
  columns: readonly PreparedColumn[];
  rows: Iterator<CellValue[]>;
  /** Rows per sheet; only tests set it lower than Excel's limit. */
  maxRowsPerSheet?: number;
}

/** Excel refuses []:*?/\ in sheet names and more than 31 characters. */
export function sheetNameOf(name: string, suffix = ''): string {
  const clean =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Data';
  return `${clean.slice(0, 31 - suffix.length).trim()}${suffix}`;
}

function widthsOf(columns: readonly PreparedColumn[], sample: CellValue[][]): number[] {
  return columns.map((column, c) => {
    let longest = column.header.length;
    for (const row of sample) {
      const value = row[c];
      const text =
        typeof value === 'number' && column.type === 'money' ? value.toLocaleString('id-ID') : csvText(value);
      if (text.length > longest) longest = text.length;
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

function startSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  input: XlsxExport,
  widths: number[],
  sheetNo: number,
): ExcelJS.Worksheet {
  const headerRows = input.title ? 2 : 1;
  const name = sheetNameOf(input.sheetName, sheetNo > 1 ? ` (${sheetNo})` : '');
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRows }] });
  sheet.columns = input.columns.map((column, c) => ({ width: widths[c], style: { numFmt: NUM_FMT[column.type] } }));
  if (input.title) {
    const title = sheet.addRow([input.title]);
    title.font = { bold: true, size: 12 };
    title.commit();
  }
  const header = sheet.addRow(input.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

/** Writes the rows; gives the file's bytes and how many data rows it holds. */
export async function exportXlsx(input: XlsxExport): Promise<{ bytes: Buffer; rows: number }> {
  const sample: CellValue[][] = [];
  for (let next = input.rows.next(); !next.done; next = input.rows.next()) {
    sample.push(next.value);
    if (sample.length >= WIDTH_SAMPLE) break;
  }
  const widths = widthsOf(input.columns, sample);
  const perSheet = (input.maxRowsPerSheet ?? EXCEL_MAX_ROWS) - (input.title ? 2 : 1);
  let rows = 0;
  const bytes = await writeXlsxBytes(async (workbook) => {
    let sheetNo = 1;
    let sheet = startSheet(workbook, input, widths, sheetNo);
    let inSheet = 0;
    const add = async (row: CellValue[]) => {
      if (inSheet === perSheet) {
        sheet.commit();
        sheet = startSheet(workbook, input, widths, ++sheetNo);
        inSheet = 0;
      }
      sheet.addRow(row).commit();
      inSheet++;
      if (++rows % YIELD_EVERY === 0) await new Promise(setImmediate);
    };
    for (const row of sample) await add(row);
    for (let next = input.rows.next(); !next.done; next = input.rows.next()) await add(next.value);
    sheet.commit();
  });
  return { bytes, rows };
}
