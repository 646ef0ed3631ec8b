/**
 * The office's Ed25519 key pair for the verification codes, made with node:crypto at setup
 * (or on first use in an office set up before documents existed). The private key never leaves the database.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { office, type SigningKey, signingKeys } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import { type CodeFields, codePayload, composeCode } from '../../domain/verification-code';

export type CodeSigner = (fields: CodeFields) => string;

/** The office's own key, made now when missing. Needs the office profile (its regency code). */
export function ensureOwnKey(db: Db): SigningKey {
  const existing = db.select().from(signingKeys).where(eq(signingKeys.own, true)).get();
  if (existing) return existing;
  const profile = db.select().from(office).get();
  if (!profile) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan: profil kantor belum ada.');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return db
    .insert(signingKeys)
    .values({
      regencyCode: profile.regencyCode,
      officeName: profile.agencyName,
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      own: true,
      createdAt: new Date().toISOString(),
    })
    .returning()
    .get();
}

/** The signed verification code for a document. */
export function signCode(key: SigningKey, fields: CodeFields): string {
  return codeSigner(key)(fields);
}

/**
 * Signs many codes with one key: the private key is parsed once (parsing costs about a millisecond, the
 * Ed25519 signature itself some 40 microseconds, and a wisuda batch signs hundreds).
 */
export function codeSigner(key: SigningKey): CodeSigner {
  if (!key.privateKey) throw new Error('signCode needs the office own key');
  const privateKey = createPrivateKey({ key: Buffer.from(key.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return (fields) => {
    const payload = codePayload(fields);
    return composeCode(payload, sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64url'));
  };
}

/**
 * A signer that keeps the codes it made: Ed25519 signatures are deterministic, so a code signed while a batch
 * plans is the code its write transaction would sign again, at some 60 microseconds each on the main thread.
 */
export function rememberingSigner(sign: CodeSigner): CodeSigner {
  const known = new Map<string, string>();
  return (fields) => {
    const payload = codePayload(fields);
    const code = known.get(payload) ?? sign(fields);
    known.set(payload, code);
    return code;
  };
}

/** Whether the signature over payload was made by this key. */
export function signatureValid(key: Pick<SigningKey, 'publicKey'>, payload: string, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  // 86 base64url characters carry 516 bits for 512: the last character's 4 spare bits are dropped when
  // decoding, so 15 other last characters decode to the same bytes. Only the one canonical spelling is the
  // signature, so that every changed character of a code is refused.
  if (bytes.toString('base64url') !== signature) return false;
  const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(payload, 'utf8'), publicKey, bytes);
}
