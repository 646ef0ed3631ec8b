/**
 * What a kind's layout returns for one document: its page setup and content. render.ts turns it into a
 * pdfmake section (own paper and orientation, SALINAN mark, page numbers) so kinds can mix in one batch.
 */
import type { Content, DynamicBackground } from 'pdfmake/interfaces';
import type { PrintedDocument } from '../domain/printed-document';
import type { Images } from './images';
import type { PageSetup } from './page';

export interface LayoutContext {
  images: Images;
}

export interface DocumentLayout {
  setup: PageSetup;
  content: Content[];
  /** Lists number their pages ("Halaman x dari y"). */
  numbered?: boolean;
  background?: DynamicBackground;
}

export type Layout = (doc: PrintedDocument, context: LayoutContext) => DocumentLayout;

/** A family document without its family is a bug upstream: say which document, not a pdfmake stack trace. */
export function familyOf(doc: PrintedDocument): NonNullable<PrintedDocument['family']> {
  if (!doc.family) throw new Error(`Dokumen ${doc.number} (${doc.kind}) tidak memuat data keluarga.`);
  return doc.family;
}
