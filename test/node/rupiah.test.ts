import { describe, expect, it } from 'vitest';
import { parseRupiah } from '../../main/domain/rupiah';

describe('rupiah typed and pasted into money fields', () => {
  it.each(['1250000', '1.250.000', 'Rp1.250.000', 'Rp 1.250.000', 'rp1250000', 'Rp. 1.250.000', ' 1 250 000 '])(
    'reads %s as 1.250.000',
    (typed) => {
      expect(parseRupiah(typed)).toEqual({ ok: true, value: 1_250_000 });
    },
  );

  it('reads an empty field, or only the prefix, as no amount (never 0)', () => {
    expect(parseRupiah('')).toBeNull();
    expect(parseRupiah('Rp')).toBeNull();
    expect(parseRupiah('  ')).toBeNull();
    expect(parseRupiah('0')).toEqual({ ok: true, value: 0 });
  });

  it('refuses a comma decimal instead of reading its digits as rupiah', () => {
    expect(parseRupiah('1250000,50')).toEqual({
      ok: false,
      message: 'Rupiah ditulis bulat tanpa sen: hapus koma dan angka di belakangnya.',
    });
    expect(parseRupiah('Rp1.250.000,00')).toMatchObject({ ok: false });
  });

  it('refuses what is not an amount, and reads a minus for the rules to refuse', () => {
    expect(parseRupiah('satu juta')).toMatchObject({
      ok: false,
      message: expect.stringContaining('bukan jumlah rupiah'),
    });
    expect(parseRupiah('1.250.000 rupiah')).toMatchObject({ ok: false });
    expect(parseRupiah('1234567890123456')).toEqual({ ok: false, message: 'Jumlah rupiah terlalu besar.' });
    expect(parseRupiah('-900000')).toEqual({ ok: true, value: -900_000 });
    expect(parseRupiah('-Rp900.000')).toEqual({ ok: true, value: -900_000 });
  });
});
