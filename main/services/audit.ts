import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { type AuditEntry, auditLog } from '../../db/schema';
import type { Actor } from './actor';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  importBatchId?: number | null;
}

/** Writes one audit record; callers run it inside the transaction of the change it describes. */
export function writeAudit(db: Db, actor: Actor, record: AuditRecord): void {
  db.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      userId: actor.id,
      username: actor.username,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      summary: record.summary,
      before: record.before ?? null,
      after: record.after ?? null,
      importBatchId: record.importBatchId ?? null,
    })
    .run();
}

export function historyOf(db: Db, entity: string, entityId: number): AuditEntry[] {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .all();
}
