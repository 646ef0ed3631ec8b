/**
 * Terbilang: a whole number in Indonesian words, as printed on a berita acara next to the figure
 * ("Rp3.500.000 (tiga juta lima ratus ribu rupiah)"). 0 .. 999 trillion.
 *
 * The 'se-' forms: 1 before belas, puluh, ratus and ribu becomes 'se' (sebelas, sepuluh, seratus, seribu),
 * but never before juta, miliar or triliun ("satu juta"), and "seribu" only when the thousands group is
 * exactly one (1.000 is "seribu", 101.000 is "seratus satu ribu").
 */

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
/** Groups of three digits above the units, from the smallest. */
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'];

export const TERBILANG_MAX = 999_999_999_999_999;

/** 1 .. 999 in words ('seratus dua puluh tiga'); 0 gives no words. */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(DIGITS[hundreds], 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(DIGITS[rest]);
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(DIGITS[rest - 10], 'belas');
  else {
    words.push(DIGITS[Math.floor(rest / 10)], 'puluh');
    if (rest % 10 > 0) words.push(DIGITS[rest % 10]);
  }
  return words;
}

/** 3500000 -> 'tiga juta lima ratus ribu'. Whole numbers from 0 to 999 trillion. */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > TERBILANG_MAX) {
    throw new RangeError(`terbilang: ${n} bukan bilangan bulat 0 sampai ${TERBILANG_MAX}`);
  }
  if (n === 0) return DIGITS[0];
  const words: string[] = [];
  let rest = n;
  for (let scale = SCALES.length - 1; scale >= 0; scale--) {
    const unit = 1000 ** scale;
    const group = Math.floor(rest / unit);
    rest %= unit;
    if (group === 0) continue;
    if (group === 1 && scale === 1) words.push('seribu');
    else words.push(...belowThousand(group), ...(SCALES[scale] ? [SCALES[scale]] : []));
  }
  return words.join(' ');
}

/** 3500000 -> 'tiga juta lima ratus ribu rupiah'. */
export function terbilangRupiah(n: number): string {
  return `${terbilang(n)} rupiah`;
}
