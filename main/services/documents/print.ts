/**
 * Reprints: an issued document printed again from what it printed (its stored snapshot),
 * never rebuilt from today's data; marked SALINAN when the office wants it. A voided document is not printed.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { ONE_MORE_PRINT } from '../../../db/queries/documents';
import { documents, type IssuedDocument } from '../../../db/schema';
import { DOCUMENT_KIND_LABEL } from '../../domain/documents';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import type { ExportVia } from '../exports/log';
import { logDocuments } from './log';
import { pdfFileName, renderPdf } from './pdf';
import { getDocumentSettings } from './settings';
import type { PdfFile } from './types';

export function getDocument(db: Db, id: number): IssuedDocument {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Dokumen tidak ditemukan di agenda surat.');
  return row;
}

export async function reprintDocument(db: Db, actor: Actor, id: number, via: ExportVia = 'aplikasi'): Promise<PdfFile> {
  requireRole(actor, DOCUMENT_DUTIES.issue);
  const row = inTransaction(db, () => {
    const before = getDocument(db, id);
    if (before.voidedAt) {
      throw new AppError(
        'CONFLICT',
        `Dokumen nomor ${before.number} sudah dibatalkan pada ${formatTanggal(before.voidedAt)} (${before.voidReason}); dokumen yang batal tidak dicetak ulang.`,
      );
    }
    const after = db
      .update(documents)
      .set({ printCount: ONE_MORE_PRINT })
      .where(eq(documents.id, id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'reprint_document',
      entity: 'document',
      entityId: id,
      summary: `Cetak ulang ${DOCUMENT_KIND_LABEL[after.kind]} nomor ${after.number} (cetakan ke-${after.printCount})`,
    });
    return after;
  });
  const copy = getDocumentSettings(db).markCopies;
  const pdf = await renderPdf([row.data], pdfFileName(row.kind, row.subject, row.number), { copy });
  return logDocuments(db, actor, 'documents.print', [row], pdf, via);
}

/** Prints a wisuda batch again: its documents still in force, in the order issued, marked like any reprint. */
export async function reprintBatch(db: Db, actor: Actor, batchId: number): Promise<PdfFile> {
  requireRole(actor, DOCUMENT_DUTIES.issue);
  const rows = inTransaction(db, () => {
    const inForce = db
      .select()
      .from(documents)
      .where(and(eq(documents.batchId, batchId), isNull(documents.voidedAt)))
      .orderBy(documents.id)
      .all();
    if (inForce.length === 0) {
      throw new AppError('NOT_FOUND', 'Kelompok cetak ini tidak ditemukan atau semua dokumennya sudah dibatalkan.');
    }
    db.update(documents)
      .set({ printCount: ONE_MORE_PRINT })
      .where(and(eq(documents.batchId, batchId), isNull(documents.voidedAt)))
      .run();
    writeAudit(db, actor, {
      action: 'reprint_batch',
      entity: 'document_batch',
      entityId: batchId,
      summary: `Cetak ulang ${inForce.length} dokumen wisuda (${inForce[0].number} dan seterusnya)`,
    });
    return inForce;
  });
  const copy = getDocumentSettings(db).markCopies;
  const pdf = await renderPdf(
    rows.map((row) => row.data),
    `Cetak-Ulang-Wisuda-${rows.length}-dokumen.pdf`,
    { copy },
  );
  return logDocuments(db, actor, 'documents.printBatch', rows, pdf);
}
