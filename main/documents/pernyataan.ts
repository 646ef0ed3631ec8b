/**
 * Surat pernyataan graduasi mandiri, printed by the office for the family to sign: kop, title and number,
 * "Yang bertanda tangan di bawah ini:", identity, the statement with its reasons as a numbered list,
 * closing, then "Mengetahui" (pendamping, kepala desa/lurah) at the left and the family's signature over a
 * materai box at the right; the QR under them.
 */
import type { Column, Content } from 'pdfmake/interfaces';
import type { PrintedDocument } from '../domain/printed-document';
import { plain } from './fonts';
import { identityBlock } from './identity';
import { letterKop } from './kop';
import { familyOf, type Layout } from './layout';
import { CM, closingRow, contentWidth, LETTER_MARGINS, type PageSetup, paragraphs, titleBlock } from './page';
import { qrBlock } from './qr';
import { placeAndDate, SIGNING_SPACE, signerName } from './signature';

const MATERAI = { width: 2.5 * CM, height: 1.5 * CM };

/** The dashed box where the family sticks the materai Rp10.000 and signs across it. */
function materaiBox(): Column {
  return {
    stack: [
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: MATERAI.width, h: MATERAI.height, dash: { length: 3 }, lineWidth: 0.75 },
        ],
      },
      {
        text: 'MATERAI\nRp10.000',
        fontSize: 7,
        color: '#555555',
        alignment: 'center',
        relativePosition: { x: 0, y: -MATERAI.height + 11 },
      },
    ],
    width: MATERAI.width,
    margin: [0, (SIGNING_SPACE - MATERAI.height) / 2, 0, (SIGNING_SPACE - MATERAI.height) / 2],
  };
}

/** A signer who is not named on the document (the kepala desa is often unknown): a line to write on. */
function witnessName(name: string, nip: string): Content[] {
  return name ? signerName(name, '', nip) : [{ text: '(.......................................)' }];
}

/** "Mengetahui," the pendamping: left of the family's signature, names on the same line. */
function pendamping(doc: PrintedDocument): Column {
  const w = doc.witnesses;
  return {
    stack: [
      { text: 'Mengetahui,' },
      { text: 'Pendamping PKH', margin: [0, 0, 0, SIGNING_SPACE] },
      ...witnessName(w?.pendampingName ?? '', w?.pendampingNip ?? ''),
    ],
    alignment: 'center',
    width: '*',
  };
}

/** The kepala desa/lurah, centred under the two signatures (the usual place of the second witness). */
function kepalaDesa(doc: PrintedDocument): Column {
  const w = doc.witnesses;
  const title = [w?.kepalaDesaTitle || 'Kepala Desa', doc.family?.desa ?? ''].filter(Boolean).join(' ');
  return {
    stack: [{ text: plain(title), margin: [0, 0, 0, SIGNING_SPACE] }, ...witnessName(w?.kepalaDesaName ?? '', '')],
    alignment: 'center',
    width: '*',
  };
}

function declarant(doc: PrintedDocument): Column {
  return {
    stack: [
      { text: plain(placeAndDate(doc.signature)) },
      { text: 'Yang membuat pernyataan,' },
      { columns: [{ text: '', width: '*' }, materaiBox(), { text: '', width: '*' }] },
      { text: plain(familyOf(doc).nama), bold: true, decoration: 'underline' },
    ],
    alignment: 'center',
    width: '*',
  };
}

function reasons(doc: PrintedDocument): Content[] {
  const list = doc.graduation?.reasons ?? [];
  if (list.length === 0) return [];
  return [{ ol: list.map((reason) => ({ text: plain(reason), alignment: 'justify' })), margin: [1.25 * CM, 0, 0, 6] }];
}

export const pernyataanMandiri: Layout = (doc, { images }) => {
  const setup: PageSetup = { paper: doc.paper, orientation: 'portrait', margins: LETTER_MARGINS };
  // Signatures, materai and QR only just fit an A4 page under two reasons; F4 is 3.3 cm taller.
  const gap = doc.paper === 'F4' ? 16 : 4;
  return {
    setup,
    content: [
      letterKop(doc.kop, contentWidth(setup), images),
      titleBlock(doc.title, doc.number),
      ...paragraphs(doc.opening, { indent: false }),
      identityBlock(familyOf(doc)),
      ...paragraphs(doc.body),
      ...reasons(doc),
      ...paragraphs(doc.closing),
      closingRow(pendamping(doc), declarant(doc), [0, gap, 0, 0]),
      {
        // the QR at the bottom left, the kepala desa centred on the page: an empty column as wide as the QR
        columns: [qrBlock(doc), kepalaDesa(doc), { text: '', width: 150 }],
        margin: [0, gap, 0, 0],
        unbreakable: true,
      },
    ],
  };
};
