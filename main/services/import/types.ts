import type { Kpm } from '../../../db/schema';
import type { Sex } from '../../domain/identity';
import type { ImportField } from '../../domain/import-fields';
import type { Komponen } from '../../domain/komponen';
import type { Hubungan } from '../../domain/normalize';
import type { WrittenField } from './plan-base';

export type Severity = 'error' | 'warning';

/** One problem in the file: where, what was found, what is expected, and the full sentence for the user. */
export interface ImportProblem {
  /** Row number as Excel shows it (0 for problems of the file as a whole). */
  row: number;
  /** Column letter (A, B, ...), '' when the problem is not about one cell. */
  column: string;
  /** The column's header as written in the file. */
  header: string;
  field: ImportField | null;
  value: string;
  code: string;
  severity: Severity;
  /** "Baris 12, kolom NIK: nilai 3.52801E+15 telah diubah Excel ..." */
  message: string;
  expected: string;
}

/**
 * Values of a family as given by the file, typed by the table; a field is absent when the file has no value
 * for it (the pendamping is read by name, the komponen mask is computed).
 */
export type FamilyValues = {
  [K in Exclude<WrittenField, 'pendampingId' | 'komponenMask'>]?: NonNullable<Kpm[K]>;
};

export interface MemberRecord {
  row: number;
  nik?: string;
  nisn?: string;
  nama: string;
  hubungan: Hubungan;
  tanggalLahir?: string;
  jenisKelamin: Sex;
  komponen?: Komponen;
}

export interface FamilyRecord {
  /** The family's first row: its identity in the report and in the user's choices. */
  row: number;
  rows: number[];
  values: FamilyValues;
  pendamping?: { key: string; name: string };
  members: readonly MemberRecord[];
  /** Some row of the family has an error: the family is not written. */
  error: boolean;
  /** A kecamatan was given without a desa. */
  districtOnly?: string;
}

export type ImportLayout = 'keluarga' | 'anggota' | 'keluarga_anggota';

export const LAYOUT_LABEL: Record<ImportLayout, string> = {
  keluarga: 'satu baris per keluarga',
  anggota: 'satu baris per orang, dikelompokkan per No. KK',
  keluarga_anggota: 'baris keluarga dengan kolom anggota',
};
