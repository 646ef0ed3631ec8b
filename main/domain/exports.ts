/**
 * Exports for the ministry and the province: the kinds of data, the file formats, and the shape of a
 * template (columns with their header names, filters, format, title row). Built-in templates and the column
 * catalogue of each kind live here too, so the renderer, the services and the command line read one list.
 */
import { z } from 'zod';
import { AWARD_STAGE_LABEL } from './awards';
import { KPM_STATUS } from './enums';
import { type FieldView, viewRows } from './field-views';
import { type FieldSpec, KPM_FIELDS, type KpmField, MEMBER_FIELDS, PENDAMPING_FIELDS } from './fields';
import { CANDIDATE_STAGE_LABEL } from './graduation';
import { fieldForHeader } from './import-fields';

/**
 * Where a proposed family stands with the ministry: in a submitted proposal awaiting its decision (proposed),
 * approved or rejected by an unreversed decision, or withdrawn while proposed (cancelled). The ministry's file
 * says it in its STATUS column by the label (Diusulkan, Disetujui, Ditolak, Dibatalkan), and only an approved
 * family carries the decree's number and date.
 */
export const PROPOSAL_OUTCOMES = ['proposed', 'approved', 'rejected', 'cancelled'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];
export const PROPOSAL_OUTCOME_LABEL: Record<ProposalOutcome, string> = {
  proposed: 'Diusulkan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  cancelled: 'Dibatalkan',
};

/** What an export lists: one row per graduation (proposal/decision), family member, award recipient or visit. */
export const EXPORT_KINDS = ['graduation', 'registry', 'awards', 'visits'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_KIND_LABEL: Record<ExportKind, string> = {
  graduation: 'Usulan dan penetapan graduasi',
  registry: 'Data KPM dan anggota keluarga',
  awards: 'Penerima bantuan usaha',
  visits: 'Kunjungan pemantauan',
};

/** xlsx, or CSV (UTF-8 with BOM) with Indonesian Excel's `;` or a plain `,`. */
export const EXPORT_FORMATS = ['xlsx', 'csv_semicolon', 'csv_comma'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABEL: Record<ExportFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  csv_semicolon: 'CSV dengan titik koma (;) — Excel Indonesia',
  csv_comma: 'CSV dengan koma (,)',
};

/** How the NIK and No. KK leave: in full (only for roles that may see them) or masked (3528********0001). */
export const NIK_MODES = ['full', 'masked'] as const;
export type NikMode = (typeof NIK_MODES)[number];

export const exportColumnSchema = z.object({
  /** A key of the kind's column catalogue. */
  key: z.string().min(1).max(64),
  /** The header printed in the file. */
  header: z.string().trim().min(1, 'Judul kolom wajib diisi.').max(100, 'Judul kolom paling banyak 100 karakter.'),
});
export type ExportColumn = z.infer<typeof exportColumnSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berbentuk tttt-bb-hh.');

export const exportFiltersSchema = z.object({
  status: z.array(z.enum(KPM_STATUS)).max(KPM_STATUS.length).optional(),
  /** Graduation stage (e.g. proposed, approved), award stage or visit stage, by kind (EXPORT_STAGES). */
  stage: z.string().max(40).optional(),
  periodFrom: isoDate.optional(),
  periodTo: isoDate.optional(),
  kecamatanCode: z.string().max(20).optional(),
  desaCode: z.string().max(20).optional(),
  pendampingId: z.number().int().positive().optional(),
  /**
   * Graduation only: families in a submitted proposal with one of these outcomes (withdrawn ones too when
   * 'cancelled' is asked for). Without it every candidacy is listed, proposed or not, withdrawn ones left out.
   */
  outcome: z.array(z.enum(PROPOSAL_OUTCOMES)).max(PROPOSAL_OUTCOMES.length).optional(),
});
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export const exportTemplateSchema = z.object({
  name: z.string().trim().min(1, 'Nama templat wajib diisi.').max(100, 'Nama templat paling banyak 100 karakter.'),
  kind: z.enum(EXPORT_KINDS),
  columns: z.array(exportColumnSchema).min(1, 'Pilih paling sedikit satu kolom.').max(80),
  filters: exportFiltersSchema,
  format: z.enum(EXPORT_FORMATS),
  /** A line printed above the header (offices often put the report's name there); null for none. */
  titleRow: z.string().trim().max(200).nullable(),
});
export type ExportTemplateInput = z.infer<typeof exportTemplateSchema>;

// --- column catalogue ---------------------------------------------------------------------------------------------

/**
 * How a column's cells are written: text; id (NIK, No. KK, ID DTKS, ID KPM: always a text cell, Excel would
 * round a 16-digit number); date (a real date shown dd/mm/yyyy); money (whole rupiah); number.
 */
export const COLUMN_TYPES = ['text', 'id', 'date', 'money', 'number'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface CatalogueEntry {
  key: string;
  header: string;
  type: ColumnType;
}

/** Which columns hold a NIK or No. KK: masked together when the export masks NIKs. */
export const NIK_COLUMNS: ReadonlySet<string> = new Set(['nik', 'noKk', 'artNik']);

const headerOf = (label: string) => label.toUpperCase();
const col = (key: string, header: string, type: ColumnType = 'text'): CatalogueEntry => ({ key, header, type });

/** How a field's cells are written, by its kind: identity numbers and codes as text cells, dates, numbers. */
const TYPE_OF_KIND: Partial<Record<FieldSpec['kind'], ColumnType>> = {
  identifier: 'id',
  nik: 'id',
  noKk: 'id',
  digits: 'id',
  phone: 'id',
  date: 'date',
  year: 'number',
  integer: 'number',
};

/** A family field's column: its key, its label in capitals, its kind's cell type; none for the member list. */
function fieldColumn(key: KpmField, spec: FieldSpec): CatalogueEntry | null {
  return spec.kind === 'list' ? null : col(key, headerOf(spec.label), TYPE_OF_KIND[spec.kind] ?? 'text');
}

/**
 * The family's columns written in their own way: the place by name from the smallest (desa, kecamatan,
 * kabupaten/kota, provinsi), the pendamping by name. The status's reason is left out, and the notes and the
 * members are the registry's columns only. Every other family field is a column by itself (fieldColumn).
 */
export const EXPORT_FAMILY_VIEW: FieldView<CatalogueEntry> = {
  districtCode: [
    col('desa', headerOf(KPM_FIELDS.villageCode.label)),
    col('kecamatan', headerOf(KPM_FIELDS.districtCode.label)),
    col('kabupaten', 'KABUPATEN/KOTA'),
    col('provinsi', 'PROVINSI'),
  ],
  villageCode: [],
  pendampingId: [col('pendamping', headerOf(PENDAMPING_FIELDS.name.label))],
  statusReason: [],
  notes: [],
};

/** Columns every kind shares: the row's number, then the family and its place (fields.ts). */
const FAMILY_COLUMNS: CatalogueEntry[] = [col('no', 'NO', 'number'), ...viewRows(EXPORT_FAMILY_VIEW, fieldColumn)];

export const EXPORT_CATALOGUE: Record<ExportKind, readonly CatalogueEntry[]> = {
  graduation: [
    ...FAMILY_COLUMNS,
    col('jenisGraduasi', 'JENIS GRADUASI'),
    col('alasan', 'ALASAN'),
    col('tahap', 'TAHAP'),
    col('nomorUsulan', 'NOMOR USULAN', 'id'),
    col('tanggalUsulan', 'TANGGAL USULAN', 'date'),
    col('statusUsulan', 'STATUS'),
    col('tanggal', 'TANGGAL', 'date'),
    col('nomorSk', 'NOMOR SK', 'id'),
    col('tanggalSk', 'TANGGAL SK', 'date'),
    col('alasanDitolak', 'ALASAN DITOLAK'),
  ],
  registry: [
    ...FAMILY_COLUMNS,
    col('notes', headerOf(KPM_FIELDS.notes.label)),
    col('hubungan', headerOf(MEMBER_FIELDS.hubungan.label)),
    col('artNik', headerOf(MEMBER_FIELDS.nik.label), 'id'),
    col('artNisn', headerOf(MEMBER_FIELDS.nisn.label), 'id'),
    col('artNama', headerOf(MEMBER_FIELDS.nama.label)),
    col('artTanggalLahir', headerOf(MEMBER_FIELDS.tanggalLahir.label), 'date'),
    col('artJenisKelamin', headerOf(MEMBER_FIELDS.jenisKelamin.label)),
    col('artKomponen', headerOf(MEMBER_FIELDS.komponen.label)),
  ],
  awards: [
    ...FAMILY_COLUMNS,
    col('program', 'PROGRAM'),
    col('tahunProgram', 'TAHUN PROGRAM', 'number'),
    col('jenisUsaha', 'JENIS USAHA'),
    col('tahapBantuan', 'TAHAP BANTUAN'),
    col('tunai', 'TUNAI (RP)', 'money'),
    col('nilai', 'NILAI BANTUAN (RP)', 'money'),
    col('tanggalSerah', 'TANGGAL SERAH TERIMA', 'date'),
    col('penerima', 'NAMA PENERIMA'),
  ],
  visits: [
    ...FAMILY_COLUMNS,
    col('nomorSk', 'NOMOR SK', 'id'),
    col('tanggalSk', 'TANGGAL SK', 'date'),
    col('bulanKe', 'BULAN KE', 'number'),
    col('jatuhTempo', 'JATUH TEMPO', 'date'),
    col('tanggalKunjungan', 'TANGGAL KUNJUNGAN', 'date'),
    col('petugas', 'PETUGAS'),
    col('usahaBerjalan', 'USAHA BERJALAN'),
    col('penghasilan', 'PENGHASILAN'),
    col('kembaliMiskin', 'KEMBALI RENTAN'),
    col('catatanKunjungan', 'CATATAN KUNJUNGAN'),
  ],
};

/** The kind's column by key, or undefined for a key the catalogue does not have. */
export function catalogueColumn(kind: ExportKind, key: string): CatalogueEntry | undefined {
  return EXPORT_CATALOGUE[kind].find((c) => c.key === key);
}

// --- built-in templates -------------------------------------------------------------------------------------------

export interface BuiltInTemplate extends ExportTemplateInput {
  /** 'penetapan' for 'bawaan:penetapan': the key the command line takes. */
  key: string;
  /** The start of its file's name, before the date. */
  fileName: string;
}

const columnsOf = (kind: ExportKind, keys: string[], headers: Record<string, string> = {}): ExportColumn[] =>
  keys.map((key) => {
    const entry = catalogueColumn(kind, key);
    if (!entry) throw new Error(`Kolom ${key} tidak ada di katalog ${kind}.`);
    return { key, header: headers[key] ?? entry.header };
  });

/** The family and its place, as offices send it to the ministry (DOMAIN.md, "Sending data to the ministry"). */
const GRADUATION_FAMILY = [
  'no',
  'idDtks',
  'idKpm',
  'nik',
  'noKk',
  'nama',
  'alamat',
  'rt',
  'rw',
  'desa',
  'kecamatan',
  'kabupaten',
  'provinsi',
  'jenisGraduasi',
  'alasan',
];
const GRADUATION_HEADERS = { nik: 'NIK', noKk: 'NO KK', desa: 'DESA/KELURAHAN' };

/** Penetapan graduasi: the families an unreversed decision approved, with its decree; the file for upload. */
const DECIDED_DEFAULT = columnsOf(
  'graduation',
  [...GRADUATION_FAMILY, 'statusUsulan', 'nomorSk', 'tanggalSk', 'pendamping'],
  GRADUATION_HEADERS,
);

/** Usulan graduasi: every proposed family with where its proposal stands. */
const PROPOSED_DEFAULT = columnsOf(
  'graduation',
  [
    ...GRADUATION_FAMILY,
    'nomorUsulan',
    'tanggalUsulan',
    'statusUsulan',
    'alasanDitolak',
    'nomorSk',
    'tanggalSk',
    'pendamping',
  ],
  GRADUATION_HEADERS,
);

/**
 * The registry one row per member (a family without members has one row with the member columns empty): every
 * registry column whose header the import maps back to the same field (layout keluarga + anggota), so an exported
 * registry imports unchanged, and a family field with header names (fields.ts) is in it by itself.
 */
const REGISTRY_DEFAULT = columnsOf('registry', [
  'no',
  ...EXPORT_CATALOGUE.registry.filter((c) => fieldForHeader(c.header)?.field === c.key).map((c) => c.key),
]);

const AWARDS_DEFAULT = columnsOf('awards', [
  'no',
  'idKpm',
  'nik',
  'noKk',
  'nama',
  'alamat',
  'desa',
  'kecamatan',
  'status',
  'program',
  'tahunProgram',
  'jenisUsaha',
  'tahapBantuan',
  'tunai',
  'nilai',
  'tanggalSerah',
  'penerima',
  'pendamping',
]);

const VISITS_DEFAULT = columnsOf('visits', [
  'no',
  'idKpm',
  'nik',
  'nama',
  'alamat',
  'desa',
  'kecamatan',
  'status',
  'nomorSk',
  'tanggalSk',
  'bulanKe',
  'jatuhTempo',
  'tanggalKunjungan',
  'petugas',
  'usahaBerjalan',
  'penghasilan',
  'kembaliMiskin',
  'catatanKunjungan',
  'pendamping',
]);

const builtIn = (
  key: string,
  kind: ExportKind,
  columns: ExportColumn[],
  more: Partial<BuiltInTemplate> & { fileName: string },
): BuiltInTemplate => ({
  key,
  name: EXPORT_KIND_LABEL[kind],
  kind,
  columns,
  filters: {},
  format: 'xlsx',
  titleRow: null,
  ...more,
});

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  builtIn('penetapan', 'graduation', DECIDED_DEFAULT, {
    name: 'Penetapan graduasi',
    filters: { outcome: ['approved'] },
    fileName: 'penetapan-graduasi',
  }),
  builtIn('usulan', 'graduation', PROPOSED_DEFAULT, {
    name: 'Usulan graduasi',
    filters: { outcome: [...PROPOSAL_OUTCOMES] },
    fileName: 'usulan-graduasi',
  }),
  builtIn('registry', 'registry', REGISTRY_DEFAULT, { fileName: 'data-kpm' }),
  builtIn('awards', 'awards', AWARDS_DEFAULT, { fileName: 'penerima-bantuan' }),
  builtIn('visits', 'visits', VISITS_DEFAULT, { fileName: 'kunjungan-pemantauan' }),
];

/**
 * Earlier names of built-in templates: 'graduation' was the one graduation list before it became two, and the
 * command line and old scripts still ask for it; it now means the file for upload.
 */
const BUILT_IN_ALIASES: Record<string, string> = { graduation: 'penetapan' };

/** A built-in template by its short key or an earlier name of it. */
export function findBuiltIn(key: string): BuiltInTemplate | undefined {
  const wanted = Object.hasOwn(BUILT_IN_ALIASES, key) ? BUILT_IN_ALIASES[key] : key;
  return BUILT_IN_TEMPLATES.find((t) => t.key === wanted);
}

export const BUILT_IN_PREFIX = 'bawaan:';
export const OFFICE_PREFIX = 'templat:';

// --- stage filter ------------------------------------------------------------------------------------------------

/** The follow-up visit stages the visits' stage filter takes: visited, not visited yet, or past its due date unvisited. */
export const VISIT_STAGES = ['visited', 'pending', 'overdue'] as const;
export type VisitStage = (typeof VISIT_STAGES)[number];
export const VISIT_STAGE_LABEL: Record<VisitStage, string> = {
  visited: 'Sudah dikunjungi',
  pending: 'Belum dikunjungi',
  overdue: 'Terlambat',
};

/**
 * What the stage filter means per kind: the candidacy's stage (graduation; registry: a family with a candidacy
 * in that stage), the award's stage, the visit's. Without it, withdrawn candidacies and cancelled awards are left out.
 */
export const EXPORT_STAGES: Record<ExportKind, Record<string, string>> = {
  graduation: CANDIDATE_STAGE_LABEL,
  registry: CANDIDATE_STAGE_LABEL,
  awards: AWARD_STAGE_LABEL,
  visits: VISIT_STAGE_LABEL,
};
