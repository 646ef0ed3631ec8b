import { describe, expect, it } from 'vitest';
import { checkDate, checkPhone, checkRtRw, checkText, checkYear } from '../../main/domain/field-checks';
import { KPM_FIELDS, MEMBER_FIELDS } from '../../main/domain/fields';
import { parseNik, parseNip, parseNoKk } from '../../main/domain/identity';
import { kpmSchema } from '../../main/domain/schemas';
import { familyInput } from './helpers';

const refusal = (r: { ok: boolean; message?: string }) => (r.ok ? null : r.message);

describe('text fields', () => {
  it('refuses control and invisible characters in names, naming the place', () => {
    expect(refusal(checkText(KPM_FIELDS.nama, 'SITI\u0000AMINAH'))).toBe(
      'Nama pengurus berisi karakter tersembunyi atau karakter kendali (U+0000) pada karakter ke-5; ketik ulang isinya.',
    );
    expect(refusal(checkText(KPM_FIELDS.nama, 'SITI\u202EHANIMA'))).toMatch(/U\+202E\) pada karakter ke-5/);
    expect(refusal(checkText(KPM_FIELDS.nama, 'SI\u200BTI'))).toMatch(/U\+200B/);
    expect(refusal(checkText(KPM_FIELDS.nama, '\u001b[31mSITI'))).toMatch(/U\+001B\) pada karakter ke-1/);
    expect(refusal(checkText(KPM_FIELDS.idKpm, 'P00\uFEFF01'))).toMatch(/^ID KPM berisi karakter tersembunyi/);
  });

  it('takes a name made only of hidden characters as empty', () => {
    expect(refusal(checkText(KPM_FIELDS.nama, '\u200B\u200B\u200D'))).toBe('Nama pengurus wajib diisi.');
    expect(checkText(KPM_FIELDS.alamat, '\u200B')).toEqual({ ok: true, value: '' });
  });

  it('folds line breaks in single-line fields and keeps them where the field is multi-line', () => {
    expect(checkText(KPM_FIELDS.alamat, ' Jl. Merdeka\r\n Gg. 3 ')).toEqual({ ok: true, value: 'Jl. Merdeka Gg. 3' });
    expect(checkText(KPM_FIELDS.notes, 'Baris satu\r\nBaris\tdua')).toEqual({
      ok: true,
      value: 'Baris satu\nBaris dua',
    });
    expect(refusal(checkText(KPM_FIELDS.notes, 'Baris\u0007satu'))).toMatch(/U\+0007/);
  });

  it('counts the length after cleaning, against each field limit', () => {
    expect(checkText(KPM_FIELDS.nama, 'A'.repeat(100)).ok).toBe(true);
    expect(refusal(checkText(KPM_FIELDS.nama, 'A'.repeat(101)))).toBe(
      'Nama pengurus terlalu panjang: 101 karakter, paling banyak 100.',
    );
    expect(refusal(checkText(KPM_FIELDS.tempatLahir, 'B'.repeat(61)))).toMatch(/paling banyak 60\.$/);
    expect(refusal(checkText(KPM_FIELDS.alamat, 'C'.repeat(201)))).toMatch(/paling banyak 200\.$/);
    expect(refusal(checkText(KPM_FIELDS.notes, 'D'.repeat(20_000_000)))).toBe(
      'Catatan terlalu panjang: 20.000.000 karakter, paling banyak 1.000.',
    );
    expect(checkText(KPM_FIELDS.nama, `  ${'A'.repeat(100)}  `).ok).toBe(true);
  });
});

describe('dates and years', () => {
  const today = '2026-11-30';
  it('takes a birth date from 1900 up to today', () => {
    expect(checkDate(KPM_FIELDS.tanggalLahir, '1900-01-01', today).ok).toBe(true);
    expect(checkDate(KPM_FIELDS.tanggalLahir, today, today).ok).toBe(true);
    expect(refusal(checkDate(KPM_FIELDS.tanggalLahir, '2026-12-01', today))).toBe(
      'Tanggal lahir 1 Desember 2026 ada di masa depan; paling lambat hari ini.',
    );
    expect(refusal(checkDate(MEMBER_FIELDS.tanggalLahir, '1899-12-31', today))).toBe(
      'Tanggal lahir anggota 31 Desember 1899 terlalu lampau; paling awal 1 Januari 1900.',
    );
    expect(refusal(checkDate(KPM_FIELDS.tanggalLahir, '2025-02-29', today))).toBe(
      'Tanggal lahir bukan tanggal yang ada di kalender.',
    );
    expect(checkDate(KPM_FIELDS.tanggalLahir, '2024-02-29', today).ok).toBe(true);
  });

  it('takes a status date up to today and a year of joining from 2007 to this year', () => {
    expect(refusal(checkDate(KPM_FIELDS.statusDate, '2027-01-01', today))).toMatch(/ada di masa depan/);
    expect(checkYear(KPM_FIELDS.tahunBergabung, 2007, today)).toEqual({ ok: true, value: 2007 });
    expect(checkYear(KPM_FIELDS.tahunBergabung, 2026, today)).toEqual({ ok: true, value: 2026 });
    expect(refusal(checkYear(KPM_FIELDS.tahunBergabung, 2006, today))).toBe(
      'Tahun bergabung 2006 tidak mungkin: PKH dimulai tahun 2007.',
    );
    expect(refusal(checkYear(KPM_FIELDS.tahunBergabung, 2027, today))).toBe(
      'Tahun bergabung 2027 tidak mungkin: paling lambat tahun ini (2026).',
    );
  });
});

describe('small codes', () => {
  it('reads RT/RW and telephone numbers one way', () => {
    expect(checkRtRw(KPM_FIELDS.rt, 'RT 2')).toEqual({ ok: true, value: '002' });
    expect(checkRtRw(KPM_FIELDS.rw, '015')).toEqual({ ok: true, value: '015' });
    expect(refusal(checkRtRw(KPM_FIELDS.rt, '12A'))).toBe('RT berupa angka, paling banyak 3 digit (terisi "12A").');
    expect(checkPhone(KPM_FIELDS.phone, '0812-3456-7890')).toEqual({ ok: true, value: '081234567890' });
    expect(checkPhone(KPM_FIELDS.phone, '81234567890')).toEqual({ ok: true, value: '081234567890' });
    expect(checkPhone(KPM_FIELDS.phone, '+62 812 3456 7890')).toEqual({ ok: true, value: '+6281234567890' });
    expect(refusal(checkPhone(KPM_FIELDS.phone, 'tidak ada'))).toBe(
      'Nomor HP "tidak ada" bukan nomor telepon: 6 sampai 15 angka.',
    );
  });
});

describe('identity numbers', () => {
  it('names the letter in a NIK, No. KK or NIP and where it stands', () => {
    expect(refusal(parseNik('33750145078500O1'))).toBe("NIK hanya boleh berisi angka: karakter ke-15 adalah 'O'.");
    expect(refusal(parseNoKk('3375O10101100001'))).toBe("No. KK hanya boleh berisi angka: karakter ke-5 adalah 'O'.");
    expect(refusal(parseNip('19700101200003100l'))).toBe("NIP hanya boleh berisi angka: karakter ke-18 adalah 'l'.");
    expect(refusal(parseNik('3375014507850\u200B001'))).toBe(
      'NIK hanya boleh berisi angka: karakter ke-14 adalah karakter tersembunyi U+200B.',
    );
    expect(refusal(parseNik('337501450785001'))).toBe('NIK harus 16 digit angka (terisi 15 digit).');
  });
});

describe('the family form schema reads the same definitions', () => {
  const issues = (input: Record<string, unknown>) => {
    const result = kpmSchema.safeParse({ ...familyInput(), ...input });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('caps members at 30 and refuses a member born in the future', () => {
    const member = { nama: 'Anak', hubungan: 'anak', jenisKelamin: 'L' };
    expect(issues({ members: Array.from({ length: 30 }, () => member) })).toEqual({});
    expect(issues({ members: Array.from({ length: 31 }, () => member) })).toEqual({
      members: 'Anggota keluarga paling banyak 30 orang (terisi 31).',
    });
    expect(issues({ members: [{ ...member, tanggalLahir: '2031-01-01' }] })).toEqual({
      'members.0.tanggalLahir': 'Tanggal lahir anggota 1 Januari 2031 ada di masa depan; paling lambat hari ini.',
    });
  });

  it('takes a family without ID KPM and stores blank optional identifiers as null', () => {
    const parsed = kpmSchema.parse({ ...familyInput(), idKpm: '  ', idDtks: null });
    expect(parsed.idKpm).toBeNull();
    expect(parsed.idDtks).toBeNull();
    expect(kpmSchema.parse({ ...familyInput(), idKpm: ' p0001 ' }).idKpm).toBe('P0001');
  });

  it('refuses a huge note and a name of hidden characters before they reach the database', () => {
    expect(issues({ notes: 'x'.repeat(1001) })).toEqual({
      notes: 'Catatan terlalu panjang: 1.001 karakter, paling banyak 1.000.',
    });
    expect(issues({ nama: '\u200B\u200B' })).toEqual({ nama: 'Nama pengurus wajib diisi.' });
    expect(issues({ tahunBergabung: 2006 })).toEqual({
      tahunBergabung: 'Tahun bergabung 2006 tidak mungkin: PKH dimulai tahun 2007.',
    });
  });
});
