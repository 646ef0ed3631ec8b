/**
 * What an issued document printed: the snapshot kept with it (documents.data), so a reprint is the same letter
 * even after the family's data, the kop or the template changed. Plain text only, never markup: the PDF layouts
 * in main/documents/ place these strings, they never interpret them.
 */
import type { DocumentKind, Paper } from './documents';

/** The letterhead, from the office profile and the document settings. */
export interface Kop {
  /** 'PEMERINTAH KABUPATEN CONTOH' */
  government: string;
  /** 'DINAS SOSIAL' (the office's agency name, upper-cased) */
  agency: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  /** The regional emblem as a data: URL (PNG/JPEG) or null. */
  logo: string | null;
}

/** The signature block: place and date, the title lines, space to sign, name, rank, NIP. */
export interface Signature {
  place: string;
  /** ISO date, printed '30 November 2026'. */
  date: string;
  /** 'a.n. Kepala Dinas Sosial Kabupaten Contoh' or empty. */
  onBehalfOf: string;
  /** 'Kepala Dinas Sosial Kabupaten Contoh' */
  position: string;
  name: string;
  rank: string;
  nip: string;
}

/** The family's identity block, as registered. */
export interface FamilyIdentity {
  nama: string;
  nik: string;
  noKk: string;
  idKpm: string;
  alamat: string;
  rt: string;
  rw: string;
  desa: string;
  kecamatan: string;
  kabupaten: string;
  provinsi: string;
}

/** The graduation the family document rests on. */
export interface GraduationFacts {
  /** 'Graduasi sejahtera mandiri' / 'Graduasi alamiah' */
  type: string;
  /** ISO date */
  date: string;
  skNumber: string;
  /** ISO date or '' */
  skDate: string;
  /** The mandiri reasons as sentences (pernyataan), empty for alamiah. */
  reasons: string[];
}

/** 'Mengetahui' on the surat pernyataan. */
export interface Witnesses {
  pendampingName: string;
  pendampingNip: string;
  kepalaDesaName: string;
  /** 'Kepala Desa' or 'Lurah' */
  kepalaDesaTitle: string;
}

export interface ListRow {
  nama: string;
  nik: string;
  noKk: string;
  alamat: string;
  desa: string;
  kecamatan: string;
  jenisGraduasi: string;
  pendamping: string;
  /** 'Disetujui' / 'Ditolak: <reason>' on a decision's lampiran, '' on a proposal's daftar. */
  keputusan: string;
}

export interface PrintedDocument {
  kind: DocumentKind;
  /** The letter number, e.g. '460/12/Dinsos/XI/2026'. */
  number: string;
  /** ISO date of issue. */
  issuedDate: string;
  paper: Paper;
  /** Template version the text came from (document_templates.version). */
  templateVersion: number;
  kop: Kop;
  /** Filled title, opening, body and closing (placeholders already replaced). */
  title: string;
  opening: string;
  body: string;
  closing: string;
  signature: Signature;
  /** The QR verification code (main/domain/verification-code.ts), printed as a QR and as text under it. */
  verificationCode: string;
  /** Family kinds (sk_graduasi, pernyataan_mandiri, piagam). */
  family?: FamilyIdentity;
  graduation?: GraduationFacts;
  /** pernyataan_mandiri only. */
  witnesses?: Witnesses;
  /** List kinds (daftar_usulan, lampiran_keputusan): the heading lines under the title and the rows. */
  list?: { heading: string[]; rows: ListRow[] };
}
