/** The small values of a row: sex, RT/RW, phone, year joined, komponen, relation, place of birth, person keys. */
import type { HUBUNGAN } from './enums';
import { checkPhone, checkRtRw, checkYear } from './field-checks';
import { KPM_FIELDS } from './fields';
import { todayIso } from './format';
import type { Sex } from './identity';
import { KOMPONEN, KOMPONEN_LABEL, type Komponen } from './komponen';
import { cleanText, displayValue, fail, type Normalized, ok, type RawCell } from './normalize-cell';

// --- small codes --------------------------------------------------------------------------------------------------

const SEX_WORDS: ReadonlyMap<string, Sex> = new Map([
  ...['L', 'LK', 'LAKI', 'LAKILAKI', 'PRIA', 'M', 'MALE', '1', 'COWOK'].map((w) => [w, 'L'] as [string, Sex]),
  ...['P', 'PR', 'PEREMPUAN', 'WANITA', 'W', 'F', 'FEMALE', '2', 'PEREMPUANWANITA'].map(
    (w) => [w, 'P'] as [string, Sex],
  ),
]);

export function normalizeSex(value: RawCell): Normalized<Sex> {
  const key = cleanText(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const sex = SEX_WORDS.get(key);
  if (sex) return ok(sex);
  return fail('SEX_INVALID', `nilai ${displayValue(value)} bukan jenis kelamin.`, 'L atau P (LAKI-LAKI/PEREMPUAN)');
}

/** RT and RW as three digits ("1", "RT 01", "001" -> "001"): the field check the form uses too. */
export function normalizeRtRw(value: RawCell, label: 'RT' | 'RW'): Normalized<string> {
  return checkRtRw(label === 'RT' ? KPM_FIELDS.rt : KPM_FIELDS.rw, cleanText(value));
}

/** "001/002", "01-02", "RT 1 RW 2" -> { rt, rw }. */
export function splitRtRw(value: RawCell): Normalized<{ rt: string; rw: string }> {
  const text = cleanText(value).toUpperCase();
  const m = text.match(/^(?:RT\.?\s*)?(\d{1,3})\s*(?:[/\-.,]|\s+RW\.?|\s)\s*(?:RW\.?\s*)?(\d{1,3})$/);
  if (m) return ok({ rt: m[1].padStart(3, '0'), rw: m[2].padStart(3, '0') });
  return fail('RTRW_INVALID', `nilai ${displayValue(value)} bukan RT/RW.`, 'RT/RW seperti 001/002');
}

/** Phone numbers as digits; a leading 0 that Excel dropped from a number cell is put back (see checkPhone). */
export function normalizePhone(value: RawCell): Normalized<string> {
  return checkPhone(KPM_FIELDS.phone, cleanText(value));
}

/** The year a family joined PKH, from a number or text cell, in the range the form takes too. */
export function normalizeYear(value: RawCell, today: Date = new Date()): Normalized<number> {
  const text = cleanText(value);
  const spec = KPM_FIELDS.tahunBergabung;
  if (!/^\d{4}$/.test(text)) {
    return fail(
      'YEAR_INVALID',
      `${spec.label} berupa angka tahun (terisi "${displayValue(value)}").`,
      'tahun empat digit',
    );
  }
  const checked = checkYear(spec, Number(text), todayIso(today));
  return checked.ok ? ok(checked.value) : fail('YEAR_INVALID', checked.message, checked.expected);
}

const KOMPONEN_WORDS: ReadonlyMap<string, Komponen> = new Map([
  ['IBUHAMIL', 'ibu_hamil'],
  ['HAMIL', 'ibu_hamil'],
  ['BUMIL', 'ibu_hamil'],
  ['IBUHAMILNIFAS', 'ibu_hamil'],
  ['NIFAS', 'ibu_hamil'],
  ['ANAKUSIADINI', 'anak_usia_dini'],
  ['BALITA', 'anak_usia_dini'],
  ['APRAS', 'anak_usia_dini'],
  ['ANAKSD', 'anak_sd'],
  ['SD', 'anak_sd'],
  ['ANAKSMP', 'anak_smp'],
  ['SMP', 'anak_smp'],
  ['ANAKSMA', 'anak_sma'],
  ['SMA', 'anak_sma'],
  ['DISABILITAS', 'disabilitas_berat'],
  ['DISABILITASBERAT', 'disabilitas_berat'],
  ['PENYANDANGDISABILITASBERAT', 'disabilitas_berat'],
  ['LANSIA', 'lanjut_usia'],
  ['LANJUTUSIA', 'lanjut_usia'],
  // The labels the app itself writes (exports, the family page): "Anak SD/sederajat", "Lanjut usia (70+)".
  ...Object.entries(KOMPONEN_LABEL).map(([k, label]) => [komponenWord(label), k as Komponen] as [string, Komponen]),
]);

/** A komponen as letters only: "Anak SD/sederajat" -> ANAKSDSEDERAJAT. */
function komponenWord(value: RawCell): string {
  return cleanText(value)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

export function normalizeKomponen(value: RawCell): Normalized<Komponen> {
  const key = komponenWord(value);
  const found =
    KOMPONEN_WORDS.get(key) ??
    KOMPONEN_WORDS.get(key.replace(/SEDERAJAT$/, '')) ??
    (KOMPONEN as readonly string[]).find((k) => k.replace(/_/g, '').toUpperCase() === key);
  if (found) return ok(found as Komponen);
  return fail(
    'KOMPONEN_INVALID',
    `nilai ${displayValue(value)} bukan komponen PKH.`,
    'ibu hamil, anak usia dini, anak SD/SMP/SMA, disabilitas berat, lanjut usia',
  );
}

export type Hubungan = (typeof HUBUNGAN)[number];
export type HubunganValue = Hubungan | 'pengurus';

const HUBUNGAN_WORDS: ReadonlyMap<string, HubunganValue> = new Map([
  ['PENGURUS', 'pengurus'],
  ['PENGURUSKPM', 'pengurus'],
  ['PENERIMA', 'pengurus'],
  ['KPM', 'pengurus'],
  ['SUAMI', 'suami'],
  ['KEPALAKELUARGA', 'suami'],
  ['KEPALARUMAHTANGGA', 'suami'],
  ['KRT', 'suami'],
  ['ISTRI', 'istri'],
  ['ISTERI', 'istri'],
  ['ANAK', 'anak'],
  ['ANAKKANDUNG', 'anak'],
  ['ANAKTIRI', 'anak'],
  ['ANAKANGKAT', 'anak'],
  ['CUCU', 'cucu'],
  ['ORANGTUA', 'orang_tua'],
  ['ORTU', 'orang_tua'],
  ['AYAH', 'orang_tua'],
  ['IBU', 'orang_tua'],
  ['MERTUA', 'mertua'],
  ['FAMILILAIN', 'famili_lain'],
  ['FAMILI', 'famili_lain'],
  ['LAINNYA', 'famili_lain'],
  ['MENANTU', 'famili_lain'],
  ['PEMBANTU', 'famili_lain'],
]);

export function normalizeHubungan(value: RawCell): Normalized<HubunganValue> {
  const key = cleanText(value)
    .toUpperCase()
    .replace(/^\d+\s*[-.)]?\s*/, '')
    .replace(/[^A-Z]/g, '');
  const found = HUBUNGAN_WORDS.get(key);
  if (found) return ok(found);
  return fail(
    'HUBUNGAN_INVALID',
    `nilai ${displayValue(value)} bukan hubungan keluarga yang dikenal.`,
    'PENGURUS, SUAMI, ISTRI, ANAK, CUCU, ORANG TUA, MERTUA atau FAMILI LAIN',
  );
}

/** "PEKALONGAN, 12-03-1980" or "Pekalongan 12 Maret 1980" -> place and the date text. */
export function splitTempatTanggalLahir(value: RawCell): { tempat: string; tanggal: string } {
  const text = cleanText(value);
  const comma = text.lastIndexOf(',');
  if (comma >= 0) return { tempat: text.slice(0, comma).trim(), tanggal: text.slice(comma + 1).trim() };
  const m = text.match(/^(.*?)\s+(\d{1,2}[\s\-/.].*|\d{4}-\d{2}-\d{2})$/);
  if (m) return { tempat: m[1].trim(), tanggal: m[2].trim() };
  return { tempat: text, tanggal: '' };
}

/** Person names compared for matching (pendamping): capitals, titles after a comma dropped, punctuation ignored. */
export function personKey(value: RawCell): string {
  const text = cleanText(value).toUpperCase();
  const beforeTitles = text.split(',')[0];
  return beforeTitles
    .normalize('NFKD')
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
