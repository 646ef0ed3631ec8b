/**
 * Exchanging verification keys between offices: an office exports its public key as a small
 * JSON file and another office imports it, so a letter from another district can be checked offline. Only the
 * public key ever leaves: the private key stays in the database.
 */

import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, inTransaction } from '../../../db/open';
import { type SigningKey, signingKeys } from '../../../db/schema';
import { DOCUMENT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatWaktu } from '../../domain/format';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { getRegion } from '../regions';
import { ensureOwnKey } from './keys';
import type { KeyView } from './types';

export const KEY_FILE_FORMAT = 'graduasi-pkh/kunci-publik';

/** The short fingerprint read over the phone to check a key file: first 16 hex of SHA-256 of the SPKI DER. */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
  return (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

function viewOf(key: SigningKey): KeyView {
  return {
    id: key.id,
    regencyCode: key.regencyCode,
    officeName: key.officeName,
    own: key.own,
    fingerprint: fingerprintOf(key.publicKey),
    createdAt: key.createdAt,
  };
}

/** The office's own key first, then the imported ones by office name. */
export function listKeys(db: Db): KeyView[] {
  ensureOwnKey(db);
  return db
    .select()
    .from(signingKeys)
    .all()
    .sort((a, b) => Number(b.own) - Number(a.own) || a.officeName.localeCompare(b.officeName, 'id'))
    .map(viewOf);
}

/** The content of an exported key file; nothing else is read from or written to one. */
const keyFileSchema = z.object({
  format: z.string(),
  version: z.number(),
  regencyCode: z.string().regex(/^\d{4}$/),
  officeName: z.string().trim().min(1).max(200),
  publicKey: z.string().min(1).max(1000),
  fingerprint: z.string(),
  createdAt: z.string(),
});
type KeyFile = z.infer<typeof keyFileSchema>;

/** The own public key as `kunci-publik-<regency>.json`, to give to other offices. */
export function exportPublicKey(db: Db): { fileName: string; base64: string } {
  const own = ensureOwnKey(db);
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    regencyCode: own.regencyCode,
    officeName: own.officeName,
    publicKey: own.publicKey,
    fingerprint: fingerprintOf(own.publicKey),
    createdAt: own.createdAt,
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  return { fileName: `kunci-publik-${own.regencyCode}.json`, base64: Buffer.from(text, 'utf8').toString('base64') };
}

const NOT_A_KEY_FILE =
  'Berkas ini bukan berkas kunci publik Graduasi PKH. Pilih berkas kunci-publik-<kode wilayah>.json yang diunduh ' +
  'kantor lain dari halaman Verifikasi dokumen.';

/** Reads and checks an uploaded key file; every refusal says what is wrong with it. */
function readKeyFile(fileBase64: string): KeyFile & { key: KeyObject } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(fileBase64, 'base64').toString('utf8'));
  } catch {
    throw new AppError('FILE_UNSUPPORTED', NOT_A_KEY_FILE);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success || parsed.data.format !== KEY_FILE_FORMAT) throw new AppError('FILE_UNSUPPORTED', NOT_A_KEY_FILE);
  const file = parsed.data;
  if (file.version !== 1) {
    throw new AppError('FILE_UNSUPPORTED', `Berkas kunci versi ${file.version} belum dikenal aplikasi ini.`);
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(file.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new AppError('FILE_CORRUPT', 'Kunci publik pada berkas rusak: bukan kunci yang dapat dibaca.');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError('FILE_CORRUPT', 'Kunci publik pada berkas bukan kunci Ed25519 yang dipakai Graduasi PKH.');
  }
  return { ...file, key };
}

/** Imports another office's public key (admin), so its letters can be verified here. */
export function importPublicKey(db: Db, actor: Actor, fileBase64: string): KeyView {
  requireRole(actor, DOCUMENT_DUTIES.settings);
  const file = readKeyFile(fileBase64);
  // Stored in its canonical encoding, so the same key can never be imported twice under two spellings.
  const publicKey = file.key.export({ format: 'der', type: 'spki' }).toString('base64');
  const fingerprint = fingerprintOf(publicKey);
  if (file.fingerprint !== fingerprint) {
    throw new AppError(
      'FILE_CORRUPT',
      `Sidik kunci pada berkas (${file.fingerprint}) tidak cocok dengan kuncinya (${fingerprint}): berkas rusak atau diubah.`,
    );
  }
  if (getRegion(db, file.regencyCode)?.level !== 'regency') {
    throw new AppError(
      'FILE_CORRUPT',
      `Kode wilayah ${file.regencyCode} pada berkas bukan kabupaten/kota yang dikenal.`,
    );
  }
  return inTransaction(db, () => {
    const existing = db.select().from(signingKeys).where(eq(signingKeys.publicKey, publicKey)).get();
    if (existing?.own) {
      throw new AppError('DUPLICATE', 'Ini kunci publik kantor Anda sendiri. Yang diimpor adalah kunci kantor lain.');
    }
    // Own letters are checked against the own register; a second key for the own regency would bypass that.
    const own = ensureOwnKey(db);
    if (file.regencyCode === own.regencyCode) {
      throw new AppError(
        'CONFLICT',
        `Berkas ini berisi kunci untuk kode wilayah ${own.regencyCode}, wilayah kantor ini sendiri, tetapi bukan ` +
          'kunci kantor ini. Surat kantor ini hanya diperiksa dengan kuncinya sendiri dan registernya.',
      );
    }
    if (existing) {
      throw new AppError(
        'DUPLICATE',
        `Kunci ini sudah diimpor pada ${formatWaktu(existing.createdAt)} sebagai kunci ${existing.officeName} (${existing.regencyCode}).`,
      );
    }
    const saved = db
      .insert(signingKeys)
      .values({
        regencyCode: file.regencyCode,
        officeName: file.officeName,
        publicKey,
        privateKey: null,
        own: false,
        createdAt: new Date().toISOString(),
      })
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'documents.importKey',
      entity: 'signing_key',
      entityId: saved.id,
      summary: `Mengimpor kunci verifikasi ${saved.officeName} (kode wilayah ${saved.regencyCode}, sidik ${fingerprint})`,
      after: { regencyCode: saved.regencyCode, officeName: saved.officeName, fingerprint },
    });
    return viewOf(saved);
  });
}
