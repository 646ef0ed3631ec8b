import { and, eq, inArray, ne } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { activeFamiliesByPendamping, activeFamiliesOf } from '../../db/queries/kpm';
import { type AuditEntry, kpm, type Pendamping, pendamping, pendampingDistricts, regions } from '../../db/schema';
import { PENDAMPING_DUTIES } from '../domain/duties';
import { AppError } from '../domain/errors';
import type { PendampingInput } from '../domain/schemas';
import { type Actor, requireRole } from './actor';
import { historyOf, writeAudit } from './audit';

export interface PendampingRow extends Pendamping {
  districtCodes: string[];
  activeKpm: number;
}

export function listPendamping(db: Db): PendampingRow[] {
  const counts = new Map(activeFamiliesByPendamping(db).map((r) => [r.id, r.n]));
  const districts = new Map<number, string[]>();
  for (const row of db.select().from(pendampingDistricts).all()) {
    districts.set(row.pendampingId, [...(districts.get(row.pendampingId) ?? []), row.districtCode]);
  }
  return db
    .select()
    .from(pendamping)
    .orderBy(pendamping.name)
    .all()
    .map((p) => ({ ...p, districtCodes: districts.get(p.id) ?? [], activeKpm: counts.get(p.id) ?? 0 }));
}

/** A pendamping with its kecamatan, as its audit images show it. */
export function loadPendamping(db: Db, id: number) {
  const row = db.select().from(pendamping).where(eq(pendamping.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Pendamping tidak ditemukan.');
  const districtCodes = db
    .select({ code: pendampingDistricts.districtCode })
    .from(pendampingDistricts)
    .where(eq(pendampingDistricts.pendampingId, id))
    .all()
    .map((r) => r.code);
  return { ...row, districtCodes };
}

function assertValid(db: Db, input: PendampingInput, ownId: number | null) {
  if (input.nip) {
    const same = db
      .select()
      .from(pendamping)
      .where(
        ownId === null ? eq(pendamping.nip, input.nip) : and(eq(pendamping.nip, input.nip), ne(pendamping.id, ownId)),
      )
      .get();
    if (same) {
      throw new AppError('DUPLICATE', `NIP sudah terdaftar untuk pendamping ${same.name}.`, {
        fields: { nip: `NIP sudah terdaftar untuk pendamping ${same.name}.` },
        link: { kind: 'pendamping', id: same.id, label: same.name },
      });
    }
  }
  if (input.districtCodes.length > 0) {
    const known = db
      .select({ code: regions.code })
      .from(regions)
      .where(and(inArray(regions.code, input.districtCodes), eq(regions.level, 'district')))
      .all();
    if (known.length !== new Set(input.districtCodes).size) {
      throw new AppError('INVALID_INPUT', 'Ada kecamatan yang tidak dikenal.', {
        fields: { districtCodes: 'Pilih kecamatan dari daftar.' },
      });
    }
  }
}

function writeDistricts(db: Db, id: number, codes: string[]) {
  db.delete(pendampingDistricts).where(eq(pendampingDistricts.pendampingId, id)).run();
  for (const districtCode of new Set(codes))
    db.insert(pendampingDistricts).values({ pendampingId: id, districtCode }).run();
}

export function createPendamping(db: Db, actor: Actor, input: PendampingInput) {
  requireRole(actor, PENDAMPING_DUTIES.edit);
  return inTransaction(db, () => {
    assertValid(db, input, null);
    const now = new Date().toISOString();
    const { districtCodes, ...values } = input;
    const created = db
      .insert(pendamping)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeDistricts(db, created.id, districtCodes);
    const after = loadPendamping(db, created.id);
    writeAudit(db, actor, {
      action: 'create',
      entity: 'pendamping',
      entityId: created.id,
      summary: `Pendamping ${created.name} didaftarkan`,
      after,
    });
    return after;
  });
}

export function updatePendamping(db: Db, actor: Actor, id: number, input: PendampingInput) {
  requireRole(actor, PENDAMPING_DUTIES.edit);
  return inTransaction(db, () => {
    const before = loadPendamping(db, id);
    assertValid(db, input, id);
    const { districtCodes, ...values } = input;
    db.update(pendamping)
      .set({ ...values, updatedAt: new Date().toISOString() })
      .where(eq(pendamping.id, id))
      .run();
    writeDistricts(db, id, districtCodes);
    const after = loadPendamping(db, id);
    writeAudit(db, actor, {
      action: before.active && !after.active ? 'deactivate' : 'update',
      entity: 'pendamping',
      entityId: id,
      summary: `Data pendamping ${after.name} diubah${before.active && !after.active ? ' (dinonaktifkan)' : ''}`,
      before,
      after,
    });
    return after;
  });
}

export function getPendamping(db: Db, id: number): PendampingRow & { history: AuditEntry[] } {
  const n = activeFamiliesOf(db, id);
  return { ...loadPendamping(db, id), activeKpm: n, history: historyOf(db, 'pendamping', id) };
}

export interface ReassignInput {
  toPendampingId: number;
  kpmIds?: number[];
  fromPendampingId?: number;
}

/**
 * Moves families to another pendamping in one step: the chosen families, or every active family of one
 * pendamping. Each family gets its own audit record so its history shows the move.
 */
export function reassignKpm(db: Db, actor: Actor, input: ReassignInput): { moved: number } {
  requireRole(actor, PENDAMPING_DUTIES.edit);
  return inTransaction(db, () => {
    const target = loadPendamping(db, input.toPendampingId);
    if (!target.active) throw new AppError('CONFLICT', `Pendamping ${target.name} sudah tidak aktif.`);
    const families = input.kpmIds
      ? chunks([...new Set(input.kpmIds)], 10_000).flatMap((ids) =>
          db.select().from(kpm).where(inArray(kpm.id, ids)).all(),
        )
      : db
          .select()
          .from(kpm)
          .where(and(eq(kpm.pendampingId, input.fromPendampingId ?? -1), eq(kpm.status, 'aktif')))
          .all();
    if (input.kpmIds && families.length !== new Set(input.kpmIds).size) {
      throw new AppError('NOT_FOUND', 'Sebagian KPM yang dipilih tidak ditemukan.');
    }
    const now = new Date().toISOString();
    const names = new Map(
      db
        .select({ id: pendamping.id, name: pendamping.name })
        .from(pendamping)
        .all()
        .map((p) => [p.id, p.name]),
    );
    let moved = 0;
    for (const family of families) {
      if (family.pendampingId === target.id) continue;
      db.update(kpm).set({ pendampingId: target.id, updatedAt: now }).where(eq(kpm.id, family.id)).run();
      writeAudit(db, actor, {
        action: 'reassign',
        entity: 'kpm',
        entityId: family.id,
        summary: `Pendamping KPM ${family.nama} dipindah dari ${
          family.pendampingId ? (names.get(family.pendampingId) ?? '-') : '(belum ada)'
        } ke ${target.name}`,
        before: { pendampingId: family.pendampingId },
        after: { pendampingId: target.id },
      });
      moved++;
    }
    return { moved };
  });
}

/** SQLite binds at most 32,766 values per statement, so long id lists are read in pieces. */
function chunks<T>(list: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
}
