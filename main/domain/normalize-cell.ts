/**
 * What the import's normalisers share: the cell as a reader gives it, the result with its coded problem in
 * Indonesian, and a cell's text as a person reads it. None throws; the message is the part after
 * "Baris N, kolom X: ".
 */

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

export const ok = <T>(value: T, warning?: ValueProblem): Normalized<T> =>
  warning ? { ok: true, value, warning } : { ok: true, value };
export const fail = <T>(code: string, message: string, expected: string): Normalized<T> => ({
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
