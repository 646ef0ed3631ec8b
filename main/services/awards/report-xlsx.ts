/**
 * The award report as an .xlsx: one sheet per table of report-tables.ts, header bold and
 * frozen, widths that fit, money as whole-rupiah numbers, NIK as text, dates as real dates.
 */
import type { Db } from '../../../db/open';
import { fileNamePart } from '../file-names';
import { dateCell, inlineRow, writeXlsx } from '../xlsx-writer';
import { type Cell, type CellKind, cellText, type ReportTable, reportTables } from './report-tables';
import { awardReport, type ReportFilter, reportRecipients } from './reports';

/** Excel's format codes: ',' groups thousands in the file; an Indonesian Excel shows Rp1.500.000. */
const NUM_FMT: Record<CellKind, string | undefined> = {
  text: '@',
  code: '@',
  count: '#,##0',
  year: '0',
  money: '"Rp"#,##0',
  date: 'dd/mm/yyyy',
};

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Each column as wide as its longest header or value as shown (capped), plus a little air. */
function fittedWidths(table: ReportTable): number[] {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return table.columns.map((column, c) => {
    const longest = Math.max(column.header.length, ...rows.map((row) => cellText(column.kind, row[c]).length));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

const cellValue = (kind: CellKind, value: Cell): string | number | Date | null =>
  kind === 'date' && typeof value === 'string' && value ? dateCell(value) : value;

/**
 * Report tables as an .xlsx, one sheet per table (also the area reports'): header bold and frozen, widths that
 * fit, each cell with its kind's type and format (text as inline strings: a NIK never becomes a formula string,
 * t="str"), the 'Jumlah' row bold. Returns the file as base64.
 */
export function tablesXlsx(tables: ReportTable[]): Promise<string> {
  return writeXlsx((workbook) => {
    for (const table of tables) {
      const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
      const widths = fittedWidths(table);
      sheet.columns = table.columns.map((column, c) => ({ width: widths[c], style: { numFmt: NUM_FMT[column.kind] } }));
      const header = sheet.addRow(inlineRow(table.columns.map((column) => column.header)));
      header.font = { bold: true };
      header.commit();
      for (const row of table.rows) {
        sheet.addRow(inlineRow(row.map((value, c) => cellValue(table.columns[c].kind, value)))).commit();
      }
      if (table.total) {
        const total = sheet.addRow(inlineRow(table.total.map((value, c) => cellValue(table.columns[c].kind, value))));
        total.font = { bold: true };
        total.commit();
      }
      sheet.commit();
    }
  });
}

export async function awardReportXlsx(
  db: Db,
  filter: ReportFilter,
  /** The viewer's NIK mask (security-settings nikFor): a file leaves the dispatcher's masking behind. */
  nik: (nik: string) => string = (n) => n,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const report = awardReport(db, filter);
  const recipients = reportRecipients(db, filter).map((r) => ({ ...r, nik: nik(r.nik) }));
  const base64 = await tablesXlsx(reportTables(report, recipients));
  return { fileName: reportFileName(report.programs, filter, 'xlsx'), base64, rows: recipients.length };
}

/** 'laporan-bantuan-2026.xlsx', 'laporan-bantuan-Bantuan-Usaha-Mandiri-2026.pdf' */
export function reportFileName(
  programs: { id: number; name: string; year: number }[],
  filter: ReportFilter,
  extension: 'xlsx' | 'pdf',
): string {
  const program = filter.programId !== undefined ? programs.find((p) => p.id === filter.programId) : undefined;
  const parts = ['laporan-bantuan', program?.name, program?.year ?? filter.year]
    .filter((part) => part !== undefined && part !== '')
    .map((part) => fileNamePart(String(part)).slice(0, 60));
  return `${parts.join('-')}.${extension}`;
}
