/** A copy of the app's migrations folder whose journal ends at an older migration: a file as an older app left it. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../db/open';

export function migrationsUpTo(last: string): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'graduasi-older-')), 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag.startsWith(last));
  journal.entries = journal.entries.slice(0, end + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/**
 * Columns today's services write on every change that older files lack: a test that fills an older file through
 * the services adds them for the filling and drops them before the upgrade, so the file is as the older app left it.
 */
const WRITTEN_LATER = [
  { table: 'audit_log', column: 'client_address', type: 'text' },
  { table: 'users', column: 'pendamping_id', type: 'integer' },
];
const addedTo = new WeakMap<Db, typeof WRITTEN_LATER>();

/** Opens a file at an older migration, ready to be filled through today's services. */
export function openOlderFile(file: string, last: string): Db {
  const db = openDatabase(file, { migrationsFolder: migrationsUpTo(last) });
  const columns = db.$client.prepare('SELECT name FROM pragma_table_info(?)').pluck();
  const missing = WRITTEN_LATER.filter(({ table, column }) => !columns.all(table).includes(column));
  for (const { table, column, type } of missing) db.$client.exec(`ALTER TABLE ${table} ADD ${column} ${type}`);
  addedTo.set(db, missing);
  return db;
}

/** Drops the columns openOlderFile added, then closes the file. */
export function closeOlderFile(db: Db): void {
  for (const { table, column } of addedTo.get(db) ?? []) db.$client.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  db.$client.close();
}
