/** Families with school children (NIK and NISN) for the verifikasi komitmen tests. */
import type { Db } from '../../db/open';
import { type SchoolFormSpec, type SchoolStudent, schoolFormCsv, syntheticStudent } from '../fixtures/school-form';

export interface Child {
  kpmId: number;
  artId: number;
  nik: string;
  nisn: string;
}

/** One school child per family, with the NIK and NISN syntheticStudent(i) gives. */
export function addChildren(db: Db, kpmIds: number[], offset = 0): Child[] {
  const insert = db.$client.prepare(
    `INSERT INTO art (kpm_id, nik, nisn, nama, hubungan, jenis_kelamin) VALUES (?, ?, ?, ?, 'anak', 'L') RETURNING id`,
  );
  return kpmIds.map((kpmId, i) => {
    const s = syntheticStudent(offset + i, 3);
    const { id } = insert.get(kpmId, s.nikSiswa, s.nisn, s.namaSiswa) as { id: number };
    return { kpmId, artId: id, nik: s.nikSiswa, nisn: s.nisn };
  });
}

export const QUARTER_1 = ['2026-01', '2026-02', '2026-03'] as const;

export function formOf(students: SchoolStudent[], months: readonly string[] = QUARTER_1): SchoolFormSpec {
  return { npsn: '20301234', schoolName: 'SD NEGERI 1 UJI', months, students };
}

export const asInput = (bytes: Buffer, year = 2026, quarter = 1, fileName = 'daftar-hadir.csv') => ({
  fileName,
  base64: bytes.toString('base64'),
  year,
  quarter,
});

export const csvInput = (spec: SchoolFormSpec, delimiter: ',' | ';' = ',') =>
  asInput(schoolFormCsv(spec, { delimiter }));
