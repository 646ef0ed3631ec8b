/**
 * What render.ts adds around each document's pages: the SALINAN mark of a reprint and the lists'
 * "Halaman x dari y", counted per document even when a batch holds several.
 */
import type { Content, DynamicContent } from 'pdfmake/interfaces';

/** A reprint: "SALINAN" boxed at the top right of every page (in the top margin, above the kop). */
export const copyMark: DynamicContent = (_page, _count, size) => ({
  table: { body: [[{ text: 'SALINAN', bold: true, fontSize: 11, characterSpacing: 2, margin: [6, 2, 6, 1] }]] },
  layout: { hLineWidth: () => 1.25, vLineWidth: () => 1.25 },
  absolutePosition: { x: size.width - 2 * 28.35 - 92, y: 22 },
});

type Laid = { positions?: { pageNumber: number }[] };

/**
 * "Halaman x dari y" for one document of a batch. pdfmake calls footers after the whole layout with the
 * page's number in the PDF; the document's own first and last page are read from where pdfmake placed its
 * first and last node (it records positions on the content objects themselves).
 */
export function pageNumbers(content: Content[]): DynamicContent {
  return (page, count) => {
    const first = (content[0] as Laid).positions?.[0]?.pageNumber ?? 1;
    const last = (content[content.length - 1] as Laid).positions?.at(-1)?.pageNumber ?? count;
    return {
      text: `Halaman ${page - first + 1} dari ${last - first + 1}`,
      alignment: 'right',
      fontSize: 9,
      margin: [0, 20, 2 * 28.35, 0],
    };
  };
}
