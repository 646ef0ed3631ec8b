/**
 * Dates as office staff type them into a form: day first, whatever the PC's language. 16081985, 160885,
 * 16/8/85, 16-08-1985, 16.08.1985 and 16 8 1985 are all 16 August 1985; an ISO date (1985-08-16, pasted from
 * elsewhere) is read too. The import reads spreadsheet cells with its own reader (normalize.ts), which also
 * knows month names and Excel serial numbers.
 */
import { BULAN, formatTanggal } from './format';
import { isoDate } from './identity';

export type TypedDate = { ok: true; iso: string } | { ok: false; message: string };

const EXAMPLE = 'tulis hari/bulan/tahun, misalnya 16/08/1985 atau 16081985';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$/;
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{2}|\d{4})$/;

/**
 * A two-digit year is read in the century that puts the date on or before today: with today 7 December 2026,
 * 16/08/85 is 1985, 16/08/26 is 2026 and 16/12/26 is 1926. Most dates typed short are birth dates, which are
 * never in the future; a date ahead of today must be typed with its four-digit year.
 */
export function centuryOf(twoDigits: number, month: number, day: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  const year = thisYear - (thisYear % 100) + twoDigits;
  const key = year * 10_000 + month * 100 + day;
  const todayKey = thisYear * 10_000 + Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10));
  return key > todayKey ? year - 100 : year;
}

function readParts(text: string): [day: number, month: number, year: string] | null {
  const iso = ISO.exec(text);
  if (iso) return [Number(iso[3]), Number(iso[2]), iso[1]];
  const m = DAY_FIRST.exec(text) ?? DIGITS_ONLY.exec(text);
  return m ? [Number(m[1]), Number(m[2]), m[3]] : null;
}

/**
 * The date a person typed, as ISO text, or the reason it cannot be read (Indonesian, fit for the field);
 * null when nothing was typed. `today` (ISO) decides the century of a two-digit year (centuryOf).
 */
export function parseTypedDate(typed: string, today: string): TypedDate | null {
  const text = typed.trim();
  if (text === '') return null;
  const parts = readParts(text);
  if (!parts) return { ok: false, message: `"${text}" tidak terbaca sebagai tanggal: ${EXAMPLE}.` };
  const [day, month, yearText] = parts;
  if (month < 1 || month > 12) {
    return { ok: false, message: `Bulan ${month} tidak ada: bulan 1 sampai 12; ${EXAMPLE}.` };
  }
  const year = yearText.length === 2 ? centuryOf(Number(yearText), month, day, today) : Number(yearText);
  const iso = isoDate(year, month, day);
  if (!iso) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return {
      ok: false,
      message: `Tanggal ${day} ${BULAN[month - 1]} ${year} tidak ada: ${BULAN[month - 1]} ${year} hanya sampai tanggal ${last}.`,
    };
  }
  return { ok: true, iso };
}

/** '1985-08-16' -> '16/08/1985', how a date field shows a date. */
export function formatDayFirst(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Why a readable date is outside a field's bounds (ISO, inclusive), or null when it is within them. */
export function dateBoundsProblem(iso: string, bounds: { min?: string; max?: string }): string | null {
  if (bounds.max && iso > bounds.max) return `${formatTanggal(iso)} lewat dari batas ${formatTanggal(bounds.max)}.`;
  if (bounds.min && iso < bounds.min) return `${formatTanggal(iso)} sebelum batas ${formatTanggal(bounds.min)}.`;
  return null;
}
