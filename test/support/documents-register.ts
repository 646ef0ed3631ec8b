/**
 * Registered documents for verification tests, inserted straight into the register (every NOT NULL column)
 * with a code signed by the office's own key, as the issuing service would store them.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { Db } from '../../db/open';
import { documents, type SigningKey } from '../../db/schema';
import type { DocumentKind } from '../../main/domain/documents';
import type { PrintedDocument } from '../../main/domain/printed-document';
import { ensureOwnKey, signCode } from '../../main/services/documents/keys';

export const DOCUMENT_FIELDS = { regencyCode: '3375', kind: 'sk_graduasi' as DocumentKind, issuedDate: '2026-11-30' };

export interface TestDocument {
  number: string;
  subject?: string;
  voided?: { at: string; reason: string };
}

/** Inserts one register entry; returns its id and verification code. */
export function registerTestDocument(db: Db, { number, subject = 'Siti Wulandari', voided }: TestDocument) {
  const code = signCode(ensureOwnKey(db), { ...DOCUMENT_FIELDS, number });
  const row = db
    .insert(documents)
    .values({
      kind: DOCUMENT_FIELDS.kind,
      number,
      sequenceScope: 'umum',
      year: 2026,
      sequence: 1,
      issuedDate: DOCUMENT_FIELDS.issuedDate,
      subject,
      signatoryName: 'Dra. SRI WAHYUNI, M.Si.',
      // The layouts' snapshot is not needed to verify; only the code is.
      data: { verificationCode: code } as unknown as PrintedDocument,
      templateVersion: 1,
      verificationCode: code,
      issuedByName: 'Rahmat Hidayat',
      issuedAt: '2026-11-30T03:00:00.000Z',
      voidedAt: voided?.at ?? null,
      voidedByName: voided ? 'Rahmat Hidayat' : null,
      voidReason: voided?.reason ?? null,
    })
    .returning()
    .get();
  return { code, id: row.id };
}

/** SHA-256 of the key, first 16 hex upper-case in groups of 4: computed here apart from the app's code. */
export function expectedFingerprint(spkiBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(spkiBase64, 'base64')).digest('hex').toUpperCase();
  return `${hex.slice(0, 4)} ${hex.slice(4, 8)} ${hex.slice(8, 12)} ${hex.slice(12, 16)}`;
}

/** Another office with a fresh key pair and no database: its key file as it would export it, and its codes. */
export function otherOffice(regencyCode: string, officeName: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const key = { publicKey: spki, privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') };
  const keyFile = {
    format: 'graduasi-pkh/kunci-publik',
    version: 1,
    regencyCode,
    officeName,
    publicKey: spki,
    fingerprint: expectedFingerprint(spki),
    createdAt: '2026-01-05T02:00:00.000Z',
  };
  return {
    keyFile,
    /** A code signed with this office's key (which may claim any regency: a forger's key does). */
    sign: (number: string, claimedRegency = regencyCode) =>
      signCode(key as SigningKey, { ...DOCUMENT_FIELDS, regencyCode: claimedRegency, number }),
  };
}
