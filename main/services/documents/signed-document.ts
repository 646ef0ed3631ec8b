/**
 * A draft made into the document that is printed and stored: its number, its signed code and what its QR holds.
 * One function for the issue and the wisuda batch's plan, so the PDF a batch renders before writing is the
 * snapshot it writes (a reprint renders the snapshot again, byte for byte).
 */
import type { PrintedDocument } from '../../domain/printed-document';
import { qrContentFor } from '../../domain/verification-address';
import type { LetterDraft } from './snapshot';

export function signedDocument(printed: LetterDraft, number: string, verificationCode: string): PrintedDocument {
  const qrContent = qrContentFor(printed.kop.website, verificationCode);
  return {
    ...printed,
    number,
    verificationCode,
    ...(qrContent === verificationCode ? {} : { qrContent }),
  };
}
