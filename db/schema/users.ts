import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../main/domain/enums';
import { pendamping } from './pendamping';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  /** The pendamping record a pendamping account acts for (set only when role is pendamping). */
  pendampingId: integer('pendamping_id').references(() => pendamping.id),
  /** scrypt$N$salt$hash, see main/services/auth.ts */
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Set when an administrator resets the password: the user must choose a new one at the next login. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  /** Set when the password changes or the account is deactivated: sessions started before it end. */
  credentialsChangedAt: text('credentials_changed_at'),
});

export type User = typeof users.$inferSelect;
