/**
 * From a stored value to the cell a spreadsheet gets: codes become labels, NIK and No. KK are masked when the
 * export masks them, identifiers stay text, dates become dates, rupiah whole numbers, and no text can start a
 * formula (OWASP's CSV injection rule: a leading ' before = + - @ tab or carriage return).
 */
import {
  type ColumnType,
  catalogueColumn,
  type ExportColumn,
  type ExportKind,
  NIK_COLUMNS,
  type NikMode,
} from '../../domain/exports';
import { maskNik } from '../../domain/identity';
import { dateCell } from '../xlsx-writer';
import type { ColumnLabel } from './kinds';

export type CellValue = string | number | Date | null;

export interface PreparedColumn {
  header: string;
  type: ColumnType;
  /** The raw value from SQL to the cell; `no` gets the row number. */
  cell(raw: unknown, rowNo: number): CellValue;
}

/**
 * What gets a leading apostrophe: the starts of a formula, and an apostrophe itself, because readers (the import,
 * Excel typing) drop one leading apostrophe: "'Ani" leaves as "''Ani" and comes back as "'Ani".
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** Text that a spreadsheet would take for a formula, or whose apostrophe a reader would drop, gets a leading apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function toText(raw: unknown): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  return neutralise(String(raw));
}

function toNumber(raw: unknown): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

function converter(type: ColumnType): (raw: unknown) => CellValue {
  switch (type) {
    case 'date':
      return (raw) => (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw) ? dateCell(raw) : null);
    case 'money':
      return (raw) => {
        const n = toNumber(raw);
        return n === null ? null : Math.round(n);
      };
    case 'number':
      return toNumber;
    default:
      return toText;
  }
}

/** The template's columns ready to write: header, cell type and the conversion of each value. */
export function prepareColumns(
  kind: ExportKind,
  columns: readonly ExportColumn[],
  labels: readonly ColumnLabel[],
  nikMode: NikMode,
): PreparedColumn[] {
  return columns.map((column, i) => {
    const type = catalogueColumn(kind, column.key)?.type ?? 'text';
    const convert = converter(type);
    const label = labels[i].label;
    const mask = nikMode === 'masked' && NIK_COLUMNS.has(column.key);
    const cell =
      column.key === 'no'
        ? (_raw: unknown, rowNo: number) => rowNo
        : (raw: unknown) => {
            let value = label ? label(raw) : raw;
            if (mask && typeof value === 'string' && value !== '') value = maskNik(value);
            return convert(value);
          };
    return { header: neutralise(column.header), type, cell };
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as CSV text: dates as dd/mm/yyyy (how the import and Indonesian Excel read them), numbers plain. */
export function csvText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) {
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  return String(value);
}
