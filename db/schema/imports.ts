import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const IMPORT_BATCH_STATUS = ['committed', 'undone'] as const;
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUS)[number];

export interface ImportBatchCounts {
  rows: number;
  families: number;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  members: number;
  pendampingCreated: number;
}

/** One committed import of a spreadsheet: what was read, with which mapping, by whom, and what it changed. */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes, hex: the same file imported again is recognised. */
    fileHash: text('file_hash').notNull(),
    sheet: text('sheet'),
    /** field -> header text as found in the file. */
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    counts: text('counts', { mode: 'json' }).$type<ImportBatchCounts>().notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    createdAt: text('created_at').notNull(),
    status: text('status', { enum: IMPORT_BATCH_STATUS }).notNull().default('committed'),
    undoneAt: text('undone_at'),
    undoneBy: text('undone_by'),
  },
  (t) => [index('import_batches_hash_idx').on(t.fileHash)],
);

export const IMPORT_ITEM_ACTIONS = ['add', 'update'] as const;

/**
 * The families a batch added or updated, each with the audit row that holds its before-image (for updates),
 * so a batch can be undone while nothing later touched its families.
 */
export const importBatchItems = sqliteTable(
  'import_batch_items',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    kpmId: integer('kpm_id').notNull(),
    action: text('action', { enum: IMPORT_ITEM_ACTIONS }).notNull(),
    auditId: integer('audit_id').notNull(),
  },
  (t) => [index('import_batch_items_batch_idx').on(t.batchId), index('import_batch_items_kpm_idx').on(t.kpmId)],
);

/** A column mapping saved under a name, to reuse for the next file of the same shape. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** field -> normalised header text (see headerKey). */
    fields: text('fields', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_mappings_name_uq').on(t.name)],
);

export type ImportBatch = typeof importBatches.$inferSelect;
export type ImportMapping = typeof importMappings.$inferSelect;
