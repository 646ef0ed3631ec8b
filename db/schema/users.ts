import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const ROLES = ['admin', 'operator', 'verifikator', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  /** scrypt$N$salt$hash, see main/services/auth.ts */
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
});

export type User = typeof users.$inferSelect;
