import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { EvaluationIndicator } from '../../main/domain/evaluation';
import { kpm } from './kpm';
import { pendamping } from './pendamping';

/**
 * A family's complaint (pengaduan) and how it was handled. Its pendamping is the family's (kpm.pendamping_id), read
 * through the family, so a family moved to another pendamping takes its open cases along.
 */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    /** The day the complaint was received (ISO date, the office's local day). */
    date: text('date').notNull(),
    issue: text('issue').notNull(),
    category: text('category').notNull(),
    handledBy: text('handled_by').notNull().default(''),
    resolvedDate: text('resolved_date'),
    resolution: text('resolution').notNull().default(''),
    createdBy: integer('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('complaints_date_idx').on(t.date, t.kpmId),
    index('complaints_resolved_idx').on(t.resolvedDate, t.kpmId),
    index('complaints_kpm_idx').on(t.kpmId, t.date),
  ],
);

/** The office's evaluation settings, one row (id = 1); absent until first saved (the defaults apply). */
export const evaluationSettings = sqliteTable('evaluation_settings', {
  id: integer('id').primaryKey(),
  indicators: text('indicators', { mode: 'json' }).$type<EvaluationIndicator[]>().notNull(),
  complaintCategories: text('complaint_categories', { mode: 'json' }).$type<string[]>().notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The pendamping's own notes for a month's performance report (month YYYY-MM). */
export const pendampingMonthNotes = sqliteTable(
  'pendamping_month_notes',
  {
    pendampingId: integer('pendamping_id')
      .notNull()
      .references(() => pendamping.id),
    month: text('month').notNull(),
    notes: text('notes').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pendampingId, t.month] })],
);

/**
 * The koordinator's evaluation of a pendamping for a month: a score (0-100) per indicator key of the settings at the
 * time, the weighted total and notes.
 */
export const pendampingEvaluations = sqliteTable(
  'pendamping_evaluations',
  {
    pendampingId: integer('pendamping_id')
      .notNull()
      .references(() => pendamping.id),
    month: text('month').notNull(),
    scores: text('scores', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    total: real('total').notNull(),
    notes: text('notes').notNull().default(''),
    recordedBy: integer('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pendampingId, t.month] }), index('pendamping_evaluations_month_idx').on(t.month)],
);

export type Complaint = typeof complaints.$inferSelect;
