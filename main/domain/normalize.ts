/**
 * Normalisers for values read from office spreadsheets. Each takes any cell value and returns either a clean
 * value or a coded problem in Indonesian; none throws. The message is the part after "Baris N, kolom X: ".
 */

import { centuryOf } from './date-text';
import type { HUBUNGAN } from './enums';
import { checkDateRange, checkPhone, checkRtRw, checkYear, type DateSpec, KPM_FIELDS } from './fields';
import { BULAN, todayIso } from './format';
import { isoDate, parseNik, parseNoKk, type Sex } from './identity';
import { KOMPONEN, KOMPONEN_LABEL, type Komponen } from './komponen';

/** A cell as the readers give it: xlsx cells keep their type, csv cells are text. */
export type RawCell = string | number | boolean | Date | null | undefined;

export interface ValueProblem {
  code: string;
  message: string;
  /** What a valid value looks like, for the report's "yang diharapkan" column. */
  expected: string;
  /** A region not found: the close one suggested ("Mungkin maksudnya ...?"), by code. */
  suggestion?: { code: string; name: string };
}

export type Normalized<T> = { ok: true; value: T; warning?: ValueProblem } | ({ ok: false } & ValueProblem);

const ok = <T>(value: T, warning?: ValueProblem): Normalized<T> =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const fail = <T>(code: string, message: string, expected: string): Normalized<T> => ({
  ok: false,
  code,
  message,
  expected,
});

// --- text ---------------------------------------------------------------------------------------------------------

/** Zero-width characters and the byte-order mark that copy-paste leaves in cells. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** The text of a cell as a person would read it: numbers without exponent, dates as ISO. */
export function cellText(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // Plain digits up to 1e21: Number#toString only switches to an exponent beyond that.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return value.toISOString().slice(0, 10);
  }
  return String(value);
}

/** Anything cleanText would change: edge or doubled spaces, other white space, invisible characters. */
const NEEDS_CLEANING =
  /^\s|\s$|\s\s|[\t\n\r\f\v\u00A0\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\u00AD]/;

/** Trimmed text with runs of spaces, tabs, line breaks and non-breaking spaces collapsed to one space. */
export function cleanText(value: RawCell): string {
  const text = typeof value === 'string' ? value : cellText(value);
  // Most cells are clean already: one test is much cheaper than three replacements (100,000 rows x 17 cells).
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** Empty, or a lone dash (offices write "-" for "none"); for text already cleaned. */
export function isBlankText(text: string): boolean {
  return text === '' || (text.length === 1 && (text === '-' || text === '–' || text === '—'));
}

/** Names are stored in capitals, as in the registry (createKpm does the same). */
export function normalizeName(value: RawCell): string {
  return cleanText(value).toUpperCase();
}

/** A value shown in a report: long text cut, so a stray paragraph does not flood the table. */
export function displayValue(value: RawCell): string {
  const text = cellText(value).replace(INVISIBLE, '');
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// --- NIK and No. KK -----------------------------------------------------------------------------------------------

export type IdKind = 'nik' | 'kk';
const ID_LABEL: Record<IdKind, string> = { nik: 'NIK', kk: 'No. KK' };
const ID_EXPECTED: Record<IdKind, string> = {
  nik: '16 digit angka, sel berformat Teks',
  kk: '16 digit angka, sel berformat Teks',
};

function excelLost(kind: IdKind, shown: string): Normalized<string> {
  const label = ID_LABEL[kind];
  return fail(
    `${kind === 'nik' ? 'NIK' : 'KK'}_EXCEL_NUMBER`,
    `nilai ${shown} telah diubah Excel menjadi angka dan digitnya hilang. Format kolom ${label} sebagai Teks lalu ketik ulang.`,
    ID_EXPECTED[kind],
  );
}

/**
 * A number stands for a 16-digit ID only when every digit survived. Excel keeps 15 significant digits, so a
 * number typed in Excel always ends in 0 and may be wrong; above 2^53 a double cannot hold 16 digits at all.
 * Only a number written by a program (16 exact digits, the last not 0) proves itself.
 */
function idFromNumber(kind: IdKind, value: number, shown: string): Normalized<string> {
  if (!Number.isFinite(value) || !Number.isInteger(value) || value <= 0) {
    return fail(
      `${kind === 'nik' ? 'NIK' : 'KK'}_FORMAT`,
      `nilai ${shown} bukan ${ID_LABEL[kind]} (harus 16 digit angka).`,
      ID_EXPECTED[kind],
    );
  }
  if (value > Number.MAX_SAFE_INTEGER) return excelLost(kind, shown);
  const digits = cellText(value);
  if (digits.length === 16 && digits.endsWith('0')) {
    const label = ID_LABEL[kind];
    return fail(
      `${kind === 'nik' ? 'NIK' : 'KK'}_EXCEL_NUMBER`,
      `nilai ${shown} tersimpan sebagai angka; Excel hanya menyimpan 15 digit sehingga digit terakhir ${label} ` +
        `mungkin sudah berubah menjadi 0. Format kolom ${label} sebagai Teks lalu ketik ulang.`,
      ID_EXPECTED[kind],
    );
  }
  return ok(digits);
}

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*[+-]?\d+$/;
/** 3.528.011.203.800.120 or 3,528,011,203,800,120: a number cell exported with digit grouping. */
const GROUPED_NUMBER = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3}){3,}$/;

/** NIK or No. KK from any cell: strips spaces, dots, dashes and a leading apostrophe; refuses mangled numbers. */
export function normalizeIdNumber(kind: IdKind, value: RawCell): Normalized<string> {
  if (typeof value === 'number') return checkId(kind, idFromNumber(kind, value, displayValue(value)));
  const text = cleanText(value);
  // Most cells hold exactly the 16 digits.
  if (text.length === 16 && /^\d{16}$/.test(text)) return checkId(kind, ok(text));
  const bare = text.replace(/^['‘’`]+/, '').trim();
  if (SCIENTIFIC.test(bare)) return excelLost(kind, displayValue(value));
  if (GROUPED_NUMBER.test(bare)) {
    return checkId(kind, idFromNumber(kind, Number(bare.replace(/[.,]/g, '')), displayValue(value)));
  }
  // A number cell saved by some programs as "3528014512800001.0": it came from a number, so the number rules apply.
  const fromNumber = /^(\d{16})\.0+$/.exec(bare);
  if (fromNumber) return checkId(kind, idFromNumber(kind, Number(fromNumber[1]), displayValue(value)));
  return checkId(kind, ok(bare.replace(/[\s.\-_/]/g, '')));
}

let lastNik: { nik: string; parsed: ReturnType<typeof parseNik> } | null = null;

/** parseNik for the NIK just normalised: the row checker asks again for its warnings. */
export function parseNikOnce(nik: string): ReturnType<typeof parseNik> {
  if (lastNik?.nik === nik) return lastNik.parsed;
  const parsed = parseNik(nik);
  lastNik = { nik, parsed };
  return parsed;
}

function checkId(kind: IdKind, digits: Normalized<string>): Normalized<string> {
  if (!digits.ok) return digits;
  const parsed = kind === 'nik' ? parseNikOnce(digits.value) : parseNoKk(digits.value);
  if (parsed.ok) return ok(digits.value);
  // The form's own message: it names a wrong character and its place; the report shows the value beside it.
  return fail(parsed.code, lowerFirst(parsed.message), ID_EXPECTED[kind]);
}

/** A sentence continued after "Baris 12, kolom NIK: ": its first word in lower case, acronyms kept. */
export function lowerFirst(text: string): string {
  // Keep acronyms (NIK, KK) as they are.
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

export const normalizeNik = (value: RawCell) => normalizeIdNumber('nik', value);
export const normalizeNoKk = (value: RawCell) => normalizeIdNumber('kk', value);

// --- dates --------------------------------------------------------------------------------------------------------

/** Month names as offices write them: the Indonesian names (BULAN), old spellings, abbreviations, English. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const otherNames: string[][] = [
    ['JAN', 'JANUARY'],
    ['FEB', 'PEBRUARI', 'PEB', 'FEBRUARY'],
    ['MAR', 'MRT', 'MARCH'],
    ['APR'],
    ['MAY'],
    ['JUN', 'JUNE'],
    ['JUL', 'JULY'],
    ['AGU', 'AGT', 'AGS', 'AGUST', 'AUG', 'AUGUST'],
    ['SEP', 'SEPT'],
    ['OKT', 'OCT', 'OCTOBER'],
    ['NOV', 'NOP', 'NOPEMBER'],
    ['DES', 'DEC', 'DECEMBER'],
  ];
  const map = new Map<string, number>();
  BULAN.forEach((name, i) => {
    map.set(name.toUpperCase(), i + 1);
    for (const other of otherNames[i]) map.set(other, i + 1);
  });
  return map;
})();

const DATE_EXPECTED = 'tanggal seperti 12-03-1980, 12/03/1980, 1980-03-12, 12 Maret 1980 atau sel tanggal Excel';

export interface DateOptions {
  /** Dates after this day are refused (birth dates cannot lie in the future). Defaults to today. */
  today?: Date;
  /** The workbook counts serial numbers from 1904 (old Mac Excel). */
  date1904?: boolean;
  /** The field whose range and label apply (fields.ts); a pengurus's birth date when not given. */
  field?: DateSpec;
}

/** Excel serial day number -> ISO date, with Excel's fictitious 29 February 1900. */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  // The 1904 system counts 1 January 1904 as day 0.
  if (day < (date1904 ? 0 : 1) || day > 2_958_465) return null;
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + day * 86_400_000;
  else if (day === 60) return null;
  else if (day < 60) ms = Date.UTC(1899, 11, 31) + day * 86_400_000;
  else ms = Date.UTC(1899, 11, 30) + day * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date fields' rule for a two-digit year (centuryOf): the century that puts the date on or before today. */
function twoDigitYear(yy: number, month: number, day: number, today: Date): number {
  return centuryOf(yy, month, day, todayText(today));
}

/** What the text of a date cell says, before range checks. */
type DateReading =
  | {
      iso: string;
      warning?: { code: 'DATE_TWO_DIGIT_YEAR' | 'DATE_MONTH_FIRST'; day: number; month: number; year: number };
    }
  | { error: 'DATE_FORMAT' | 'DATE_INVALID' | 'DATE_YEAR_ONLY' };

/** dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd written exactly: most cells, read without regular expressions. */
function quickDate(text: string): DateReading | undefined {
  if (text.length !== 10) return undefined;
  let separators = 0;
  for (let i = 0; i < 10; i++) {
    const code = text.charCodeAt(i);
    if (code === 45 || code === 47 || code === 46) separators |= 1 << i;
    else if (code < 48 || code > 57) return undefined;
  }
  let iso: string | null;
  // dd-mm-yyyy: separators at 2 and 5 (a month above 12 goes the long way, which knows month-first dates).
  if (separators === 0b100100) {
    const month = Number(text.slice(3, 5));
    if (month > 12) return undefined;
    iso = isoDate(Number(text.slice(6)), month, Number(text.slice(0, 2)));
  } else if (separators === 0b10010000) {
    // yyyy-mm-dd: separators at 4 and 7.
    iso = isoDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8)));
  } else {
    return undefined;
  }
  return iso ? { iso } : { error: 'DATE_INVALID' };
}

const TIME_SUFFIX = /(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:Z|[AP]M|WIB|WITA|WIT)?)$/;
const WEEKDAY = /^(SENIN|SELASA|RABU|KAMIS|JUMAT|JUM'AT|SABTU|MINGGU),?\s+/;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/;
const D_MONTH_Y = /^(\d{1,2})[\s\-/.,]*([A-Z]+)\.?[\s\-/.,]+(\d{4}|\d{2})$/;

function readDateText(clean: string, today: Date, date1904: boolean | undefined): DateReading {
  const quick = quickDate(clean);
  if (quick) return quick;
  const text = clean.toUpperCase().replace(TIME_SUFFIX, '').trim().replace(WEEKDAY, '');
  const found = (iso: string | null): DateReading => (iso ? { iso } : { error: 'DATE_INVALID' });
  let m = YMD.exec(text);
  if (m) return found(isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  m = DMY.exec(text);
  if (m) {
    let day = Number(m[1]);
    let month = Number(m[2]);
    const twoDigits = m[3].length === 2;
    const monthFirst = month > 12 && day <= 12;
    if (monthFirst) [day, month] = [month, day];
    const year = twoDigits ? twoDigitYear(Number(m[3]), month, day, today) : Number(m[3]);
    const iso = isoDate(year, month, day);
    if (!iso) return { error: 'DATE_INVALID' };
    if (!monthFirst && !twoDigits) return { iso };
    return { iso, warning: { code: monthFirst ? 'DATE_MONTH_FIRST' : 'DATE_TWO_DIGIT_YEAR', day, month, year } };
  }
  m = D_MONTH_Y.exec(text);
  if (m) {
    const month = MONTHS.get(m[2]);
    if (!month) return { error: 'DATE_FORMAT' };
    const twoDigits = m[3].length === 2;
    const day = Number(m[1]);
    const year = twoDigits ? twoDigitYear(Number(m[3]), month, day, today) : Number(m[3]);
    const iso = isoDate(year, month, day);
    if (!iso) return { error: 'DATE_INVALID' };
    return twoDigits ? { iso, warning: { code: 'DATE_TWO_DIGIT_YEAR', day, month, year } } : { iso };
  }
  if (/^\d{8}$/.test(text)) {
    return found(
      isoDate(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8))) ??
        isoDate(Number(text.slice(4, 8)), Number(text.slice(2, 4)), Number(text.slice(0, 2))),
    );
  }
  if (/^\d{4}$/.test(text)) return { error: 'DATE_YEAR_ONLY' };
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const iso = excelSerialToIso(Number(text), date1904);
    return iso ? { iso } : { error: 'DATE_FORMAT' };
  }
  return { error: 'DATE_FORMAT' };
}

/** todayIso for the date cells of one file: the same day is asked for 100,000 times. */
let todayMemo = { time: Number.NaN, iso: '' };
function todayText(today: Date): string {
  if (today.getTime() !== todayMemo.time) todayMemo = { time: today.getTime(), iso: todayIso(today) };
  return todayMemo.iso;
}

/** Birth dates and other calendar dates in the shapes offices use. */
export function normalizeDate(value: RawCell, options: DateOptions = {}): Normalized<string> {
  const today = options.today ?? new Date();
  let reading: DateReading;
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime())
      ? null
      : isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    reading = iso ? { iso } : { error: 'DATE_FORMAT' };
  } else if (typeof value === 'number') {
    // A year typed into a General cell arrives as a whole number such as 1965; as a serial it would be 1905.
    const yearOnly = Number.isInteger(value) && value >= 1000 && value <= 2100;
    const iso = yearOnly ? null : excelSerialToIso(value, options.date1904);
    reading = iso ? { iso } : { error: yearOnly ? 'DATE_YEAR_ONLY' : 'DATE_FORMAT' };
  } else {
    reading = readDateText(cleanText(value), today, options.date1904);
  }
  if ('error' in reading) {
    const shown = displayValue(value);
    if (reading.error === 'DATE_INVALID') {
      const label = (options.field ?? KPM_FIELDS.tanggalLahir).label;
      return fail('DATE_INVALID', `${label} bukan tanggal yang ada di kalender.`, DATE_EXPECTED);
    }
    if (reading.error === 'DATE_YEAR_ONLY') {
      return fail('DATE_YEAR_ONLY', `nilai ${shown} hanya tahun; isi tanggal lengkap atau kosongkan.`, DATE_EXPECTED);
    }
    return fail('DATE_FORMAT', `nilai ${shown} bukan tanggal yang dikenali.`, DATE_EXPECTED);
  }
  const { iso } = reading;
  // A four-digit year first: '190000-01-01' would otherwise sort before today.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    return fail('DATE_RANGE', `nilai ${displayValue(value)} di luar rentang tanggal yang mungkin.`, DATE_EXPECTED);
  }
  // The range and its message are the field's own, as in the form.
  const inRange = checkDateRange(options.field ?? KPM_FIELDS.tanggalLahir, iso, todayText(today));
  if (!inRange.ok) return fail(inRange.code, inRange.message, inRange.expected);
  const w = reading.warning;
  if (!w) return ok(iso);
  const shown = displayValue(value);
  return ok(
    iso,
    w.code === 'DATE_MONTH_FIRST'
      ? {
          code: w.code,
          message: `${shown} ditulis bulan lebih dulu (format Amerika); dibaca sebagai tanggal ${w.day} bulan ${w.month}.`,
          expected: 'tanggal-bulan-tahun',
        }
      : {
          code: w.code,
          message: `tahun dua digit pada ${shown} dibaca sebagai ${w.year}; periksa kembali.`,
          expected: 'tahun empat digit',
        },
  );
}

// --- small codes --------------------------------------------------------------------------------------------------

const SEX_WORDS: ReadonlyMap<string, Sex> = new Map([
  ...['L', 'LK', 'LAKI', 'LAKILAKI', 'PRIA', 'M', 'MALE', '1', 'COWOK'].map((w) => [w, 'L'] as [string, Sex]),
  ...['P', 'PR', 'PEREMPUAN', 'WANITA', 'W', 'F', 'FEMALE', '2', 'PEREMPUANWANITA'].map(
    (w) => [w, 'P'] as [string, Sex],
  ),
]);

export function normalizeSex(value: RawCell): Normalized<Sex> {
  const key = cleanText(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const sex = SEX_WORDS.get(key);
  if (sex) return ok(sex);
  return fail('SEX_INVALID', `nilai ${displayValue(value)} bukan jenis kelamin.`, 'L atau P (LAKI-LAKI/PEREMPUAN)');
}

/** RT and RW as three digits ("1", "RT 01", "001" -> "001"): the field check the form uses too. */
export function normalizeRtRw(value: RawCell, label: 'RT' | 'RW'): Normalized<string> {
  return checkRtRw(label === 'RT' ? KPM_FIELDS.rt : KPM_FIELDS.rw, cleanText(value));
}

/** "001/002", "01-02", "RT 1 RW 2" -> { rt, rw }. */
export function splitRtRw(value: RawCell): Normalized<{ rt: string; rw: string }> {
  const text = cleanText(value).toUpperCase();
  const m = text.match(/^(?:RT\.?\s*)?(\d{1,3})\s*(?:[/\-.,]|\s+RW\.?|\s)\s*(?:RW\.?\s*)?(\d{1,3})$/);
  if (m) return ok({ rt: m[1].padStart(3, '0'), rw: m[2].padStart(3, '0') });
  return fail('RTRW_INVALID', `nilai ${displayValue(value)} bukan RT/RW.`, 'RT/RW seperti 001/002');
}

/** Phone numbers as digits; a leading 0 that Excel dropped from a number cell is put back (see checkPhone). */
export function normalizePhone(value: RawCell): Normalized<string> {
  return checkPhone(KPM_FIELDS.phone, cleanText(value));
}

/** The year a family joined PKH, from a number or text cell, in the range the form takes too. */
export function normalizeYear(value: RawCell, today: Date = new Date()): Normalized<number> {
  const text = cleanText(value);
  const spec = KPM_FIELDS.tahunBergabung;
  if (!/^\d{4}$/.test(text)) {
    return fail(
      'YEAR_INVALID',
      `${spec.label} berupa angka tahun (terisi "${displayValue(value)}").`,
      'tahun empat digit',
    );
  }
  const checked = checkYear(spec, Number(text), todayIso(today));
  return checked.ok ? ok(checked.value) : fail('YEAR_INVALID', checked.message, checked.expected);
}

const KOMPONEN_WORDS: ReadonlyMap<string, Komponen> = new Map([
  ['IBUHAMIL', 'ibu_hamil'],
  ['HAMIL', 'ibu_hamil'],
  ['BUMIL', 'ibu_hamil'],
  ['IBUHAMILNIFAS', 'ibu_hamil'],
  ['NIFAS', 'ibu_hamil'],
  ['ANAKUSIADINI', 'anak_usia_dini'],
  ['BALITA', 'anak_usia_dini'],
  ['APRAS', 'anak_usia_dini'],
  ['ANAKSD', 'anak_sd'],
  ['SD', 'anak_sd'],
  ['ANAKSMP', 'anak_smp'],
  ['SMP', 'anak_smp'],
  ['ANAKSMA', 'anak_sma'],
  ['SMA', 'anak_sma'],
  ['DISABILITAS', 'disabilitas_berat'],
  ['DISABILITASBERAT', 'disabilitas_berat'],
  ['PENYANDANGDISABILITASBERAT', 'disabilitas_berat'],
  ['LANSIA', 'lanjut_usia'],
  ['LANJUTUSIA', 'lanjut_usia'],
  // The labels the app itself writes (exports, the family page): "Anak SD/sederajat", "Lanjut usia (70+)".
  ...Object.entries(KOMPONEN_LABEL).map(([k, label]) => [komponenWord(label), k as Komponen] as [string, Komponen]),
]);

/** A komponen as letters only: "Anak SD/sederajat" -> ANAKSDSEDERAJAT. */
function komponenWord(value: RawCell): string {
  return cleanText(value)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

export function normalizeKomponen(value: RawCell): Normalized<Komponen> {
  const key = komponenWord(value);
  const found =
    KOMPONEN_WORDS.get(key) ??
    KOMPONEN_WORDS.get(key.replace(/SEDERAJAT$/, '')) ??
    (KOMPONEN as readonly string[]).find((k) => k.replace(/_/g, '').toUpperCase() === key);
  if (found) return ok(found as Komponen);
  return fail(
    'KOMPONEN_INVALID',
    `nilai ${displayValue(value)} bukan komponen PKH.`,
    'ibu hamil, anak usia dini, anak SD/SMP/SMA, disabilitas berat, lanjut usia',
  );
}

export type Hubungan = (typeof HUBUNGAN)[number];
export type HubunganValue = Hubungan | 'pengurus';

const HUBUNGAN_WORDS: ReadonlyMap<string, HubunganValue> = new Map([
  ['PENGURUS', 'pengurus'],
  ['PENGURUSKPM', 'pengurus'],
  ['PENERIMA', 'pengurus'],
  ['KPM', 'pengurus'],
  ['SUAMI', 'suami'],
  ['KEPALAKELUARGA', 'suami'],
  ['KEPALARUMAHTANGGA', 'suami'],
  ['KRT', 'suami'],
  ['ISTRI', 'istri'],
  ['ISTERI', 'istri'],
  ['ANAK', 'anak'],
  ['ANAKKANDUNG', 'anak'],
  ['ANAKTIRI', 'anak'],
  ['ANAKANGKAT', 'anak'],
  ['CUCU', 'cucu'],
  ['ORANGTUA', 'orang_tua'],
  ['ORTU', 'orang_tua'],
  ['AYAH', 'orang_tua'],
  ['IBU', 'orang_tua'],
  ['MERTUA', 'mertua'],
  ['FAMILILAIN', 'famili_lain'],
  ['FAMILI', 'famili_lain'],
  ['LAINNYA', 'famili_lain'],
  ['MENANTU', 'famili_lain'],
  ['PEMBANTU', 'famili_lain'],
]);

export function normalizeHubungan(value: RawCell): Normalized<HubunganValue> {
  const key = cleanText(value)
    .toUpperCase()
    .replace(/^\d+\s*[-.)]?\s*/, '')
    .replace(/[^A-Z]/g, '');
  const found = HUBUNGAN_WORDS.get(key);
  if (found) return ok(found);
  return fail(
    'HUBUNGAN_INVALID',
    `nilai ${displayValue(value)} bukan hubungan keluarga yang dikenal.`,
    'PENGURUS, SUAMI, ISTRI, ANAK, CUCU, ORANG TUA, MERTUA atau FAMILI LAIN',
  );
}

/** "PEKALONGAN, 12-03-1980" or "Pekalongan 12 Maret 1980" -> place and the date text. */
export function splitTempatTanggalLahir(value: RawCell): { tempat: string; tanggal: string } {
  const text = cleanText(value);
  const comma = text.lastIndexOf(',');
  if (comma >= 0) return { tempat: text.slice(0, comma).trim(), tanggal: text.slice(comma + 1).trim() };
  const m = text.match(/^(.*?)\s+(\d{1,2}[\s\-/.].*|\d{4}-\d{2}-\d{2})$/);
  if (m) return { tempat: m[1].trim(), tanggal: m[2].trim() };
  return { tempat: text, tanggal: '' };
}

/** Person names compared for matching (pendamping): capitals, titles after a comma dropped, punctuation ignored. */
export function personKey(value: RawCell): string {
  const text = cleanText(value).toUpperCase();
  const beforeTitles = text.split(',')[0];
  return beforeTitles
    .normalize('NFKD')
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// --- regions ------------------------------------------------------------------------------------------------------

export type RegionLevel = 'district' | 'village';

const REGION_PREFIXES: Record<RegionLevel, string[]> = {
  district: ['KECAMATAN', 'KEC', 'KC'],
  village: ['DESA KELURAHAN', 'KELURAHAN DESA', 'DESA KEL', 'KEL DESA', 'KELURAHAN', 'DESA', 'KEL', 'DS', 'KAMPUNG'],
};

function regionWords(value: RawCell): string {
  return cleanText(value)
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** A region name compared without case, punctuation or spaces: "Kota Baru" = "KOTABARU". */
export function regionKey(value: RawCell): string {
  return regionWords(value).replace(/ /g, '');
}

/**
 * The keys a written name may stand for: as written, and without each prefix it starts with
 * ("KEC. PADEMAWU" -> PADEMAWU; "DESA KELURAHAN BARU" -> KELURAHANBARU, as a village may be called that).
 */
export function regionKeyCandidates(value: RawCell, level: RegionLevel): string[] {
  const words = regionWords(value);
  const keys = [words.replace(/ /g, '')];
  for (const prefix of REGION_PREFIXES[level]) {
    if (words.startsWith(`${prefix} `) && words.length > prefix.length + 1)
      keys.push(words.slice(prefix.length + 1).replace(/ /g, ''));
  }
  return keys;
}

export interface RegionEntry {
  code: string;
  level: string;
  parentCode: string | null;
  name: string;
}

export interface RegionMatcher {
  regencyCode: string;
  district(value: RawCell): Normalized<string>;
  village(value: RawCell, districtCode: string | null): Normalized<{ districtCode: string; villageCode: string }>;
  nameOf(code: string): string;
  /**
   * What a cell is when it is a Kemendagri code (6 digits a kecamatan, 10 a desa, dotted or not) of a known
   * kabupaten/kota: its level, and whether it is a kecamatan or desa of the office. Null for anything else.
   */
  codeOf(value: RawCell): { level: 'district' | 'village'; own: boolean } | null;
}

/** A Kemendagri kecamatan or desa code as written: 35.28.01, 352801, 35.28.01.2001, 3528012001. */
const REGION_CODE = /^(\d{2})\.?(\d{2})\.?(\d{2})(?:\.?(\d{4}))?$/;

/** The digits of a region code as written (dotted or plain, text or number cell), or null. */
export function regionCodeDigits(value: RawCell): string | null {
  const m = REGION_CODE.exec(cleanText(value).replace(/\s/g, ''));
  return m ? m.slice(1).join('') : null;
}

const REGION_EXPECTED = {
  district: 'nama atau kode kecamatan di kabupaten/kota ini',
  village: 'nama atau kode desa/kelurahan di kecamatan itu',
};

/** Edit distance with an early exit: only distances up to max matter for suggestions. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Matches kecamatan and desa/kelurahan by Kemendagri code (with or without dots) or by name, within the
 * office's regency. Results are cached per distinct value: a 100,000-row file has a few hundred distinct names.
 */
export function createRegionMatcher(regencyCode: string, entries: readonly RegionEntry[]): RegionMatcher {
  const names = new Map<string, string>();
  const districtByKey = new Map<string, string[]>();
  const villageByKey = new Map<string, string[]>();
  const villageParent = new Map<string, string>();
  const districtVillageKeys = new Map<string, { key: string; code: string }[]>();
  for (const e of entries) {
    names.set(e.code, e.name);
    if (e.level === 'district' && e.parentCode === regencyCode) {
      const key = regionKey(e.name);
      districtByKey.set(key, [...(districtByKey.get(key) ?? []), e.code]);
    }
  }
  for (const e of entries) {
    if (e.level === 'village' && e.parentCode && e.parentCode.startsWith(regencyCode) && names.has(e.parentCode)) {
      const key = regionKey(e.name);
      villageByKey.set(key, [...(villageByKey.get(key) ?? []), e.code]);
      villageParent.set(e.code, e.parentCode);
      const list = districtVillageKeys.get(e.parentCode) ?? [];
      list.push({ key, code: e.code });
      districtVillageKeys.set(e.parentCode, list);
    }
  }
  const districtCodes = new Set([...districtByKey.values()].flat());
  const nameOf = (code: string) => names.get(code) ?? code;
  const regencyCodes = new Set(entries.filter((e) => e.level === 'regency').map((e) => e.code));
  /** "kode kecamatan 33.75.01 termasuk wilayah KOTA PEKALONGAN, bukan KABUPATEN PAMEKASAN." */
  const outside = (what: string, shown: string, digits: string) => {
    const own = regencyCodes.has(regencyCode) ? nameOf(regencyCode).toUpperCase() : 'kabupaten/kota ini';
    const other = digits.slice(0, 4);
    return regencyCodes.has(other)
      ? `kode ${what} ${shown} termasuk wilayah ${nameOf(other).toUpperCase()}, bukan ${own}.`
      : `kode ${what} ${shown} bukan wilayah ${own}.`;
  };
  const codeOf = (value: RawCell) => {
    const digits = regionCodeDigits(value);
    if (!digits || !regencyCodes.has(digits.slice(0, 4))) return null;
    return digits.length === 6
      ? { level: 'district' as const, own: districtCodes.has(digits) }
      : { level: 'village' as const, own: villageParent.has(digits) };
  };

  /** The closest name, as a hint for the message and as the code the user may accept. */
  const suggest = (key: string, candidates: Iterable<string>, codeOfKey: (k: string) => string) => {
    let best: string | null = null;
    let bestDistance = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
    for (const candidate of candidates) {
      const d = editDistance(key, candidate, bestDistance);
      if (d <= bestDistance && (best === null || d < bestDistance)) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best === null) return { hint: '', suggestion: undefined };
    const code = codeOfKey(best);
    const name = nameOf(code).toUpperCase();
    return { hint: ` Mungkin maksudnya ${name}?`, suggestion: { code, name } };
  };
  const unknown = <T>(code: string, message: string, expected: string, s: ReturnType<typeof suggest>) => {
    const result = fail<T>(code, `${message}${s.hint}`, expected);
    return s.suggestion ? { ...result, suggestion: s.suggestion } : result;
  };

  const districtCache = new Map<string, Normalized<string>>();
  const district = (value: RawCell): Normalized<string> => {
    const raw = cleanText(value);
    const cached = districtCache.get(raw);
    if (cached) return cached;
    const result = matchDistrict(raw);
    districtCache.set(raw, result);
    return result;
  };
  const matchDistrict = (raw: string): Normalized<string> => {
    const shown = displayValue(raw);
    const digits = raw.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) {
      if (digits.length === 6 || digits.length === 10) {
        const code = digits.slice(0, 6);
        if (districtCodes.has(code)) return ok(code);
        if (!code.startsWith(regencyCode)) {
          return fail('REGION_OUTSIDE', outside('kecamatan', shown, digits), REGION_EXPECTED.district);
        }
      }
      return fail('REGION_DISTRICT_UNKNOWN', `kode kecamatan ${shown} tidak dikenal.`, REGION_EXPECTED.district);
    }
    const keys = regionKeyCandidates(raw, 'district');
    const key = keys[keys.length - 1];
    const codes = keys.map((k) => districtByKey.get(k)).find((c) => c !== undefined);
    if (codes && codes.length === 1) return ok(codes[0]);
    if (codes && codes.length > 1) {
      return fail(
        'REGION_DISTRICT_AMBIGUOUS',
        `nama kecamatan ${shown} ada lebih dari satu; isi kodenya.`,
        REGION_EXPECTED.district,
      );
    }
    return unknown(
      'REGION_DISTRICT_UNKNOWN',
      `kecamatan ${shown} tidak ditemukan di kabupaten/kota ini.`,
      REGION_EXPECTED.district,
      suggest(key, districtByKey.keys(), (k) => (districtByKey.get(k) as string[])[0]),
    );
  };

  const villageCache = new Map<string, Normalized<{ districtCode: string; villageCode: string }>>();
  const village = (value: RawCell, districtCode: string | null) => {
    const raw = cleanText(value);
    const cacheKey = `${districtCode ?? ''}|${raw}`;
    const cached = villageCache.get(cacheKey);
    if (cached) return cached;
    const result = matchVillage(raw, districtCode);
    villageCache.set(cacheKey, result);
    return result;
  };
  const matchVillage = (
    raw: string,
    districtCode: string | null,
  ): Normalized<{ districtCode: string; villageCode: string }> => {
    const shown = displayValue(raw);
    const found = (code: string) => ok({ districtCode: villageParent.get(code) as string, villageCode: code });
    const inDistrict = districtCode ? ` di Kecamatan ${nameOf(districtCode).toUpperCase()}` : '';
    const digits = raw.replace(/[\s.]/g, '');
    if (/^\d+$/.test(digits)) {
      if (digits.length === 10 && villageParent.has(digits)) {
        const parent = villageParent.get(digits) as string;
        if (districtCode && parent !== districtCode) {
          return fail(
            'REGION_VILLAGE_OTHER_DISTRICT',
            `kode desa ${shown} termasuk Kecamatan ${nameOf(parent).toUpperCase()}, bukan${inDistrict}.`,
            REGION_EXPECTED.village,
          );
        }
        return found(digits);
      }
      if (digits.length === 10 && !digits.startsWith(regencyCode)) {
        return fail('REGION_OUTSIDE', outside('desa', shown, digits), REGION_EXPECTED.village);
      }
      return fail('REGION_VILLAGE_UNKNOWN', `kode desa/kelurahan ${shown} tidak dikenal.`, REGION_EXPECTED.village);
    }
    const keys = regionKeyCandidates(raw, 'village');
    const key = keys[keys.length - 1];
    if (districtCode) {
      for (const k of keys) {
        const here = (villageByKey.get(k) ?? []).filter((c) => villageParent.get(c) === districtCode);
        if (here.length === 1) return found(here[0]);
        if (here.length > 1) {
          return fail(
            'REGION_VILLAGE_AMBIGUOUS',
            `nama desa ${shown} ada lebih dari satu${inDistrict}; isi kodenya.`,
            REGION_EXPECTED.village,
          );
        }
      }
    }
    const codes = keys.map((k) => villageByKey.get(k)).find((c) => c !== undefined) ?? [];
    if (districtCode) {
      if (codes.length > 0) {
        const elsewhere = [...new Set(codes.map((c) => nameOf(villageParent.get(c) as string).toUpperCase()))].join(
          ', ',
        );
        return fail(
          'REGION_VILLAGE_OTHER_DISTRICT',
          `desa/kelurahan ${shown} tidak ada${inDistrict} (ada di Kecamatan ${elsewhere}).`,
          REGION_EXPECTED.village,
        );
      }
      const local = districtVillageKeys.get(districtCode) ?? [];
      return unknown(
        'REGION_VILLAGE_UNKNOWN',
        `desa/kelurahan ${shown} tidak ditemukan${inDistrict}.`,
        REGION_EXPECTED.village,
        suggest(
          key,
          local.map((v) => v.key),
          (k) => (local.find((v) => v.key === k) as { code: string }).code,
        ),
      );
    }
    if (codes.length === 1) return found(codes[0]);
    if (codes.length > 1) {
      const where = codes.map((c) => nameOf(villageParent.get(c) as string).toUpperCase()).join(', ');
      return fail(
        'REGION_VILLAGE_AMBIGUOUS',
        `desa/kelurahan ${shown} ada di beberapa kecamatan (${where}); isi kolom KECAMATAN.`,
        REGION_EXPECTED.village,
      );
    }
    return unknown(
      'REGION_VILLAGE_UNKNOWN',
      `desa/kelurahan ${shown} tidak ditemukan di kabupaten/kota ini.`,
      REGION_EXPECTED.village,
      suggest(key, villageByKey.keys(), (k) => (villageByKey.get(k) as string[])[0]),
    );
  };

  return { regencyCode, district, village, nameOf, codeOf };
}
