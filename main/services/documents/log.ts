/**
 * Issued documents leave the app as PDFs with the family's identity (NIK in full): each PDF handed out, at issue
 * or reprint, in the app or from the command line, is a row of the export log (UU 27/2022) with its numbers.
 */
import type { Db } from '../../../db/open';
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../../domain/documents';
import type { FileKind } from '../../domain/export-log';
import type { Actor } from '../actor';
import { type ExportVia, logged } from '../exports/log';
import type { DigestedPdf, PdfFile } from './types';

/** BASTs and recipients' lists are the awards' own kinds in the log; every other letter is 'documents'. */
function kindOf(kinds: DocumentKind[]): FileKind {
  if (kinds.every((k) => k === 'bast')) return 'award_bast';
  if (kinds.every((k) => k === 'daftar_penerima')) return 'award_recipients';
  return 'documents';
}

/** Logs the PDF of these documents, made by `source` (the contract method), and gives it back. */
export function logDocuments(
  db: Db,
  actor: Actor,
  source: string,
  docs: readonly { kind: DocumentKind; number: string }[],
  pdf: DigestedPdf,
  via: ExportVia = 'aplikasi',
): PdfFile {
  const kinds = [...new Set(docs.map((d) => d.kind))];
  const first = docs[0]?.number ?? '';
  const last = docs.at(-1)?.number ?? '';
  return logged(db, actor, pdf, {
    templateKey: source,
    templateName: kinds.map((k) => DOCUMENT_KIND_LABEL[k]).join(', '),
    kind: kindOf(kinds),
    filters: { nomor: first === last ? first : `${first} s.d. ${last}` },
    rows: docs.length,
    nikMode: 'full',
    via,
  });
}
