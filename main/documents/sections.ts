/**
 * What render.ts adds around each document's pages: the SALINAN mark of a reprint and the lists'
 * "Halaman x dari y", counted per document even when a batch holds several.
 */
import type { Content, ContextPageSize, DynamicContent } from 'pdfmake/interfaces';
import { CM } from './page';

const COPY_MARK_WIDTH = 92;

/**
 * A reprint: "SALINAN" boxed at the top right of every page, in the top margin just above the text (and
 * inside the piagam's frame). Drawn with the page's background, which may use the whole page (a header
 * only has the top margin's height and cuts the box off).
 */
export const copyMark = (size: ContextPageSize): Content => ({
  table: { body: [[{ text: 'SALINAN', bold: true, fontSize: 11, characterSpacing: 2, margin: [6, 2, 6, 1] }]] },
  layout: { hLineWidth: () => 1.25, vLineWidth: () => 1.25 },
  absolutePosition: { x: size.width - 2 * CM - COPY_MARK_WIDTH, y: 1.25 * CM },
});

/** The pages of one document in the PDF, recorded as pdfmake adds them (it asks for each page's background). */
export class SectionPages {
  first = 0;
  last = 0;

  add(page: number): void {
    if (this.first === 0) this.first = page;
    this.last = page;
  }
}

/**
 * "Halaman x dari y" for one document of a batch. pdfmake calls footers after the whole layout with the
 * page's number in the PDF, so the document's own first and last page are known by then.
 */
export function pageNumbers(pages: SectionPages): DynamicContent {
  return (page) => ({
    text: `Halaman ${page - pages.first + 1} dari ${pages.last - pages.first + 1}`,
    alignment: 'right',
    fontSize: 9,
    margin: [0, 0.7 * CM, 2 * CM, 0],
  });
}
