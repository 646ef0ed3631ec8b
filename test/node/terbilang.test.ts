import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TERBILANG_MAX, terbilang, terbilangRupiah } from '../../main/domain/terbilang';

/**
 * Reads Indonesian number words back, written independently of terbilang (a different algorithm: a running
 * sum with a multiplier stack), so the round trip checks the words, not the code against itself.
 */
function parse(text: string): number {
  const digit: Record<string, number> = {
    nol: 0,
    satu: 1,
    dua: 2,
    tiga: 3,
    empat: 4,
    lima: 5,
    enam: 6,
    tujuh: 7,
    delapan: 8,
    sembilan: 9,
  };
  const se: Record<string, number> = { sepuluh: 10, sebelas: 11, seratus: 100, seribu: 1000 };
  const big: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12 };
  let total = 0;
  let group = 0;
  let last = 0;
  for (const word of text.split(' ')) {
    if (word in digit) {
      last = digit[word];
      group += last;
    } else if (word === 'belas')
      group += 10 - last + last; // 'dua belas': 2 -> 12
    else if (word === 'puluh') group += last * 9;
    else if (word === 'ratus') group += last * 99;
    else if (word === 'seribu') total += 1000;
    else if (word in se) group += se[word];
    else if (word in big) {
      total += group * big[word];
      group = 0;
    } else throw new Error(`unknown word ${word}`);
  }
  return total + group;
}

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [1111, 'seribu seratus sebelas'],
    [2000, 'dua ribu'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [12_500, 'dua belas ribu lima ratus'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [250_000, 'dua ratus lima puluh ribu'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [1_500_000, 'satu juta lima ratus ribu'],
    [3_500_000, 'tiga juta lima ratus ribu'],
    [11_000_000, 'sebelas juta'],
    [100_000_000, 'seratus juta'],
    [1_000_000_000, 'satu miliar'],
    [2_000_001_000, 'dua miliar seribu'],
    [1_000_000_000_000, 'satu triliun'],
    [1_000_000_000_001, 'satu triliun satu'],
    [999_000_000_000_000, 'sembilan ratus sembilan puluh sembilan triliun'],
  ])('%d is "%s"', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('says rupiah after the words', () => {
    expect(terbilangRupiah(3_500_000)).toBe('tiga juta lima ratus ribu rupiah');
    expect(terbilangRupiah(0)).toBe('nol rupiah');
  });

  it('refuses fractions, negatives and numbers past 999 trillion', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(TERBILANG_MAX + 1)).toThrow(RangeError);
    expect(terbilang(TERBILANG_MAX).startsWith('sembilan ratus sembilan puluh sembilan triliun')).toBe(true);
  });

  const anyAmount = fc.integer({ min: 0, max: TERBILANG_MAX });

  it('reads back to the same number', () => {
    fc.assert(fc.property(anyAmount, (n) => parse(terbilang(n)) === n));
  });

  it('never has two spaces, a leading or trailing space, or "nol" inside a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: TERBILANG_MAX }), (n) => {
        const words = terbilang(n);
        return !/ {2}|^ | $/.test(words) && !words.split(' ').includes('nol');
      }),
    );
  });

  it('uses "se-" before belas, puluh, ratus and ribu, never "satu" there, and never "se-" before juta and up', () => {
    fc.assert(
      fc.property(anyAmount, (n) => {
        const words = terbilang(n);
        return (
          !/\bsatu (belas|puluh|ratus)\b/.test(words) &&
          !/^satu ribu|\b(juta|miliar|triliun) satu ribu/.test(words) &&
          !/\bse(juta|miliar|triliun)\b/.test(words) &&
          words.split(' ').every((w) => !w.startsWith('se') || /^(sepuluh|sebelas|seratus|seribu|sembilan)$/.test(w))
        );
      }),
    );
  });

  it('keeps "satu" before ribu when the thousands are more than one (seratus satu ribu)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 999 }), (k) => {
        const words = terbilang(k * 1000);
        const endsInOne = k % 10 === 1 && k % 100 !== 11;
        return words.endsWith('satu ribu') === endsInOne;
      }),
    );
  });
});
