/**
 * One set of rules for a family: the same good and bad values, typed into the form (its zod
 * schema, the one the contract checks) and read from a spreadsheet (the import's row checks), reach the same
 * verdict with the same message. The import says where ("Baris 3, kolom NAMA: ...") before the same words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { todayIso } from '../../main/domain/format';
import type { ImportField } from '../../main/domain/import-fields';
import { kpmSchema, pendampingSchema } from '../../main/domain/schemas';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport } from '../../main/services/import/jobs';
import { problemsPage } from '../../main/services/import/report';
import { createKpm } from '../../main/services/kpm';
import { createPendamping, updatePendamping } from '../../main/services/pendamping';
import { type Cell, csvFile } from '../fixtures/messy-files';
import { familyInput } from './helpers';
import { ADMIN, freshDb, placesOf } from './import-db';

const HEADERS = [
  'NO KK',
  'NIK',
  'NAMA',
  'TEMPAT LAHIR',
  'TANGGAL LAHIR',
  'ALAMAT',
  'RT',
  'NO HP',
  'TAHUN BERGABUNG',
  'KETERANGAN',
  'DESIL',
];
type FormField =
  | 'nama'
  | 'tempatLahir'
  | 'tanggalLahir'
  | 'alamat'
  | 'rt'
  | 'phone'
  | 'tahunBergabung'
  | 'notes'
  | 'desil'
  | 'nik';
const COLUMN: Record<FormField, { header: string; field: ImportField }> = {
  nik: { header: 'NIK', field: 'nik' },
  nama: { header: 'NAMA', field: 'nama' },
  tempatLahir: { header: 'TEMPAT LAHIR', field: 'tempatLahir' },
  tanggalLahir: { header: 'TANGGAL LAHIR', field: 'tanggalLahir' },
  alamat: { header: 'ALAMAT', field: 'alamat' },
  rt: { header: 'RT', field: 'rt' },
  phone: { header: 'NO HP', field: 'phone' },
  tahunBergabung: { header: 'TAHUN BERGABUNG', field: 'tahunBergabung' },
  notes: { header: 'KETERANGAN', field: 'notes' },
  desil: { header: 'DESIL', field: 'desil' },
};

const thisYear = Number(todayIso().slice(0, 4));
/** [field, the value as typed, the refusal message or null when the value is taken] */
const CASES: [FormField, string, string | null][] = [
  ['nama', 'Siti Aminah', null],
  ['nama', 'A'.repeat(101), 'Nama pengurus terlalu panjang: 101 karakter, paling banyak 100.'],
  [
    'nama',
    'SITI\u202EHANIMA',
    'Nama pengurus berisi karakter tersembunyi atau karakter kendali (U+202E) pada karakter ke-5; ketik ulang isinya.',
  ],
  [
    'nama',
    'SI\u001bTI',
    'Nama pengurus berisi karakter tersembunyi atau karakter kendali (U+001B) pada karakter ke-3; ketik ulang isinya.',
  ],
  ['tempatLahir', 'B'.repeat(61), 'Tempat lahir terlalu panjang: 61 karakter, paling banyak 60.'],
  ['alamat', 'Jl. Merdeka Gg. 3', null],
  ['alamat', 'C'.repeat(201), 'Alamat terlalu panjang: 201 karakter, paling banyak 200.'],
  ['notes', 'Baris satu\nBaris dua', null],
  ['notes', 'D'.repeat(1001), 'Catatan terlalu panjang: 1.001 karakter, paling banyak 1.000.'],
  ['tanggalLahir', todayIso(), null],
  ['tanggalLahir', '2031-01-01', 'Tanggal lahir 1 Januari 2031 ada di masa depan; paling lambat hari ini.'],
  ['tanggalLahir', '1899-12-31', 'Tanggal lahir 31 Desember 1899 terlalu lampau; paling awal 1 Januari 1900.'],
  ['tanggalLahir', '2025-02-29', 'Tanggal lahir bukan tanggal yang ada di kalender.'],
  ['tahunBergabung', '2007', null],
  ['tahunBergabung', '2006', 'Tahun bergabung 2006 tidak mungkin: PKH dimulai tahun 2007.'],
  [
    'tahunBergabung',
    String(thisYear + 1),
    `Tahun bergabung ${thisYear + 1} tidak mungkin: paling lambat tahun ini (${thisYear}).`,
  ],
  ['rt', '12A', 'RT berupa angka, paling banyak 3 digit (terisi "12A").'],
  ['phone', '0812-3456-7890', null],
  ['phone', 'tidak ada', 'Nomor HP "tidak ada" bukan nomor telepon: 6 sampai 15 angka.'],
  ['desil', '7', null],
  ['desil', '0', 'Desil berupa angka bulat 1 sampai 10 (terisi "0").'],
  ['desil', '11', 'Desil berupa angka bulat 1 sampai 10 (terisi "11").'],
  ['desil', 'lima', 'Desil berupa angka bulat 1 sampai 10 (terisi "lima").'],
  ['nik', '35280245078500O1', "NIK hanya boleh berisi angka: karakter ke-15 adalah 'O'."],
];

/** What the form says about the value: null when it is taken. */
function formVerdict(field: FormField, typed: string): string | null {
  const value = field === 'tahunBergabung' ? Number(typed) : typed;
  const result = kpmSchema.safeParse({ ...familyInput(), [field]: value });
  if (result.success) return null;
  const issue = result.error.issues.find((i) => i.path.join('.') === field);
  if (!issue) throw new Error(`the form refused another field: ${JSON.stringify(result.error.issues)}`);
  return issue.message;
}

/** The import's message without its place ("Baris 3, kolom NAMA: "), as a sentence. */
function wordsOf(message: string): string {
  const words = message.replace(/^Baris \d+, kolom [^:]+: /, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

let db: Db;
const jobs = new ImportJobs();
const importMessages = new Map<number, string[]>();

/** One row per case (rows 2.. of the file); every other cell of a row is valid. */
function rowOf(index: number, field: FormField, typed: string): Cell[] {
  const serial = String(index + 1).padStart(4, '0');
  const cells: Record<string, Cell> = {
    'NO KK': `352802010110${serial}`,
    NIK: `352802450785${serial}`,
    NAMA: 'Dewi Lestari',
    'TEMPAT LAHIR': 'Pamekasan',
    'TANGGAL LAHIR': '1985-07-05',
    ALAMAT: 'Jl. Contoh',
    RT: '1',
    'NO HP': '081234567890',
    'TAHUN BERGABUNG': '2015',
    KETERANGAN: '',
    DESIL: '',
  };
  cells[COLUMN[field].header] = typed;
  return HEADERS.map((h) => cells[h]);
}

beforeAll(async () => {
  ({ db } = await freshDb());
  const place = placesOf(db)[0];
  const headers = [...HEADERS, 'KECAMATAN', 'DESA'];
  const rows = CASES.map(([field, typed], i) => [...rowOf(i, field, typed), place.district.name, place.village.name]);
  const job = await checkImport(jobs, db, ADMIN, {
    fileName: 'paritas.csv',
    bytes: csvFile([headers, ...rows]),
    today: new Date(),
  });
  for (const p of problemsPage(jobs, ADMIN, job.id, { limit: 500 }).items) {
    const i = p.row - 2;
    // A NIK that disagrees with the birth date is a warning the form gives too, outside the field's verdict.
    if (p.field !== COLUMN[CASES[i][0]].field || p.code.endsWith('_MISMATCH')) continue;
    importMessages.set(i, [...(importMessages.get(i) ?? []), wordsOf(p.message)]);
  }
});
afterAll(() => db.$client.close());

describe('the form and the import judge a value alike', () => {
  it.each(CASES.map((c, i) => [i, ...c] as const))('case %i: %s %j', (i, field, typed, expected) => {
    expect(formVerdict(field, typed)).toBe(expected);
    expect(importMessages.get(i) ?? null).toEqual(expected === null ? null : [expected]);
  });
});

describe('rules that need the registry', () => {
  it('refuses an inactive pendamping for a new family in the form and in the import, with one message', async () => {
    const { id } = createPendamping(db, ADMIN, pendampingSchema.parse({ name: 'RINA MARLINA' }));
    updatePendamping(db, ADMIN, id, pendampingSchema.parse({ name: 'RINA MARLINA', active: false }));
    const place = placesOf(db)[0];
    let formMessage = '';
    try {
      createKpm(
        db,
        ADMIN,
        familyInput({ pendampingId: id, districtCode: place.district.code, villageCode: place.village.code }),
      );
    } catch (error) {
      formMessage = (error as { fields?: Record<string, string> }).fields?.pendampingId ?? '';
    }
    expect(formMessage).toBe('Pendamping RINA MARLINA sudah tidak aktif.');

    const headers = ['NO KK', 'NIK', 'NAMA', 'KECAMATAN', 'DESA', 'NAMA PENDAMPING'];
    const row = ['3528020101109999', '3528024507859999', 'Dewi Lestari', place.district.name, place.village.name];
    const job = await checkImport(jobs, db, ADMIN, {
      fileName: 'pendamping.csv',
      bytes: csvFile([headers, [...row, 'Rina Marlina']]),
      today: new Date(),
    });
    const problem = problemsPage(jobs, ADMIN, job.id, { limit: 50 }).items.find((p) => p.field === 'pendamping');
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toMatch(/^Baris 2, kolom NAMA PENDAMPING: /);
    expect(wordsOf(problem?.message ?? '')).toBe(formMessage);
  });

  it('caps a family at 30 members in the form and in the import, with one message', async () => {
    const place = placesOf(db)[0];
    const member = { nama: 'Anak', hubungan: 'anak', jenisKelamin: 'L' };
    const form = kpmSchema.safeParse({ ...familyInput(), members: Array.from({ length: 31 }, () => member) });
    const formMessage = form.success ? '' : form.error.issues[0].message;
    expect(formMessage).toBe('Anggota keluarga paling banyak 30 orang (terisi 31).');

    const headers = ['NO KK', 'NIK', 'NAMA', 'HUBUNGAN', 'JENIS KELAMIN', 'KECAMATAN', 'DESA'];
    const kk = '3528020101108888';
    const where = [place.district.name, place.village.name];
    const rows = [
      [kk, '3528024507858888', 'Dewi Lestari', 'PENGURUS', 'P', ...where],
      ...Array.from({ length: 31 }, (_, i) => [kk, '', `Anak ${i + 1}`, 'ANAK', 'L', ...where]),
    ];
    const job = await checkImport(jobs, db, ADMIN, {
      fileName: 'anggota.csv',
      bytes: csvFile([headers, ...rows]),
      today: new Date(),
    });
    const problem = problemsPage(jobs, ADMIN, job.id, { limit: 50 }).items.find((p) => p.code === 'MEMBERS_TOO_MANY');
    expect(problem?.severity).toBe('error');
    expect(wordsOf(problem?.message ?? '')).toBe(formMessage);
  });
});
