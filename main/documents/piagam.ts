/**
 * Piagam penghargaan for the wisuda: landscape, inside a double decorative border; the emblem and the
 * office centred at the top, "PIAGAM PENGHARGAAN", number, "Diberikan kepada:", the family's name large,
 * the appreciation, then the QR at the left and the signature at the right.
 */
import type { Content, DynamicBackground } from 'pdfmake/interfaces';
import { plain } from './fonts';
import { centredKop } from './kop';
import { familyOf, type Layout } from './layout';
import { CM, closingRow, type Margins, type PageSetup } from './page';
import { qrBlock } from './qr';
import { signatureBlock } from './signature';

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
      lineColor: '#1f3a68',
    },
    {
      type: 'rect',
      x: 1.15 * CM,
      y: 1.15 * CM,
      w: size.width - 2.3 * CM,
      h: size.height - 2.3 * CM,
      lineWidth: 0.8,
      lineColor: '#1f3a68',
    },
  ],
});

export const piagam: Layout = (doc, { images, qrSvg }) => {
  const setup: PageSetup = { paper: doc.paper, orientation: 'landscape', margins: MARGINS };
  const family = familyOf(doc);
  const body: Content[] = [
    centredKop(doc.kop, images),
    {
      text: plain(doc.title.toUpperCase()),
      fontSize: 28,
      bold: true,
      characterSpacing: 2,
      margin: [0, 14, 0, 0],
      color: '#1f3a68',
    },
    { text: plain(`Nomor: ${doc.number}`), margin: [0, 2, 0, 12] },
    { text: plain(doc.opening) },
    { text: plain(family.nama), fontSize: 24, bold: true, margin: [0, 6, 0, 2] },
    { text: plain([family.desa, family.kecamatan].filter(Boolean).join(', ')), margin: [0, 0, 0, 10] },
    { text: plain(doc.body), margin: [2 * CM, 0, 2 * CM, 4] },
    doc.closing ? { text: plain(doc.closing), margin: [2 * CM, 0, 2 * CM, 0] } : '',
  ];
  return {
    setup,
    background: border,
    content: [
      { stack: body, alignment: 'center' },
      closingRow(
        { stack: [qrBlock(doc.verificationCode, qrSvg)], width: '*', margin: [0, 30, 0, 0] },
        { ...signatureBlock(doc.signature), width: '45%' },
        [0, 10, 0, 0],
      ),
    ],
  };
};
