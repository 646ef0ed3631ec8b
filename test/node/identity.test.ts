import { describe, expect, it } from 'vitest';
import { maskNik, nikMismatchWarnings, parseNik, parseNip, parseNoKk } from '../../main/domain/identity';

const today = new Date('2026-11-22T00:00:00Z');

describe('parseNik', () => {
  it('reads region, birth date and sex of a woman (day + 40)', () => {
    const parsed = parseNik('3375014507850001', today);
    expect(parsed).toEqual({
      ok: true,
      value: {
        nik: '3375014507850001',
        provinceCode: '33',
        regencyCode: '3375',
        districtCode: '337501',
        birthDate: '1985-07-05',
        sex: 'P',
      },
    });
  });

  it('reads a man born this century and strips separators', () => {
    const parsed = parseNik(" '3375.0112 0310 0002 ", today);
    expect(parsed.ok && parsed.value).toMatchObject({ birthDate: '2010-03-12', sex: 'L', nik: '3375011203100002' });
  });

  it.each([
    ['337501450785000', 'NIK_FORMAT'],
    ['33750145078500011', 'NIK_FORMAT'],
    ['33750145078500A1', 'NIK_FORMAT'],
    ['9975014507850001', 'NIK_PROVINCE'],
    ['3375013102850001', 'NIK_BIRTHDATE'],
    ['3375017102850001', 'NIK_BIRTHDATE'],
    ['3375014513850001', 'NIK_BIRTHDATE'],
    ['3375014507850000', 'NIK_SERIAL'],
    ['3300014507850001', 'NIK_REGION'],
    ['3375004507850001', 'NIK_REGION'],
    ['3375014512260001', 'NIK_BIRTHDATE'],
  ])('refuses %s with %s', (nik, code) => {
    const parsed = parseNik(nik, today);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe(code);
      expect(parsed.message).toMatch(/NIK/);
    }
  });

  it('accepts Papua NIKs (91-96) that Excel would round', () => {
    expect(parseNik('9471014507850001', today).ok).toBe(true);
  });

  it('puts a two-digit year in the past century when this one would be the future', () => {
    const parsed = parseNik('3375010101300001', today);
    expect(parsed.ok && parsed.value.birthDate).toBe('1930-01-01');
  });
});

describe('parseNoKk and parseNip', () => {
  it('checks the KK length and province', () => {
    expect(parseNoKk('3375010101100001')).toEqual({ ok: true, value: '3375010101100001' });
    expect(parseNoKk('33750101011').ok).toBe(false);
    expect(parseNoKk('0075010101100001')).toMatchObject({ ok: false, code: 'KK_PROVINCE' });
    expect(parseNoKk('3300010101100001')).toMatchObject({ ok: false, code: 'KK_REGION' });
  });

  it('reads a NIP and refuses impossible dates and sex digits', () => {
    expect(parseNip('197001012000031001')).toEqual({
      ok: true,
      value: { nip: '197001012000031001', birthDate: '1970-01-01', appointedMonth: '2000-03', sex: 'L' },
    });
    expect(parseNip('197002302000031001')).toMatchObject({ ok: false, code: 'NIP_BIRTHDATE' });
    expect(parseNip('197001012000131001')).toMatchObject({ ok: false, code: 'NIP_APPOINTMENT' });
    expect(parseNip('197001012000033001')).toMatchObject({ ok: false, code: 'NIP_SEX' });
    // Appointed at one year old, or next year.
    expect(parseNip('197001011971031001')).toMatchObject({ ok: false, code: 'NIP_APPOINTMENT' });
    expect(parseNip('197001012027031001', today)).toMatchObject({ ok: false, code: 'NIP_APPOINTMENT' });
    expect(parseNip('1970010120000310')).toMatchObject({ ok: false, code: 'NIP_FORMAT' });
  });
});

describe('nikMismatchWarnings', () => {
  const nik = (parseNik('3375014507850001', today) as { ok: true; value: Parameters<typeof nikMismatchWarnings>[0] })
    .value;

  it('is silent when everything agrees', () => {
    expect(nikMismatchWarnings(nik, { birthDate: '1985-07-05', sex: 'P', districtCode: '337501' })).toEqual([]);
  });

  it('warns at the field that disagrees', () => {
    const warnings = nikMismatchWarnings(nik, { birthDate: '1985-07-06', sex: 'L', districtCode: '337502' });
    expect(warnings.map((w) => w.field)).toEqual(['tanggalLahir', 'jenisKelamin', 'nik']);
  });

  it('masks a NIK for logs', () => {
    expect(maskNik('3375014507850001')).toBe('3375********0001');
  });
});
