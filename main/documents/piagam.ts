/**
 * Piagam penghargaan for the wisuda: landscape, inside a double decorative border; the emblem and the
 * office centred at the top, "PIAGAM PENGHARGAAN", number, "Diberikan kepada:", the family's name large,
 * the appreciation, then the QR at the left and the signature at the right.
 */
import type { Content, DynamicBackground } from 'pdfmake/interfaces';
import { plain } from './fonts';
import { centredKop } from './kop';
import { familyOf, type Layout } from './layout';
import { CM, closingRow, type Margins, type PageSetup, present } from './page';
import { qrBlock } from './qr';
import { signatureBlock } from './signature';

const NAVY = '#1f3a68';
const MARGINS: Margins = [2.5 * CM, 1.8 * CM, 2.5 * CM, 1.5 * CM];

/** Two frames: a thick outer one and a thin inner one, like a printed certificate. */
const border: DynamicBackground = (_page, size) => ({
  canvas: [
    {
      type: 'rect',
      x: 0.9 * CM,
      y: 0.9 * CM,
      w: size.width - 1.8 * CM,
      h: size.height - 1.8 * CM,
      lineWidth: 3,
      lineColor: NAVY,
    },
    {
      type: 'rect',
      x: 1.15 * CM,
      y: 1.15 * CM,
      w: size.width - 2.3 * CM,
      h: size.height - 2.3 * CM,
      lineWidth: 0.8,
      lineColor: NAVY,
    },
  ],
});

export const piagam: Layout = (doc, { images }) => {
  const setup: PageSetup = { paper: doc.paper, orientation: 'landscape', margins: MARGINS };
  const family = familyOf(doc);
  const place = [family.desa, family.kecamatan].filter(Boolean).join(', ');
  const body: Content[] = present(
    centredKop(doc.kop, images),
    {
      text: plain(doc.title.toUpperCase()),
      fontSize: 30,
      bold: true,
      characterSpacing: 3,
      color: NAVY,
      margin: [0, 12, 0, 0],
    },
    { text: plain(`Nomor: ${doc.number}`), margin: [0, 0, 0, 12] },
    { text: plain(doc.opening), fontSize: 13 },
    { text: plain(family.nama), fontSize: 26, bold: true, margin: [0, 6, 0, 0] },
    // NIK small under the name: which family of that name it is, as on every document the office issues
    { text: plain(`NIK ${family.nik}${place ? `  ·  ${place}` : ''}`), fontSize: 10.5, margin: [0, 0, 0, 12] },
    { text: plain(doc.body), fontSize: 13, lineHeight: 1.25, margin: [1.5 * CM, 0, 1.5 * CM, 4] },
    doc.closing && { text: plain(doc.closing), fontSize: 13, margin: [1.5 * CM, 0, 1.5 * CM, 0] },
  );
  return {
    setup,
    background: border,
    content: [
      { stack: body, alignment: 'center' },
      closingRow(
        { stack: [qrBlock(doc)], width: '*', margin: [0, 30, 0, 0] },
        { ...signatureBlock(doc.signature), width: '45%' },
        [0, 10, 0, 0],
      ),
    ],
  };
};
