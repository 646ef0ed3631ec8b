/**
 * The fields a spreadsheet column can be mapped to when importing KPM data, with the header names offices
 * use for them (SIKS-NG/e-PKH and DTKS exports, pendamping's own sheets). Shared with the renderer's mapping
 * screen. Header names are compared by headerKey: case, spaces and punctuation do not matter.
 */

import { KPM_FIELDS, MEMBER_FIELDS, NUMBER_FIELDS, type NumberField, numberSpec, PENDAMPING_FIELDS } from './fields';

/** Fields the import reads in its own way (composites, regions, members); the number fields follow (fields.ts). */
const READ_FIELD_KEYS = [
  'idKpm',
  'idDtks',
  'noKk',
  'nik',
  'nama',
  'tempatLahir',
  'tanggalLahir',
  'tempatTanggalLahir',
  'jenisKelamin',
  'komponen',
  'alamat',
  'rt',
  'rw',
  'rtRw',
  'kecamatan',
  'desa',
  'phone',
  'tahunBergabung',
  'pendamping',
  'notes',
  'hubungan',
  'artNik',
  'artNama',
  'artTanggalLahir',
  'artJenisKelamin',
  'artKomponen',
] as const;
export type ImportField = (typeof READ_FIELD_KEYS)[number] | NumberField;
export const IMPORT_FIELD_KEYS: readonly ImportField[] = [...READ_FIELD_KEYS, ...NUMBER_FIELDS];

export interface ImportFieldSpec {
  key: ImportField;
  label: string;
  /** keluarga: the family and its pengurus; anggota: one member per row. */
  group: 'keluarga' | 'anggota';
  /** Header names, most specific first: when two columns fit one field, the earlier name wins. */
  names: string[];
  hint: string;
}

const READ_FIELDS: readonly ImportFieldSpec[] = [
  {
    key: 'idKpm',
    label: KPM_FIELDS.idKpm.label,
    group: 'keluarga',
    names: ['ID KPM', 'IDKPM', 'ID PKH', 'ID KELUARGA PKH', 'ID PENERIMA', 'NO PKH', 'NOMOR PKH', 'KODE KPM'],
    hint: 'Boleh kosong (berkas DTKS tidak memuatnya); bila diisi, melengkapi keluarga yang ditemukan menurut NIK.',
  },
  {
    key: 'idDtks',
    label: KPM_FIELDS.idDtks.label,
    group: 'keluarga',
    names: ['ID DTKS', 'IDDTKS', 'ID DTSEN', 'ID KELUARGA DTKS', 'ID KELUARGA', 'ID RUMAH TANGGA', 'IDBDT', 'ID BDT'],
    hint: '',
  },
  {
    key: 'noKk',
    label: KPM_FIELDS.noKk.label,
    group: 'keluarga',
    names: ['NO KK', 'NOMOR KK', 'NOKK', 'NKK', 'NO KARTU KELUARGA', 'NOMOR KARTU KELUARGA', 'KK', 'NO KK PENGURUS'],
    hint: '16 digit, disimpan sebagai teks.',
  },
  {
    key: 'nik',
    label: KPM_FIELDS.nik.label,
    group: 'keluarga',
    names: [
      'NIK PENGURUS',
      'NIK',
      'NOMOR NIK',
      'NO NIK',
      'NIK KPM',
      'NIK PENERIMA',
      'NIK IBU',
      'NIK PENGURUS KPM',
      'NOMOR INDUK KEPENDUDUKAN',
    ],
    hint: '16 digit, disimpan sebagai teks. Pada berkas per anggota: NIK orang pada baris itu.',
  },
  {
    key: 'nama',
    label: KPM_FIELDS.nama.label,
    group: 'keluarga',
    names: [
      'NAMA PENGURUS',
      'NAMA KPM',
      'NAMA',
      'NAMA PENERIMA',
      'NAMA LENGKAP',
      'NAMA IBU',
      'NAMA PENGURUS KPM',
      'NAMA PENERIMA MANFAAT',
    ],
    hint: 'Pada berkas per anggota: nama orang pada baris itu.',
  },
  {
    key: 'tempatLahir',
    label: KPM_FIELDS.tempatLahir.label,
    group: 'keluarga',
    names: ['TEMPAT LAHIR', 'TMP LAHIR', 'TEMPAT LHR', 'TMPT LAHIR', 'TEMPAT LAHIR PENGURUS'],
    hint: '',
  },
  {
    key: 'tanggalLahir',
    label: KPM_FIELDS.tanggalLahir.label,
    group: 'keluarga',
    names: ['TANGGAL LAHIR', 'TGL LAHIR', 'TGLLAHIR', 'TGL LHR', 'TANGGAL LAHIR PENGURUS', 'TGL LAHIR PENGURUS'],
    hint: 'Tanggal Excel, 12-03-1980, 12/03/1980, 1980-03-12 atau 12 Maret 1980.',
  },
  {
    key: 'tempatTanggalLahir',
    label: `${KPM_FIELDS.tempatLahir.label}, ${KPM_FIELDS.tanggalLahir.label.toLowerCase()}`,
    group: 'keluarga',
    names: ['TEMPAT TANGGAL LAHIR', 'TEMPAT TGL LAHIR', 'TTL', 'TEMPAT DAN TANGGAL LAHIR'],
    hint: 'Contoh: PEKALONGAN, 12-03-1980.',
  },
  {
    key: 'jenisKelamin',
    label: KPM_FIELDS.jenisKelamin.label,
    group: 'keluarga',
    names: ['JENIS KELAMIN', 'L P', 'JK', 'KELAMIN', 'JNS KELAMIN', 'JENIS KELAMIN PENGURUS', 'SEX'],
    hint: 'L/P, LAKI-LAKI/PEREMPUAN. Bila kosong diambil dari NIK.',
  },
  {
    key: 'komponen',
    label: KPM_FIELDS.komponen.label,
    group: 'keluarga',
    names: ['KOMPONEN', 'KOMPONEN PENGURUS', 'KATEGORI'],
    hint: 'Ibu hamil, lanjut usia, disabilitas berat.',
  },
  {
    key: 'alamat',
    label: KPM_FIELDS.alamat.label,
    group: 'keluarga',
    names: ['ALAMAT', 'ALAMAT RUMAH', 'ALAMAT LENGKAP', 'ALAMAT KPM', 'JALAN', 'DUSUN', 'ALAMAT DOMISILI'],
    hint: '',
  },
  { key: 'rt', label: KPM_FIELDS.rt.label, group: 'keluarga', names: ['RT', 'NO RT'], hint: '' },
  { key: 'rw', label: KPM_FIELDS.rw.label, group: 'keluarga', names: ['RW', 'NO RW'], hint: '' },
  {
    key: 'rtRw',
    label: `${KPM_FIELDS.rt.label}/${KPM_FIELDS.rw.label}`,
    group: 'keluarga',
    names: ['RT RW', 'RTRW'],
    hint: 'Contoh: 001/002.',
  },
  {
    key: 'kecamatan',
    label: KPM_FIELDS.districtCode.label,
    group: 'keluarga',
    names: ['KECAMATAN', 'KEC', 'NAMA KECAMATAN', 'KODE KECAMATAN', 'NAMA KEC'],
    hint: 'Nama atau kode Kemendagri.',
  },
  {
    key: 'desa',
    label: KPM_FIELDS.villageCode.label,
    group: 'keluarga',
    names: [
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
    hint: 'Nama atau kode Kemendagri.',
  },
  {
    key: 'phone',
    label: KPM_FIELDS.phone.label,
    group: 'keluarga',
    names: ['NO HP', 'NOMOR HP', 'NO TELP', 'NO TELEPON', 'TELEPON', 'HP', 'NOMOR TELEPON', 'NO HANDPHONE'],
    hint: '',
  },
  {
    key: 'tahunBergabung',
    label: KPM_FIELDS.tahunBergabung.label,
    group: 'keluarga',
    names: ['TAHUN BERGABUNG', 'TAHUN MASUK', 'TAHUN KEPESERTAAN', 'TAHUN MASUK PKH', 'TAHUN PENETAPAN'],
    hint: '',
  },
  {
    key: 'pendamping',
    label: PENDAMPING_FIELDS.name.label,
    group: 'keluarga',
    names: ['NAMA PENDAMPING', 'PENDAMPING', 'PENDAMPING PKH', 'NAMA SDM', 'SDM PKH', 'NAMA PENDAMPING PKH'],
    hint: 'Dicocokkan dengan nama di daftar pendamping.',
  },
  { key: 'notes', label: KPM_FIELDS.notes.label, group: 'keluarga', names: ['KETERANGAN', 'CATATAN', 'KET'], hint: '' },
  {
    key: 'hubungan',
    label: MEMBER_FIELDS.hubungan.label,
    group: 'anggota',
    names: [
      'HUBUNGAN',
      'HUBUNGAN KELUARGA',
      'HUBUNGAN DENGAN PENGURUS',
      'STATUS HUBUNGAN',
      'STATUS DALAM KELUARGA',
      'HUB KELUARGA',
      'SHDK',
      'HUBUNGAN DALAM KELUARGA',
    ],
    hint: 'PENGURUS menandai baris pengurus; ISTRI, SUAMI, ANAK, CUCU, ... untuk anggota.',
  },
  {
    key: 'artNik',
    label: MEMBER_FIELDS.nik.label,
    group: 'anggota',
    names: ['NIK ART', 'NIK ANGGOTA', 'NIK ANGGOTA KELUARGA'],
    hint: '',
  },
  {
    key: 'artNama',
    label: MEMBER_FIELDS.nama.label,
    group: 'anggota',
    names: ['NAMA ART', 'NAMA ANGGOTA', 'NAMA ANGGOTA KELUARGA'],
    hint: '',
  },
  {
    key: 'artTanggalLahir',
    label: MEMBER_FIELDS.tanggalLahir.label,
    group: 'anggota',
    names: ['TGL LAHIR ART', 'TANGGAL LAHIR ART', 'TANGGAL LAHIR ANGGOTA', 'TGL LAHIR ANGGOTA'],
    hint: '',
  },
  {
    key: 'artJenisKelamin',
    label: MEMBER_FIELDS.jenisKelamin.label,
    group: 'anggota',
    names: ['JENIS KELAMIN ART', 'JK ART', 'JENIS KELAMIN ANGGOTA'],
    hint: '',
  },
  {
    key: 'artKomponen',
    label: MEMBER_FIELDS.komponen.label,
    group: 'anggota',
    names: ['KOMPONEN ART', 'KOMPONEN ANGGOTA'],
    hint: '',
  },
];

/** A number field as the import maps it: its label, header names and hint from its one definition. */
function numberImportField(key: NumberField): ImportFieldSpec {
  const spec = numberSpec(key);
  return { key, label: spec.label, group: 'keluarga', names: [...spec.importNames], hint: spec.hint };
}

/** The family's fields, then the members': the mapping screen lists them in this order. */
export const IMPORT_FIELDS: readonly ImportFieldSpec[] = [
  ...READ_FIELDS.filter((f) => f.group === 'keluarga'),
  ...NUMBER_FIELDS.map(numberImportField),
  ...READ_FIELDS.filter((f) => f.group === 'anggota'),
];

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
