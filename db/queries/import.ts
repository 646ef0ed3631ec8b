/**
 * The import's writes of family members. Values are bound by name (@nik, @nama, ...), with the column names
 * from the table definition, so no member value can land in another value's column.
 */
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { type Art, art } from '../schema';

/** What a member row holds besides its id and its family. */
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
}

/** The insert and update of members, prepared once per commit on the import's connection. */
export function prepareMemberWrites(conn: Database.Database): MemberWrites {
  const columns = MEMBER_COLUMNS.map(([, column]) => column).join(', ');
  const params = MEMBER_COLUMNS.map(([key]) => `@${key}`).join(', ');
  const sets = MEMBER_COLUMNS.map(([key, column]) => `${column} = @${key}`).join(', ');
  const insert = conn.prepare(`INSERT INTO art (kpm_id, ${columns}) VALUES (@kpmId, ${params})`);
  const update = conn.prepare(`UPDATE art SET ${sets} WHERE id = @id AND kpm_id = @kpmId`);
  return {
    insert: (kpmId, member) => {
      insert.run({ ...bound(member), kpmId });
    },
    update: (kpmId, id, member) => {
      update.run({ ...bound(member), id, kpmId });
    },
  };
}
