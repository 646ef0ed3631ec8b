/**
 * Writes a plan: all or nothing, in one transaction, with an import batch, an audit row per family (before
 * images for updates, so the batch can be undone) and progress reported between chunks.
 *
 * New families go to kpm through a temporary table, one INSERT ... SELECT per chunk with the search trigger
 * paused and the chunk indexed in one statement (withSearchIndexPaused); audit and batch item rows are written
 * set-based. Row by row, the search trigger alone made 100,000 inserts several times slower. Updated families
 * get one UPDATE ... FROM per chunk naming only the columns that change, their before- and after-images built
 * in SQL.
 *
 * When the database is a file, the write runs on its own connection so that the main connection keeps
 * serving reads (WAL) and the event loop can turn between chunks: progress and cancel keep working. A write
 * through the main connection meanwhile waits for the commit (busy_timeout); as both share this thread, such a
 * write gives up after 5 s and the user retries it. An in-memory database has only one connection; there the
 * commit runs without yielding.
 */

import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../../db/open';
import { type MemberWrites, prepareMemberWrites } from '../../../db/queries/import';
import type { ImportBatchCounts } from '../../../db/schema';
import * as schema from '../../../db/schema';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { withSearchIndexPaused } from '../kpm-search';
import { familyJson } from './images';
import { COLUMN_OF, KPM_WRITE_COLUMNS, KPM_WRITE_KEYS, kpmParams } from './kpm-columns';
import { databaseFingerprint } from './plan';
import type { KpmValues, Plan, PlannedFamily } from './plan-base';
import { yieldNow } from './yield';

export interface CommitRequest {
  db: Db;
  actor: Actor;
  plan: Plan;
  fileName: string;
  fileHash: string;
  sheet: string | null;
  mapping: Record<string, string>;
  rows: number;
  /** Recomputes the plan on the given connection (inside the write transaction) when the database changed. */
  replan(conn: Database.Database): Promise<Plan>;
  isCancelled(): boolean;
  onProgress(done: number, total: number): void;
  /** Test hook: called after each chunk is written, inside the transaction. */
  afterChunk?(done: number, total: number): void;
}

export interface CommitResult {
  batchId: number;
  counts: ImportBatchCounts;
  plan: Plan;
}

export class PlanChangedError extends AppError {
  constructor(readonly newPlan: Plan) {
    super(
      'CONFLICT',
      'Data di database berubah sejak pemeriksaan sehingga hasil impor akan berbeda dari laporan. ' +
        'Tidak ada yang disimpan. Periksa laporan yang diperbarui, lalu simpan lagi.',
    );
  }
}

const CHUNK = 5000;

function writeConnection(db: Db): { conn: Database.Database; writer: Db; separate: boolean; close(): void } {
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

function isConstraintError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}

/** The bit of a kpm value in the staged `changed` mask of an updated family. */
function changedBit(key: keyof KpmValues): number {
  return 2 ** KPM_WRITE_KEYS.indexOf(key);
}

function changedMask(keys: readonly (keyof KpmValues)[]): number {
  let mask = 0;
  for (const key of new Set(keys)) mask += changedBit(key);
  return mask;
}

/** Sorts new families by desa (whose code starts with its kecamatan's) and name, with the native string sort. */
function sortByRegionAndName(items: PlannedFamily[]): void {
  const keys = items.map((item, i) => {
    const v = item.values as KpmValues;
    return `${v.villageCode}${v.nama}\u0000${i}`;
  });
  keys.sort();
  const sorted = keys.map((key) => items[Number(key.slice(key.lastIndexOf('\u0000') + 1))]);
  for (let i = 0; i < items.length; i++) items[i] = sorted[i];
}

/** One commit's writing state, shared by its steps. */
interface Writing {
  req: CommitRequest;
  conn: Database.Database;
  writer: Db;
  batchId: number;
  now: string;
  /** "impor #12 (data.xlsx)", for audit summaries. */
  label: string;
  /** Ids of the pendamping created by this import, by key. */
  newPendamping: Map<string, number>;
  members: MemberWrites;
  done: number;
  total: number;
  /** After each chunk: progress, a turn of the event loop, cancel. */
  checkpoint(): Promise<void>;
}

export async function commitPlan(req: CommitRequest): Promise<CommitResult> {
  const { conn, writer, separate, close } = writeConnection(req.db);
  let open = false;
  try {
    conn.exec('BEGIN IMMEDIATE');
    open = true;
    let plan = req.plan;
    if (databaseFingerprint(conn) !== plan.fingerprint) {
      const fresh = await req.replan(conn);
      if (fresh.digest !== plan.digest) throw new PlanChangedError(fresh);
      plan = fresh;
    }
    const now = new Date().toISOString();
    const adds = plan.items.filter((i) => i.action === 'add');
    const updates = plan.items.filter((i) => i.action === 'update');
    req.onProgress(0, adds.length + updates.length);
    const counts = batchCounts(req, plan);
    const batchId = insertBatch(conn, req, counts, now);
    const w: Writing = {
      req,
      conn,
      writer,
      batchId,
      now,
      label: `impor #${batchId} (${req.fileName})`,
      newPendamping: new Map(),
      members: prepareMemberWrites(conn),
      done: 0,
      total: adds.length + updates.length,
      async checkpoint() {
        req.afterChunk?.(this.done, this.total);
        req.onProgress(this.done, this.total);
        if (separate) await yieldNow();
        if (req.isCancelled()) throw new AppError('CANCELLED', 'Impor dibatalkan. Tidak ada data yang disimpan.');
      },
    };
    createPendamping(w, plan.pendampingToCreate);
    if (adds.length > 0) await writeAdds(w, adds);
    if (updates.length > 0) await writeUpdates(w, updates);
    auditBatch(w, counts);
    if (req.isCancelled()) throw new AppError('CANCELLED', 'Impor dibatalkan. Tidak ada data yang disimpan.');
    conn.exec('COMMIT');
    open = false;
    return { batchId, counts, plan };
  } catch (error) {
    if (open && conn.inTransaction) conn.exec('ROLLBACK');
    // A key the plan did not know of (a write the fingerprint cannot see): the user gets the refreshed report,
    // as for any other change, rather than a raw SQLite error.
    if (isConstraintError(error)) {
      const fresh = await req.replan(conn).catch(() => null);
      if (fresh && fresh.digest !== req.plan.digest) throw new PlanChangedError(fresh);
    }
    throw error;
  } finally {
    close();
  }
}

function batchCounts(req: CommitRequest, plan: Plan): ImportBatchCounts {
  return {
    rows: req.rows,
    families: plan.counts.families,
    added: plan.counts.add,
    updated: plan.counts.update,
    unchanged: plan.counts.unchanged,
    skipped: plan.counts.skip + plan.counts.merged,
    errors: plan.counts.error,
    members: plan.counts.membersAdded + plan.counts.membersUpdated,
    pendampingCreated: plan.pendampingToCreate.length,
  };
}

function insertBatch(conn: Database.Database, req: CommitRequest, counts: ImportBatchCounts, now: string): number {
  return Number(
    conn
      .prepare(
        `INSERT INTO import_batches (file_name, file_hash, sheet, mapping, counts, user_id, username, created_at, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'committed')`,
      )
      .run(
        req.fileName,
        req.fileHash,
        req.sheet,
        JSON.stringify(req.mapping),
        JSON.stringify(counts),
        req.actor.id,
        req.actor.username,
        now,
      ).lastInsertRowid,
  );
}

/** Pendamping the user chose to create, each with its audit row. */
function createPendamping(w: Writing, list: readonly { key: string; name: string }[]): void {
  const insert = w.conn.prepare(
    "INSERT INTO pendamping (name, nip, phone, active, created_at, updated_at) VALUES (?, NULL, '', 1, ?, ?)",
  );
  for (const p of list) {
    const id = Number(insert.run(p.name, w.now, w.now).lastInsertRowid);
    w.newPendamping.set(p.key, id);
    const after = {
      id,
      name: p.name,
      nip: null,
      phone: '',
      active: true,
      districtCodes: [],
      createdAt: w.now,
      updatedAt: w.now,
    };
    writeAudit(w.writer, w.req.actor, {
      action: 'create',
      entity: 'pendamping',
      entityId: id,
      summary: `Pendamping ${p.name} didaftarkan melalui ${w.label}`,
      after,
      importBatchId: w.batchId,
    });
  }
}

function pendampingOf(w: Writing, item: PlannedFamily): number | null {
  return item.pendampingNew
    ? (w.newPendamping.get(item.pendampingNew) ?? null)
    : (item.values as KpmValues).pendampingId;
}

/**
 * New families: staged in a temporary table, then moved into kpm one chunk per statement, with one audit row
 * each and the batch's item rows written set-based.
 */
async function writeAdds(w: Writing, adds: PlannedFamily[]): Promise<void> {
  const { conn, req, batchId, now } = w;
  conn.exec(
    `CREATE TEMP TABLE IF NOT EXISTS import_add (seq INTEGER PRIMARY KEY, ${KPM_WRITE_COLUMNS.join(', ')}); DELETE FROM temp.import_add;`,
  );
  const stage = conn.prepare(`INSERT INTO temp.import_add VALUES (?, ${KPM_WRITE_COLUMNS.map(() => '?').join(', ')})`);
  // Staged in kecamatan, desa and name order: most of kpm's indexes lead with those, and inserting along them
  // instead of in file order made the insert of 100,000 families 30% faster.
  sortByRegionAndName(adds);
  for (const [seq, item] of adds.entries())
    stage.run(seq, ...kpmParams(item.values as KpmValues, pendampingOf(w, item)));
  const move = conn.prepare(
    `INSERT INTO kpm (${KPM_WRITE_COLUMNS.join(', ')}, status, import_batch_id, created_at, updated_at)
     SELECT ${KPM_WRITE_COLUMNS.join(', ')}, 'aktif', ?, ?, ? FROM temp.import_add WHERE seq >= ? AND seq < ? ORDER BY seq`,
  );
  const idsOf = conn.prepare(
    'SELECT a.seq, k.id FROM temp.import_add a JOIN kpm k ON k.nik = a.nik WHERE a.seq >= ? AND a.seq < ?',
  );
  // One audit row per new family and the batch's item rows, set-based. The after-image names the family and
  // its batch only: the row itself is the state after the import, the batch keeps the file's hash and mapping,
  // and the first later change (a form, another import, an undo) records the full before-image. Writing the
  // whole row again cost a third of a second per 100,000 families, in time and in WAL to sync.
  const auditAdds = conn.prepare(
    `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
     SELECT ?, ?, ?, 'create', 'kpm', k.id,
       'KPM ' || k.nama || coalesce(' (ID KPM ' || k.id_kpm || ')', ' (tanpa ID KPM)') || ' didaftarkan melalui ' || ?, NULL,
       json_object('id', k.id, 'idKpm', k.id_kpm, 'nik', k.nik, 'noKk', k.no_kk, 'nama', k.nama,
         'importBatchId', k.import_batch_id${adds.some((item) => item.members.length > 0) ? ", 'members', (SELECT count(*) FROM art a WHERE a.kpm_id = k.id)" : ''}),
       ?
     FROM kpm k WHERE k.id > ? ORDER BY k.id`,
  );
  const itemAdds = conn.prepare(
    `INSERT INTO import_batch_items (batch_id, kpm_id, action, audit_id)
     SELECT ?, entity_id, 'add', id FROM audit_log WHERE id > ? ORDER BY id`,
  );
  const lastId = conn.prepare('SELECT coalesce(max(id), 0) FROM kpm').pluck();
  const lastAuditId = conn.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck();
  for (let start = 0; start < adds.length; start += CHUNK) {
    const end = Math.min(adds.length, start + CHUNK);
    const kpmBefore = lastId.get() as number;
    // The chunk's families and members are indexed for search once, after they are inserted (see
    // withSearchIndexPaused).
    withSearchIndexPaused(w.writer, () => {
      move.run(batchId, now, now, start, end);
      if (!adds.slice(start, end).some((item) => item.members.length > 0)) return;
      const ids = new Map((idsOf.raw().all(start, end) as [number, number][]).map(([seq, id]) => [seq, id]));
      for (let seq = start; seq < end; seq++) {
        const id = ids.get(seq) as number;
        for (const m of adds[seq].members) w.members.insert(id, m);
      }
    });
    const auditBefore = lastAuditId.get() as number;
    auditAdds.run(now, req.actor.id, req.actor.username, w.label, batchId, kpmBefore);
    itemAdds.run(batchId, auditBefore);
    w.done += end - start;
    await w.checkpoint();
  }
  conn.exec('DROP TABLE temp.import_add');
}

/** Updated families, staged with the columns each changes; one UPDATE ... FROM per chunk. */
async function writeUpdates(w: Writing, updates: PlannedFamily[]): Promise<void> {
  const { conn, req, batchId, now } = w;
  conn.exec(
    `DROP TABLE IF EXISTS temp.import_upd;
     CREATE TEMP TABLE import_upd (seq INTEGER PRIMARY KEY, id INTEGER, summary TEXT, changed INTEGER, ${KPM_WRITE_COLUMNS.join(', ')});`,
  );
  const stage = conn.prepare(
    `INSERT INTO temp.import_upd VALUES (?, ?, ?, ?, ${KPM_WRITE_COLUMNS.map(() => '?').join(', ')})`,
  );
  updates.forEach((item, seq) => {
    const summary = `Data KPM ${(item.values as KpmValues).nama} diubah melalui ${w.label}: ${item.changes.join(', ')}`;
    stage.run(
      seq,
      item.targetId,
      summary,
      changedMask(item.changedKeys),
      ...kpmParams(item.values as KpmValues, pendampingOf(w, item)),
    );
  });
  // The before-image (row and members) goes into the audit row before the change, the after-image after it.
  const auditBefore = conn.prepare(
    `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
     SELECT ?, ?, ?, 'update', 'kpm', k.id, u.summary, ${familyJson('k')}, NULL, ?
     FROM temp.import_upd u JOIN kpm k ON k.id = u.id WHERE u.seq >= ? AND u.seq < ? ORDER BY u.seq`,
  );
  const auditAfter = conn.prepare(
    `UPDATE audit_log SET after = ${familyJson('k')} FROM kpm k WHERE audit_log.id > ? AND k.id = audit_log.entity_id`,
  );
  const itemUpdates = conn.prepare(
    `INSERT INTO import_batch_items (batch_id, kpm_id, action, audit_id)
     SELECT ?, entity_id, 'update', id FROM audit_log WHERE id > ? ORDER BY id`,
  );
  const lastAuditId = conn.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck();
  const applyFor = new Map<string, Database.Statement>();
  for (let start = 0; start < updates.length; start += CHUNK) {
    const end = Math.min(updates.length, start + CHUNK);
    const chunk = updates.slice(start, end);
    const before = lastAuditId.get() as number;
    auditBefore.run(now, req.actor.id, req.actor.username, batchId, start, end);
    applyUpdate(conn, applyFor, chunk).run(batchId, now, start, end);
    for (const item of chunk) {
      const id = item.targetId as number;
      for (const m of item.members) {
        if (m.id) w.members.update(id, m.id, m);
        else w.members.insert(id, m);
      }
    }
    auditAfter.run(before);
    itemUpdates.run(batchId, before);
    w.done += end - start;
    await w.checkpoint();
  }
  conn.exec('DROP TABLE temp.import_upd');
}

/**
 * The UPDATE for a chunk. SQLite rewrites the entries of every index on a column named in SET, changed or not:
 * only the columns that change in the chunk are named (a re-import that fixes addresses does not rewrite 14
 * indexes). Each family's row gets only the columns that family changes (its bit in u.changed): the plan's copy
 * of the other columns may be older than the row, and must never overwrite it.
 */
function applyUpdate(
  conn: Database.Database,
  cache: Map<string, Database.Statement>,
  chunk: readonly PlannedFamily[],
): Database.Statement {
  const keys = [...new Set(chunk.flatMap((item) => item.changedKeys))].sort();
  const set = keys.map((key) => {
    const column = COLUMN_OF[key];
    return `${column} = CASE WHEN u.changed & ${changedBit(key)} THEN u.${column} ELSE kpm.${column} END`;
  });
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

function auditBatch(w: Writing, counts: ImportBatchCounts): void {
  const { req } = w;
  writeAudit(w.writer, req.actor, {
    action: 'import',
    entity: 'import_batch',
    entityId: w.batchId,
    summary:
      `Impor berkas ${req.fileName}: ${formatNumber(counts.added)} KPM ditambah, ${formatNumber(counts.updated)} diperbarui, ` +
      `${formatNumber(counts.unchanged)} tanpa perubahan, ${formatNumber(counts.skipped)} dilewati, ` +
      `${formatNumber(counts.errors)} bermasalah`,
    after: { fileName: req.fileName, fileHash: req.fileHash, sheet: req.sheet, mapping: req.mapping, counts },
    importBatchId: w.batchId,
  });
}
