/**
 * The surat teguran P2K2: a numbered, signed letter (the documents machinery: kop, number, signatory, QR) to a
 * family absent (ALFA) two months running, issued together with the warning it records, in one write transaction:
 * either both exist or neither.
 */
import type { Db } from '../../../db/open';
import { groupName } from '../../../db/queries/p2k2-reports';
import { P2K2_DUTIES } from '../../domain/duties';
import { BULAN } from '../../domain/format';
import type { P2k2WarnInput } from '../../domain/p2k2-reports';
import { type Actor, requireRole } from '../actor';
import { type LetterContext, letterContext } from '../documents/context';
import { insertDocuments } from '../documents/issue';
import { logDocuments } from '../documents/log';
import { inWriteTransaction } from '../documents/numbering';
import { pdfFileName, renderPdf } from '../documents/pdf';
import { contextParts, type DocumentDraft, fillTexts, identityOf, loadFamily, printedNik } from '../documents/snapshot';
import type { PdfFile } from '../documents/types';
import { type Found, periodToWarn, writeWarning } from './absence';

/** 'Oktober dan November 2026', 'Desember 2026 dan Januari 2027'. */
export function monthsText(months: string[]): string {
  const sameYear = new Set(months.map((m) => m.slice(0, 4))).size === 1;
  const names = months.map((m) => `${BULAN[Number(m.slice(5, 7)) - 1]}${sameYear ? '' : ` ${m.slice(0, 4)}`}`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} dan ${names[names.length - 1]}` : names[0];
  return sameYear ? `${list} ${months[0].slice(0, 4)}` : list;
}

function teguranDraft(db: Db, ctx: LetterContext, period: Found): DocumentDraft {
  const family = loadFamily(db, period.kpmId, period.pendampingId);
  const identity = { ...identityOf(family), nik: printedNik(ctx, family.nik) };
  const values: Record<string, string> = {
    nama: identity.nama,
    nik: identity.nik,
    no_kk: identity.noKk,
    alamat: identity.alamat,
    desa: identity.desa,
    kecamatan: identity.kecamatan,
    nama_kelompok: groupName(db, period.groupId) ?? '',
    bulan_alfa: monthsText(period.months),
    nama_pendamping: family.pendampingName ?? '',
    ...ctx.officeValues,
  };
  return {
    printed: { ...contextParts(ctx), ...fillTexts(ctx, values), family: identity },
    subject: identity.nama,
    kpmId: period.kpmId,
    proposalId: null,
    decisionId: null,
  };
}

/** Records the warning of one family and absence period and issues its surat teguran, dated `today`. */
export async function warnWithLetter(
  db: Db,
  actor: Actor,
  input: P2k2WarnInput,
  today: string,
): Promise<{ warningId: number; pdf: PdfFile }> {
  requireRole(actor, P2K2_DUTIES.record);
  const { doc, warningId } = inWriteTransaction(db, () => {
    const period = periodToWarn(db, input.kpmId, input.absentUntil);
    const ctx = letterContext(db, 'surat_teguran', today);
    const [issued] = insertDocuments(db, actor, [teguranDraft(db, ctx, period)]);
    const id = writeWarning(db, actor, { ...input, givenOn: today, documentId: issued.id });
    return { doc: issued, warningId: id };
  });
  const pdf = await renderPdf([doc.data], pdfFileName(doc.kind, doc.subject, doc.number));
  return { warningId, pdf: logDocuments(db, actor, 'p2k2Reports.warn', [doc], pdf) };
}
