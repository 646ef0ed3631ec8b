/**
 * Undoing an import batch: added families are removed and updated ones restored from their before-images,
 * in one transaction with audit, but only while nothing later touched those families.
 */

import { count, desc, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { type ImportBatch, importBatches, pendamping } from '../../../db/schema';
import { IMPORT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { loadPendamping } from '../pendamping';
import { familyJson, RESTORE_FIELDS } from './images';

export interface BatchRow extends ImportBatch {
  /** Why the batch cannot be undone, or null when it can. Computed for the rows listed. */
  undoBlockedReason: string | null;
}

/**
 * Families of the batch changed after it: a later audit entry, another batch, or a different updated_at.
 * Entries of batches already undone do not count, so batches can be undone newest first.
 */
function blockers(db: Db, batch: ImportBatch): { count: number; example: string | null } {
  const sqlite = db.$client;
  const rows = sqlite
    .prepare(
      `SELECT i.kpm_id AS id, k.nama AS nama, k.id_kpm AS idKpm
       FROM import_batch_items i LEFT JOIN kpm k ON k.id = i.kpm_id
       WHERE i.batch_id = ? AND (
         k.id IS NULL OR k.updated_at <> ? OR k.import_batch_id IS NOT ? OR
         EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'kpm' AND a.entity_id = i.kpm_id AND a.id > i.audit_id
           AND a.action NOT IN ('view_nik', 'cetak_data_pribadi')
           AND (a.import_batch_id IS NULL OR a.import_batch_id NOT IN (SELECT id FROM import_batches WHERE status = 'undone'))))
       LIMIT 1000`,
    )
    .all(batch.id, batch.createdAt, batch.id) as { id: number; nama: string | null; idKpm: string | null }[];
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
  const sqlite = db.$client;
  const removed = sqlite
    .prepare("SELECT count(*) FROM import_batch_items WHERE batch_id = ? AND action = 'add'")
    .pluck()
    .get(batch.id) as number;
  sqlite
    .prepare(
      `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
       SELECT ?, ?, ?, 'delete', 'kpm', k.id,
         'KPM ' || k.nama || coalesce(' (ID KPM ' || k.id_kpm || ')', ' (tanpa ID KPM)') || ' dihapus karena ' || ?,
         ${familyJson('k')}, NULL, ?
       FROM import_batch_items i JOIN kpm k ON k.id = i.kpm_id WHERE i.batch_id = ? AND i.action = 'add' ORDER BY i.rowid`,
    )
    .run(now, actor.id, actor.username, label, batch.id, batch.id);
  sqlite
    .prepare(
      "DELETE FROM kpm WHERE id IN (SELECT kpm_id FROM import_batch_items WHERE batch_id = ? AND action = 'add')",
    )
    .run(batch.id);
  return removed;
}

/** Updated families go back to the before-image kept in the batch's own audit row, members included. */
function restoreUpdated({ db, actor, batch, now, label }: Undoing): number {
  const sqlite = db.$client;
  const restored = sqlite
    .prepare("SELECT count(*) FROM import_batch_items WHERE batch_id = ? AND action = 'update'")
    .pluck()
    .get(batch.id) as number;
  if (restored === 0) return 0;
  sqlite
    .prepare(
      `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
       SELECT ?, ?, ?, 'update', 'kpm', k.id, 'Data KPM ' || k.nama || ' dikembalikan seperti sebelum impor karena ' || ?,
         ${familyJson('k')}, a.before, ?
       FROM import_batch_items i JOIN kpm k ON k.id = i.kpm_id JOIN audit_log a ON a.id = i.audit_id
       WHERE i.batch_id = ? AND i.action = 'update' ORDER BY i.rowid`,
    )
    .run(now, actor.id, actor.username, label, batch.id, batch.id);
  sqlite.exec('DROP TABLE IF EXISTS temp.import_undo');
  sqlite
    .prepare(
      `CREATE TEMP TABLE import_undo AS SELECT i.kpm_id AS id, a.before AS image,
         ${RESTORE_FIELDS.map(([key, column]) => `json_extract(a.before, '$.kpm.${key}') AS ${column}`).join(', ')}
       FROM import_batch_items i JOIN audit_log a ON a.id = i.audit_id WHERE i.batch_id = ? AND i.action = 'update'`,
    )
    .run(batch.id);
  sqlite.exec('DELETE FROM art WHERE kpm_id IN (SELECT id FROM temp.import_undo)');
  // Only columns that differ are named: SQLite rewrites every index on a column named in SET.
  const columns = RESTORE_FIELDS.map(([, column]) => column);
  const flags = sqlite
    .prepare(
      `SELECT ${columns.map((c) => `max(k.${c} IS NOT u.${c})`).join(', ')}
       FROM temp.import_undo u JOIN kpm k ON k.id = u.id`,
    )
    .raw()
    .get() as (number | null)[];
  const differing = columns.filter((_, i) => flags[i] === 1);
  if (differing.length > 0) {
    sqlite.exec(
      `UPDATE kpm SET ${differing.map((c) => `${c} = u.${c}`).join(', ')} FROM temp.import_undo AS u WHERE kpm.id = u.id`,
    );
  }
  sqlite.exec(
    `INSERT INTO art (id, kpm_id, nik, nama, hubungan, tanggal_lahir, jenis_kelamin, komponen)
     SELECT json_extract(m.value, '$.id'), u.id, json_extract(m.value, '$.nik'), json_extract(m.value, '$.nama'),
       json_extract(m.value, '$.hubungan'), json_extract(m.value, '$.tanggalLahir'),
       json_extract(m.value, '$.jenisKelamin'), json_extract(m.value, '$.komponen')
     FROM temp.import_undo u, json_each(u.image, '$.members') m`,
  );
  sqlite.exec('DROP TABLE temp.import_undo');
  return restored;
}

/** Pendamping the batch created go with it while no family refers to them and nobody changed them since. */
function removeCreatedPendamping({ db, actor, batch, label }: Undoing): {
  pendampingRemoved: number;
  pendampingKept: number;
} {
  const created = db.$client
    .prepare(
      `SELECT p.id, p.name,
         NOT EXISTS (SELECT 1 FROM kpm k WHERE k.pendamping_id = p.id) AND
         NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.entity = 'pendamping' AND b.entity_id = p.id AND b.id > a.id)
           AS unused
       FROM audit_log a JOIN pendamping p ON p.id = a.entity_id
       WHERE a.import_batch_id = ? AND a.entity = 'pendamping' AND a.action = 'create' ORDER BY p.id`,
    )
    .all(batch.id) as { id: number; name: string; unused: number }[];
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
