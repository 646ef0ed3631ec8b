/**
 * Issued documents to PDF bytes: the layouts (main/documents/render.ts) render only the stored snapshots, so a
 * reprint is the letter as issued. Here: the file name and the bytes as the contract carries them.
 */
import type { Db } from '../../../db/open';
import type { RenderOptions } from '../../documents/render';
import type { DocumentKind, Paper } from '../../domain/documents';
import { todayIso } from '../../domain/format';
import type { PrintedDocument } from '../../domain/printed-document';
import { renderDocumentsInWorker, renderKopPreviewInWorker } from '../../workers/pdf';
import { fileNamePart } from '../file-names';
import { letterContext } from './context';
import type { DigestedPdf, PdfFile } from './types';

const FILE_PREFIX: Record<DocumentKind, string> = {
  sk_graduasi: 'SK-Graduasi',
  pernyataan_mandiri: 'Surat-Pernyataan',
  piagam: 'Piagam',
  daftar_usulan: 'Daftar-Usulan',
  lampiran_keputusan: 'Lampiran-Keputusan',
  bast: 'BAST',
  daftar_penerima: 'Daftar-Penerima',
  surat_teguran: 'Surat-Teguran-P2K2',
};

/** 'SK-Graduasi-Siti-Wulandari-460-12-Dinsos-XI-2026.pdf' */
export function pdfFileName(kind: DocumentKind, subject: string, number: string): string {
  return `${FILE_PREFIX[kind]}-${fileNamePart(subject).slice(0, 60)}-${fileNamePart(number)}.pdf`;
}

export async function renderPdf(
  docs: PrintedDocument[],
  fileName: string,
  options?: RenderOptions,
): Promise<DigestedPdf> {
  return { fileName, ...(await renderDocumentsInWorker(docs, options)) };
}

/** The kop as it will print with the current settings, on a sample page (Pengaturan > Dokumen). */
export async function kopPreview(db: Db, paper?: Paper): Promise<PdfFile> {
  const ctx = letterContext(db, 'sk_graduasi', todayIso());
  const { base64, pages } = await renderKopPreviewInWorker(ctx.kop, ctx.signature, paper ?? ctx.paper);
  return { fileName: `contoh-kop-${paper ?? ctx.paper}.pdf`, base64, pages };
}
