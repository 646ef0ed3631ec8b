/** The member's NISN: 10 digits, optional, unique where present, kept through a save and a swap between members. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/domain/errors';
import { kpmSchema } from '../../main/domain/schemas';
import { createKpm, getKpm, updateKpm } from '../../main/services/kpm';
import { familyInput, setUpOffice } from './helpers';

const withNisn = (nisns: (string | null)[], overrides: Record<string, unknown> = {}) => {
  const base = familyInput(overrides);
  return kpmSchema.parse({ ...base, members: base.members.map((m, i) => ({ ...m, nisn: nisns[i] })) });
};

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe("a member's NISN", () => {
  it('is 10 digits or blank, named by its field', () => {
    const parsed = kpmSchema.safeParse({ ...familyInput(), members: [{ ...familyInput().members[0], nisn: '12345' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['members.0.nisn', 'NISN harus 10 digit angka.'],
    ]);
    expect(withNisn(['', null]).members.map((m) => m.nisn)).toEqual([null, null]);
  });

  it('is saved, swapped between members, and refused when another family uses it', async () => {
    const { db, admin } = await setUpOffice();
    const created = createKpm(db, admin, { ...withNisn(['0012345678', '0087654321']), acceptWarnings: true });
    if (created.status !== 'saved') throw new Error('not saved');
    const id = created.id;
    expect(getKpm(db, id).members.map((m) => m.nisn)).toEqual(['0012345678', '0087654321']);
    const kept = getKpm(db, id).members;
    const swapped = withNisn(['0087654321', '0012345678']);
    updateKpm(db, admin, id, { ...swapped, members: swapped.members.map((m, i) => ({ ...m, id: kept[i].id })) });
    expect(getKpm(db, id).members.map((m) => m.nisn)).toEqual(['0087654321', '0012345678']);
    const other = withNisn(['0012345678', null], {
      idKpm: 'P000000000002',
      noKk: '3375010101100009',
      nik: '3375014507850009',
      members: [
        { nama: 'Anak Lain', hubungan: 'anak', jenisKelamin: 'L', komponen: null, tanggalLahir: null, nik: null },
        { nama: 'Anak Dua', hubungan: 'anak', jenisKelamin: 'P', komponen: null, tanggalLahir: null, nik: null },
      ],
    });
    const error = refusal(() => createKpm(db, admin, other));
    expect(error.code).toBe('DUPLICATE');
    expect(error.fields).toEqual({
      'members.0.nisn': expect.stringContaining('NISN sudah terdaftar untuk AYU LESTARI, keluarga SITI'),
    });
    const twice = withNisn(['0011111111', '0011111111'], {
      idKpm: 'P000000000003',
      noKk: '3375010101100008',
      nik: '3375014507850008',
      members: other.members,
    });
    expect(refusal(() => createKpm(db, admin, twice)).fields).toEqual({
      'members.1.nisn': 'NISN ini dipakai dua kali dalam formulir ini.',
    });
  });
});
