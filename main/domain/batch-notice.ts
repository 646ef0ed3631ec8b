/**
 * What a wisuda batch says when it ends, in the app's notice and on the command line: how many documents were
 * issued, and which the families already held (issued before), printed again in the PDF or not.
 */
import { DOCUMENT_KIND_LABEL, type DocumentKind } from './documents';
import { formatNumber } from './format';

interface Earlier {
  kind: DocumentKind;
  number: string;
  subject: string;
}

/** "Surat keterangan graduasi 460/3/… (KELUARGA UJI 2)" for each, joined. */
export const earlierList = (earlier: readonly Earlier[]) =>
  earlier.map((d) => `${DOCUMENT_KIND_LABEL[d.kind]} ${d.number} (${d.subject})`).join('; ');

export function batchNotice(issued: number, earlier: readonly Earlier[], reprinted: boolean): string {
  const issuedText = `${formatNumber(issued)} dokumen baru diterbitkan.`;
  if (earlier.length === 0) return issuedText;
  const what = `${formatNumber(earlier.length)} dokumen sudah diterbitkan sebelumnya: ${earlierList(earlier)}`;
  const where = reprinted
    ? 'dicetak ulang dalam PDF yang sama.'
    : 'tidak termasuk dalam PDF ini; cetak ulang dari agenda surat atau pilih "Sertakan cetak ulang".';
  return `${issuedText} ${what}; ${where}`;
}
