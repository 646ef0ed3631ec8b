/**
 * The export log (UU 27/2022, personal data): every file that left the app, who made it and when, from which
 * template with which filters, how many rows, NIKs full or masked, and the sha256 of its bytes. Written once per
 * export, never changed; the administrator reads it page by page, newest first.
 */
import { and, count, desc, gte, lte } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { dayOf, equalsNoCase } from '../../../db/queries/fragments';
import { type ExportLogEntry, exportLog } from '../../../db/schema';
import type { LogFilters, LogFormat, LogKind, LogNikMode } from '../../domain/export-log';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import type { Actor } from '../actor';
import { fileSha256 } from './file-digest';

export type ExportVia = 'aplikasi' | 'cli';

export interface FileRecord {
  /** The template's key ('bawaan:penetapan', 'templat:12'), or the contract method that made the file. */
  templateKey: string;
  /** The template's name, or what the file is ('Laporan bantuan usaha', the letters' kinds). */
  templateName: string;
  kind: LogKind;
  filters: LogFilters;
  format: LogFormat;
  /** Rows of a table, or documents in a PDF of letters. */
  rows: number;
  nikMode: LogNikMode;
  fileName: string;
  via: ExportVia;
}

/**
 * Records a file handed out, with the sha256 of its exact bytes (base64 as it crosses the contract, or the bytes;
 * or the digest the worker that made the file computed): a file found later can be matched to who made it.
 * Returns the log row's id.
 */
export function logFile(db: Db, actor: Actor, record: FileRecord, bytes: Buffer | string, digest?: string): number {
  const sha256 = digest ?? fileSha256(typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes);
  const row = db
    .insert(exportLog)
    .values({ ...record, sha256, at: new Date().toISOString(), userId: actor.id, username: actor.username })
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
    filter.to ? lte(dayOf(exportLog.at), filter.to) : undefined,
    filter.username ? equalsNoCase(exportLog.username, filter.username) : undefined,
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

const FORMAT_OF: Record<string, LogFormat> = { pdf: 'pdf', xlsx: 'xlsx', csv: 'csv_semicolon' };

/**
 * Logs a file a method hands out (a report, a list, the import's problem rows) and gives it back as the contract
 * carries it: the method, what the file is, its filters, rows and NIK mode; the format from its name, the hash
 * the worker computed (`sha256`, not handed out) or else from its bytes.
 */
export function logged<F extends { fileName: string; base64: string; sha256?: string }>(
  db: Db,
  actor: Actor,
  file: F,
  record: Omit<FileRecord, 'fileName' | 'format' | 'via'> & { via?: ExportVia },
): Omit<F, 'sha256'> {
  const { sha256, ...handedOut } = file;
  const extension = file.fileName.slice(file.fileName.lastIndexOf('.') + 1).toLowerCase();
  const format = FORMAT_OF[extension];
  if (!format) throw new Error(`Berkas ${file.fileName} tanpa format yang dikenal log ekspor.`);
  const fields = { ...record, format, fileName: file.fileName, via: record.via ?? 'aplikasi' };
  logFile(db, actor, fields, file.base64, sha256);
  return handedOut;
}
