import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../db/open';
import type { KpmInput } from '../../main/domain/schemas';
import { kpmSchema } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { setUpTestOffice } from '../support/office';

export function tempDbFile(name = 'test.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'graduasi-')), name);
}

/** A real database file with the test office (test/support/office.ts) set up. */
export async function setUpOffice(file = tempDbFile()): Promise<{ db: Db; file: string; admin: Actor }> {
  const db = openDatabase(file);
  const { admin } = await setUpTestOffice(db);
  return { db, file, admin };
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
