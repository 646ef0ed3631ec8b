import { describe, expect, it } from 'vitest';
import { formatRupiah, formatTanggal } from '../../main/domain/format';
import { DEFAULT_YEARLY_BENEFIT, familyBenefit, komponenBit, komponenMask } from '../../main/domain/komponen';
import { komponenAgeWarning } from '../../main/domain/komponen-rules';

describe('familyBenefit', () => {
  it('adds the yearly amounts and splits them into four tahap', () => {
    const benefit = familyBenefit(
      [
        { name: 'IBU', komponen: null },
        { name: 'ANAK 1', komponen: 'anak_sd' },
        { name: 'ANAK 2', komponen: 'anak_usia_dini' },
      ],
      DEFAULT_YEARLY_BENEFIT,
    );
    expect(benefit.yearlyTotal).toBe(3_900_000);
    expect(benefit.perTahap).toBe(975_000);
    expect(benefit.componentCount).toBe(2);
    expect(benefit.warnings).toEqual([]);
  });

  it('counts only the four highest-paid komponen and warns', () => {
    const members = [
      { name: 'A', komponen: 'anak_sd' as const },
      { name: 'B', komponen: 'anak_sd' as const },
      { name: 'C', komponen: 'anak_smp' as const },
      { name: 'D', komponen: 'anak_sma' as const },
      { name: 'E', komponen: 'lanjut_usia' as const },
    ];
    const benefit = familyBenefit(members, DEFAULT_YEARLY_BENEFIT);
    expect(benefit.yearlyTotal).toBe(2_400_000 + 2_000_000 + 1_500_000 + 900_000);
    expect(benefit.lines.filter((l) => !l.counted)).toHaveLength(1);
    expect(benefit.warnings[0]).toMatch(/5 komponen/);
  });

  it('flags a family without komponen as a candidate for graduasi alamiah', () => {
    expect(familyBenefit([{ name: 'IBU', komponen: null }], DEFAULT_YEARLY_BENEFIT).warnings[0]).toMatch(/alamiah/);
  });

  it('uses the office amounts, not the defaults', () => {
    const amounts = { ...DEFAULT_YEARLY_BENEFIT, anak_sd: 1_000_000 };
    expect(familyBenefit([{ name: 'A', komponen: 'anak_sd' }], amounts).yearlyTotal).toBe(1_000_000);
  });
});

describe('komponen rules', () => {
  it('keeps one bit per komponen', () => {
    expect(komponenMask(['anak_sd', 'anak_sd', null, 'lanjut_usia'])).toBe(
      komponenBit('anak_sd') | komponenBit('lanjut_usia'),
    );
  });

  it('warns when the age does not fit the komponen', () => {
    expect(komponenAgeWarning('anak_usia_dini', '2015-01-01', '2026-11-22')).toMatch(/11 tahun/);
    expect(komponenAgeWarning('lanjut_usia', '1960-01-01', '2026-11-22')).toMatch(/70/);
    expect(komponenAgeWarning('anak_sma', '2000-01-01', '2026-11-22')).toMatch(/21/);
    expect(komponenAgeWarning('anak_sd', '2017-01-01', '2026-11-22')).toBeNull();
  });
});

describe('Indonesian formats', () => {
  it('writes money and dates the Indonesian way', () => {
    expect(formatRupiah(1_500_000)).toBe('Rp1.500.000');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatTanggal('2026-11-22')).toBe('22 November 2026');
    expect(formatTanggal('2026-03-01T10:00:00Z')).toBe('1 Maret 2026');
  });
});
