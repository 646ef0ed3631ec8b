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

/** A line of a handed-over package, at the price it was given at (whole rupiah). */
export interface HandoverItem {
  name: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
}

/** A witness of a handover: name and position (e.g. 'Kepala Desa Medono'), as entered. */
export interface HandoverWitness {
  name: string;
  position: string;
}

/** The berita acara serah terima (BAST) of one award: who hands over, who receives, what, and for how much. */
export interface Handover {
  /** PIHAK PERTAMA: the officer handing over on behalf of the office. */
  firstParty: { name: string; nip: string; position: string; office: string; address: string };
  /** PIHAK KEDUA is the family (`family`); a named representative receives in the pengurus's place. */
  representative: { name: string; relationship: string } | null;
  programName: string;
  businessType: string;
  items: HandoverItem[];
  cash: number;
  total: number;
  /** 'tiga juta lima ratus ribu rupiah' */
  totalWords: string;
  witnesses: HandoverWitness[];
}

/** One family on the daftar penerima (the signature column is printed empty). */
export interface RecipientRow {
  nama: string;
  nik: string;
  desa: string;
  kecamatan: string;
  /** '2 unit Etalase kaca; uang tunai Rp500.000' */
  packageText: string;
  total: number;
  /** 'Diwakili Budi (anak)' when a representative signed for the family, else ''. */
  note: string;
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
  /**
   * What the QR holds when not the bare code: the verification page's address with the code after `#`
   * (verification-address.ts), fixed when issued from the website then set. Absent on letters issued without a
   * website or before the page existed: their QR holds the code, and a reprint prints what they printed.
   */
  qrContent?: string;
  /** Family kinds (sk_graduasi, pernyataan_mandiri, piagam). */
  family?: FamilyIdentity;
  graduation?: GraduationFacts;
  /** pernyataan_mandiri only. */
  witnesses?: Witnesses;
  /** List kinds (daftar_usulan, lampiran_keputusan): the heading lines under the title and the rows. */
  list?: { heading: string[]; rows: ListRow[] };
  /** bast only (with `family`, the receiving family). */
  handover?: Handover;
  /** daftar_penerima only: the heading lines under the title, the families and the total of their awards. */
  recipients?: { heading: string[]; rows: RecipientRow[]; total: number; totalWords: string };
}
