/**
 * The verdict of the office's static verification page (main/verification-page/): the same code reader as the
 * app (parseCode), the signature checked against the office's public keys, the voided numbers as of the day
 * the page was made. It runs in a phone's browser, so it cannot ask the register: a genuine signature is
 * ASLI, ASLI TETAPI DIBATALKAN when its number is in the page's list of voided letters, anything else TIDAK
 * ASLI with the reason. It shows the number, kind, date and office, never a NIK (withoutNik on every text).
 */
import { DOCUMENT_KIND_LABEL } from './document-kinds';
import { formatTanggal } from './format';
import { parseCode, withoutNik } from './verification-code';

/** One public key: raw 32-byte Ed25519 key, base64url (as a JWK's `x`). */
export interface PageKey {
  regencyCode: string;
  officeName: string;
  publicKey: string;
}

/** What the page carries: nothing but public facts. */
export interface PageData {
  officeName: string;
  keys: PageKey[];
  /** Voided letters: number and the date voided (ISO). */
  voided: { number: string; voidedAt: string }[];
  /** When the page was made (ISO timestamp): the voided list is as of then. */
  generatedAt: string;
}

export type PageVerdictKind = 'asli' | 'dibatalkan' | 'tidak_asli';

export interface PageVerdict {
  kind: PageVerdictKind;
  headline: 'ASLI' | 'ASLI TETAPI DIBATALKAN' | 'TIDAK ASLI';
  explanation: string;
  /** What the genuine code says; null when not genuine. */
  details: { number: string; kind: string; date: string; office: string } | null;
}

/** Checks an Ed25519 signature (base64url) over the payload with one key; supplied by the page (a library). */
export type SignatureCheck = (key: PageKey, payload: string, signature: string) => boolean;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * 86 base64url characters carry 516 bits for a 512-bit signature: the last character's 4 spare bits must be
 * zero, or 15 other spellings would decode to the same signature (keys.ts refuses them the same way).
 */
export function canonicalSignature(signature: string): boolean {
  return BASE64URL.indexOf(signature.charAt(85)) % 16 === 0;
}

function notGenuine(explanation: string): PageVerdict {
  return { kind: 'tidak_asli', headline: 'TIDAK ASLI', explanation: withoutNik(explanation), details: null };
}

export function judgePageCode(data: PageData, input: string, check: SignatureCheck): PageVerdict {
  const parsed = parseCode(input);
  if (!parsed.ok) return notGenuine(`Kode tidak terbaca: ${parsed.problem}`);
  const { fields } = parsed;
  const keys = data.keys.filter((key) => key.regencyCode === fields.regencyCode);
  if (keys.length === 0) {
    return notGenuine(
      `Kode ini tidak berasal dari ${data.officeName}: halaman ini hanya memeriksa surat yang diterbitkan kantor ini.`,
    );
  }
  const signer =
    canonicalSignature(parsed.signature) && keys.find((key) => safely(check, key, parsed.payload, parsed.signature));
  if (!signer) {
    return notGenuine(
      `Kode ini tidak ditandatangani oleh ${data.officeName}. Ada karakter yang diubah, atau kodenya dipalsukan.`,
    );
  }
  const details = {
    number: withoutNik(fields.number),
    kind: DOCUMENT_KIND_LABEL[fields.kind],
    date: formatTanggal(fields.issuedDate),
    office: signer.officeName,
  };
  const asOf = formatTanggal(data.generatedAt);
  const voided = data.voided.find((entry) => entry.number === fields.number);
  if (voided) {
    return {
      kind: 'dibatalkan',
      headline: 'ASLI TETAPI DIBATALKAN',
      explanation: `Surat ini diterbitkan oleh ${signer.officeName}, tetapi dibatalkan pada ${formatTanggal(voided.voidedAt)} dan tidak berlaku lagi.`,
      details,
    };
  }
  return {
    kind: 'asli',
    headline: 'ASLI',
    explanation: `Surat ini diterbitkan dan ditandatangani secara digital oleh ${signer.officeName}. Menurut daftar pembatalan per ${asOf}, surat ini tidak dibatalkan.`,
    details,
  };
}

/** A key or signature the library cannot even read is simply not a valid signature. */
function safely(check: SignatureCheck, key: PageKey, payload: string, signature: string): boolean {
  try {
    return check(key, payload, signature);
  } catch {
    return false;
  }
}
