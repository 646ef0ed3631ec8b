/** Dates from any cell: Excel serials, the shapes offices type, Indonesian and English month names. */
import { centuryOf } from './date-text';
import { checkDateRange } from './field-checks';
import { type DateSpec, KPM_FIELDS } from './fields';
import { BULAN, todayIso } from './format';
import { isoDate } from './identity';
import { cleanText, displayValue, fail, type Normalized, ok, type RawCell } from './normalize-cell';

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
