import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LOG_FORMATS, LOG_KINDS, LOG_NIK_MODES, type LogFilters } from '../../main/domain/export-log';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportColumn, type ExportFilters } from '../../main/domain/exports';

/** Templates an office made by copying a built-in one (built-ins live in code, main/domain/exports.ts). */
export const exportTemplates = sqliteTable('export_templates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: EXPORT_KINDS }).notNull(),
  columns: text('columns', { mode: 'json' }).$type<ExportColumn[]>().notNull(),
  filters: text('filters', { mode: 'json' }).$type<ExportFilters>().notNull(),
  format: text('format', { enum: EXPORT_FORMATS }).notNull().default('xlsx'),
  titleRow: text('title_row'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Every file that left the app with personal data (UU 27/2022): who, when, what, how many rows, its hash. */
export const exportLog = sqliteTable(
  'export_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    /**
     * 'bawaan:<key>' for a built-in template, 'templat:<id>' for an office's own; for any other file the contract
     * method that made it ('awards.reportXlsx').
     */
    templateKey: text('template_key').notNull(),
    templateName: text('template_name').notNull(),
    kind: text('kind', { enum: LOG_KINDS }).notNull(),
    filters: text('filters', { mode: 'json' }).$type<LogFilters>().notNull(),
    format: text('format', { enum: LOG_FORMATS }).notNull(),
    rows: integer('rows').notNull(),
    nikMode: text('nik_mode', { enum: LOG_NIK_MODES }).notNull(),
    /** sha256 of the file's bytes, hex: a file found later can be matched to its export. */
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    /** 'aplikasi' or 'cli'. */
    via: text('via').notNull(),
  },
  (t) => [index('export_log_at_idx').on(t.at)],
);

export type ExportTemplate = typeof exportTemplates.$inferSelect;
export type ExportLogEntry = typeof exportLog.$inferSelect;
