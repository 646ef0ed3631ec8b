/**
 * The office's static verification page (main/verification-page/html.ts) made from the database: the office's
 * own public keys, the numbers voided so far and the time it was made. Only the own keys go on it: the page
 * checks this office's letters (the QR of another office's letter opens that office's page), and imported keys
 * are always other regencies' (importPublicKey refuses one for the own regency). The administrator downloads
 * it and puts it on the office website at /verifikasi; after a letter is voided it must be uploaded again.
 */
import { createPublicKey } from 'node:crypto';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { documents, signingKeys } from '../../../db/schema';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { formatNumber } from '../../domain/format';
import { verificationPageAddress } from '../../domain/verification-address';
import type { PageData, PageKey } from '../../domain/verification-page';
import { verificationPageHtml } from '../../verification-page/html';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { ensureOwnKey } from './keys';
import { getDocumentSettings, requireOffice } from './settings';

export const VERIFICATION_PAGE_FILE_NAME = 'verifikasi.html';

/** The raw 32-byte key (base64url) inside an SPKI DER key, as the browser library takes it. */
function rawKey(spkiBase64: string): string {
  const jwk = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' }).export({
    format: 'jwk',
  });
  return jwk.x ?? '';
}

/** What the page carries as of `now`. */
export function verificationPageData(db: Db, now: Date): PageData {
  ensureOwnKey(db);
  const keys: PageKey[] = db
    .select()
    .from(signingKeys)
    .where(eq(signingKeys.own, true))
    .orderBy(asc(signingKeys.id))
    .all()
    .map((key) => ({ regencyCode: key.regencyCode, officeName: key.officeName, publicKey: rawKey(key.publicKey) }));
  const voided = db
    .select({ number: documents.number, voidedAt: documents.voidedAt })
    .from(documents)
    .where(isNotNull(documents.voidedAt))
    .orderBy(asc(documents.id))
    .all()
    .map((row) => ({ number: row.number, voidedAt: row.voidedAt ?? '' }));
  return { officeName: requireOffice(db).agencyName, keys, voided, generatedAt: now.toISOString() };
}

export interface VerificationPageFile {
  fileName: string;
  base64: string;
  /** Where the letters' QR points (`https://…/verifikasi`), or null while no website is set. */
  address: string | null;
  voided: number;
}

/** The page as a file to download (administrator), audited. */
export function downloadVerificationPage(db: Db, actor: Actor, now: Date): VerificationPageFile {
  requireRole(actor, DOCUMENT_DUTIES.settings);
  const data = verificationPageData(db, now);
  const address = verificationPageAddress(getDocumentSettings(db).website);
  const html = verificationPageHtml(data);
  writeAudit(db, actor, {
    action: 'documents.verificationPage',
    entity: 'document',
    entityId: null,
    summary: `Mengunduh halaman verifikasi (${formatNumber(data.keys.length)} kunci, ${formatNumber(data.voided.length)} surat dibatalkan)`,
    after: { address, keys: data.keys.length, voided: data.voided.length, generatedAt: data.generatedAt },
  });
  return {
    fileName: VERIFICATION_PAGE_FILE_NAME,
    base64: Buffer.from(html, 'utf8').toString('base64'),
    address,
    voided: data.voided.length,
  };
}
