/** Queries about users as other records name them. */
import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** For lists: the user's name, else the stored username (a removed user, or the system). */
export function userNameSql(id: SQLiteColumn, stored: SQLiteColumn) {
  return sql<string>`coalesce((SELECT u.full_name FROM users u WHERE u.id = ${id}), ${stored})`;
}
