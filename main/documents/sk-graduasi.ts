/**
 * Surat keterangan graduasi: kop, title and number, the certifying text, the family's identity, the
 * graduation (body), closing, then the QR at the left and the Kepala Dinas's signature at the right.
 */

import { identityBlock } from './identity';
import { letterKop } from './kop';
import type { Layout } from './layout';
import { familyOf } from './layout';
import { closingRow, contentWidth, LETTER_MARGINS, type PageSetup, paragraphs, titleBlock } from './page';
import { qrBlock } from './qr';
import { signatureBlock } from './signature';

export const skGraduasi: Layout = (doc, { images }) => {
  const setup: PageSetup = { paper: doc.paper, orientation: 'portrait', margins: LETTER_MARGINS };
  return {
    setup,
    content: [
      letterKop(doc.kop, contentWidth(setup), images),
      titleBlock(doc.title, doc.number),
      ...paragraphs(doc.opening),
      identityBlock(familyOf(doc)),
      ...paragraphs(doc.body),
      ...paragraphs(doc.closing),
      closingRow(
        { stack: [qrBlock(doc)], width: '*', margin: [0, 40, 0, 0] },
        { ...signatureBlock(doc.signature), width: '55%' },
      ),
    ],
  };
};
