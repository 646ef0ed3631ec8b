/**
 * Verifying a document's code offline: typed, pasted or typed by a USB QR scanner. The code's
 * signature is checked against every key held for its regency (the own key, and other offices' imported ones);
 * a code signed by the own key must also be the very code the register holds for that number.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { documents, type SigningKey, signingKeys } from '../../../db/schema';
import { formatTanggal } from '../../domain/format';
import { parseCode, withoutNik } from '../../domain/verification-code';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { getRegion } from '../regions';
import { signatureValid } from './keys';
import type { VerifyResult, VerifyStatus } from './types';

type Judged = VerifyResult & { documentId: number | null };

const VERDICT: Record<VerifyStatus, string> = {
  asli: 'ASLI',
  palsu: 'TIDAK ASLI',
  kunci_tidak_dikenal: 'KUNCI TIDAK DIKENAL',
  format_salah: 'FORMAT SALAH',
};

function unreadable(message: string): Judged {
  return { status: 'format_salah', message, code: null, officeName: null, document: null, documentId: null };
}

function unknownKey(db: Db, regencyCode: string): string {
  const region = getRegion(db, regencyCode);
  const named = region?.level === 'regency' ? ` (${region.name})` : '';
  return (
    `Kode ini dari kantor dengan kode wilayah ${regencyCode}${named} yang kuncinya belum diimpor. Minta berkas ` +
    `kunci-publik-${regencyCode}.json dari kantor itu dan impor di bagian "Kunci verifikasi", lalu periksa lagi.`
  );
}

/** The verdict on a code, without the audit (see verifyDocumentCode). */
function judgeCode(db: Db, input: string): Judged {
  const parsed = parseCode(input);
  if (!parsed.ok) return unreadable(parsed.problem);
  const code = parsed.fields;
  if (!/^\d{4}$/.test(code.regencyCode)) {
    return unreadable(`Kode wilayah "${code.regencyCode}" pada kode tidak terbaca (harus 4 angka).`);
  }
  const found = { code, officeName: null, document: null, documentId: null };
  // Own key first; imported keys newest first (a rotated key is most likely the newer one).
  const keys: SigningKey[] = db
    .select()
    .from(signingKeys)
    .where(eq(signingKeys.regencyCode, code.regencyCode))
    .orderBy(desc(signingKeys.own), desc(signingKeys.id))
    .all();
  if (keys.length === 0) return { ...found, status: 'kunci_tidak_dikenal', message: unknownKey(db, code.regencyCode) };

  const signer = keys.find((key) => signatureValid(key, parsed.payload, parsed.signature));
  if (!signer) {
    const offices = [...new Set(keys.map((key) => key.officeName))].join(' atau ');
    return {
      ...found,
      status: 'palsu',
      message: `TIDAK ASLI: kode ini tidak ditandatangani oleh ${offices}. Ada karakter yang diubah, atau kodenya dipalsukan.`,
    };
  }
  if (!signer.own) {
    return {
      ...found,
      status: 'asli',
      officeName: signer.officeName,
      message: `ASLI: diterbitkan dan ditandatangani secara digital oleh ${signer.officeName}.`,
    };
  }
  return judgeOwnDocument(db, `${parsed.payload}*${parsed.signature}`, { ...found, officeName: signer.officeName });
}

/** A code signed by the own key counts only as the exact code the register holds for its number. */
function judgeOwnDocument(db: Db, code: string, found: Omit<Judged, 'status' | 'message'>): Judged {
  const number = found.code?.number ?? '';
  const row = db.select().from(documents).where(eq(documents.number, number)).get();
  if (!row || row.verificationCode !== code) {
    return {
      ...found,
      status: 'palsu',
      message: `TIDAK ASLI: nomor ${number} tidak tercatat dengan kode ini di register surat ${found.officeName}.`,
    };
  }
  const document = {
    subject: row.subject,
    issuedAt: row.issuedAt,
    issuedByName: row.issuedByName,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
  };
  const message = row.voidedAt
    ? `ASLI, tetapi DIBATALKAN pada ${formatTanggal(row.voidedAt)} karena ${row.voidReason ?? '(tanpa alasan)'}.`
    : `ASLI: diterbitkan oleh ${found.officeName} dan tercatat di register suratnya.`;
  return { ...found, status: 'asli', message, document, documentId: row.id };
}

/** Checks a code and records who checked which number with what verdict (never the code's raw text). */
export function verifyDocumentCode(db: Db, actor: Actor, input: string): VerifyResult {
  const { documentId, ...result } = judgeCode(db, input);
  const verdict = result.document?.voidedAt ? 'ASLI, DIBATALKAN' : VERDICT[result.status];
  const number = result.code ? withoutNik(result.code.number) : null;
  writeAudit(db, actor, {
    action: 'documents.verify',
    entity: 'document',
    entityId: documentId,
    summary: number ? `Memeriksa kode dokumen nomor ${number}: ${verdict}` : `Memeriksa kode dokumen: ${verdict}`,
    after: {
      status: result.status,
      number,
      kind: result.code?.kind ?? null,
      regencyCode: result.code?.regencyCode ?? null,
      officeName: result.officeName,
    },
  });
  return result;
}
