/**
 * The checks of the field kinds (fields.ts): the form schemas, the import's row checks and the services ask
 * these, so a value is accepted or refused the same way, with the same message, wherever it is typed.
 */
import {
  type DateSpec,
  type IntegerSpec,
  KPM_FIELDS,
  MAX_MEMBERS,
  type OtherSpec,
  type TextSpec,
  type YearSpec,
} from './fields';
import { formatTanggal, todayIso } from './format';
import { isoDate } from './identity';

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
