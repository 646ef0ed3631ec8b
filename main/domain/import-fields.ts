/**
 * The fields a spreadsheet column can be mapped to when importing KPM data, with the header names offices
 * use for them (SIKS-NG/e-PKH and DTKS exports, pendamping's own sheets). Shared with the renderer's mapping
 * screen. Header names are compared by headerKey: case, spaces and punctuation do not matter.
 */

import { type FieldView, viewRows } from './field-views';
import { type FieldSpec, KPM_FIELDS, type KpmField, MEMBER_FIELDS, PENDAMPING_FIELDS } from './fields';

/** The family fields with header names in fields.ts: each is a field of the mapping under its own key. */
type NamedField = {
  [K in KpmField]: (typeof KPM_FIELDS)[K] extends { importNames: readonly string[] } ? K : never;
}[KpmField];
/** Fields the import reads in its own way: composites, regions by name or code, the pendamping, the members. */
type OwnField =
  | 'tempatTanggalLahir'
  | 'rtRw'
  | 'kecamatan'
  | 'desa'
  | 'pendamping'
  | 'hubungan'
  | 'artNik'
  | 'artNisn'
  | 'artNama'
  | 'artTanggalLahir'
  | 'artJenisKelamin'
  | 'artKomponen';
export type ImportField = NamedField | OwnField;

export interface ImportFieldSpec {
  key: ImportField;
  label: string;
  /** keluarga: the family and its pengurus; anggota: one member per row. */
  group: 'keluarga' | 'anggota';
  /** Header names, most specific first: when two columns fit one field, the earlier name wins. */
  names: string[];
  hint: string;
}

/** A family field with header names, as fields.ts defines it. */
function named(key: KpmField, spec: FieldSpec): ImportFieldSpec | null {
  if (!spec.importNames) return null;
  const hint = spec.importHint ?? (spec.kind === 'integer' ? spec.hint : '');
  return { key: key as NamedField, label: spec.label, group: 'keluarga', names: [...spec.importNames], hint };
}

const own = (key: OwnField, label: string, names: string[], hint = '', group: 'keluarga' | 'anggota' = 'keluarga') => ({
  key,
  label,
  group,
  names,
  hint,
});

const MEMBER_IMPORT_FIELDS: ImportFieldSpec[] = [
  own(
    'hubungan',
    MEMBER_FIELDS.hubungan.label,
    [
      'HUBUNGAN',
      'HUBUNGAN KELUARGA',
      'HUBUNGAN DENGAN PENGURUS',
      'STATUS HUBUNGAN',
      'STATUS DALAM KELUARGA',
      'HUB KELUARGA',
      'SHDK',
      'HUBUNGAN DALAM KELUARGA',
    ],
    'PENGURUS menandai baris pengurus; ISTRI, SUAMI, ANAK, CUCU, ... untuk anggota.',
    'anggota',
  ),
  own('artNik', MEMBER_FIELDS.nik.label, ['NIK ART', 'NIK ANGGOTA', 'NIK ANGGOTA KELUARGA'], '', 'anggota'),
  own(
    'artNisn',
    MEMBER_FIELDS.nisn.label,
    [...MEMBER_FIELDS.nisn.importNames],
    '10 digit; dicatat untuk anggota keluarga, bukan pengurus.',
    'anggota',
  ),
  own('artNama', MEMBER_FIELDS.nama.label, ['NAMA ART', 'NAMA ANGGOTA', 'NAMA ANGGOTA KELUARGA'], '', 'anggota'),
  own(
    'artTanggalLahir',
    MEMBER_FIELDS.tanggalLahir.label,
    ['TGL LAHIR ART', 'TANGGAL LAHIR ART', 'TANGGAL LAHIR ANGGOTA', 'TGL LAHIR ANGGOTA'],
    '',
    'anggota',
  ),
  own(
    'artJenisKelamin',
    MEMBER_FIELDS.jenisKelamin.label,
    ['JENIS KELAMIN ART', 'JK ART', 'JENIS KELAMIN ANGGOTA'],
    '',
    'anggota',
  ),
  own('artKomponen', MEMBER_FIELDS.komponen.label, ['KOMPONEN ART', 'KOMPONEN ANGGOTA'], '', 'anggota'),
];

/**
 * The fields the import reads in its own way, by the family field they fill; every other family field with
 * header names is mapped as fields.ts defines it, and one without is not read from files.
 */
export const IMPORT_VIEW: FieldView<ImportFieldSpec> = {
  tanggalLahir: [
    named('tanggalLahir', KPM_FIELDS.tanggalLahir) as ImportFieldSpec,
    own(
      'tempatTanggalLahir',
      `${KPM_FIELDS.tempatLahir.label}, ${KPM_FIELDS.tanggalLahir.label.toLowerCase()}`,
      ['TEMPAT TANGGAL LAHIR', 'TEMPAT TGL LAHIR', 'TTL', 'TEMPAT DAN TANGGAL LAHIR'],
      'Contoh: PEKALONGAN, 12-03-1980.',
    ),
  ],
  rw: [
    named('rw', KPM_FIELDS.rw) as ImportFieldSpec,
    own('rtRw', `${KPM_FIELDS.rt.label}/${KPM_FIELDS.rw.label}`, ['RT RW', 'RTRW'], 'Contoh: 001/002.'),
  ],
  districtCode: [
    own(
      'kecamatan',
      KPM_FIELDS.districtCode.label,
      ['KECAMATAN', 'KEC', 'NAMA KECAMATAN', 'KODE KECAMATAN', 'NAMA KEC'],
      'Nama atau kode Kemendagri.',
    ),
  ],
  villageCode: [
    own(
      'desa',
      KPM_FIELDS.villageCode.label,
      [
        'DESA KELURAHAN',
        'DESA',
        'KELURAHAN',
        'KELURAHAN DESA',
        'DESA KEL',
        'KEL DESA',
        'NAMA DESA',
        'NAMA KELURAHAN',
        'KODE DESA',
        'KODE WILAYAH',
      ],
      'Nama atau kode Kemendagri.',
    ),
  ],
  pendampingId: [
    own(
      'pendamping',
      PENDAMPING_FIELDS.name.label,
      ['NAMA PENDAMPING', 'PENDAMPING', 'PENDAMPING PKH', 'NAMA SDM', 'SDM PKH', 'NAMA PENDAMPING PKH'],
      'Dicocokkan dengan nama di daftar pendamping.',
    ),
  ],
  members: MEMBER_IMPORT_FIELDS,
};

/** The family's fields, then the members': the mapping screen lists them in this order. */
export const IMPORT_FIELDS: readonly ImportFieldSpec[] = viewRows(IMPORT_VIEW, named);
export const IMPORT_FIELD_KEYS: readonly ImportField[] = IMPORT_FIELDS.map((f) => f.key);

export const IMPORT_FIELD_LABEL: Record<ImportField, string> = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f.key, f.label]),
) as Record<ImportField, string>;

/** Header text compared without case, spaces or punctuation: "No. KPM_FIELDS.K" = "NO KK" = "nokk". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** headerKey -> [field, rank]; rank orders the names of one field (lower is more specific). */
const NAME_INDEX: ReadonlyMap<string, { field: ImportField; rank: number }> = (() => {
  const index = new Map<string, { field: ImportField; rank: number }>();
  for (const spec of IMPORT_FIELDS) {
    spec.names.forEach((name, rank) => {
      const key = headerKey(name);
      if (!index.has(key)) index.set(key, { field: spec.key, rank });
    });
  }
  return index;
})();

export function fieldForHeader(text: string): { field: ImportField; rank: number } | null {
  const key = headerKey(text);
  return key ? (NAME_INDEX.get(key) ?? null) : null;
}

/** Headers that are known but carry nothing to import (row numbers, the regency and province). */
const IGNORED_HEADERS = new Set(
  ['NO', 'NO URUT', 'NOMOR', 'NOMOR URUT', 'KABUPATEN', 'KABUPATEN KOTA', 'KAB KOTA', 'KOTA', 'PROVINSI', 'PROV'].map(
    headerKey,
  ),
);

export function isKnownIgnoredHeader(text: string): boolean {
  return IGNORED_HEADERS.has(headerKey(text));
}

export type ColumnMapping = Partial<Record<ImportField, number>>;

/**
 * Maps each header to a field. When two headers fit the same field, the more specific name wins
 * (NIK PENGURUS over NIK) and then the leftmost column.
 */
export function autoMap(headers: readonly string[]): ColumnMapping {
  const best = new Map<ImportField, { column: number; rank: number }>();
  headers.forEach((text, column) => {
    const hit = fieldForHeader(text ?? '');
    if (!hit) return;
    const current = best.get(hit.field);
    if (!current || hit.rank < current.rank) best.set(hit.field, { column, rank: hit.rank });
  });
  const mapping: ColumnMapping = {};
  for (const [field, { column }] of best) mapping[field] = column;
  return mapping;
}
