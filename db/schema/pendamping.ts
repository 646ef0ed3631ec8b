import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { regions } from './regions';

export const pendamping = sqliteTable(
  'pendamping',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** NIP or NI PPPK, 18 digits; optional because not every pendamping has one yet. */
    nip: text('nip').unique(),
    phone: text('phone').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('pendamping_name_idx').on(t.name)],
);

/** The kecamatan a pendamping covers. */
export const pendampingDistricts = sqliteTable(
  'pendamping_districts',
  {
    pendampingId: integer('pendamping_id')
      .notNull()
      .references(() => pendamping.id, { onDelete: 'cascade' }),
    districtCode: text('district_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.pendampingId, t.districtCode] })],
);

export type Pendamping = typeof pendamping.$inferSelect;
