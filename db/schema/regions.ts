import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;

/**
 * Kemendagri regions from the idn-area-data package (ODbL). Codes are stored as digits only:
 * province 2, regency 4, district (kecamatan) 6, village (desa/kelurahan) 10.
 * Every province and regency is kept (to check NIK regions); districts and villages only for the office.
 */
export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode, t.name)],
);

export type Region = typeof regions.$inferSelect;
