/**
 * Indonesian identity numbers: NIK, No. KK and NIP. Pure functions shared by main and renderer.
 * Structure from DOMAIN.md "Identifiers".
 */
import { formatTanggal } from './format';

/** Kemendagri province codes (38 provinces). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

export type Sex = 'L' | 'P';

export interface NikInfo {
  nik: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: Sex;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** ISO date for y-m-d when it is a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A student's NISN is 10 digits. Its first three are the last three of the birth year, so a pupil born from 2000
 * has leading zeros, which are part of the number.
 */
export const NISN_PATTERN = /^\d{10}$/;
export const NISN_MESSAGE = 'NISN harus 10 digit angka.';

/** Removes the separators people type into ID numbers (spaces, dots, dashes, a leading apostrophe). */
export function stripIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/^'/, '')
    .replace(/[\s.-]/g, '');
}

/**
 * The shape check of a number that must be `length` digits: a letter is named with its place ("karakter ke-15
 * adalah 'O'"), since an O typed for a 0 is the usual mistake and a length message would hide it.
 */
function digitsProblem(label: string, code: string, value: string, length: number): Parsed<never> | null {
  const other = /\D/u.exec(value);
  if (other) {
    const shown = /[\p{Cc}\p{Cf}\s]/u.test(other[0])
      ? `karakter tersembunyi U+${other[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`
      : `'${other[0]}'`;
    return {
      ok: false,
      code,
      message: `${label} hanya boleh berisi angka: karakter ke-${other.index + 1} adalah ${shown}.`,
    };
  }
  if (value.length !== length) {
    return { ok: false, code, message: `${label} harus ${length} digit angka (terisi ${value.length} digit).` };
  }
  return null;
}

export function parseNik(raw: string, today: Date = new Date()): Parsed<NikInfo> {
  const nik = stripIdNumber(raw);
  const shape = digitsProblem('NIK', 'NIK_FORMAT', nik, 16);
  if (shape) return shape;
  const provinceCode = nik.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) {
    return { ok: false, code: 'NIK_PROVINCE', message: `Kode provinsi ${provinceCode} pada NIK tidak dikenal.` };
  }
  if (nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    return {
      ok: false,
      code: 'NIK_REGION',
      message: 'Kode kabupaten/kota atau kecamatan pada NIK (digit 3-6) tidak boleh 00.',
    };
  }
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  // Two-digit year: the latest century that does not put the birth in the future.
  const currentYy = today.getUTCFullYear() % 100;
  const year = (yy <= currentYy ? 2000 : 1900) + yy;
  const birthDate = isoDate(year, month, day);
  if (!birthDate) {
    return { ok: false, code: 'NIK_BIRTHDATE', message: 'Tanggal lahir pada NIK (digit 7-12) bukan tanggal yang sah.' };
  }
  if (birthDate > today.toISOString().slice(0, 10)) {
    return { ok: false, code: 'NIK_BIRTHDATE', message: 'Tanggal lahir pada NIK (digit 7-12) ada di masa depan.' };
  }
  if (nik.slice(12) === '0000') {
    return { ok: false, code: 'NIK_SERIAL', message: 'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.' };
  }
  return {
    ok: true,
    value: {
      nik,
      provinceCode,
      regencyCode: nik.slice(0, 4),
      districtCode: nik.slice(0, 6),
      birthDate,
      sex,
    },
  };
}

export function parseNoKk(raw: string): Parsed<string> {
  const noKk = stripIdNumber(raw);
  const shape = digitsProblem('No. KK', 'KK_FORMAT', noKk, 16);
  if (shape) return shape;
  if (!PROVINCE_CODES.has(noKk.slice(0, 2))) {
    return { ok: false, code: 'KK_PROVINCE', message: `Kode provinsi ${noKk.slice(0, 2)} pada No. KK tidak dikenal.` };
  }
  if (noKk.slice(2, 4) === '00' || noKk.slice(4, 6) === '00') {
    return {
      ok: false,
      code: 'KK_REGION',
      message: 'Kode kabupaten/kota atau kecamatan pada No. KK (digit 3-6) tidak boleh 00.',
    };
  }
  return { ok: true, value: noKk };
}

export interface NipInfo {
  nip: string;
  birthDate: string;
  appointedMonth: string;
  sex: Sex;
}

/** NIP and NI PPPK: 18 digits, birth date YYYYMMDD, appointment YYYYMM, sex digit, serial. */
export function parseNip(raw: string, today: Date = new Date()): Parsed<NipInfo> {
  const nip = stripIdNumber(raw);
  const shape = digitsProblem('NIP', 'NIP_FORMAT', nip, 18);
  if (shape) return shape;
  const birthDate = isoDate(Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8)));
  if (!birthDate) {
    return { ok: false, code: 'NIP_BIRTHDATE', message: 'Tanggal lahir pada NIP (digit 1-8) bukan tanggal yang sah.' };
  }
  const appointedYear = Number(nip.slice(8, 12));
  const appointedMonth = Number(nip.slice(12, 14));
  // Civil servants are appointed as adults (17 at the very least), and never in the future.
  const appointed = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  if (
    appointedMonth < 1 ||
    appointedMonth > 12 ||
    appointedYear < Number(nip.slice(0, 4)) + 17 ||
    appointed > today.toISOString().slice(0, 7)
  ) {
    return { ok: false, code: 'NIP_APPOINTMENT', message: 'Bulan/tahun pengangkatan pada NIP (digit 9-14) tidak sah.' };
  }
  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') {
    return { ok: false, code: 'NIP_SEX', message: 'Digit ke-15 NIP (jenis kelamin) harus 1 atau 2.' };
  }
  return {
    ok: true,
    value: {
      nip,
      birthDate,
      appointedMonth: appointed,
      sex: sexDigit === '1' ? 'L' : 'P',
    },
  };
}

/** Warnings (never blocks) where a valid NIK disagrees with what else the form says. */
export function nikMismatchWarnings(
  nik: NikInfo,
  given: { birthDate?: string | null; sex?: Sex | null; regencyCode?: string | null; districtCode?: string | null },
): { field: 'tanggalLahir' | 'jenisKelamin' | 'nik'; message: string }[] {
  const warnings: { field: 'tanggalLahir' | 'jenisKelamin' | 'nik'; message: string }[] = [];
  const warn = (field: 'tanggalLahir' | 'jenisKelamin' | 'nik', message: string) => warnings.push({ field, message });
  if (given.birthDate && given.birthDate !== nik.birthDate) {
    warn(
      'tanggalLahir',
      `Tanggal lahir (${formatTanggal(given.birthDate)}) berbeda dengan tanggal lahir pada NIK (${formatTanggal(nik.birthDate)}).`,
    );
  }
  if (given.sex && given.sex !== nik.sex) {
    warn(
      'jenisKelamin',
      `Jenis kelamin berbeda dengan NIK (NIK menunjukkan ${nik.sex === 'L' ? 'laki-laki' : 'perempuan'}).`,
    );
  }
  if (given.districtCode && given.districtCode.replace(/\./g, '').slice(0, 6) !== nik.districtCode) {
    warn('nik', 'Wilayah penerbitan NIK berbeda dengan kecamatan alamat (boleh, jika penduduk pindah).');
  } else if (given.regencyCode && given.regencyCode.replace(/\./g, '') !== nik.regencyCode) {
    warn('nik', 'Wilayah penerbitan NIK berbeda dengan kabupaten/kota alamat (boleh, jika penduduk pindah).');
  }
  return warnings;
}

/**
 * Masks a NIK or No. KK for logs, lists and minimal exports: 3528********0001 (province and regency, the last
 * four digits), the form the ministry's exports use; anything that is not 16 characters becomes ****.
 */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : '****';
}

/** A value maskNik made (what a role outside fullNikRoles sees): never a number to store. */
export function isMaskedNik(value: string): boolean {
  return /^\d{4}\*{8}\d{4}$/.test(value) || value === '****';
}
