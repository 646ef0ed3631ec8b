/**
 * The verification code printed as a QR and as text under it on every issued document:
 *
 *   GP1*<regency code>*<kind code>*<yyyymmdd>*<letter number>*<Ed25519 signature, base64url>
 *
 * It carries no personal data (a QR can be read by anyone): the number, the kind, the date and the office's
 * regency code, signed with the office's key. The signature covers everything before the last `*`.
 * `*` never occurs in a number (checkNumberPattern refuses it) and whitespace is dropped when reading, so a
 * code typed from the printout (where it wraps) or by a USB scanner reads back the same. A QR printed while the
 * office website was set holds the verification page's address with the code after `#`
 * (verification-address.ts): reading it gives the same code.
 */
import { DOCUMENT_KIND_CODE, type DocumentKind } from './document-kinds';
import { codeOfScan } from './verification-address';

export const CODE_PREFIX = 'GP1';

export interface CodeFields {
  regencyCode: string;
  kind: DocumentKind;
  /** ISO date */
  issuedDate: string;
  number: string;
}

/** The signed part of a code. */
export function codePayload(fields: CodeFields): string {
  const date = fields.issuedDate.replaceAll('-', '');
  return [CODE_PREFIX, fields.regencyCode, DOCUMENT_KIND_CODE[fields.kind], date, fields.number].join('*');
}

export function composeCode(payload: string, signatureBase64Url: string): string {
  return `${payload}*${signatureBase64Url}`;
}

export type ParsedCode =
  | { ok: true; fields: CodeFields; payload: string; signature: string }
  | { ok: false; problem: string };

const KIND_BY_CODE = new Map(Object.entries(DOCUMENT_KIND_CODE).map(([kind, code]) => [code, kind as DocumentKind]));

/** Reads a typed, pasted or scanned code (or page address); says in Indonesian what is wrong with a malformed one. */
export function parseCode(input: string): ParsedCode {
  const text = codeOfScan(input.replace(/\s+/g, ''));
  if (!text) return { ok: false, problem: 'Kode verifikasi masih kosong.' };
  const parts = text.split('*');
  if (parts[0]?.toUpperCase() !== CODE_PREFIX || parts.length !== 6) {
    return {
      ok: false,
      problem: 'Ini bukan kode verifikasi dokumen Graduasi PKH (harus diawali GP1* dan terdiri dari 6 bagian).',
    };
  }
  const [, regencyCode, kindCode, date, number, signature] = parts;
  const kind = KIND_BY_CODE.get(kindCode.toUpperCase());
  if (!kind) return { ok: false, problem: `Jenis dokumen "${kindCode}" pada kode tidak dikenal.` };
  if (!/^\d{8}$/.test(date))
    return { ok: false, problem: 'Tanggal pada kode tidak terbaca (harus 8 angka, tahun-bulan-hari).' };
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature))
    return { ok: false, problem: 'Tanda tangan digital pada kode tidak lengkap atau rusak.' };
  const fields: CodeFields = {
    regencyCode,
    kind,
    issuedDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
    number,
  };
  return { ok: true, fields, payload: parts.slice(0, 5).join('*'), signature };
}

/** Text shown or kept about a code with any 16-digit run (a NIK typed into a code) replaced: never a NIK. */
export function withoutNik(text: string): string {
  return text.replace(/\d{16}/g, '(16 angka)');
}
