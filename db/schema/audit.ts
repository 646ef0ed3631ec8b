import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every change a user makes, written in the same transaction as the change. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    username: text('username').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    summary: text('summary').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    importBatchId: integer('import_batch_id'),
    /** The PC the change came from: a staff PC's address in server mode, 'lokal' on the app's own PC. */
    clientAddress: text('client_address'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.id)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
