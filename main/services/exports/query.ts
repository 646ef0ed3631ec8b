/**
 * One export's rows: the template's columns and the filters checked (a column, stage, outcome or period the kind
 * cannot take is refused at its field), then counted or read by db/queries/exports.ts. Rows are read one at a
 * time with better-sqlite3's iterate(), never all at once: a registry of 100,000 families is 400,000 member rows.
 */
import Database from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { countExportRows, exportColumnKeys, iterateExportRows, takesOutcome } from '../../../db/queries/exports';
import { AppError } from '../../domain/errors';
import {
  catalogueColumn,
  EXPORT_STAGES,
  type ExportColumn,
  type ExportFilters,
  type ExportKind,
} from '../../domain/exports';
import { type ColumnLabel, KIND_LABELS } from './kinds';

/** Refuses a stage or outcome the kind cannot take, and a period that ends before it starts, at its field. */
function checkFilters(kind: ExportKind, filters: ExportFilters): void {
  if (filters.stage && !(filters.stage in EXPORT_STAGES[kind])) {
    const allowed = Object.values(EXPORT_STAGES[kind]).join(', ');
    const message = `Tahap "${filters.stage}" tidak dikenal untuk ekspor ini; pilih: ${allowed}.`;
    throw new AppError('INVALID_INPUT', message, { fields: { stage: message } });
  }
  if (filters.outcome?.length && !takesOutcome(kind)) {
    const message = 'Filter status usulan hanya untuk ekspor usulan dan penetapan graduasi.';
    throw new AppError('INVALID_INPUT', message, { fields: { outcome: message } });
  }
  if (filters.periodFrom && filters.periodTo && filters.periodFrom > filters.periodTo) {
    const message = 'Tanggal awal periode sesudah tanggal akhirnya.';
    throw new AppError('INVALID_INPUT', message, { fields: { periodFrom: message } });
  }
}

/** The template's columns, each checked against the kind's catalogue. */
export function columnsOf(kind: ExportKind, columns: readonly ExportColumn[]): ColumnLabel[] {
  const known = exportColumnKeys(kind);
  return columns.map((column, i) => {
    if (!catalogueColumn(kind, column.key) || !known.has(column.key)) {
      const message = `Kolom ke-${i + 1} ("${column.key}") tidak ada dalam daftar kolom ekspor ini.`;
      throw new AppError('INVALID_INPUT', message, { fields: { columns: message } });
    }
    return { label: KIND_LABELS[kind][column.key] };
  });
}

/** How many rows the export would write now. */
export function countRows(db: Db, kind: ExportKind, columns: readonly ExportColumn[], filters: ExportFilters): number {
  checkFilters(kind, filters);
  return countExportRows(db, kind, columns, filters);
}

/**
 * A read-only connection of its own for the rows: an export streams for seconds (yielding so the file drains),
 * and an open iterator keeps its connection busy, so the app's own connection stays free for other requests.
 * WAL gives the reader one consistent snapshot. An in-memory database has no second connection: it reads on its own.
 */
export function openReader(db: Db): { client: Database.Database; close(): void } {
  const file = db.$client.name;
  if (db.$client.memory || !file) return { client: db.$client, close: () => {} };
  const client = new Database(file, { readonly: true, fileMustExist: true });
  client.pragma('cache_size = -65536');
  return { client, close: () => client.close() };
}

/** The rows as arrays of raw values (column order of the template), streamed from SQLite. */
export function iterateRows(
  client: Database.Database,
  kind: ExportKind,
  columns: readonly ExportColumn[],
  filters: ExportFilters,
): IterableIterator<unknown[]> {
  checkFilters(kind, filters);
  columnsOf(kind, columns);
  return iterateExportRows(client, kind, columns, filters);
}
