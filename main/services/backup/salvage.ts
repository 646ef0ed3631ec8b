/**
 * A salvage copy of a damaged database: the raw file (and its `-wal`) kept aside byte for byte, then a new
 * database with today's schema (openDatabase runs the migrations) filled, table by table, with every row that
 * can still be read from the damaged file through a second, read-only connection. A table is read in rowid
 * ranges; a range SQLite cannot read (SQLITE_CORRUPT) is halved until the unreadable rows are pinned down, so
 * one bad page costs only its own rows. Foreign keys are off while copying (so the order of the tables does
 * not matter) and checked afterwards: a row whose parent was lost is reported, not dropped.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Db, openDatabase } from '../../../db/open';
import { mainTables, tableCopy, tableNames } from '../../../db/queries/database-file';
import { withSearchIndexPaused } from '../kpm-search';
import { rawCopy } from './files';
import { rawCopyName, salvagedName } from './names';

export interface SalvageResult {
  rawCopy: string;
  salvaged: string;
  /** What could not be read or kept, in Indonesian, one line per table range or problem. */
  unreadable: string[];
}

/** Rowids read per query; a failing range is halved. */
const CHUNK = 10_000;
/** Migration bookkeeping comes from the new file's own migrations; the search pause is a transient flag. */
// kpm_area_counts is kept by the triggers on kpm while its rows are copied: copying it too would count twice.
const SKIPPED = new Set(['__drizzle_migrations', 'kpm_search_paused', 'kpm_area_counts']);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function salvageDatabase(input: { damagedFile: string; folder: string }): Promise<SalvageResult> {
  const folder = resolve(input.folder);
  mkdirSync(folder, { recursive: true });
  const now = new Date();
  const raw = join(folder, rawCopyName(now));
  rawCopy(resolve(input.damagedFile), raw);
  const salvaged = join(folder, salvagedName(now));
  const targetDb = openDatabase(salvaged);
  const target = targetDb.$client;
  const unreadable: string[] = [];
  let source: Database.Database | undefined;
  try {
    source = new Database(resolve(input.damagedFile), { readonly: true, fileMustExist: true });
    copyAll(source, targetDb, unreadable);
  } catch (error) {
    unreadable.push(`Struktur database tidak terbaca, tidak ada baris yang dapat diselamatkan: ${messageOf(error)}`);
  } finally {
    source?.close();
    target.close();
  }
  return { rawCopy: raw, salvaged, unreadable };
}

function copyAll(source: Database.Database, targetDb: Db, unreadable: string[]): void {
  const target = targetDb.$client;
  const sourceTables = tableNames(source);
  if (sourceTables.size === 0) {
    unreadable.push('Berkas tidak berisi tabel apa pun (kosong atau bukan database): tidak ada yang diselamatkan.');
    return;
  }
  const tables = mainTables(target).filter((name) => !SKIPPED.has(name));
  target.pragma('foreign_keys = OFF');
  target.transaction(() => {
    // Families are indexed for search once at the end, as an import does, not by a trigger per row.
    withSearchIndexPaused(targetDb, () => {
      for (const table of tables) {
        if (sourceTables.has(table)) copyTable(source, target, table, unreadable);
      }
    });
  })();
  for (const [table, n] of orphans(target)) {
    unreadable.push(`${table}: ${n} baris merujuk data yang tidak terbaca (rujukan antartabel terputus).`);
  }
  target.pragma('foreign_keys = ON');
}

function copyTable(source: Database.Database, target: Database.Database, table: string, unreadable: string[]) {
  const copy = tableCopy(source, target, table);
  copy.clearTarget();
  let bounds: [number | null, number | null];
  try {
    bounds = copy.bounds();
  } catch (error) {
    unreadable.push(`${table}: tabel tidak terbaca sama sekali (${messageOf(error)}).`);
    return;
  }
  const [min, max] = bounds;
  if (min === null || max === null) return;
  let refused = 0;
  const lost = readRanges(min, max, copy.read, (row) => {
    try {
      copy.insert(row);
    } catch {
      refused++;
    }
  });
  for (const [lo, hi] of lost) {
    unreadable.push(
      lo === hi ? `${table}: baris rowid ${lo} tidak terbaca.` : `${table}: baris rowid ${lo}–${hi} tidak terbaca.`,
    );
  }
  if (refused > 0) unreadable.push(`${table}: ${refused} baris terbaca tetapi isinya tidak sah, tidak disalin.`);
}

/**
 * Reads [min, max] in chunks of rowids, halving a chunk whose read throws, and hands every row of a chunk
 * that read whole to `use`; returns the merged rowid ranges that could not be read.
 */
export function readRanges<T>(
  min: number,
  max: number,
  read: (lo: number, hi: number) => T[],
  use: (row: T) => void,
): [number, number][] {
  const lost: [number, number][] = [];
  const pending: [number, number][] = [];
  for (let hi = max; hi >= min; hi -= CHUNK) pending.push([Math.max(min, hi - CHUNK + 1), hi]);
  while (pending.length > 0) {
    const [lo, hi] = pending.pop() as [number, number];
    let rows: T[];
    try {
      rows = read(lo, hi);
    } catch {
      if (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        pending.push([mid + 1, hi], [lo, mid]);
        continue;
      }
      const last = lost.at(-1);
      if (last && last[1] === lo - 1) last[1] = lo;
      else lost.push([lo, lo]);
      continue;
    }
    for (const row of rows) use(row);
  }
  return lost;
}

function orphans(target: Database.Database): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of target.pragma('foreign_key_check') as { table: string }[]) {
    counts.set(row.table, (counts.get(row.table) ?? 0) + 1);
  }
  return counts;
}
