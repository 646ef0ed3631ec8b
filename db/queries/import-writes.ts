/**
 * The commit's writes in SQL (import batch, pendamping, families, their audit and batch item rows), each
 * statement prepared once per commit and run per chunk of 5,000 families, not per row. New families are staged
 * in a temporary table and moved into kpm one INSERT ... SELECT per chunk; updated families are staged with the
 * columns each changes and written one UPDATE ... FROM per chunk. Audit and batch item rows are written
 * set-based, their images built in SQL (import-images.ts). Members are written by prepareMemberWrites
 * (import.ts).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../open';
import * as schema from '../schema';
import { familyJson } from './import-images';

export interface WriteConnection {
  conn: Database.Database;
  writer: Db;
  /** False for an in-memory database, whose one connection is the main one. */
  separate: boolean;
  close(): void;
}

/**
 * A connection of its own for the commit when the database is a file, so that the main connection keeps
 * serving reads (WAL) while the commit's transaction is open.
 */
export function openWriteConnection(db: Db): WriteConnection {
  const client = db.$client;
  if (client.memory || !client.name || client.name === ':memory:') {
    return { conn: client, writer: db, separate: false, close() {} };
  }
  const conn = new Database(client.name, { timeout: 5000 });
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  // The indexes of 100,000 new rows do not fit the default 2 MB page cache; spilling made the insert 40% slower.
  conn.pragma('cache_size = -32768');
  conn.pragma('temp_store = MEMORY');
  const writer = drizzle(conn, { schema, casing: 'snake_case' }) as Db;
  return { conn, writer, separate: true, close: () => conn.close() };
}

/**
 * The commit's transaction, taking the write lock at once. It spans turns of the event loop (progress, cancel),
 * so it is opened and closed by hand rather than by better-sqlite3's synchronous transaction().
 */
export function beginWrite(conn: Database.Database): void {
  conn.exec('BEGIN IMMEDIATE');
}

export function commitWrite(conn: Database.Database): void {
  conn.exec('COMMIT');
}

export function rollbackWrite(conn: Database.Database): void {
  if (conn.inTransaction) conn.exec('ROLLBACK');
}

export interface BatchRecord {
  fileName: string;
  fileHash: string;
  sheet: string | null;
  mapping: Record<string, string>;
  counts: schema.ImportBatchCounts;
  userId: number | null;
  username: string;
  createdAt: string;
}

/** A committed import batch; returns its id. */
export function insertImportBatch(conn: Database.Database, batch: BatchRecord): number {
  return Number(
    conn
      .prepare(
        `INSERT INTO import_batches (file_name, file_hash, sheet, mapping, counts, user_id, username, created_at, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'committed')`,
      )
      .run(
        batch.fileName,
        batch.fileHash,
        batch.sheet,
        JSON.stringify(batch.mapping),
        JSON.stringify(batch.counts),
        batch.userId,
        batch.username,
        batch.createdAt,
      ).lastInsertRowid,
  );
}

/** The insert of an active pendamping known by name only; the function returns the new id. */
export function preparePendampingInsert(conn: Database.Database): (name: string, now: string) => number {
  const insert = conn.prepare(
    "INSERT INTO pendamping (name, nip, phone, active, created_at, updated_at) VALUES (?, NULL, '', 1, ?, ?)",
  );
  return (name, now) => Number(insert.run(name, now, now).lastInsertRowid);
}

/** Who commits which batch when, for the rows written set-based. */
export interface CommitStamp {
  batchId: number;
  now: string;
  userId: number | null;
  username: string;
  /** "impor #12 (data.xlsx)", for audit summaries. */
  label: string;
}

export interface AddWrites {
  /** Stages one new family at seq, its values in the order of the columns given. */
  stage(seq: number, values: unknown[]): void;
  /** Moves the staged families start..end-1 into kpm, with one audit row each and the batch's item rows. */
  move(start: number, end: number): void;
  /** The kpm ids of the staged families start..end-1, by seq (once moved). */
  idsOf(start: number, end: number): Map<number, number>;
  /** The audit and item rows of the families moved since lastFamilyId() returned familiesBefore. */
  audit(familiesBefore: number): void;
  lastFamilyId(): number;
  drop(): void;
}

/**
 * New families, staged in a temporary table of the given kpm columns. withMembers: the audit row counts the
 * family's members (members are written after the move, before the audit).
 */
export function prepareAddWrites(
  conn: Database.Database,
  columns: readonly string[],
  stamp: CommitStamp,
  withMembers: boolean,
): AddWrites {
  const list = columns.join(', ');
  conn.exec(
    `CREATE TEMP TABLE IF NOT EXISTS import_add (seq INTEGER PRIMARY KEY, ${list}); DELETE FROM temp.import_add;`,
  );
  const stage = conn.prepare(`INSERT INTO temp.import_add VALUES (?, ${columns.map(() => '?').join(', ')})`);
  const move = conn.prepare(
    `INSERT INTO kpm (${list}, status, import_batch_id, created_at, updated_at)
     SELECT ${list}, 'aktif', ?, ?, ? FROM temp.import_add WHERE seq >= ? AND seq < ? ORDER BY seq`,
  );
  const idsOf = conn
    .prepare('SELECT a.seq, k.id FROM temp.import_add a JOIN kpm k ON k.nik = a.nik WHERE a.seq >= ? AND a.seq < ?')
    .raw();
  // One audit row per new family and the batch's item rows, set-based. The after-image names the family and
  // its batch only: the row itself is the state after the import, the batch keeps the file's hash and mapping,
  // and the first later change (a form, another import, an undo) records the full before-image. Writing the
  // whole row again cost a third of a second per 100,000 families, in time and in WAL to sync.
  const auditAdds = conn.prepare(
    `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
     SELECT ?, ?, ?, 'create', 'kpm', k.id,
       'KPM ' || k.nama || coalesce(' (ID KPM ' || k.id_kpm || ')', ' (tanpa ID KPM)') || ' didaftarkan melalui ' || ?, NULL,
       json_object('id', k.id, 'idKpm', k.id_kpm, 'nik', k.nik, 'noKk', k.no_kk, 'nama', k.nama,
         'importBatchId', k.import_batch_id${withMembers ? ", 'members', (SELECT count(*) FROM art a WHERE a.kpm_id = k.id)" : ''}),
       ?
     FROM kpm k WHERE k.id > ? ORDER BY k.id`,
  );
  const itemAdds = batchItemsInsert(conn, 'add');
  const lastId = conn.prepare('SELECT coalesce(max(id), 0) FROM kpm').pluck();
  const lastAuditId = lastAuditIdQuery(conn);
  const { batchId, now } = stamp;
  return {
    stage: (seq, values) => {
      stage.run(seq, ...values);
    },
    move: (start, end) => {
      move.run(batchId, now, now, start, end);
    },
    idsOf: (start, end) => new Map(idsOf.all(start, end) as [number, number][]),
    audit: (familiesBefore) => {
      const auditBefore = lastAuditId.get() as number;
      auditAdds.run(now, stamp.userId, stamp.username, stamp.label, batchId, familiesBefore);
      itemAdds.run(batchId, auditBefore);
    },
    lastFamilyId: () => lastId.get() as number,
    drop: () => {
      conn.exec('DROP TABLE temp.import_add');
    },
  };
}

/** A kpm column an update may set, and the bit that says a family changes it in the staged `changed` mask. */
export interface ChangedColumn {
  column: string;
  bit: number;
}

export interface UpdateWrites {
  /** Stages one updated family at seq: its id, audit summary, changed mask and values in the columns' order. */
  stage(seq: number, id: number, summary: string, changed: number, values: unknown[]): void;
  /**
   * Writes the staged families start..end-1: their before-images into new audit rows, then their changed
   * columns (set: the columns any of them changes); members(): their members, before the after-images.
   */
  write(start: number, end: number, set: readonly ChangedColumn[], members: () => void): void;
  drop(): void;
}

/** Updated families, staged in a temporary table of the given kpm columns. */
export function prepareUpdateWrites(
  conn: Database.Database,
  columns: readonly string[],
  stamp: CommitStamp,
): UpdateWrites {
  conn.exec(
    `DROP TABLE IF EXISTS temp.import_upd;
     CREATE TEMP TABLE import_upd (seq INTEGER PRIMARY KEY, id INTEGER, summary TEXT, changed INTEGER, ${columns.join(', ')});`,
  );
  const stage = conn.prepare(`INSERT INTO temp.import_upd VALUES (?, ?, ?, ?, ${columns.map(() => '?').join(', ')})`);
  // The before-image (row and members) goes into the audit row before the change, the after-image after it.
  const auditBefore = conn.prepare(
    `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
     SELECT ?, ?, ?, 'update', 'kpm', k.id, u.summary, ${familyJson('k')}, NULL, ?
     FROM temp.import_upd u JOIN kpm k ON k.id = u.id WHERE u.seq >= ? AND u.seq < ? ORDER BY u.seq`,
  );
  const auditAfter = conn.prepare(
    `UPDATE audit_log SET after = ${familyJson('k')} FROM kpm k WHERE audit_log.id > ? AND k.id = audit_log.entity_id`,
  );
  const itemUpdates = batchItemsInsert(conn, 'update');
  const lastAuditId = lastAuditIdQuery(conn);
  const applyFor = new Map<string, Database.Statement>();
  const { batchId, now } = stamp;
  return {
    stage: (seq, id, summary, changed, values) => {
      stage.run(seq, id, summary, changed, ...values);
    },
    write: (start, end, set, members) => {
      const before = lastAuditId.get() as number;
      auditBefore.run(now, stamp.userId, stamp.username, batchId, start, end);
      applyUpdate(conn, applyFor, set).run(batchId, now, start, end);
      members();
      auditAfter.run(before);
      itemUpdates.run(batchId, before);
    },
    drop: () => {
      conn.exec('DROP TABLE temp.import_upd');
    },
  };
}

/**
 * The UPDATE for a chunk, one per set of columns. SQLite rewrites the entries of every index on a column named
 * in SET, changed or not: only the columns that change in the chunk are named (a re-import that fixes addresses
 * does not rewrite 14 indexes). Each family's row gets only the columns that family changes (its bit in
 * u.changed): the plan's copy of the other columns may be older than the row, and must never overwrite it.
 */
function applyUpdate(
  conn: Database.Database,
  cache: Map<string, Database.Statement>,
  changed: readonly ChangedColumn[],
): Database.Statement {
  const set = changed.map(
    ({ column, bit }) => `${column} = CASE WHEN u.changed & ${bit} THEN u.${column} ELSE kpm.${column} END`,
  );
  let apply = cache.get(set.join());
  if (!apply) {
    apply = conn.prepare(
      `UPDATE kpm SET ${[...set, 'import_batch_id = ?', 'updated_at = ?'].join(', ')}
       FROM (SELECT * FROM temp.import_upd WHERE seq >= ? AND seq < ?) AS u WHERE kpm.id = u.id`,
    );
    cache.set(set.join(), apply);
  }
  return apply;
}

/** The batch's item rows for the kpm audit rows written after a given audit id. */
function batchItemsInsert(conn: Database.Database, action: 'add' | 'update'): Database.Statement {
  return conn.prepare(
    `INSERT INTO import_batch_items (batch_id, kpm_id, action, audit_id)
     SELECT ?, entity_id, '${action}', id FROM audit_log WHERE id > ? ORDER BY id`,
  );
}

function lastAuditIdQuery(conn: Database.Database): Database.Statement {
  return conn.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck();
}
