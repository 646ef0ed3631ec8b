/**
 * Page geometry and text helpers shared by every layout: paper from the document, margins like an
 * Indonesian government letter (3 cm at the binding edge, 2 cm elsewhere), paragraphs.
 */
import type { Column, Content, ContentColumns, PageOrientation } from 'pdfmake/interfaces';
import { PAPER_SIZE_PT, type Paper } from '../domain/documents';
import { plain } from './fonts';
import { wholeNumbers } from './whole-numbers';

export const CM = 72 / 2.54;

/** [left, top, right, bottom] */
export type Margins = [number, number, number, number];

export const LETTER_MARGINS: Margins = [3 * CM, 2 * CM, 2 * CM, 2 * CM];

export interface PageSetup {
  paper: Paper;
  orientation: PageOrientation;
  margins: Margins;
}

export function pageSize(setup: PageSetup): { width: number; height: number } {
  const { width, height } = PAPER_SIZE_PT[setup.paper];
  return setup.orientation === 'landscape' ? { width: height, height: width } : { width, height };
}

/** The width between the margins, for rules and canvas drawings that span the text block. */
export function contentWidth(setup: PageSetup): number {
  return pageSize(setup).width - setup.margins[0] - setup.margins[2];
}

/** The items that are there: an empty line (no rank, no a.n.) is left out, not printed as a blank line. */
export function present(...items: (Content | null | undefined | false | '')[]): Content[] {
  return items.filter((item): item is Content => Boolean(item));
}

/** A filled template text as paragraphs: one per line of the text, justified with a first-line indent. */
export function paragraphs(text: string, style: { indent?: boolean } = {}): Content[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({
      text: wholeNumbers(line),
      alignment: 'justify' as const,
      leadingIndent: style.indent === false ? 0 : 1.25 * CM,
      margin: [0, 0, 0, 4] as Margins,
    }));
}

/** The title block: title bold underlined, centred, and the letter number under it. */
export function titleBlock(title: string, number: string): Content {
  return {
    stack: [
      { text: plain(title.toUpperCase()), bold: true, decoration: 'underline', fontSize: 13 },
      { text: plain(`Nomor: ${number}`) },
    ],
    alignment: 'center',
    margin: [0, 8, 0, 10],
  };
}

/**
 * The closing row of a document: what goes at the left (the QR, the witnesses) and the signature at the
 * right, kept on one page.
 */
export function closingRow(left: Column, right: Column, margin: Margins = [0, 14, 0, 0]): ContentColumns {
  return { columns: [left, right], columnGap: 16, margin, unbreakable: true };
}
