/**
 * Exit types and the one way a family leaves other than by graduation: an exit with its
 * type, reason and date. The builtin types (migration 0009) cannot be renamed or removed; the office's own
 * (kind 'lainnya') can be renamed and switched off.
 */

import { asc, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { type ExitType, exitTypes, kpm } from '../../../db/schema';
import { CANDIDATE_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';

export function listExitTypes(db: Db, options: { activeOnly?: boolean } = {}): ExitType[] {
  const rows = db.select().from(exitTypes).orderBy(asc(exitTypes.sortOrder), asc(exitTypes.id)).all();
  return options.activeOnly ? rows.filter((t) => t.active) : rows;
}

function assertNameFree(db: Db, name: string, ownId: number | null) {
  const same = db
    .select()
    .from(exitTypes)
    .all()
    .find((t) => t.name.toLowerCase() === name.toLowerCase() && t.id !== ownId);
  if (same) {
    throw new AppError('DUPLICATE', `Jenis keluar "${same.name}" sudah ada.`, {
      fields: { name: 'Nama sudah dipakai.' },
    });
  }
}

function loadType(db: Db, id: number): ExitType {
  const row = db.select().from(exitTypes).where(eq(exitTypes.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Jenis keluar tidak ditemukan.');
  return row;
}

/** The administrator adds one of the office's own exits; it is always of kind 'lainnya'. */
export function addExitType(db: Db, actor: Actor, input: { name: string }): ExitType {
  requireRole(actor, CANDIDATE_DUTIES.exitTypes);
  return inTransaction(db, () => {
    assertNameFree(db, input.name, null);
    const last = listExitTypes(db).reduce((max, t) => Math.max(max, t.sortOrder), 0);
    const created = db
      .insert(exitTypes)
      .values({ name: input.name, kind: 'lainnya', builtin: false, active: true, sortOrder: last + 1 })
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'create',
      entity: 'exit_type',
      entityId: created.id,
      summary: `Jenis keluar "${created.name}" ditambahkan`,
      after: created,
    });
    return created;
  });
}

/** Renames or switches an office's own exit type on/off; builtin types are refused. */
export function updateExitType(db: Db, actor: Actor, input: { id: number; name?: string; active?: boolean }): ExitType {
  requireRole(actor, CANDIDATE_DUTIES.exitTypes);
  return inTransaction(db, () => {
    const before = loadType(db, input.id);
    if (before.builtin) {
      throw new AppError('FORBIDDEN', `Jenis keluar bawaan "${before.name}" tidak dapat diubah atau dinonaktifkan.`);
    }
    if (input.name !== undefined) assertNameFree(db, input.name, before.id);
    const updated = db
      .update(exitTypes)
      .set({ name: input.name ?? before.name, active: input.active ?? before.active })
      .where(eq(exitTypes.id, before.id))
      .returning()
      .get();
    const what = [
      updated.name !== before.name ? `diganti nama menjadi "${updated.name}"` : null,
      updated.active !== before.active ? (updated.active ? 'diaktifkan' : 'dinonaktifkan') : null,
    ].filter(Boolean);
    writeAudit(db, actor, {
      action: 'update',
      entity: 'exit_type',
      entityId: before.id,
      summary: `Jenis keluar "${before.name}" ${what.join(', ') || 'tanpa perubahan'}`,
      before,
      after: updated,
    });
    return updated;
  });
}

export interface ExitInput {
  id: number;
  exitTypeId: number;
  reason: string;
  /** ISO, not after today (checked by exitSchema). */
  date: string;
}

/**
 * A family leaves the programme for a reason other than graduation. Only active types of kind 'lainnya':
 * graduations are set by decisions, never by hand.
 */
export function exitKpm(db: Db, actor: Actor, input: ExitInput) {
  requireRole(actor, CANDIDATE_DUTIES.exit);
  return inTransaction(db, () => {
    const before = db.select().from(kpm).where(eq(kpm.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', 'KPM tidak ditemukan.');
    if (before.status !== 'aktif') throw new AppError('CONFLICT', 'KPM ini sudah tidak aktif.');
    const type = db.select().from(exitTypes).where(eq(exitTypes.id, input.exitTypeId)).get();
    if (!type?.active || type.kind !== 'lainnya') {
      const message = type?.kind.startsWith('graduasi')
        ? 'Graduasi hanya dapat ditetapkan melalui penetapan usulan graduasi.'
        : 'Pilih jenis keluar yang aktif.';
      throw new AppError('INVALID_INPUT', message, { fields: { exitTypeId: message } });
    }
    const updated = db
      .update(kpm)
      .set({
        status: 'keluar',
        exitTypeId: type.id,
        statusReason: input.reason,
        statusDate: input.date,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(kpm.id, before.id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'exit',
      entity: 'kpm',
      entityId: before.id,
      summary: `KPM ${updated.nama} keluar (${type.name}): ${input.reason}`,
      before,
      after: updated,
    });
    return updated;
  });
}
