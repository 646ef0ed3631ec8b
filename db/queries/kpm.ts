/** Queries over the registry of families (kpm) that are not the search's (kpm-search.ts). */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { kpm } from '../schema';

/**
 * Active families holding at least one komponen of the mask, of one pendamping when given (kpm_status_count_idx
 * covers status + mask; kpm_pendamping_status_idx finds one pendamping's families).
 */
export function activeFamiliesHoldingAny(db: Db, mask: number, pendampingId?: number): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(kpm)
    .where(
      and(
        eq(kpm.status, 'aktif'),
        ne(sql`${kpm.komponenMask} & ${mask}`, 0),
        pendampingId === undefined ? undefined : eq(kpm.pendampingId, pendampingId),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/** A family's ID DTKS (null when it has none). */
export function familyIdDtks(db: Db, kpmId: number): string | null {
  return (db.$client.prepare('SELECT id_dtks FROM kpm WHERE id = ?').pluck().get(kpmId) as string | null) ?? null;
}

/** The first member of a family whose NIK starts with these digits. */
export function memberWithNikStarting(db: Db, kpmId: number, start: string): string | undefined {
  return db.$client
    .prepare('SELECT nama FROM art WHERE kpm_id = ? AND nik >= ? AND nik < ? LIMIT 1')
    .pluck()
    .get(kpmId, start, `${start}\uffff`) as string | undefined;
}

/** A family's members' names, in the order they were entered. */
export function memberNames(db: Db, kpmId: number): string[] {
  return db.$client.prepare('SELECT nama FROM art WHERE kpm_id = ? ORDER BY id').pluck().all(kpmId) as string[];
}

/** Active families per pendamping (null: without one), counted from kpm itself. */
export function activeFamiliesByPendamping(db: Db): { id: number | null; n: number }[] {
  return db.$client
    .prepare("SELECT pendamping_id AS id, count(*) AS n FROM kpm WHERE status = 'aktif' GROUP BY pendamping_id")
    .all() as { id: number | null; n: number }[];
}

/** One pendamping's active families. */
export function activeFamiliesOf(db: Db, pendampingId: number): number {
  return (
    db.$client
      .prepare("SELECT count(*) AS n FROM kpm WHERE pendamping_id = ? AND status = 'aktif'")
      .get(pendampingId) as { n: number }
  ).n;
}
