/**
 * One definition of each field of a family (KPM), a member (ART) and a pendamping: its Indonesian label, its
 * kind, its length limit, which characters it allows, its plausible range and the header names import files
 * give it. The form schemas (schemas.ts), the import, the services, the family history, the exports, the family
 * page and the family data report all read these (their lists of fields are views over KPM_FIELDS, field-views.ts),
 * and the checks in field-checks.ts, so a value is accepted or refused the same way wherever it is typed.
 */

type TextKind = 'name' | 'identifier' | 'text';

interface BaseSpec {
  label: string;
  required?: boolean;
  /**
   * Header names in import files, most specific first (compared without case, spaces or punctuation): a field
   * with names is offered in the import's mapping and exported in the registry file the import reads back.
   */
  importNames?: readonly string[];
  /** What the import's mapping screen says under the field. */
  importHint?: string;
}
/**
 * A whole number in a fixed range, blank when unknown. A field of this kind needs nothing but its entry in
 * KPM_FIELDS and its table column: the form, the import (by its header names), the exports, the family page,
 * the history, the family data report and the KPM list filter all take it from here (NUMBER_FIELDS).
 */
export interface IntegerSpec extends BaseSpec {
  kind: 'integer';
  min: number;
  max: number;
  /** What the number means, under the form's input and in the import's mapping screen. */
  hint: string;
  importNames: readonly string[];
}
/** A name or free text. Names and identifiers refuse invisible characters; only multi-line text keeps breaks. */
export interface TextSpec extends BaseSpec {
  kind: TextKind;
  max: number;
  multiline?: boolean;
}
/** A calendar date: a birth date lies between 1900 and today, any other recorded date is not after today. */
export interface DateSpec extends BaseSpec {
  kind: 'date';
  earliest: string;
}
export interface YearSpec extends BaseSpec {
  kind: 'year';
  min: number;
  /** Why the year cannot be earlier, said in the message. */
  minReason: string;
}
/** Checked elsewhere: identity numbers (identity.ts), choices (enums), regions and references (services). */
export interface OtherSpec extends BaseSpec {
  kind: 'nik' | 'noKk' | 'nip' | 'choice' | 'region' | 'reference' | 'digits' | 'phone' | 'list';
  max?: number;
}
export type FieldSpec = TextSpec | DateSpec | YearSpec | IntegerSpec | OtherSpec;

/** PKH began in 2007; no family joined before. */
export const PKH_START_YEAR = 2007;
export const MAX_MEMBERS = 30;
const BIRTH_EARLIEST = '1900-01-01';
const ANY_EARLIEST = '2007-01-01';

/** The family and its pengurus, in the order forms, history and reports show them. */
export const KPM_FIELDS = {
  idKpm: {
    label: 'ID KPM',
    kind: 'identifier',
    max: 40,
    importNames: ['ID KPM', 'IDKPM', 'ID PKH', 'ID KELUARGA PKH', 'ID PENERIMA', 'NO PKH', 'NOMOR PKH', 'KODE KPM'],
    importHint:
      'Boleh kosong (berkas DTKS tidak memuatnya); bila diisi, melengkapi keluarga yang ditemukan menurut NIK.',
  },
  idDtks: {
    label: 'ID DTKS',
    kind: 'identifier',
    max: 40,
    importNames: [
      'ID DTKS',
      'IDDTKS',
      'ID DTSEN',
      'ID KELUARGA DTKS',
      'ID KELUARGA',
      'ID RUMAH TANGGA',
      'IDBDT',
      'ID BDT',
    ],
  },
  noKk: {
    label: 'No. KK',
    kind: 'noKk',
    required: true,
    importNames: [
      'NO KK',
      'NOMOR KK',
      'NOKK',
      'NKK',
      'NO KARTU KELUARGA',
      'NOMOR KARTU KELUARGA',
      'KK',
      'NO KK PENGURUS',
    ],
    importHint: '16 digit, disimpan sebagai teks.',
  },
  nik: {
    label: 'NIK pengurus',
    kind: 'nik',
    required: true,
    importNames: [
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
    importHint: '16 digit, disimpan sebagai teks. Pada berkas per anggota: NIK orang pada baris itu.',
  },
  nama: {
    label: 'Nama pengurus',
    kind: 'name',
    max: 100,
    required: true,
    importNames: [
      'NAMA PENGURUS',
      'NAMA KPM',
      'NAMA',
      'NAMA PENERIMA',
      'NAMA LENGKAP',
      'NAMA IBU',
      'NAMA PENGURUS KPM',
      'NAMA PENERIMA MANFAAT',
    ],
    importHint: 'Pada berkas per anggota: nama orang pada baris itu.',
  },
  tempatLahir: {
    label: 'Tempat lahir',
    kind: 'text',
    max: 60,
    importNames: ['TEMPAT LAHIR', 'TMP LAHIR', 'TEMPAT LHR', 'TMPT LAHIR', 'TEMPAT LAHIR PENGURUS'],
  },
  tanggalLahir: {
    label: 'Tanggal lahir',
    kind: 'date',
    earliest: BIRTH_EARLIEST,
    importNames: ['TANGGAL LAHIR', 'TGL LAHIR', 'TGLLAHIR', 'TGL LHR', 'TANGGAL LAHIR PENGURUS', 'TGL LAHIR PENGURUS'],
    importHint: 'Tanggal Excel, 12-03-1980, 12/03/1980, 1980-03-12 atau 12 Maret 1980.',
  },
  jenisKelamin: {
    label: 'Jenis kelamin',
    kind: 'choice',
    required: true,
    importNames: ['JENIS KELAMIN', 'L P', 'JK', 'KELAMIN', 'JNS KELAMIN', 'JENIS KELAMIN PENGURUS', 'SEX'],
    importHint: 'L/P, LAKI-LAKI/PEREMPUAN. Bila kosong diambil dari NIK.',
  },
  komponen: {
    label: 'Komponen pengurus',
    kind: 'choice',
    importNames: ['KOMPONEN', 'KOMPONEN PENGURUS', 'KATEGORI'],
    importHint: 'Ibu hamil, lanjut usia, disabilitas berat.',
  },
  alamat: {
    label: 'Alamat',
    kind: 'text',
    max: 200,
    importNames: ['ALAMAT', 'ALAMAT RUMAH', 'ALAMAT LENGKAP', 'ALAMAT KPM', 'JALAN', 'DUSUN', 'ALAMAT DOMISILI'],
  },
  rt: { label: 'RT', kind: 'digits', max: 3, importNames: ['RT', 'NO RT'] },
  rw: { label: 'RW', kind: 'digits', max: 3, importNames: ['RW', 'NO RW'] },
  districtCode: { label: 'Kecamatan', kind: 'region', required: true },
  villageCode: { label: 'Desa/kelurahan', kind: 'region', required: true },
  phone: {
    label: 'Nomor HP',
    kind: 'phone',
    max: 20,
    importNames: ['NO HP', 'NOMOR HP', 'NO TELP', 'NO TELEPON', 'TELEPON', 'HP', 'NOMOR TELEPON', 'NO HANDPHONE'],
  },
  tahunBergabung: {
    label: 'Tahun bergabung',
    kind: 'year',
    min: PKH_START_YEAR,
    minReason: `PKH dimulai tahun ${PKH_START_YEAR}`,
    importNames: ['TAHUN BERGABUNG', 'TAHUN MASUK', 'TAHUN KEPESERTAAN', 'TAHUN MASUK PKH', 'TAHUN PENETAPAN'],
  },
  /** The family's welfare decile in DTSEN (Inpres 4/2025): 1 the poorest tenth, 10 the best off. */
  desil: {
    label: 'Desil',
    kind: 'integer',
    min: 1,
    max: 10,
    hint: 'Desil kesejahteraan DTSEN: 1 paling miskin, 10 paling sejahtera; kosong bila belum diketahui.',
    importNames: ['DESIL', 'DESIL DTSEN', 'DESIL KESEJAHTERAAN', 'PERINGKAT DESIL', 'DESIL DTKS'],
  },
  pendampingId: { label: 'Pendamping', kind: 'reference' },
  status: { label: 'Status', kind: 'choice' },
  statusReason: { label: 'Alasan status', kind: 'text', max: 200 },
  statusDate: { label: 'Tanggal status', kind: 'date', earliest: ANY_EARLIEST },
  notes: {
    label: 'Catatan',
    kind: 'text',
    max: 1000,
    multiline: true,
    importNames: ['KETERANGAN', 'CATATAN', 'KET'],
  },
  members: { label: 'Anggota keluarga', kind: 'list', max: MAX_MEMBERS },
} as const satisfies Record<string, FieldSpec>;
export type KpmField = keyof typeof KPM_FIELDS;

/**
 * The kpm table's columns that are no field of the family: bookkeeping the services keep themselves. Every
 * other column is a field above (the field registry test holds the table to these two lists).
 */
export const KPM_INTERNAL_COLUMNS = [
  'id',
  'exitTypeId',
  'komponenMask',
  'importBatchId',
  'createdAt',
  'updatedAt',
] as const;

/** The family's whole-number fields in a fixed range (IntegerSpec): every list of fields takes them from here. */
export type NumberField = {
  [K in KpmField]: (typeof KPM_FIELDS)[K] extends { kind: 'integer' } ? K : never;
}[KpmField];
export const NUMBER_FIELDS = (Object.keys(KPM_FIELDS) as KpmField[]).filter(
  (key): key is NumberField => (KPM_FIELDS[key] as FieldSpec).kind === 'integer',
);
export const numberSpec = (key: NumberField): IntegerSpec => KPM_FIELDS[key] as IntegerSpec;

/** The fields that describe the pengurus as a person (the rest belong to the family). */
export const PENGURUS_FIELDS = [
  'nik',
  'nama',
  'tempatLahir',
  'tanggalLahir',
  'jenisKelamin',
  'komponen',
] as const satisfies readonly KpmField[];

/** The family's own columns as the import reads them (everything but the pengurus, status and members). */
export const FAMILY_FIELDS = [
  'idKpm',
  'idDtks',
  'noKk',
  'alamat',
  'rt',
  'rw',
  'districtCode',
  'villageCode',
  'phone',
  'tahunBergabung',
  'notes',
] as const satisfies readonly KpmField[];

export const MEMBER_FIELDS = {
  nik: { label: 'NIK anggota', kind: 'nik' },
  /** The student's national number; the school attendance form names students by NIK and NISN. */
  nisn: {
    label: 'NISN',
    kind: 'digits',
    max: 10,
    importNames: ['NISN', 'NO NISN', 'NOMOR NISN', 'NISN SISWA', 'NISN ANAK', 'NISN ART', 'NISN ANGGOTA'],
  },
  nama: { label: 'Nama anggota', kind: 'name', max: 100, required: true },
  hubungan: { label: 'Hubungan dengan pengurus', kind: 'choice', required: true },
  tanggalLahir: { label: 'Tanggal lahir anggota', kind: 'date', earliest: BIRTH_EARLIEST },
  jenisKelamin: { label: 'Jenis kelamin anggota', kind: 'choice', required: true },
  komponen: { label: 'Komponen anggota', kind: 'choice' },
} as const satisfies Record<string, FieldSpec>;
export type MemberField = keyof typeof MEMBER_FIELDS;

export const PENDAMPING_FIELDS = {
  name: { label: 'Nama pendamping', kind: 'name', max: 100, required: true },
  nip: { label: 'NIP / NI PPPK', kind: 'nip' },
  phone: { label: 'Nomor HP', kind: 'phone', max: 20 },
  districtCodes: { label: 'Kecamatan wilayah tugas', kind: 'list' },
  active: { label: 'Aktif', kind: 'choice' },
} as const satisfies Record<string, FieldSpec>;

/** A user's name is a person's name: the family name's rules (length, no hidden characters), its own label. */
export const USER_FIELDS = {
  fullName: { ...KPM_FIELDS.nama, label: 'Nama lengkap' },
} as const satisfies Record<string, FieldSpec>;
