import { describe, expect, it } from 'vitest';
import { regencyMatches } from '../../main/domain/regency-search';

describe('finding a kabupaten/kota as people write it', () => {
  it('reads kab, kab., kt. and kt as the official Kabupaten and Kota', () => {
    for (const typed of ['kab pamekasan', 'kab. pamekasan', 'Kabupaten Pamekasan', 'pamekasan', 'KAB.PAME']) {
      expect(regencyMatches('Kabupaten Pamekasan — Jawa Timur', typed), typed).toBe(true);
    }
    for (const typed of ['kota pekalongan', 'kt. pekalongan', 'kt pekalongan', 'Pekalongan']) {
      expect(regencyMatches('Kota Pekalongan — Jawa Tengah', typed), typed).toBe(true);
    }
    expect(regencyMatches('Kabupaten Pekalongan — Jawa Tengah', 'kota pekalongan')).toBe(false);
    expect(regencyMatches('Kota Pekalongan — Jawa Tengah', 'kab pekalongan')).toBe(false);
    expect(regencyMatches('Kabupaten Pamekasan — Jawa Timur', 'kab sampang')).toBe(false);
  });
});
