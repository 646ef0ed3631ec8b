import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../main/domain/enums';

/** The office's account and personal-data settings, one row (id = 1). */
export const securitySettings = sqliteTable('security_settings', {
  id: integer('id').primaryKey(),
  /** A session ends after this many minutes without a call. */
  sessionIdleMinutes: integer('session_idle_minutes').notNull().default(30),
  /** Roles that see NIK and No. KK in full in lists and exports; the others see 3528********0001. */
  fullNikRoles: text('full_nik_roles', { mode: 'json' }).$type<Role[]>().notNull(),
});

/** Failed logins per key ('user:<name>' or 'source:<address>'), for slowing and holding guessers. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailedAt: text('first_failed_at').notNull(),
  lockedUntil: text('locked_until'),
});

export type SecuritySettings = typeof securitySettings.$inferSelect;
