/**
 * Queries on a database file as a file (a backup, a damaged copy, the app's own): which tables it holds, how many
 * rows, who it belongs to. They take the raw connection: such a file may be older than this app's schema.
 */
import type Database from 'better-sqlite3';
import type { BackupOffice } from '../../main/domain/office-origin';
import type { Db } from '../open';

export function tableNames(sqlite: Database.Database): Set<string> {
  return new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
}

/** The rows of one table (its name from this app's own list, never from input). */
export function rowCount(sqlite: Database.Database, table: string): number {
  return sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
}

export function databaseIdOf(sqlite: Database.Database): string | null {
  return (
    (sqlite.prepare('SELECT database_id FROM database_identity WHERE id = 1').pluck().get() as string | undefined) ??
    null
  );
}

export function officeOf(sqlite: Database.Database): BackupOffice | null {
  return (
    (sqlite
      .prepare(
        'SELECT regency_code AS regencyCode, regency_name AS regencyName, agency_name AS agencyName FROM office WHERE id = 1',
      )
      .get() as BackupOffice | undefined) ?? null
  );
}

/** The newest audit entry's id (0 for none): a backup is needed once the audit has moved past it. */
export function auditMark(db: Db): number {
  return (db.$client.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number) ?? 0;
}

/** The tables of the main schema (not SQLite's own), by name. */
export function mainTables(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as {
      name: string;
      type: string;
    }[]
  )
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The statements that copy one table's rows, by rowid, from a source file into the same table of a target. */
export interface TableCopy {
  /** The columns both files have, in the source's order. */
  columns: string[];
  clearTarget: () => void;
  /** The source's lowest and highest rowid (throws when the table cannot be read at all). */
  bounds: () => [number | null, number | null];
  /** The rows with rowids lo..hi; one row by its rowid when lo = hi (a range scan steps on past a bad page). */
  read: (lo: number, hi: number) => unknown[][];
  insert: (row: unknown[]) => void;
}

export function tableCopy(source: Database.Database, target: Database.Database, table: string): TableCopy {
  const targetColumns = new Set(
    (target.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((c) => c.name),
  );
  const columns = (source.pragma(`table_info(${quote(table)})`) as { name: string }[])
    .map((c) => c.name)
    .filter((c) => targetColumns.has(c));
  const list = columns.map(quote).join(', ');
  const insert = target.prepare(`INSERT INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  const select = source.prepare(`SELECT ${list} FROM ${quote(table)} WHERE rowid BETWEEN ? AND ?`).raw();
  const one = source.prepare(`SELECT ${list} FROM ${quote(table)} WHERE rowid = ?`).raw();
  return {
    columns,
    clearTarget: () => target.exec(`DELETE FROM ${quote(table)}`),
    bounds: () =>
      source
        .prepare(`SELECT min(rowid), max(rowid) FROM ${quote(table)}`)
        .raw()
        .get() as [number | null, number | null],
    read: (lo, hi) => (lo === hi ? one.all(lo) : select.all(lo, hi)) as unknown[][],
    insert: (row) => {
      insert.run(row);
    },
  };
}

/**
 * A mark that moves with every write to the database: committed by another connection (data_version) or by
 * this one (total_changes, rolled-back statements included). Equal marks mean nothing was written in between.
 */
export function writeMark(db: Db): string {
  const version = db.$client.pragma('data_version', { simple: true }) as number;
  const changes = db.$client.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}
