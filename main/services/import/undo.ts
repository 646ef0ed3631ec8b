/**
 * Undoing an import batch: added families are removed and updated ones restored from their before-images,
 * in one transaction with audit, but only while nothing later touched those families.
 */

import { count, desc, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import {
  batchItemCount,
  familiesChangedSince,
  pendampingCreatedBy,
  removeAddedFamilies,
  restoreUpdatedFamilies,
} from '../../../db/queries/import-undo';
import { type ImportBatch, importBatches, pendamping } from '../../../db/schema';
import { IMPORT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { loadPendamping } from '../pendamping';

export interface BatchRow extends ImportBatch {
  /** Why the batch cannot be undone, or null when it can. Computed for the rows listed. */
  undoBlockedReason: string | null;
}

/** How many families of the batch changed after it (up to 1,000), and one of them to name. */
function blockers(db: Db, batch: ImportBatch): { count: number; example: string | null } {
  const rows = familiesChangedSince(db, batch);
  const first = rows[0];
  return {
    count: rows.length,
    example: first
      ? first.nama
        ? `${first.nama} (${first.idKpm ? `ID KPM ${first.idKpm}` : 'tanpa ID KPM'})`
        : `KPM #${first.id} (sudah dihapus)`
      : null,
  };
}

function blockedReason(db: Db, batch: ImportBatch): string | null {
  if (batch.status === 'undone') return 'Impor ini sudah dibatalkan.';
  const b = blockers(db, batch);
  if (b.count === 0) return null;
  return (
    `${b.count >= 1000 ? 'Lebih dari 1.000' : b.count} keluarga dari impor ini sudah diubah setelah impor ` +
    `(contoh: ${b.example}), sehingga impor tidak dapat dibatalkan tanpa menghapus perubahan itu.`
  );
}

/** Newest first. */
export function listBatches(db: Db, limit = 50, offset = 0): BatchRow[] {
  const rows = db.select().from(importBatches).orderBy(desc(importBatches.id)).limit(limit).offset(offset).all();
  return rows.map((b) => ({ ...b, undoBlockedReason: blockedReason(db, b) }));
}

export function countBatches(db: Db): number {
  return db.select({ n: count() }).from(importBatches).get()!.n;
}

export function getBatch(db: Db, id: number): ImportBatch {
  const batch = db.select().from(importBatches).where(eq(importBatches.id, id)).get();
  if (!batch) throw new AppError('NOT_FOUND', 'Riwayat impor tidak ditemukan.');
  return batch;
}

export interface UndoResult {
  batchId: number;
  removed: number;
  restored: number;
  /** Pendamping the batch created that went with it (no family refers to them any more). */
  pendampingRemoved: number;
  /** Pendamping the batch created that stay: a family refers to them, or they were changed since. */
  pendampingKept: number;
}

export function undoBatch(db: Db, actor: Actor, batchId: number): UndoResult {
  requireRole(actor, IMPORT_DUTIES.run);
  try {
    return inTransaction(db, () => {
      const batch = getBatch(db, batchId);
      const reason = blockedReason(db, batch);
      if (reason) {
        throw new AppError('CONFLICT', `Impor #${batch.id} (${batch.fileName}) tidak dapat dibatalkan. ${reason}`);
      }
      const u: Undoing = {
        db,
        actor,
        batch,
        now: new Date().toISOString(),
        label: `pembatalan impor #${batch.id} (${batch.fileName})`,
      };
      const removed = removeAdded(u);
      const restored = restoreUpdated(u);
      const { pendampingRemoved, pendampingKept } = removeCreatedPendamping(u);
      db.update(importBatches)
        .set({ status: 'undone', undoneAt: u.now, undoneBy: actor.username })
        .where(eq(importBatches.id, batchId))
        .run();
      writeAudit(db, actor, {
        action: 'undo',
        entity: 'import_batch',
        entityId: batch.id,
        summary:
          `Impor #${batch.id} (${batch.fileName}) dibatalkan: ${removed} KPM dihapus, ${restored} dikembalikan` +
          (pendampingRemoved > 0 ? `, ${pendampingRemoved} pendamping dihapus` : '') +
          (pendampingKept > 0 ? `, ${pendampingKept} pendamping tetap ada karena masih dipakai atau sudah diubah` : ''),
        before: { status: batch.status },
        after: { status: 'undone', removed, restored, pendampingRemoved, pendampingKept },
        importBatchId: batch.id,
      });
      return { batchId, removed, restored, pendampingRemoved, pendampingKept };
    });
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
    ) {
      throw new AppError(
        'CONFLICT',
        `Impor #${batchId} tidak dapat dibatalkan karena keluarganya sudah dipakai di data lain (misalnya usulan graduasi). Tidak ada yang diubah.`,
      );
    }
    throw error;
  }
}

/** One undo's state, shared by its steps (all inside the undo's transaction). */
interface Undoing {
  db: Db;
  actor: Actor;
  batch: ImportBatch;
  now: string;
  /** "pembatalan impor #12 (data.xlsx)", for audit summaries. */
  label: string;
}

/** Added families go; the audit keeps what is removed, members go with their family (ON DELETE CASCADE). */
function removeAdded({ db, actor, batch, now, label }: Undoing): number {
  const removed = batchItemCount(db, batch.id, 'add');
  removeAddedFamilies(db, batch.id, { now, userId: actor.id, username: actor.username, label });
  return removed;
}

/** Updated families go back to the before-image kept in the batch's own audit row, members included. */
function restoreUpdated({ db, actor, batch, now, label }: Undoing): number {
  const restored = batchItemCount(db, batch.id, 'update');
  if (restored === 0) return 0;
  restoreUpdatedFamilies(db, batch.id, { now, userId: actor.id, username: actor.username, label });
  return restored;
}

/** Pendamping the batch created go with it while no family refers to them and nobody changed them since. */
function removeCreatedPendamping({ db, actor, batch, label }: Undoing): {
  pendampingRemoved: number;
  pendampingKept: number;
} {
  const created = pendampingCreatedBy(db, batch.id);
  let pendampingRemoved = 0;
  for (const p of created) {
    if (!p.unused) continue;
    const before = loadPendamping(db, p.id);
    db.delete(pendamping).where(eq(pendamping.id, p.id)).run();
    writeAudit(db, actor, {
      action: 'delete',
      entity: 'pendamping',
      entityId: p.id,
      summary: `Pendamping ${p.name} dihapus karena ${label}`,
      before,
      importBatchId: batch.id,
    });
    pendampingRemoved++;
  }
  return { pendampingRemoved, pendampingKept: created.length - pendampingRemoved };
}
