/** NIK and No. KK from any cell, and how the import words what is wrong with them. */
import { NISN_MESSAGE, NISN_PATTERN, parseNik, parseNoKk } from './identity';
import {
  cellText,
  cleanText,
  displayValue,
  fail,
  type Normalized,
  ok,
  type RawCell,
  type ValueProblem,
} from './normalize-cell';

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

// --- NISN ---------------------------------------------------------------------------------------------------------

const NISN_EXPECTED = '10 digit angka, sel berformat Teks';

/** A NISN on a row without a member: the pengurus's, or a file of families only. */
export const NISN_NOT_MEMBER: ValueProblem = {
  code: 'NISN_NOT_MEMBER',
  message: 'NISN tidak disimpan: baris ini tidak berisi anggota keluarga (NISN dicatat untuk anggota, bukan pengurus).',
  expected: 'NISN pada baris anggota keluarga',
};

/**
 * A member's NISN from any cell, as the form checks it (10 digits). A pupil born from 2000 has one to three leading
 * zeros (the first three digits are the birth year's last three), which a number cell drops: a whole number of 7
 * to 9 digits gets its zeros back, with a warning saying so. Text keeps its zeros, so text of another length is
 * wrong; spaces, dots, dashes and Excel's leading apostrophe are not part of it.
 */
export function normalizeNisn(value: RawCell): Normalized<string> {
  const shown = displayValue(value);
  if (typeof value === 'number') {
    const digits = Number.isSafeInteger(value) && value > 0 ? String(value) : '';
    if (digits.length === 10) return ok(digits);
    if (digits.length >= 7 && digits.length <= 9) {
      const nisn = digits.padStart(10, '0');
      return ok(nisn, {
        code: 'NISN_LEADING_ZEROS',
        message: `nilai ${shown} tersimpan sebagai angka sehingga angka 0 di depannya hilang; dibaca sebagai ${nisn}. Format kolom NISN sebagai Teks agar angka 0 tetap ada.`,
        expected: NISN_EXPECTED,
      });
    }
  }
  const bare = cleanText(value)
    .replace(/^['‘’`]+/, '')
    .replace(/[\s.\-_/]/g, '');
  if (typeof value !== 'number' && NISN_PATTERN.test(bare)) return ok(bare);
  return fail('NISN_FORMAT', `${NISN_MESSAGE.slice(0, -1)}; tertulis ${shown}.`, NISN_EXPECTED);
}
