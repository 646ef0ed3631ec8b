/**
 * The export log (UU 27/2022, personal data): every file that left the app, who made it and when, from which
 * template with which filters, how many rows, NIKs full or masked, and the sha256 of its bytes. Written once per
 * export, never changed; the administrator reads it page by page, newest first.
 */
import { and, count, desc, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { type ExportLogEntry, exportLog } from '../../../db/schema';
import type { ExportFilters, ExportFormat, ExportKind, NikMode } from '../../domain/exports';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import type { Actor } from '../actor';

export type ExportVia = 'aplikasi' | 'cli';

export interface ExportRecord {
  templateKey: string;
  templateName: string;
  kind: ExportKind;
  filters: ExportFilters;
  format: ExportFormat;
  rows: number;
  nikMode: NikMode;
  sha256: string;
  fileName: string;
  via: ExportVia;
}

export function logExport(db: Db, actor: Actor, record: ExportRecord): number {
  const row = db
    .insert(exportLog)
    .values({ ...record, at: new Date().toISOString(), userId: actor.id, username: actor.username })
    .returning({ id: exportLog.id })
    .get();
  return row.id;
}

export interface ExportLogFilter extends PagingInput {
  /** yyyy-mm-dd, inclusive (the day of the export in UTC, as stored). */
  from?: string;
  to?: string;
  username?: string;
}

export function listExportLog(db: Db, filter: ExportLogFilter): Page<ExportLogEntry> {
  const where = and(
    filter.from ? gte(exportLog.at, filter.from) : undefined,
    filter.to ? lte(sql`substr(${exportLog.at}, 1, 10)`, filter.to) : undefined,
    filter.username ? sql`${exportLog.username} = ${filter.username} COLLATE NOCASE` : undefined,
  );
  const total = db.select({ n: count() }).from(exportLog).where(where).get()?.n ?? 0;
  const { offset, limit } = pageWindow(filter);
  const items = db
    .select()
    .from(exportLog)
    .where(where)
    .orderBy(desc(exportLog.at), desc(exportLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}
