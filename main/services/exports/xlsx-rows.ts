/**
 * An export's data rows as the XML ExcelJS's streaming writer gives them, written straight into the sheet's
 * stream: the same bytes as `sheet.addRow(inlineRow(values))` with one shared style object per column, without
 * ExcelJS's row, cell, rich-text and XML-builder objects per cell, which were most of the cost above a plain write
 * (an export of 100,000 families took 1.4-1.5 times the plain write of the same rows). Strings are inline strings
 * (`t="inlineStr"`, see ../xlsx-writer.ts), numbers and dates plain values, each cell with its column's style id.
 * It reads ExcelJS's internals (the sheet's `stream`, `startedData`, the workbook's `styles`); a test compares its
 * bytes with ExcelJS's own rows, so an ExcelJS update that changes them fails there.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from './cells';

interface StreamingSheet {
  stream: { write(text: string): void };
  startedData: boolean;
}
interface StreamingStyles {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType: ExcelJS.ValueType): number;
}

/** ExcelJS's utils.xmlEncode: the five XML entities; control characters XML 1.0 forbids are dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to drop are control characters
const NEEDS_ENCODING = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const ENCODED = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
function xmlText(text: string): string {
  return NEEDS_ENCODING.test(text) ? text.replace(ENCODED, (c) => ENTITY[c] ?? '') : text;
}

/** ExcelJS's TextXform keeps leading and trailing spaces and line breaks with xml:space="preserve". */
const PRESERVE = /^\s|\n|\s$/;

/** 1 → A, 27 → AA. */
function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function typeOf(value: CellValue): ExcelJS.ValueType {
  if (value === null) return ExcelJS.ValueType.Null;
  if (typeof value === 'number') return ExcelJS.ValueType.Number;
  if (value instanceof Date) return ExcelJS.ValueType.Date;
  return ExcelJS.ValueType.RichText;
}

/** ExcelJS's utils.dateToExcel without the 1904 date system (the workbook never sets it). */
const excelDate = (date: Date) => 25569 + date.getTime() / (24 * 3600 * 1000) - 0;

/** Writes rows of `styles.length` columns, each cell styled with its column's shared style object. */
export function xlsxRowWriter(workbook: ExcelJS.stream.xlsx.WorkbookWriter, styles: readonly Partial<ExcelJS.Style>[]) {
  const registry = (workbook as unknown as { styles: StreamingStyles }).styles;
  const letters = styles.map((_style, c) => columnLetters(c + 1));
  const rowEnd = `" spans="1:${styles.length}" x14ac:dyDescent="0.25"`;

  function cellXml(value: CellValue, c: number, rowNumber: number): string {
    // ExcelJS registers a cell's style with the type of the first cell that uses the object, then by the object
    const styleId = registry.addStyleModel(styles[c], typeOf(value));
    const open = `<c r="${letters[c]}${rowNumber}"${styleId ? ` s="${styleId}"` : ''}`;
    if (value === null) return styleId ? `${open}/>` : '';
    if (typeof value === 'number') return `${open}><v>${xmlText(String(value))}</v></c>`;
    if (value instanceof Date) return `${open}><v>${excelDate(value)}</v></c>`;
    const space = PRESERVE.test(value) ? ' xml:space="preserve"' : '';
    return `${open} t="inlineStr"><is><r><t${space}>${xmlText(value)}</t></r></is></c>`;
  }

  return (sheet: ExcelJS.Worksheet, rowNumber: number, values: readonly CellValue[]): void => {
    const target = sheet as unknown as StreamingSheet;
    // the sheet's header rows went through ExcelJS, which opened <sheetData> before them
    if (!target.startedData) throw new Error('xlsxRowWriter: the sheet has no header row yet');
    // ExcelJS leaves out a row without a value (its empty cells' styles unregistered)
    if (!values.some((value) => value !== null && value !== undefined)) return;
    let cells = '';
    for (let c = 0; c < styles.length; c++) cells += cellXml(values[c] ?? null, c, rowNumber);
    target.stream.write(`<row r="${rowNumber}${rowEnd}>${cells}</row>`);
  };
}
