/**
 * One definition of each field of a family (KPM), a member (ART) and a pendamping: its Indonesian label, its
 * kind, its length limit, which characters it allows and its plausible range. The form schemas
 * (schemas.ts), the import's row checks, the services, the family history and the exports all read these
 * and the check functions below, so a value is accepted or refused the same way, with the same message,
 * wherever it is typed.
 */
import { formatTanggal, todayIso } from './format';
import { isoDate } from './identity';

type TextKind = 'name' | 'identifier' | 'text';

interface BaseSpec {
  label: string;
  required?: boolean;
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
  /** Header names in import files, most specific first (compared without case, spaces or punctuation). */
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
  idKpm: { label: 'ID KPM', kind: 'identifier', max: 40 },
  idDtks: { label: 'ID DTKS', kind: 'identifier', max: 40 },
  noKk: { label: 'No. KK', kind: 'noKk', required: true },
  nik: { label: 'NIK pengurus', kind: 'nik', required: true },
  nama: { label: 'Nama pengurus', kind: 'name', max: 100, required: true },
  tempatLahir: { label: 'Tempat lahir', kind: 'text', max: 60 },
  tanggalLahir: { label: 'Tanggal lahir', kind: 'date', earliest: BIRTH_EARLIEST },
  jenisKelamin: { label: 'Jenis kelamin', kind: 'choice', required: true },
  komponen: { label: 'Komponen pengurus', kind: 'choice' },
  alamat: { label: 'Alamat', kind: 'text', max: 200 },
  rt: { label: 'RT', kind: 'digits', max: 3 },
  rw: { label: 'RW', kind: 'digits', max: 3 },
  districtCode: { label: 'Kecamatan', kind: 'region', required: true },
  villageCode: { label: 'Desa/kelurahan', kind: 'region', required: true },
  phone: { label: 'Nomor HP', kind: 'phone', max: 20 },
  tahunBergabung: {
    label: 'Tahun bergabung',
    kind: 'year',
    min: PKH_START_YEAR,
    minReason: `PKH dimulai tahun ${PKH_START_YEAR}`,
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
  notes: { label: 'Catatan', kind: 'text', max: 1000, multiline: true },
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

// --- checks -------------------------------------------------------------------------------------------------------

/** A refusal says what is wrong (message) and what a valid value looks like (expected, for import reports). */
export type Checked<T> = { ok: true; value: T } | { ok: false; code: string; message: string; expected: string };

/**
 * Control characters (NUL, ESC, ...) and invisible format characters (zero-width spaces, the right-to-left
 * override U+202E, the byte-order mark, the soft hyphen): they hide what a name really is, so they are refused.
 */
const HIDDEN = /[\p{Cc}\p{Cf}]/u;
const HIDDEN_ALL = /[\p{Cc}\p{Cf}]/gu;
/**
 * White space a single-line field folds into one space: tabs, breaks, non-breaking and wide spaces. Not \s,
 * which also takes the byte-order mark U+FEFF, an invisible character to refuse.
 */
/** Anything checkText would change or refuse: hidden characters, special spaces, edge or doubled spaces. */
const NEEDS_CLEANING = /[\p{Cc}\p{Cf}\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]|^ | $| {2}/u;
const FOLDED_SPACE = /[ \t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

function describeHidden(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks and cleans a text value: single-line fields fold white space (a line break pasted from Word
 * becomes a space), multi-line fields keep line breaks; hidden characters are refused; the length is
 * counted after cleaning. A value made only of hidden characters is empty.
 */
export function checkText(spec: TextSpec, raw: string): Checked<string> {
  // Most values are clean already: one test instead of the cleaning below (an import checks 500,000 cells).
  if (!NEEDS_CLEANING.test(raw)) {
    if (raw === '' && spec.required) return checkLength(spec, '');
    return raw.length <= spec.max ? { ok: true, value: raw } : checkLength(spec, raw);
  }
  const unified = raw.replace(/\r\n?/g, '\n');
  const lines = spec.multiline ? unified.split('\n') : [unified];
  const folded = lines.map((line) => line.replace(FOLDED_SPACE, ' ').trim());
  const value = (spec.multiline ? folded.join('\n').replace(/\n{3,}/g, '\n\n') : folded[0]).trim();
  const visible = value.replace(HIDDEN_ALL, '').trim();
  if (visible === '') {
    return spec.required
      ? { ok: false, code: 'REQUIRED', message: `${spec.label} wajib diisi.`, expected: `${spec.label} terisi` }
      : { ok: true, value: '' };
  }
  const hidden = HIDDEN.exec(spec.multiline ? value.replace(/\n/g, ' ') : value);
  if (hidden) {
    return {
      ok: false,
      code: 'TEXT_HIDDEN_CHARACTER',
      message:
        `${spec.label} berisi karakter tersembunyi atau karakter kendali (${describeHidden(hidden[0])}) ` +
        `pada karakter ke-${hidden.index + 1}; ketik ulang isinya.`,
      expected: 'huruf, angka dan tanda baca yang terlihat',
    };
  }
  return checkLength(spec, value);
}

/** Empty when required, or longer than the field's limit (counted in characters, not UTF-16 units). */
function checkLength(spec: TextSpec, value: string): Checked<string> {
  if (value === '' && spec.required) {
    return { ok: false, code: 'REQUIRED', message: `${spec.label} wajib diisi.`, expected: `${spec.label} terisi` };
  }
  const length = [...value].length;
  if (length > spec.max) {
    return {
      ok: false,
      code: 'TEXT_TOO_LONG',
      message: `${spec.label} terlalu panjang: ${formatCount(length)} karakter, paling banyak ${formatCount(spec.max)}.`,
      expected: `paling banyak ${formatCount(spec.max)} karakter`,
    };
  }
  return { ok: true, value };
}

const formatCount = (n: number) => n.toLocaleString('id-ID');

/** A real calendar date (ISO text) within the field's range: not before its earliest date, not after today. */
export function checkDate(spec: DateSpec, iso: string, today: string = todayIso()): Checked<string> {
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(iso) &&
    isoDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) !== null;
  if (!real) {
    const message = `${spec.label} bukan tanggal yang ada di kalender.`;
    return { ok: false, code: 'DATE_INVALID', message, expected: dateExpected(spec) };
  }
  return checkDateRange(spec, iso, today);
}

/**
 * The range part of checkDate, for a value already known to be a calendar date (the import's date reader
 * proves that itself; this runs for every date cell, so it builds no text unless it refuses).
 */
export function checkDateRange(spec: DateSpec, iso: string, today: string): Checked<string> {
  if (iso > today) {
    return {
      ok: false,
      code: 'DATE_RANGE',
      message: `${spec.label} ${formatTanggal(iso)} ada di masa depan; paling lambat hari ini.`,
      expected: dateExpected(spec),
    };
  }
  if (iso < spec.earliest) {
    return {
      ok: false,
      code: 'DATE_RANGE',
      message: `${spec.label} ${formatTanggal(iso)} terlalu lampau; paling awal ${formatTanggal(spec.earliest)}.`,
      expected: dateExpected(spec),
    };
  }
  return { ok: true, value: iso };
}

const dateExpected = (spec: DateSpec) => `tanggal ${formatTanggal(spec.earliest)} sampai hari ini`;

/** A year between the field's first possible year and this year. */
export function checkYear(spec: YearSpec, year: number, today: string = todayIso()): Checked<number> {
  const thisYear = Number(today.slice(0, 4));
  const expected = `tahun ${spec.min} sampai ${thisYear}`;
  if (!Number.isInteger(year) || year < spec.min) {
    return {
      ok: false,
      code: 'YEAR_RANGE',
      message: `${spec.label} ${year} tidak mungkin: ${spec.minReason}.`,
      expected,
    };
  }
  if (year > thisYear) {
    return {
      ok: false,
      code: 'YEAR_RANGE',
      message: `${spec.label} ${year} tidak mungkin: paling lambat tahun ini (${thisYear}).`,
      expected,
    };
  }
  return { ok: true, value: year };
}

/**
 * A whole number within the field's range, or null when blank: the form and the import both ask this, so
 * "0", "11" and "lima" get one message wherever they are typed. Numbers written as text ("7", " 7 ") count.
 */
export function checkInteger(spec: IntegerSpec, raw: unknown): Checked<number | null> {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: null };
  const value = Number(text);
  if (!/^-?\d+(\.0+)?$/.test(text) || !Number.isSafeInteger(value) || value < spec.min || value > spec.max) {
    return {
      ok: false,
      code: 'NUMBER_RANGE',
      message: `${spec.label} berupa angka bulat ${spec.min} sampai ${spec.max} (terisi "${text}").`,
      expected: `angka bulat ${spec.min} sampai ${spec.max}, atau kosong`,
    };
  }
  return { ok: true, value };
}

/** RT and RW as three digits: "1", "01", "RT 01" and "001" are all "001". */
export function checkRtRw(spec: OtherSpec, raw: string): Checked<string> {
  const text = raw
    .trim()
    .toUpperCase()
    .replace(new RegExp(`^${spec.label}\\.?\\s*`), '');
  if (text === '') return { ok: true, value: '' };
  if (/^\d{1,3}$/.test(text)) return { ok: true, value: text.padStart(3, '0') };
  return {
    ok: false,
    code: `${spec.label}_INVALID`,
    message: `${spec.label} berupa angka, paling banyak 3 digit (terisi "${raw.trim()}").`,
    expected: 'angka, paling banyak 3 digit',
  };
}

/**
 * A telephone number as digits, with a leading + kept: spaces, dots, dashes and brackets are dropped, and a
 * leading 0 that Excel removed from a number cell ("81234567890") is put back.
 */
export function checkPhone(spec: OtherSpec, raw: string): Checked<string> {
  const trimmed = raw.trim().replace(/^'/, '');
  if (trimmed === '') return { ok: true, value: '' };
  const plus = trimmed.startsWith('+');
  const digits = trimmed.replace(/[\s.\-()/]/g, '').replace(/^\+/, '');
  if (!/^\d{6,15}$/.test(digits)) {
    return {
      ok: false,
      code: 'PHONE_INVALID',
      message: `${spec.label} "${trimmed}" bukan nomor telepon: 6 sampai 15 angka.`,
      expected: 'angka, contoh 081234567890',
    };
  }
  if (plus) return { ok: true, value: `+${digits}` };
  return { ok: true, value: digits.startsWith('8') ? `0${digits}` : digits };
}

export function tooManyMembers(count: number): string {
  return `${KPM_FIELDS.members.label} paling banyak ${MAX_MEMBERS} orang (terisi ${count}).`;
}
