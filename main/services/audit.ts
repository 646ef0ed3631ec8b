import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { auditInserter } from '../../db/queries/audit';
import { type AuditEntry, auditLog, pendamping, regions } from '../../db/schema';
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

/** The audit_log values of one record, as of now. */
function auditValues(actor: Actor, record: AuditRecord) {
  return {
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
    clientAddress: actor.address ?? null,
  };
}

/** Writes one audit record; callers run it inside the transaction of the change it describes. */
export function writeAudit(db: Db, actor: Actor, record: AuditRecord): void {
  db.insert(auditLog).values(auditValues(actor, record)).run();
}

/**
 * Writes many audit records of one actor with one prepared statement: the 500 lines of a wisuda batch written
 * one Drizzle call each held its write transaction, and the main thread, 50 ms longer.
 */
export function auditWriter(db: Db, actor: Actor): (record: AuditRecord) => void {
  const insert = auditInserter(db);
  return (record) => insert(auditValues(actor, record));
}

/** Audit actions that record a look at personal data, not a change: histories and undo skip them. */
export const NIK_VIEW_ACTION = 'view_nik';
export const PRIVACY_REPORT_ACTION = 'cetak_data_pribadi';
export const READ_ACTIONS: string[] = [NIK_VIEW_ACTION, PRIVACY_REPORT_ACTION];

/** The changes of one record, newest first. */
export function historyOf(db: Db, entity: string, entityId: number): AuditEntry[] {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), notInArray(auditLog.action, READ_ACTIONS)))
    .orderBy(desc(auditLog.id))
    .all()
    .map((entry) => ({ ...entry, summary: readableSummary(entry.summary) }));
}

/** Families registered without an ID KPM were once summarised as "(ID KPM null)"; those rows stay as written. */
function readableSummary(summary: string): string {
  return summary.replaceAll('(ID KPM null)', '(tanpa ID KPM)');
}

/** Names for the codes and ids a history shows, so it reads "Kedungwuni" rather than "332612". */
export interface HistoryNames {
  /** kecamatan and desa/kelurahan name by region code */
  regions: Record<string, string>;
  /** pendamping name by id (as text: JSON object keys) */
  pendamping: Record<string, string>;
}

/** Family snapshots come as a family row or as { kpm, members }; a move carries only { pendampingId }. */
function snapshotFields(snapshot: unknown): Record<string, unknown> {
  if (!snapshot || typeof snapshot !== 'object') return {};
  const record = snapshot as Record<string, unknown>;
  return record.kpm && typeof record.kpm === 'object' ? (record.kpm as Record<string, unknown>) : record;
}

/**
 * Looks up only the regions and pendamping that appear in these entries (before and after): a history
 * names a handful, and a pendamping who has since left the office is still named.
 */
export function historyNames(db: Db, entries: AuditEntry[]): HistoryNames {
  const codes = new Set<string>();
  const ids = new Set<number>();
  for (const entry of entries) {
    for (const fields of [snapshotFields(entry.before), snapshotFields(entry.after)]) {
      for (const key of ['districtCode', 'villageCode'] as const) {
        if (typeof fields[key] === 'string' && fields[key]) codes.add(fields[key]);
      }
      if (typeof fields.pendampingId === 'number') ids.add(fields.pendampingId);
    }
  }
  const names: HistoryNames = { regions: {}, pendamping: {} };
  if (codes.size > 0) {
    const rows = db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(inArray(regions.code, [...codes]))
      .all();
    for (const row of rows) names.regions[row.code] = row.name;
  }
  if (ids.size > 0) {
    const rows = db
      .select({ id: pendamping.id, name: pendamping.name })
      .from(pendamping)
      .where(inArray(pendamping.id, [...ids]))
      .all();
    for (const row of rows) names.pendamping[String(row.id)] = row.name;
  }
  return names;
}
