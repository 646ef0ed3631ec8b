/**
 * The import's reads of the registry (the check's regions, the plan's keys, rows and names) and its writes of
 * family members. Member values are bound by name (@nik, @nama, ...), with the column names from the table
 * definition, so no member value can land in another value's column. The commit's other writes are in
 * import-writes.ts, the undo's in import-undo.ts, the audit images both use in import-images.ts.
 */
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { RegionEntry } from '../../main/domain/normalize';
import type { Db } from '../open';
import { type Art, art } from '../schema';

/**
 * What a member row holds besides its id and its family. An update carries every value, the registered one where
 * the file's cell is blank (a NISN the file does not give stays as it is).
 */
export type MemberValues = Omit<Art, 'id' | 'kpmId'>;
type MemberKey = keyof MemberValues;

/** Every art column but the member's id and its family's id, with its key. */
const MEMBER_COLUMNS = Object.entries(getTableColumns(art))
  .filter(([key]) => key !== 'id' && key !== 'kpmId')
  .map(([key, column]) => [key as MemberKey, column.name] as const);

/** A member's values by name, only those the statements bind. */
function bound(m: MemberValues): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key] of MEMBER_COLUMNS) values[key] = m[key];
  return values;
}

export interface MemberWrites {
  insert(kpmId: number, member: MemberValues): void;
  update(kpmId: number, id: number, member: MemberValues): void;
  /** Empties these members' NISNs, so NISNs moved between them are not refused by the unique index midway. */
  clearNisns(ids: readonly number[]): void;
}

/** The insert and update of members, prepared once per commit on the import's connection. */
export function prepareMemberWrites(conn: Database.Database): MemberWrites {
  const columns = MEMBER_COLUMNS.map(([, column]) => column).join(', ');
  const params = MEMBER_COLUMNS.map(([key]) => `@${key}`).join(', ');
  const sets = MEMBER_COLUMNS.map(([key, column]) => `${column} = @${key}`).join(', ');
  const insert = conn.prepare(`INSERT INTO art (kpm_id, ${columns}) VALUES (@kpmId, ${params})`);
  const update = conn.prepare(`UPDATE art SET ${sets} WHERE id = @id AND kpm_id = @kpmId`);
  const clear = conn.prepare('UPDATE art SET nisn = NULL WHERE id IN (SELECT value FROM json_each(?))');
  return {
    insert: (kpmId, member) => {
      insert.run({ ...bound(member), kpmId });
    },
    update: (kpmId, id, member) => {
      update.run({ ...bound(member), id, kpmId });
    },
    clearNisns: (ids) => {
      clear.run(JSON.stringify(ids));
    },
  };
}

/** The regions a file's kecamatan and desa are matched against: kabupaten/kota, kecamatan and desa. */
export function matchableRegions(db: Db): RegionEntry[] {
  return db.$client
    .prepare(
      "SELECT code, level, parent_code AS parentCode, name FROM regions WHERE level IN ('regency', 'district', 'village')",
    )
    .all() as RegionEntry[];
}

/** Changes when anything a plan depends on changes: every user change writes an audit row. */
export function databaseFingerprint(conn: Database.Database): string {
  const row = conn
    .prepare(
      `SELECT (SELECT coalesce(max(id), 0) FROM audit_log) AS a, (SELECT count(*) FROM kpm) AS b,
              (SELECT coalesce(max(id), 0) FROM kpm) AS c, (SELECT coalesce(max(updated_at), '') FROM kpm) AS d,
              (SELECT count(*) FROM art) AS e, (SELECT coalesce(max(id), 0) FROM art) AS f,
              (SELECT count(*) FROM pendamping) AS g, (SELECT coalesce(max(updated_at), '') FROM pendamping) AS h`,
    )
    .get() as Record<string, unknown>;
  return Object.values(row).join('|');
}

/** Every registered family's keys as [id, nik, id_kpm, no_kk] (arrays: 100,000 of them). */
export function registeredFamilyKeys(conn: Database.Database): [number, string, string | null, string][] {
  return conn.prepare('SELECT id, nik, id_kpm, no_kk FROM kpm').raw().all() as [
    number,
    string,
    string | null,
    string,
  ][];
}

export interface RegisteredPendamping {
  id: number;
  name: string;
  active: number;
}

export function registeredPendamping(conn: Database.Database): RegisteredPendamping[] {
  return conn.prepare('SELECT id, name, active FROM pendamping').all() as RegisteredPendamping[];
}

/** Whether any member is registered (an empty registry skips the look-up of the file's NIKs). */
export function anyMemberRegistered(conn: Database.Database): boolean {
  return conn.prepare('SELECT EXISTS (SELECT 1 FROM art) AS any').pluck().get() === 1;
}

/** The registered members among these NIKs, as [nik, kpm_id]. */
export function membersWithNiks(conn: Database.Database, niks: readonly string[]): [string, number][] {
  return conn
    .prepare('SELECT nik, kpm_id FROM art WHERE nik IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(niks)) as [string, number][];
}

/** A NISN's registered holder: the member, its family and their names. */
export interface NisnHolder {
  nisn: string;
  id: number;
  kpmId: number;
  nama: string;
  familyName: string;
}

/** The registered members with these NISNs (one query for the whole file). */
export function membersWithNisns(conn: Database.Database, nisns: readonly string[]): NisnHolder[] {
  return conn
    .prepare(
      `SELECT a.nisn, a.id, a.kpm_id AS kpmId, a.nama, k.nama AS familyName FROM art a JOIN kpm k ON k.id = a.kpm_id
       WHERE a.nisn IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(nisns)) as NisnHolder[];
}

/** Families' rows as [id, ...these columns], for the families with these ids. */
export function familyRowsByIds(
  conn: Database.Database,
  columns: readonly string[],
  ids: readonly number[],
): unknown[][] {
  return conn
    .prepare(`SELECT ${['id', ...columns].join(', ')} FROM kpm WHERE id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(JSON.stringify(ids)) as unknown[][];
}

/** The members of the families with these ids, in the order they were entered. */
export function membersOfFamilies(conn: Database.Database, ids: readonly number[]): Art[] {
  return conn
    .prepare(
      `SELECT id, kpm_id AS kpmId, nik, nisn, nama, hubungan, tanggal_lahir AS tanggalLahir, jenis_kelamin AS jenisKelamin, komponen
       FROM art WHERE kpm_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(ids)) as Art[];
}

export interface NameLookups {
  regionName(code: string): string | undefined;
  pendampingName(id: number): string | undefined;
}

/** The names of a region and of a pendamping, prepared once per plan (the report names every changed value). */
export function prepareNameLookups(conn: Database.Database): NameLookups {
  const region = conn.prepare('SELECT name FROM regions WHERE code = ?').pluck();
  const pendamping = conn.prepare('SELECT name FROM pendamping WHERE id = ?').pluck();
  return {
    regionName: (code) => region.get(code) as string | undefined,
    pendampingName: (id) => pendamping.get(id) as string | undefined,
  };
}
