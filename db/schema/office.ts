import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The office profile, one row (id = 1), written by the first-run setup. */
export const office = sqliteTable('office', {
  id: integer('id').primaryKey(),
  agencyName: text('agency_name').notNull(),
  regencyCode: text('regency_code').notNull(),
  regencyName: text('regency_name').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  /** The regional emblem as a data: URL (PNG/JPEG), printed on the letterhead. */
  logo: text('logo'),
  headName: text('head_name').notNull(),
  headRank: text('head_rank').notNull().default(''),
  headNip: text('head_nip').notNull(),
  setupAt: text('setup_at').notNull(),
});

export type Office = typeof office.$inferSelect;

/**
 * This database's own identity, one row (id = 1): a random id written by its migration, once, for a new file
 * and an existing one alike. Backups and restored copies carry it, so a backup of another database (another
 * office's, or a second database of this office) is told apart from this one's and never restored over it.
 */
export const databaseIdentity = sqliteTable('database_identity', {
  id: integer('id').primaryKey(),
  databaseId: text('database_id').notNull(),
});
