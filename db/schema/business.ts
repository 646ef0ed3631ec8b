import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { BUSINESS_TYPES } from '../../main/domain/business';
import { followUpVisits } from './graduation';
import { kpm } from './kpm';

/** A graduated family's business: one per family; its figures are the dated entries below. */
export const businesses = sqliteTable('businesses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kpmId: integer('kpm_id')
    .notNull()
    .unique()
    .references(() => kpm.id),
  type: text('type', { enum: BUSINESS_TYPES }).notNull(),
  description: text('description').notNull().default(''),
  startDate: text('start_date').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Each follow-up of a business: turnover and income per month on a date; history is kept, never overwritten. */
export const businessEntries = sqliteTable(
  'business_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessId: integer('business_id')
      .notNull()
      .references(() => businesses.id),
    entryDate: text('entry_date').notNull(),
    running: integer('running', { mode: 'boolean' }).notNull(),
    turnover: integer('turnover').notNull(),
    income: integer('income').notNull(),
    notes: text('notes').notNull().default(''),
    /** The follow-up visit that recorded it, when it came from the visit form. */
    visitId: integer('visit_id').references(() => followUpVisits.id),
    recordedBy: integer('recorded_by'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('business_entry_idx').on(t.businessId, t.entryDate, t.id),
    index('business_entry_date_idx').on(t.entryDate),
  ],
);

/** Vocational training referrals (BLK and others). */
export const trainings = sqliteTable(
  'business_trainings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    course: text('course').notNull(),
    institution: text('institution').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    completed: integer('completed', { mode: 'boolean' }).notNull(),
    certificate: integer('certificate', { mode: 'boolean' }).notNull(),
    certificateNumber: text('certificate_number').notNull().default(''),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('training_kpm_idx').on(t.kpmId)],
);

export const onlineShops = sqliteTable(
  'business_online_shops',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    platform: text('platform').notNull(),
    accountName: text('account_name').notNull(),
    since: text('since').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('online_kpm_idx').on(t.kpmId)],
);

export const penaParticipations = sqliteTable(
  'business_pena',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    scheme: text('scheme').notNull(),
    amount: integer('amount').notNull(),
    date: text('date').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('pena_kpm_idx').on(t.kpmId)],
);

/** A KUBE: a group of 5-10 families with a shared business; its assets belong to the group. */
export const kubeGroups = sqliteTable('kube_groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  businessType: text('business_type', { enum: BUSINESS_TYPES }).notNull(),
  business: text('business').notNull().default(''),
  formedDate: text('formed_date').notNull(),
});

/** A family belongs to at most one KUBE. */
export const kubeMembers = sqliteTable(
  'kube_members',
  {
    kubeId: integer('kube_id')
      .notNull()
      .references(() => kubeGroups.id),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    joinedOn: text('joined_on').notNull(),
  },
  (t) => [uniqueIndex('kube_member_kpm_uq').on(t.kpmId), index('kube_member_group_idx').on(t.kubeId)],
);

export const kubeAssets = sqliteTable(
  'kube_assets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kubeId: integer('kube_id')
      .notNull()
      .references(() => kubeGroups.id),
    name: text('name').notNull(),
    value: integer('value').notNull(),
    acquiredDate: text('acquired_date').notNull(),
  },
  (t) => [index('kube_asset_group_idx').on(t.kubeId)],
);

/** The office's business settings, one row (id = 1): the regency's UMK in rupiah per month (0: not set). */
export const businessSettings = sqliteTable('business_settings', {
  id: integer('id').primaryKey(),
  umk: integer('umk').notNull().default(0),
});

export type Business = typeof businesses.$inferSelect;
export type BusinessEntry = typeof businessEntries.$inferSelect;
export type Training = typeof trainings.$inferSelect;
export type OnlineShop = typeof onlineShops.$inferSelect;
export type PenaParticipation = typeof penaParticipations.$inferSelect;
export type KubeGroup = typeof kubeGroups.$inferSelect;
export type KubeAsset = typeof kubeAssets.$inferSelect;
