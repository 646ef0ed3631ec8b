/**
 * What the export log (UU 27/2022) records: every file with personal data that leaves the app. Template exports
 * are one kind each (EXPORT_KINDS); the other files the app hands out (reports, letters, lists, the import's problem
 * rows, a family's own data) have their kind here, with the Indonesian name the Log ekspor page shows.
 */
import { EXPORT_FORMATS, EXPORT_KIND_LABEL, EXPORT_KINDS, type ExportFilters, NIK_MODES } from './exports';

export const FILE_KINDS = [
  'award_report',
  'award_recipients',
  'award_bast',
  'documents',
  'document_register',
  'import_problems',
  'family_report',
  'pendamping_report',
  'area_report',
  'p2k2_sheet',
  'p2k2_report',
  'p2k2_participants',
  'work_plan',
  'verkom_noncompliance',
  'business_list',
  'business_report',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const LOG_KINDS = [...EXPORT_KINDS, ...FILE_KINDS] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export const LOG_KIND_LABEL: Record<LogKind, string> = {
  ...EXPORT_KIND_LABEL,
  award_report: 'Laporan bantuan usaha',
  award_recipients: 'Daftar penerima bantuan',
  award_bast: 'BAST bantuan usaha',
  documents: 'Surat dan piagam',
  document_register: 'Agenda surat keluar',
  import_problems: 'Baris bermasalah impor',
  family_report: 'Laporan data pribadi keluarga',
  pendamping_report: 'Laporan kinerja pendamping',
  area_report: 'Laporan graduasi per wilayah',
  p2k2_sheet: 'Daftar hadir P2K2',
  p2k2_report: 'Laporan P2K2',
  p2k2_participants: 'Peserta P2K2 untuk SIKS-NG',
  work_plan: 'Rencana kerja bulanan pendamping',
  verkom_noncompliance: 'KPM tidak memenuhi komitmen',
  business_list: 'Daftar keluarga graduasi untuk BLK/PENA',
  business_report: 'Laporan usaha keluarga graduasi',
};

/** How NIKs appear in a logged file: a template export's NIK mode, or none at all (counts, a pendamping's report). */
export const LOG_NIK_MODES = [...NIK_MODES, 'none'] as const;
export type LogNikMode = (typeof LOG_NIK_MODES)[number];

/** A template export's formats, and PDF for the reports and letters. */
export const LOG_FORMATS = [...EXPORT_FORMATS, 'pdf'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * What a file other than a template export was made of, as the log keeps it: a few named values (the programme,
 * the year, the letter numbers, the family), each a short text or number, with its label in FILE_FILTER_LABEL.
 */
export type FileFilters = Record<string, string | number>;
export type LogFilters = ExportFilters | FileFilters;

export const FILE_FILTER_LABEL: Record<string, string> = {
  program: 'Program',
  tahun: 'Tahun',
  tanggal: 'Tanggal',
  nomor: 'Nomor',
  jenis: 'Jenis',
  cari: 'Cari',
  keadaan: 'Keadaan',
  berkas: 'Berkas impor',
  keluarga: 'Keluarga',
  pendamping: 'Pendamping',
  periode: 'Periode',
  pertemuan: 'Pertemuan P2K2',
  kelompok: 'Kelompok P2K2',
  triwulan: 'Triwulan',
};

/** The filters a file was made with, the empty ones left out. */
export function fileFilters(values: Record<string, string | number | null | undefined>): FileFilters {
  const kept: FileFilters = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') kept[key] = value;
  }
  return kept;
}

/** What a logged file's rows count: table rows, documents in a PDF of letters, or a report's pages. */
export function rowsUnit(kind: LogKind, format: LogFormat): string {
  if (format !== 'pdf') return 'baris';
  return kind === 'documents' || kind === 'award_bast' || kind === 'award_recipients' ? 'dokumen' : 'halaman';
}

export const isExportKind = (kind: LogKind): kind is (typeof EXPORT_KINDS)[number] =>
  (EXPORT_KINDS as readonly string[]).includes(kind);
