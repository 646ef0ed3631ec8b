/**
 * Running an export: checks the NIK mode against the role, reads the rows (query.ts), turns them into cells
 * (cells.ts), writes the file (write-xlsx.ts / write-csv.ts) and records it in the export log (log.ts) with
 * the sha256 of the exact bytes handed out.
 */
import type { Db } from '../../../db/open';
import { AppError } from '../../domain/errors';
import {
  BUILT_IN_PREFIX,
  type ExportFormat,
  type ExportTemplateInput,
  findBuiltIn,
  type NikMode,
} from '../../domain/exports';
import { todayIso } from '../../domain/format';
import type { Actor } from '../actor';
import { fileNamePart } from '../file-names';
import { seesFullNik } from '../security-settings';
import { type CellValue, neutralise, prepareColumns } from './cells';
import { type ExportVia, logFile } from './log';
import { columnsOf, countRows, iterateRows, openReader } from './query';
import { exportCsv } from './write-csv';
import { exportXlsx } from './write-xlsx';

export interface RunExportInput {
  templateKey: string;
  template: ExportTemplateInput;
  nikMode: NikMode;
}

export interface ExportOptions {
  via: ExportVia;
  /** The date in the file name (tests pin it). */
  today?: Date;
  /** Rows per xlsx sheet; only tests set it below Excel's limit. */
  maxRowsPerSheet?: number;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  rows: number;
  nikMode: NikMode;
  logId: number;
}

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv_semicolon: 'text/csv; charset=utf-8',
  csv_comma: 'text/csv; charset=utf-8',
};

export function exportFileName(templateKey: string, template: ExportTemplateInput, today: Date): string {
  // File names say what is in them: the built-in template's own name, else the office template's name.
  const builtIn = templateKey.startsWith(BUILT_IN_PREFIX)
    ? findBuiltIn(templateKey.slice(BUILT_IN_PREFIX.length))
    : null;
  const base = builtIn?.fileName ?? (fileNamePart(template.name).toLowerCase().slice(0, 60) || 'ekspor');
  return `${base}-${todayIso(today)}.${template.format === 'xlsx' ? 'xlsx' : 'csv'}`;
}

/** Full NIKs only for the roles the administrator allows (security settings); masked for everyone else. */
function assertNikMode(db: Db, actor: Actor, nikMode: NikMode) {
  if (nikMode === 'full' && !seesFullNik(db, actor.role)) {
    throw new AppError(
      'FORBIDDEN',
      'Peran Anda tidak boleh mengekspor NIK dan No. KK lengkap; pilih "NIK disamarkan".',
      { fields: { nikMode: 'NIK lengkap tidak diizinkan untuk peran Anda.' } },
    );
  }
}

export function countExport(db: Db, template: ExportTemplateInput): { rows: number } {
  columnsOf(template.kind, template.columns);
  return { rows: countRows(db, template.kind, template.columns, template.filters) };
}

export async function runExport(
  db: Db,
  actor: Actor,
  input: RunExportInput,
  options: ExportOptions,
): Promise<ExportedFile> {
  const { template, nikMode } = input;
  assertNikMode(db, actor, nikMode);
  const labels = columnsOf(template.kind, template.columns);
  const columns = prepareColumns(template.kind, template.columns, labels, nikMode);
  const reader = openReader(db);
  const raw = iterateRows(reader.client, template.kind, template.columns, template.filters);
  let written: { bytes: Buffer; rows: number };
  try {
    let rowNo = 0;
    const rows: Iterator<CellValue[]> = {
      next: () => {
        const next = raw.next();
        if (next.done) return { done: true, value: undefined };
        rowNo++;
        // Converted in place: the raw array is the row's own (better-sqlite3 makes one per step).
        const row = next.value as CellValue[];
        for (let c = 0; c < columns.length; c++) row[c] = columns[c].cell(row[c], rowNo);
        return { done: false, value: row };
      },
    };
    const title = template.titleRow ? neutralise(template.titleRow) : null;
    written =
      template.format === 'xlsx'
        ? await exportXlsx({ sheetName: template.name, title, columns, rows, maxRowsPerSheet: options.maxRowsPerSheet })
        : exportCsv({ separator: template.format === 'csv_comma' ? ',' : ';', title, columns, rows });
  } finally {
    raw.return?.();
    reader.close();
  }
  const fileName = exportFileName(input.templateKey, template, options.today ?? new Date());
  const record = {
    templateKey: input.templateKey,
    templateName: template.name,
    kind: template.kind,
    filters: template.filters,
    format: template.format,
    rows: written.rows,
    nikMode,
    fileName,
    via: options.via,
  };
  const logId = logFile(db, actor, record, written.bytes);
  return { fileName, mimeType: MIME[template.format], bytes: written.bytes, rows: written.rows, nikMode, logId };
}
