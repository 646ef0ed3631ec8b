/**
 * An export as .xlsx through the app's one streaming writer (../xlsx-writer.ts): identifiers as text cells (format @
 * and inline strings, as every text), dates as dates shown dd/mm/yyyy, rupiah as whole numbers (#,##0), the header bold and
 * frozen, widths fitted to the header and the first rows, the sheet named after the content, an optional title
 * row, and the rows split over sheets `Name (2)`, `Name (3)`... above Excel's 1,048,576 rows per sheet.
 */
import type ExcelJS from 'exceljs';
import type { ColumnType } from '../../domain/exports';
import { inlineRow, writeXlsxBytes } from '../xlsx-writer';
import { type CellValue, csvText, type PreparedColumn } from './cells';
import { xlsxRowWriter } from './xlsx-rows';

/** Excel's limit of rows per sheet, header and title rows included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Cell formats: identifiers are text (@) so that a number typed over one in Excel stays text too; text and plain
 * numbers need none (a string is text, a number General), which spares ExcelJS a style per cell.
 */
const NUM_FMT: Record<ColumnType, string | null> = {
  text: null,
  id: '@',
  date: 'dd/mm/yyyy',
  money: '#,##0',
  number: null,
};

/** Rows read before the sheet starts, to size the columns (streamed rows cannot be measured afterwards). */
const WIDTH_SAMPLE = 200;
const MIN_WIDTH = 5;
const MAX_WIDTH = 50;
/** Rows between two looks at the zip's queue. */
const YIELD_EVERY = 2000;
/** Uncompressed sheet bytes the zip may hold before the rows wait for it (the rest goes to deflate). */
const QUEUE_LIMIT = 16 * 1024 * 1024;

interface PipeState {
  _writableState?: { length?: number };
}

/**
 * Waits while the zip has more than QUEUE_LIMIT bytes of the sheet still to take. ExcelJS's sheet stream writes
 * into the zip's input without heeding backpressure, and the zip starts reading late, so 100,000 rows would
 * otherwise wait in memory as uncompressed XML (~60 MB). It reads ExcelJS's and readable-stream's internals
 * (`stream.pipes`, `_writableState.length`); if they change, it only yields a turn of the event loop.
 */
async function drain(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: PipeState[] } }).stream?.pipes ?? [];
  const pending = () => pipes.reduce((sum, p) => sum + (p._writableState?.length ?? 0), 0);
  await new Promise(setImmediate);
  while (pending() > QUEUE_LIMIT) await new Promise((resolve) => setTimeout(resolve, 1));
}

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
  // Widths only: a column style would be copied into a new object per cell, and ExcelJS looks each new style
  // object up by its JSON; the cells get one shared style object per column instead (exportXlsx).
  sheet.columns = input.columns.map((_column, c) => ({ width: widths[c] }));
  if (input.title) {
    const title = sheet.addRow(inlineRow([input.title]));
    title.font = { bold: true, size: 12 };
    title.commit();
  }
  const header = sheet.addRow(inlineRow(input.columns.map((c) => c.header)));
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
  const headerRows = input.title ? 2 : 1;
  const perSheet = (input.maxRowsPerSheet ?? EXCEL_MAX_ROWS) - headerRows;
  // One shared style object per column (an empty one for text and numbers): ExcelJS finds a style object it has
  // seen in a WeakMap, and otherwise looks each cell's own new style object up by its JSON (xlsx-rows.ts).
  const plain: Partial<ExcelJS.Style> = {};
  const styles = input.columns.map((column) => {
    const numFmt = NUM_FMT[column.type];
    return numFmt ? ({ numFmt } as Partial<ExcelJS.Style>) : plain;
  });
  let rows = 0;
  const bytes = await writeXlsxBytes(async (workbook) => {
    const writeRow = xlsxRowWriter(workbook, styles);
    let sheetNo = 1;
    let sheet = startSheet(workbook, input, widths, sheetNo);
    let inSheet = 0;
    const add = (values: CellValue[]) => {
      if (inSheet === perSheet) {
        sheet.commit();
        sheet = startSheet(workbook, input, widths, ++sheetNo);
        inSheet = 0;
      }
      writeRow(sheet, headerRows + inSheet + 1, values);
      inSheet++;
      rows++;
    };
    for (const row of sample) add(row);
    for (let next = input.rows.next(); !next.done; next = input.rows.next()) {
      add(next.value);
      if (rows % YIELD_EVERY === 0) await drain(sheet);
    }
    sheet.commit();
  });
  return { bytes, rows };
}
