/**
 * Documents to one PDF: the same PrintedDocument always renders to the same bytes, so a
 * reprint is the same letter and the main process, browser mode and the CLI hand out identical files.
 * Each document is a pdfmake section: it starts on a new page with its own paper and orientation.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Content, ContentSection, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type DocumentKind, PAPER_SIZE_PT, type Paper } from '../domain/documents';
import { AppError } from '../domain/errors';
import type { Kop, PrintedDocument, Signature } from '../domain/printed-document';
import { bast } from './bast';
import { FONT, pdfMake } from './fonts';
import { Images } from './images';
import type { DocumentLayout, Layout } from './layout';
import { listDocument } from './list';
import { present } from './page';
import { penerima } from './penerima';
import { pernyataanMandiri } from './pernyataan';
import { piagam } from './piagam';
import { kopPreview } from './preview';
import { copyMark, pageNumbers, SectionPages } from './sections';
import { skGraduasi } from './sk-graduasi';

export interface RenderOptions {
  /** Reprint: mark every page SALINAN; per document when a list (a wisuda batch with earlier documents). */
  copy?: boolean | readonly boolean[];
  /** Called as pages are laid out/written; done/total in documents. */
  onProgress?: (done: number, total: number) => void;
  /** Abort rendering (batch cancel): reject with AppError('CANCELLED', ...). */
  signal?: AbortSignal;
}

const LAYOUTS: Record<DocumentKind, Layout> = {
  sk_graduasi: skGraduasi,
  pernyataan_mandiri: pernyataanMandiri,
  piagam,
  daftar_usulan: listDocument,
  lampiran_keputusan: listDocument,
  bast,
  daftar_penerima: penerima,
  // a letter to one family: the surat keterangan's layout (opening, identity, body, closing, QR, signature)
  surat_teguran: skGraduasi,
};

/** Documents prepared between checks of the abort signal (each makes a QR). */
const PREPARE_CHUNK = 25;

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Pembuatan dokumen dibatalkan.');
}

export async function renderDocuments(
  docs: PrintedDocument[],
  options: RenderOptions = {},
): Promise<{ bytes: Buffer; pages: number }> {
  if (docs.length === 0) throw new AppError('INVALID_INPUT', 'Tidak ada dokumen untuk dicetak.');
  const images = new Images();
  const layouts: DocumentLayout[] = [];
  for (const [i, doc] of docs.entries()) {
    if (i % PREPARE_CHUNK === 0) {
      throwIfCancelled(options.signal);
      // Let a cancel (IPC, HTTP) arrive: the layout itself is one synchronous pdfmake run.
      if (i > 0) await nextTurn();
    }
    layouts.push(LAYOUTS[doc.kind](doc, { images }));
  }
  throwIfCancelled(options.signal);
  const progress = progressOf(docs.length, options.onProgress);
  const copyOf = (i: number) => (typeof options.copy === 'boolean' ? options.copy : options.copy?.[i] === true);
  const sections = layouts.map((layout, i) => toSection(layout, i, { copy: copyOf(i), progress }));
  const result = await writePdf(definition(docs[0], sections, images), options);
  progress(docs.length);
  return result;
}

/** Reports documents done, each count once and in order (pdfmake adds several pages per document). */
function progressOf(total: number, onProgress: RenderOptions['onProgress']): (done: number) => void {
  let last = -1;
  return (done) => {
    if (done <= last || !onProgress) return;
    last = done;
    onProgress(done, total);
  };
}

/** The kop as it will print, on a one-page sample ("CONTOH" letter), for the settings page. */
export async function renderKopPreview(
  kop: Kop,
  signature: Signature,
  paper: Paper,
): Promise<{ bytes: Buffer; pages: number }> {
  const images = new Images();
  const doc = kopPreview(kop, signature, paper);
  const section = toSection(skGraduasi(doc, { images }), 0, { copy: false, progress: () => {} });
  // A sample must never pass for a letter: a large light "CONTOH" across the page.
  section.watermark = { text: 'CONTOH', color: '#9a9a9a', opacity: 0.2, bold: true, fontSize: 110 };
  return writePdf(definition(doc, [section], images), {});
}

interface SectionOptions {
  copy: boolean;
  progress: (done: number) => void;
}

function toSection(layout: DocumentLayout, index: number, { copy, progress }: SectionOptions): ContentSection {
  const { setup } = layout;
  const pages = new SectionPages();
  return {
    section: layout.content,
    pageSize: PAPER_SIZE_PT[setup.paper],
    pageOrientation: setup.orientation,
    pageMargins: setup.margins,
    footer: layout.numbered ? pageNumbers(pages) : null,
    // pdfmake asks for a page's background as it adds the page: this document's pages, and progress
    // (document `index` starts, so `index` documents are done).
    background: (page, size) => {
      pages.add(page);
      progress(index);
      return present(layout.background?.(page, size), copy && copyMark(size));
    },
  };
}

function definition(first: PrintedDocument, sections: Content[], images: Images): TDocumentDefinitions {
  return {
    content: sections,
    images: images.dictionary,
    defaultStyle: { font: FONT, fontSize: 12, lineHeight: 1.15 },
    // The creation date comes from the document, so the file ID (an MD5 of the info) is the same every time.
    info: {
      title: first.title,
      author: first.kop.agency,
      creator: 'Graduasi PKH',
      producer: 'Graduasi PKH',
      creationDate: new Date(`${first.issuedDate.slice(0, 10)}T00:00:00Z`),
    },
  };
}

export async function writePdf(
  doc: TDocumentDefinitions,
  options: RenderOptions,
): Promise<{ bytes: Buffer; pages: number }> {
  const bytes = await pdfMake().createPdf(doc).getBuffer();
  throwIfCancelled(options.signal);
  return { bytes, pages: countPages(bytes) };
}

/** Page objects in the file (pdfkit writes them uncompressed: '/Type /Page', the tree is '/Type /Pages'). */
function countPages(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
