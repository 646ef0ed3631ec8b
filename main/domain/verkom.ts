/**
 * Verifikasi komitmen: each quarter the pendamping checks that the family's children attend school (from the
 * school's attendance form) and that toddlers, pregnant women, the elderly and the severely disabled keep their
 * health visits. A month is met when attendance reaches the office's threshold (a setting; sources differ,
 * 85% and 45%) and every recorded health visit happened.
 */
import { z } from 'zod';
import { todayIso } from './format';
import { type Komponen, komponenMask } from './komponen';

/** The health commitments recorded per person and month, by the komponen they belong to. */
export const HEALTH_KINDS = ['posyandu', 'kehamilan', 'lansia', 'disabilitas'] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

export const HEALTH_KIND_LABEL: Record<HealthKind, string> = {
  posyandu: 'Posyandu (balita)',
  kehamilan: 'Pemeriksaan kehamilan',
  lansia: 'Pemeriksaan lanjut usia',
  disabilitas: 'Pemeriksaan disabilitas berat',
};

/** The komponen each health visit checks. */
export const HEALTH_KIND_KOMPONEN: Record<HealthKind, Komponen> = {
  posyandu: 'anak_usia_dini',
  kehamilan: 'ibu_hamil',
  lansia: 'lanjut_usia',
  disabilitas: 'disabilitas_berat',
};

/** The school komponen whose attendance the school's form reports. */
export const SCHOOL_KOMPONEN = ['anak_sd', 'anak_smp', 'anak_sma'] as const satisfies readonly Komponen[];

/**
 * The komponen verifikasi komitmen checks, as a komponen_mask: school attendance and each health visit's komponen.
 * A family holding any of them has a commitment to verify each month.
 */
export const COMMITMENT_KOMPONEN_MASK = komponenMask([...SCHOOL_KOMPONEN, ...Object.values(HEALTH_KIND_KOMPONEN)]);

/** The attendance threshold when the office has set none: Kemensos's usual 85% of effective days. */
export const DEFAULT_THRESHOLD_BP = 8500;

/** Below the threshold (both in basis points) the month's education commitment is not met; at it, it is. */
export function meetsThreshold(attendanceBp: number, thresholdBp: number): boolean {
  return attendanceBp >= thresholdBp;
}

/** The three months (YYYY-MM) of a calendar quarter: 1 is January to March. */
export function quarterMonths(year: number, quarter: number): [string, string, string] {
  const first = (quarter - 1) * 3 + 1;
  const m = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
  return [m(first), m(first + 1), m(first + 2)];
}

/** The quarter a YYYY-MM-DD date (the office's calendar day, Asia/Jakarta) falls in. */
export function quarterOf(isoDate: string): { year: number; quarter: number } {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

export const MONTH_NAMES = [
  'JANUARI',
  'FEBRUARI',
  'MARET',
  'APRIL',
  'MEI',
  'JUNI',
  'JULI',
  'AGUSTUS',
  'SEPTEMBER',
  'OKTOBER',
  'NOVEMBER',
  'DESEMBER',
] as const;

export const quarterLabel = (year: number, quarter: number) =>
  `Triwulan ${['I', 'II', 'III', 'IV'][quarter - 1]} ${year}`;

const year = z.number().int().min(2007, 'Tahun tidak valid.').max(2100, 'Tahun tidak valid.');
const quarter = z.number().int().min(1, 'Pilih triwulan 1-4.').max(4, 'Pilih triwulan 1-4.');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berbentuk TTTT-BB.');
export const quarterSchema = z.object({ year, quarter });
export type QuarterInput = z.infer<typeof quarterSchema>;

/** A school form as uploaded: the bytes (base64) and the quarter the operator says it covers. */
export const schoolFormSchema = z.object({
  fileName: z.string().min(1).max(255),
  base64: z.string().min(1, 'Pilih berkas.'),
  year,
  quarter,
});
export type SchoolFormInput = z.infer<typeof schoolFormSchema>;

/** The commit names the file the preview read (its SHA-256) so a different file is never written unseen. */
export const schoolFormCommitSchema = schoolFormSchema.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const thresholdSchema = z.object({
  thresholdPercent: z
    .number()
    .min(1, 'Ambang kehadiran paling kecil 1%.')
    .max(100, 'Ambang kehadiran paling besar 100%.')
    .multipleOf(0.01, 'Ambang kehadiran paling banyak dua angka di belakang koma.'),
});

/** One health visit by hand: memberId null is the pengurus herself. */
export const healthRecordSchema = z.object({
  kpmId: z.number().int().positive(),
  memberId: z.number().int().positive().nullable(),
  month,
  kind: z.enum(HEALTH_KINDS, 'Pilih jenis pemeriksaan.'),
  attended: z.boolean(),
});
export type HealthRecordInput = z.infer<typeof healthRecordSchema>;

/** The simple health sheet: NIK, BULAN, JENIS, HADIR (ya/tidak). */
export const healthSheetSchema = z.object({
  fileName: z.string().min(1).max(255),
  base64: z.string().min(1, 'Pilih berkas.'),
});

export const familyCommitmentsSchema = z.object({ kpmId: z.number().int().positive() });

export const monthlyVerkomSchema = z.object({ month });

/** The quarter the office is in at this instant (its calendar day, the machine's time zone as everywhere else). */
export const currentQuarter = (now: Date) => quarterOf(todayIso(now));
