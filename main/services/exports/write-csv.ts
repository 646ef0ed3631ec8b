/**
 * An export as CSV: UTF-8 with a byte-order mark (so Excel reads the letters right), `;` (Indonesian Excel's
 * separator) or `,`, fields quoted as RFC 4180 says (a field with the separator, a quote or a line break is
 * put in quotes, its quotes doubled), lines ending in CRLF. Cells are neutralised before (cells.ts).
 */
import { type CellValue, csvText, type PreparedColumn } from './cells';

const BOM = '\uFEFF';

function field(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(input: {
  separator: ';' | ',';
  title: string | null;
  columns: readonly PreparedColumn[];
  rows: Iterator<CellValue[]>;
}): { bytes: Buffer; rows: number } {
  const { separator } = input;
  const line = (cells: string[]) => `${cells.map((c) => field(c, separator)).join(separator)}\r\n`;
  const parts: string[] = [BOM];
  if (input.title) parts.push(line([input.title]));
  parts.push(line(input.columns.map((c) => c.header)));
  let rows = 0;
  for (let next = input.rows.next(); !next.done; next = input.rows.next()) {
    parts.push(line(next.value.map(csvText)));
    rows++;
  }
  return { bytes: Buffer.from(parts.join(''), 'utf8'), rows };
}
