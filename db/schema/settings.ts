import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { KOMPONEN } from '../../main/domain/komponen';

/** Yearly benefit per komponen in whole rupiah; defaults from DOMAIN.md, editable by the office. */
export const benefitAmounts = sqliteTable('benefit_amounts', {
  komponen: text('komponen', { enum: KOMPONEN }).primaryKey(),
  yearly: integer('yearly').notNull(),
});
