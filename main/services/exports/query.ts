/**
 * The SQL of one export: the template's columns (in its order) over its kind's rows, narrowed by the filters
 * (status, stage, period, kecamatan, desa, pendamping). Rows are read one at a time with better-sqlite3's
 * iterate(), never all at once: a registry of 100,000 families is 400,000 member rows.
 */
import Database from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { AppError } from '../../domain/errors';
import {
  catalogueColumn,
  EXPORT_STAGES,
  type ExportColumn,
  type ExportFilters,
  type ExportKind,
} from '../../domain/exports';
import { type ColumnSql, KIND_SQL } from './kinds';

interface Where {
  sql: string;
  params: unknown[];
}

/** The filters as one WHERE clause; a stage or period the kind cannot take is refused with its field. */
function whereOf(kind: ExportKind, filters: ExportFilters): Where {
  const k = KIND_SQL[kind];
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.stage) {
    if (!(filters.stage in EXPORT_STAGES[kind])) {
      const allowed = Object.values(EXPORT_STAGES[kind]).join(', ');
      const message = `Tahap "${filters.stage}" tidak dikenal untuk ekspor ini; pilih: ${allowed}.`;
      throw new AppError('INVALID_INPUT', message, { fields: { stage: message } });
    }
    parts.push(k.stage);
    params.push(filters.stage);
  } else if (!filters.outcome?.length) {
    parts.push(k.base);
  }
  if (filters.outcome?.length) {
    // The outcome decides alone which candidacies count: 'dibatalkan' asks for withdrawn ones, left out otherwise.
    if (!k.outcome) {
      const message = 'Filter status usulan hanya untuk ekspor usulan dan penetapan graduasi.';
      throw new AppError('INVALID_INPUT', message, { fields: { outcome: message } });
    }
    parts.push(`${k.outcome} IN (${filters.outcome.map(() => '?').join(', ')})`);
    params.push(...filters.outcome);
  }
  if (filters.status && filters.status.length > 0) {
    parts.push(`k.status IN (${filters.status.map(() => '?').join(', ')})`);
    params.push(...filters.status);
  }
  if (filters.periodFrom && filters.periodTo && filters.periodFrom > filters.periodTo) {
    const message = 'Tanggal awal periode sesudah tanggal akhirnya.';
    throw new AppError('INVALID_INPUT', message, { fields: { periodFrom: message } });
  }
  if (filters.periodFrom) {
    parts.push(`${k.date} >= ?`);
    params.push(filters.periodFrom);
  }
  if (filters.periodTo) {
    parts.push(`${k.date} <= ?`);
    params.push(filters.periodTo);
  }
  if (filters.kecamatanCode) {
    parts.push('k.district_code = ?');
    params.push(filters.kecamatanCode);
  }
  if (filters.desaCode) {
    parts.push('k.village_code = ?');
    params.push(filters.desaCode);
  }
  if (filters.pendampingId !== undefined) {
    parts.push(`${k.pendamping} = ?`);
    params.push(filters.pendampingId);
  }
  return { sql: parts.map((p) => `(${p})`).join(' AND '), params };
}

/** The template's columns, each checked against the kind's catalogue. */
export function columnsOf(kind: ExportKind, columns: readonly ExportColumn[]): ColumnSql[] {
  return columns.map((column, i) => {
    const sql = catalogueColumn(kind, column.key) ? KIND_SQL[kind].columns[column.key] : undefined;
    if (!sql) {
      const message = `Kolom ke-${i + 1} ("${column.key}") tidak ada dalam daftar kolom ekspor ini.`;
      throw new AppError('INVALID_INPUT', message, { fields: { columns: message } });
    }
    return sql;
  });
}

/** FROM and ORDER BY for these columns: the registry joins its members only when a member column is chosen. */
function sourceOf(kind: ExportKind, columns: readonly ExportColumn[]): { from: string; orderBy: string } {
  const k = KIND_SQL[kind];
  const perMember = k.perMember;
  if (perMember && columns.some((c) => perMember.keys.has(c.key))) {
    return { from: `${k.from} ${perMember.join}`, orderBy: perMember.orderBy };
  }
  return { from: k.from, orderBy: k.orderBy };
}

/** How many rows the export would write now. */
export function countRows(db: Db, kind: ExportKind, columns: readonly ExportColumn[], filters: ExportFilters): number {
  const where = whereOf(kind, filters);
  const row = db.$client
    .prepare(`SELECT count(*) AS n FROM ${sourceOf(kind, columns).from} WHERE ${where.sql}`)
    .get(...where.params) as { n: number };
  return row.n;
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
  const source = sourceOf(kind, columns);
  const where = whereOf(kind, filters);
  const select = columnsOf(kind, columns)
    .map((c) => c.sql)
    .join(', ');
  const statement = client.prepare(
    `SELECT ${select} FROM ${source.from} WHERE ${where.sql} ORDER BY ${source.orderBy}`,
  );
  return statement.raw(true).iterate(...where.params) as IterableIterator<unknown[]>;
}
