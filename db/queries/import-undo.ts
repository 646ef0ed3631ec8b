/**
 * The undo of an import batch in SQL: which of its families changed since, and the removal of the families it
 * added and the restore of those it updated from the before-images its audit rows keep (import-images.ts).
 * Each runs inside the undo's transaction.
 */
import type { Db } from '../open';
import { ART_COLUMNS, familyJson, RESTORE_FIELDS } from './import-images';

export interface ChangedSince {
  id: number;
  nama: string | null;
  idKpm: string | null;
}

/**
 * Up to 1,000 families of the batch changed after it: a later audit entry, another batch, or a different
 * updated_at. Entries of batches already undone do not count, so batches can be undone newest first.
 */
export function familiesChangedSince(db: Db, batch: { id: number; createdAt: string }): ChangedSince[] {
  return db.$client
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
    .all(batch.id, batch.createdAt, batch.id) as ChangedSince[];
}

/** How many families the batch added ('add') or updated ('update'). */
export function batchItemCount(db: Db, batchId: number, action: 'add' | 'update'): number {
  return db.$client
    .prepare('SELECT count(*) FROM import_batch_items WHERE batch_id = ? AND action = ?')
    .pluck()
    .get(batchId, action) as number;
}

/** Who undoes, when, and why ("pembatalan impor #12 (data.xlsx)"), for the audit rows. */
export interface UndoAudit {
  now: string;
  userId: number | null;
  username: string;
  label: string;
}

/** Removes the families the batch added, one audit row each with its image; members go with their family. */
export function removeAddedFamilies(db: Db, batchId: number, audit: UndoAudit): void {
  const sqlite = db.$client;
  sqlite
    .prepare(
      `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
       SELECT ?, ?, ?, 'delete', 'kpm', k.id,
         'KPM ' || k.nama || coalesce(' (ID KPM ' || k.id_kpm || ')', ' (tanpa ID KPM)') || ' dihapus karena ' || ?,
         ${familyJson('k')}, NULL, ?
       FROM import_batch_items i JOIN kpm k ON k.id = i.kpm_id WHERE i.batch_id = ? AND i.action = 'add' ORDER BY i.rowid`,
    )
    .run(audit.now, audit.userId, audit.username, audit.label, batchId, batchId);
  sqlite
    .prepare(
      "DELETE FROM kpm WHERE id IN (SELECT kpm_id FROM import_batch_items WHERE batch_id = ? AND action = 'add')",
    )
    .run(batchId);
}

/** Puts the families the batch updated back as their before-images hold them, members included. */
export function restoreUpdatedFamilies(db: Db, batchId: number, audit: UndoAudit): void {
  const sqlite = db.$client;
  sqlite
    .prepare(
      `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary, before, after, import_batch_id)
       SELECT ?, ?, ?, 'update', 'kpm', k.id, 'Data KPM ' || k.nama || ' dikembalikan seperti sebelum impor karena ' || ?,
         ${familyJson('k')}, a.before, ?
       FROM import_batch_items i JOIN kpm k ON k.id = i.kpm_id JOIN audit_log a ON a.id = i.audit_id
       WHERE i.batch_id = ? AND i.action = 'update' ORDER BY i.rowid`,
    )
    .run(audit.now, audit.userId, audit.username, audit.label, batchId, batchId);
  sqlite.exec('DROP TABLE IF EXISTS temp.import_undo');
  sqlite
    .prepare(
      `CREATE TEMP TABLE import_undo AS SELECT i.kpm_id AS id, a.before AS image,
         ${RESTORE_FIELDS.map(([key, column]) => `json_extract(a.before, '$.kpm.${key}') AS ${column}`).join(', ')}
       FROM import_batch_items i JOIN audit_log a ON a.id = i.audit_id WHERE i.batch_id = ? AND i.action = 'update'`,
    )
    .run(batchId);
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
  // Every column the image holds (a member's NISN too), named from the table as the images name them.
  sqlite.exec(
    `INSERT INTO art (kpm_id, ${ART_COLUMNS.map(([, column]) => column).join(', ')})
     SELECT u.id, ${ART_COLUMNS.map(([key]) => `json_extract(m.value, '$.${key}')`).join(', ')}
     FROM temp.import_undo u, json_each(u.image, '$.members') m`,
  );
  sqlite.exec('DROP TABLE temp.import_undo');
}

/**
 * The pendamping the batch created, each with whether it is unused: no family refers to it and nobody changed
 * it since.
 */
export function pendampingCreatedBy(db: Db, batchId: number): { id: number; name: string; unused: number }[] {
  return db.$client
    .prepare(
      `SELECT p.id, p.name,
         NOT EXISTS (SELECT 1 FROM kpm k WHERE k.pendamping_id = p.id) AND
         NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.entity = 'pendamping' AND b.entity_id = p.id AND b.id > a.id)
           AS unused
       FROM audit_log a JOIN pendamping p ON p.id = a.entity_id
       WHERE a.import_batch_id = ? AND a.entity = 'pendamping' AND a.action = 'create' ORDER BY p.id`,
    )
    .all(batchId) as { id: number; name: string; unused: number }[];
}
