/**
 * Daftar penerima bantuan: the families of a handover day with what each received and a
 * signature column wide and tall enough to sign in, numbered in the usual zigzag (odd numbers at the left,
 * even ones in the middle, so neighbouring signatures do not overlap). Laid out by the list machinery: kop,
 * header row on every page, totals and the signature at the end.
 */
import type { Content } from 'pdfmake/interfaces';
import { formatNumber, formatRupiah } from '../domain/format';
import type { PrintedDocument, RecipientRow } from '../domain/printed-document';
import type { Layout } from './layout';
import { type ListColumn, listLayout, totalsBlock } from './list';

const COLUMNS: ListColumn<RecipientRow>[] = [
  { label: 'Nama penerima', width: 100, value: (r) => (r.note ? `${r.nama}\n(${r.note})` : r.nama) },
  { label: 'NIK', width: 72, value: (r) => r.nik },
  { label: 'Desa/ Kelurahan', width: 62, value: (r) => r.desa },
  { label: 'Kecamatan', width: 62, value: (r) => r.kecamatan },
  { label: 'Paket bantuan', width: '*', value: (r) => r.packageText },
  { label: 'Nilai (Rp)', width: 58, value: (r) => formatNumber(r.total), style: () => ({ alignment: 'right' }) },
  {
    label: 'Tanda tangan',
    width: 118,
    value: () => '',
    // about 1 cm to sign in; the row's number where the signature goes
    style: (no) => ({ text: `${no}.`, alignment: no % 2 === 1 ? 'left' : 'center', margin: [3, 2, 3, 22] }),
  },
];

function totals(doc: PrintedDocument): Content {
  const r = doc.recipients;
  return totalsBlock([
    `Jumlah penerima: ${formatNumber(r?.rows.length ?? 0)} KPM`,
    `Jumlah nilai bantuan: ${formatRupiah(r?.total ?? 0)} (${r?.totalWords ?? ''})`,
  ]);
}

export const penerima: Layout = (doc, { images }) =>
  listLayout(doc, images, {
    heading: doc.recipients?.heading ?? [],
    columns: COLUMNS,
    rows: doc.recipients?.rows ?? [],
    totals: totals(doc),
  });
