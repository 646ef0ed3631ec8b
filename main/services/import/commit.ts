/**
 * Writes a plan: all or nothing, in one transaction, with an import batch, an audit row per family (before
 * images for updates, so the batch can be undone) and progress reported between chunks. The families are
 * written by commit-families.ts, with the statements of db/queries/import-writes.ts.
 *
 * When the database is a file, the write runs on its own connection so that the main connection keeps
 * serving reads (WAL) and the event loop can turn between chunks: progress and cancel keep working. A write
 * through the main connection meanwhile waits for the commit (busy_timeout); as both share this thread, such a
 * write gives up after 5 s and the user retries it. An in-memory database has only one connection; there the
 * commit runs without yielding.
 */

import type Database from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { databaseFingerprint, type MemberWrites, prepareMemberWrites } from '../../../db/queries/import';
import {
  beginWrite,
  commitWrite,
  insertImportBatch,
  openWriteConnection,
  preparePendampingInsert,
  rollbackWrite,
} from '../../../db/queries/import-writes';
import type { ImportBatchCounts } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { writeAdds, writeUpdates } from './commit-families';
import type { Plan } from './plan-base';
import { decodeItems, type WriteItem } from './plan-items';
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
  /**
   * Recomputes the plan when the database changed: called while the commit holds the write lock (and nothing
   * is written yet), so a plan read on another connection sees what this transaction would write over.
   */
  replan(): Promise<Plan>;
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

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Impor dibatalkan. Tidak ada data yang disimpan.');
}

function isConstraintError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}

/** One commit's writing state, shared by its steps. */
export interface Writing {
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
  const { conn, writer, separate, close } = openWriteConnection(req.db);
  let open = false;
  try {
    beginWrite(conn);
    open = true;
    let plan = req.plan;
    if (databaseFingerprint(conn) !== plan.fingerprint) {
      const fresh = await req.replan();
      if (fresh.digest !== plan.digest) throw new PlanChangedError(fresh);
      plan = fresh;
    }
    const now = new Date().toISOString();
    const { adds, updates } = await writtenItems(plan, separate);
    req.onProgress(0, adds.length + updates.length);
    const counts = batchCounts(req, plan);
    const batchId = insertImportBatch(conn, {
      fileName: req.fileName,
      fileHash: req.fileHash,
      sheet: req.sheet,
      mapping: req.mapping,
      counts,
      userId: req.actor.id,
      username: req.actor.username,
      createdAt: now,
    });
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
        if (req.isCancelled()) throw cancelled();
      },
    };
    createPendamping(w, plan.pendampingToCreate);
    if (adds.length > 0) await writeAdds(w, adds);
    if (updates.length > 0) await writeUpdates(w, updates);
    auditBatch(w, counts);
    if (req.isCancelled()) throw cancelled();
    commitWrite(conn);
    open = false;
    return { batchId, counts, plan };
  } catch (error) {
    if (open) rollbackWrite(conn);
    // A key the plan did not know of (a write the fingerprint cannot see): the user gets the refreshed report,
    // as for any other change, rather than a raw SQLite error.
    if (isConstraintError(error)) {
      const fresh = await req.replan().catch(() => null);
      if (fresh && fresh.digest !== req.plan.digest) throw new PlanChangedError(fresh);
    }
    throw error;
  } finally {
    close();
  }
}

/** The plan's families added and updated, decoded chunk by chunk (turning between chunks when it may). */
async function writtenItems(plan: Plan, mayYield: boolean): Promise<{ adds: WriteItem[]; updates: WriteItem[] }> {
  const adds: WriteItem[] = [];
  const updates: WriteItem[] = [];
  for (const chunk of plan.items) {
    for (const item of decodeItems(chunk)) {
      if (item.action === 'add') adds.push(item);
      else if (item.action === 'update') updates.push(item);
    }
    if (mayYield) await yieldNow();
  }
  return { adds, updates };
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

/** Pendamping the user chose to create, each with its audit row. */
function createPendamping(w: Writing, list: readonly { key: string; name: string }[]): void {
  const insert = preparePendampingInsert(w.conn);
  for (const p of list) {
    const id = insert(p.name, w.now);
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
