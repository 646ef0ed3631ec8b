import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../db/open';
import type { KpmInput } from '../../main/domain/schemas';
import { kpmSchema } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { actorOf } from '../../main/services/auth';
import { completeSetup } from '../../main/services/setup';

export function tempDbFile(name = 'test.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'graduasi-')), name);
}

export const TEST_ADMIN = { username: 'admin', fullName: 'Admin Uji', password: 'rahasia123' };

/** A real database file, set up for Kota Pekalongan (3375) with an administrator. */
export async function setUpOffice(file = tempDbFile()): Promise<{ db: Db; file: string; admin: Actor }> {
  const db = openDatabase(file);
  const { admin } = await completeSetup(db, {
    office: {
      agencyName: 'Dinas Sosial Kota Pekalongan',
      regencyCode: '3375',
      address: 'Jl. Contoh No. 1',
      phone: '0285-000000',
      email: '',
      logo: null,
      headName: 'Kepala Uji',
      headRank: 'Pembina Utama Muda (IV/c)',
      headNip: '197001012000031001',
    },
    admin: TEST_ADMIN,
  });
  return { db, file, admin: actorOf(admin) };
}

/** A valid family in Pekalongan Barat / Medono with two members, parsed exactly as the contract would. */
export function familyInput(overrides: Record<string, unknown> = {}): KpmInput {
  return kpmSchema.parse({
    idKpm: 'P000000000001',
    noKk: '3375010101100001',
    nik: '3375014507850001',
    nama: 'Siti Wulandari',
    tempatLahir: 'Pekalongan',
    tanggalLahir: '1985-07-05',
    jenisKelamin: 'P',
    alamat: 'Jl. Merdeka Gg. 3',
    rt: '002',
    rw: '005',
    districtCode: '337501',
    villageCode: '3375011002',
    members: [
      {
        nik: '3375011203100002',
        nama: 'Budi Santoso',
        hubungan: 'anak',
        tanggalLahir: '2010-03-12',
        jenisKelamin: 'L',
        komponen: 'anak_sma',
      },
      {
        nik: '3375015506190003',
        nama: 'Ayu Lestari',
        hubungan: 'anak',
        tanggalLahir: '2019-06-15',
        jenisKelamin: 'P',
        komponen: 'anak_sd',
      },
    ],
    ...overrides,
  });
}
