import { describe, expect, it } from 'vitest';
import { checkNumberPattern, DEFAULT_NUMBER_PATTERN, formatLetterNumber } from '../../main/domain/documents';

describe('letter number patterns', () => {
  it('accepts the default pattern, whose {kode unit} token holds a space', () => {
    expect(checkNumberPattern(DEFAULT_NUMBER_PATTERN)).toBeNull();
    expect(formatLetterNumber(DEFAULT_NUMBER_PATTERN, 1, 'Dinsos', '2026-11-30')).toBe('460/1/Dinsos/XI/2026');
  });

  it('refuses a space or * outside the tokens, an unknown token and a pattern without {nomor}', () => {
    expect(checkNumberPattern('460/ {nomor}/2026')).toMatch(/spasi/);
    expect(checkNumberPattern('460*{nomor}')).toMatch(/tanda \*/);
    expect(checkNumberPattern('460/{nomer}')).toMatch(/\{nomer\} tidak dikenal/);
    expect(checkNumberPattern('460/{tahun}')).toMatch(/harus memuat \{nomor\}/);
  });
});
