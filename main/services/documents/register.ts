/**
 * The register (agenda surat keluar): every issued document, void or not, newest first;
 * searchable, exportable to Excel; and voiding (the document keeps its number and stays listed).
 */
import { and, count, desc, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, inTransaction } from '../../../db/open';
import { contains } from '../../../db/queries/documents';
import { documents } from '../../../db/schema';
import {
  DOCUMENT_KIND_LABEL,
  DOCUMENT_KINDS,
  type registerFilterSchema,
  type voidSchema,
} from '../../domain/documents';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal, formatWaktu } from '../../domain/format';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { dateCell, inlineRow, writeXlsx } from '../xlsx-writer';
import { getDocument } from './print';
import { registerColumns, toRegisterRow } from './register-row';
import type { RegisterRow } from './types';

export type RegisterFilter = z.infer<typeof registerFilterSchema>;

function whereOf(filter: RegisterFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const q = filter.q.trim();
  if (q) {
    const kinds = DOCUMENT_KINDS.filter((k) => DOCUMENT_KIND_LABEL[k].toLowerCase().includes(q.toLowerCase()));
    conditions.push(
      or(
        contains(documents.number, q),
        contains(documents.subject, q),
        kinds.length > 0 ? inArray(documents.kind, kinds) : undefined,
      ),
    );
  }
  if (filter.kind) conditions.push(eq(documents.kind, filter.kind));
  if (filter.year) conditions.push(eq(documents.year, filter.year));
  if (filter.state === 'aktif') conditions.push(isNull(documents.voidedAt));
  if (filter.state === 'batal') conditions.push(isNotNull(documents.voidedAt));
  return and(...conditions);
}

function registerRows(db: Db, filter: RegisterFilter, window?: { offset: number; limit: number }): RegisterRow[] {
  const query = db
    .select(registerColumns)
    .from(documents)
    .where(whereOf(filter))
    .orderBy(desc(documents.issuedDate), desc(documents.id));
  const rows = window ? query.limit(window.limit).offset(window.offset).all() : query.all();
  return rows.map(toRegisterRow);
}

export function listRegister(db: Db, input: RegisterFilter & PagingInput): Page<RegisterRow> {
  const total = db.select({ n: count() }).from(documents).where(whereOf(input)).get()?.n ?? 0;
  return { items: registerRows(db, input, pageWindow(input)), total, page: input.page, pageSize: input.pageSize };
}

const COLUMNS = [
  { header: 'No', width: 6 },
  { header: 'Nomor surat', width: 28 },
  { header: 'Jenis', width: 32 },
  { header: 'Tanggal', width: 12 },
  { header: 'Perihal/KPM', width: 40 },
  { header: 'Penandatangan', width: 30 },
  { header: 'Dibuat oleh', width: 16 },
  { header: 'Dibuat pada', width: 20 },
  { header: 'Status', width: 10 },
  { header: 'Alasan batal', width: 40 },
];

/** The register (with the same filters) as an .xlsx: the number as text, the date as a real date cell. */
export async function registerXlsx(
  db: Db,
  filter: RegisterFilter,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const rows = registerRows(db, filter);
  const base64 = await writeXlsx((workbook) => {
    const sheet = workbook.addWorksheet('Agenda surat keluar', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
    sheet.getColumn(2).numFmt = '@';
    sheet.getColumn(4).numFmt = 'dd/mm/yyyy';
    const header = sheet.addRow(inlineRow(COLUMNS.map((c) => c.header)));
    header.font = { bold: true };
    header.commit();
    rows.forEach((row, i) => {
      sheet
        .addRow(
          inlineRow([
            i + 1,
            row.number,
            DOCUMENT_KIND_LABEL[row.kind],
            dateCell(row.issuedDate),
            row.subject,
            row.signatoryName,
            row.issuedByName,
            formatWaktu(row.issuedAt),
            row.voidedAt ? 'Batal' : 'Aktif',
            row.voidReason ?? '',
          ]),
        )
        .commit();
    });
    sheet.commit();
  });
  const year = filter.year ? `-${filter.year}` : '';
  return { fileName: `agenda-surat-keluar${year}.xlsx`, base64, rows: rows.length };
}

export type VoidInput = z.infer<typeof voidSchema>;

/** Voids an issued document: it keeps its number and stays in the register, marked with the reason. */
export function voidDocument(db: Db, actor: Actor, input: VoidInput): RegisterRow {
  requireRole(actor, DOCUMENT_DUTIES.void);
  return inTransaction(db, () => {
    const before = getDocument(db, input.id);
    if (before.voidedAt) {
      throw new AppError(
        'CONFLICT',
        `Dokumen nomor ${before.number} sudah dibatalkan pada ${formatTanggal(before.voidedAt)} oleh ${before.voidedByName}.`,
      );
    }
    const after = db
      .update(documents)
      .set({
        voidedAt: new Date().toISOString(),
        voidedBy: actor.id,
        voidedByName: actor.username,
        voidReason: input.reason,
      })
      .where(eq(documents.id, input.id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'void_document',
      entity: 'document',
      entityId: after.id,
      summary: `${DOCUMENT_KIND_LABEL[after.kind]} nomor ${after.number} dibatalkan: ${input.reason}`,
      before: toRegisterRow(before),
      after: toRegisterRow(after),
    });
    return toRegisterRow(after);
  });
}
