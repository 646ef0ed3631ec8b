/**
 * The signature block: place and date, "a.n." line, position, space to sign and stamp, the name bold and
 * underlined, rank and NIP (empty lines left out).
 */
import type { Content, ContentStack } from 'pdfmake/interfaces';
import { formatTanggal } from '../domain/format';
import type { Signature } from '../domain/printed-document';
import { plain } from './fonts';
import { present } from './page';

/** Four lines of 12 pt (14 pt apart): room for a signature and the office stamp. */
export const SIGNING_SPACE = 56;

export function placeAndDate(signature: Signature): string {
  return [signature.place, formatTanggal(signature.date)].filter(Boolean).join(', ');
}

/** The signer's name (bold, underlined), then rank and NIP when set. */
export function signerName(name: string, rank: string, nip: string): Content[] {
  return present(
    { text: plain(name), bold: true, decoration: 'underline' },
    rank && { text: plain(rank) },
    nip && { text: plain(`NIP. ${nip}`) },
  );
}

export function signatureBlock(signature: Signature): ContentStack {
  return {
    stack: [
      ...present(
        { text: plain(placeAndDate(signature)) },
        signature.onBehalfOf && { text: plain(signature.onBehalfOf) },
        { text: plain(signature.position), margin: [0, 0, 0, SIGNING_SPACE] },
      ),
      ...signerName(signature.name, signature.rank, signature.nip),
    ],
    alignment: 'center',
  };
}
