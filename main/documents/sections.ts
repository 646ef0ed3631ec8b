/**
 * What render.ts adds around each document's pages: the SALINAN mark of a reprint and the lists'
 * "Halaman x dari y", counted per document even when a batch holds several.
 */
import type { DynamicContent } from 'pdfmake/interfaces';

/** A reprint: "SALINAN" boxed at the top right of every page (in the top margin, above the kop). */
export const copyMark: DynamicContent = (_page, _count, size) => ({
  table: { body: [[{ text: 'SALINAN', bold: true, fontSize: 11, characterSpacing: 2, margin: [6, 2, 6, 1] }]] },
  layout: { hLineWidth: () => 1.25, vLineWidth: () => 1.25 },
  absolutePosition: { x: size.width - 2 * 28.35 - 92, y: 22 },
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
    margin: [0, 20, 2 * 28.35, 0],
  });
}
