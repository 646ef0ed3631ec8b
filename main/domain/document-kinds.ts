/**
 * The kinds of documents the office prints, their names and their short codes in the verification code.
 * Kept apart from documents.ts (which holds the forms' zod schemas) because the verification page bundles the
 * code reader for the browser and must not carry zod along.
 */

export const DOCUMENT_KINDS = [
  'sk_graduasi',
  'pernyataan_mandiri',
  'piagam',
  'daftar_usulan',
  'lampiran_keputusan',
  'bast',
  'daftar_penerima',
  'surat_teguran',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  sk_graduasi: 'Surat keterangan graduasi',
  pernyataan_mandiri: 'Surat pernyataan graduasi mandiri',
  piagam: 'Piagam penghargaan',
  daftar_usulan: 'Daftar usulan graduasi',
  lampiran_keputusan: 'Lampiran keputusan graduasi',
  bast: 'Berita acara serah terima bantuan',
  daftar_penerima: 'Daftar penerima bantuan',
  surat_teguran: 'Surat teguran P2K2',
};

/** Short codes carried in the QR verification code (kept short: the code is typed by scanners). */
export const DOCUMENT_KIND_CODE: Record<DocumentKind, string> = {
  sk_graduasi: 'SKG',
  pernyataan_mandiri: 'SPM',
  piagam: 'PGM',
  daftar_usulan: 'DUS',
  lampiran_keputusan: 'LKP',
  bast: 'BST',
  daftar_penerima: 'DPN',
  surat_teguran: 'STG',
};
