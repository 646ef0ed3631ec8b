/**
 * Graduates' businesses: the business of a graduated family with its dated turnover and income entries, compared
 * with the regency's UMK; vocational training (BLK), online selling, PENA and KUBE. Pure rules and forms, shared
 * by the services and the renderer.
 */
import { z } from 'zod';
import type { Role } from './enums';
import { OFFICE_ROLES } from './enums';

/** The business types PENA uses, plus 'lainnya'. */
export const BUSINESS_TYPES = ['makanan_minuman', 'kerajinan', 'jasa', 'pertanian', 'peternakan', 'lainnya'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
export const BUSINESS_TYPE_LABEL: Record<BusinessType, string> = {
  makanan_minuman: 'Makanan/minuman',
  kerajinan: 'Kerajinan',
  jasa: 'Jasa',
  pertanian: 'Pertanian',
  peternakan: 'Peternakan',
  lainnya: 'Lainnya',
};

/**
 * Who may do what with graduates' businesses. A pendamping records for its own families only (the services
 * check kpm.pendamping_id); KUBE groups span families of several pendamping, so they are the office's.
 */
export const BUSINESS_DUTIES = {
  view: [...OFFICE_ROLES, 'pendamping'],
  record: ['admin', 'operator', 'verifikator', 'pendamping'],
  /** KUBE groups span several pendamping's families: the office's. */
  kubeView: OFFICE_ROLES,
  kube: ['admin', 'operator'],
  /** The UMK setting. */
  settings: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** A KUBE (kelompok usaha bersama) has 5 to 10 families. */
export const KUBE_MIN = 5;
export const KUBE_MAX = 10;

/** Whether a KUBE of this many families may be formed or kept; the message names the limit broken. */
export function kubeSizeProblem(size: number): string | null {
  if (size < KUBE_MIN) return `KUBE harus beranggota paling sedikit ${KUBE_MIN} keluarga (sekarang ${size}).`;
  if (size > KUBE_MAX) return `KUBE beranggota paling banyak ${KUBE_MAX} keluarga (sekarang ${size}).`;
  return null;
}

export type UmkStanding = 'di_atas' | 'di_bawah' | 'belum_diatur';

/** Income at or above the UMK counts as above it (the UMK is the floor a family should reach). */
export function umkStanding(income: number, umk: number): UmkStanding {
  if (umk <= 0) return 'belum_diatur';
  return income >= umk ? 'di_atas' : 'di_bawah';
}

export interface EntryPoint {
  entryDate: string;
  running: boolean;
  income: number;
}

export type SlipReason = 'pendapatan_turun' | 'usaha_berhenti' | 'kembali_aktif';
export const SLIP_REASON_LABEL: Record<SlipReason, string> = {
  pendapatan_turun: 'Pendapatan turun di bawah UMK',
  usaha_berhenti: 'Usaha berhenti',
  kembali_aktif: 'Kembali menjadi KPM aktif',
};

/**
 * Why a family with a business record slipped back, or null. Read on the entries in date order (ties by id):
 * - 'kembali_aktif': the family's status is 'aktif' again (it had a business record, made only while graduated);
 * - 'usaha_berhenti': the latest entry says the business stopped after an earlier entry said it ran;
 * - 'pendapatan_turun': the latest entry's income is below the UMK after an earlier entry at or above it.
 * A family that never reached the UMK has not slipped back (it is "not yet above"); without a UMK set the
 * income rule does not apply. The first reason in that order wins.
 */
export function slipReason(entries: readonly EntryPoint[], umk: number, status: string): SlipReason | null {
  if (status === 'aktif') return 'kembali_aktif';
  if (entries.length < 2) return null;
  const latest = entries[entries.length - 1];
  const earlier = entries.slice(0, -1);
  if (!latest.running && earlier.some((e) => e.running)) return 'usaha_berhenti';
  if (umk > 0 && latest.income < umk && earlier.some((e) => e.income >= umk)) return 'pendapatan_turun';
  return null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH.');
const rupiah = (label: string) =>
  z
    .number({ message: `${label} harus berupa angka rupiah.` })
    .int(`${label} harus bilangan bulat rupiah.`)
    .min(0, `${label} tidak boleh negatif.`)
    .max(10_000_000_000, `${label} terlalu besar.`);
const text = (label: string, max = 120) =>
  z.string().trim().min(1, `${label} wajib diisi.`).max(max, `${label} paling banyak ${max} karakter.`);
const kpmId = z.number().int().positive();

/** One follow-up of the business: a dated entry of turnover and income (history kept). */
export const businessEntrySchema = z.object({
  entryDate: isoDate,
  running: z.boolean({ message: 'Pilih apakah usaha masih berjalan.' }),
  turnover: rupiah('Omzet per bulan'),
  income: rupiah('Pendapatan per bulan'),
  notes: z.string().trim().max(500).default(''),
});
export type BusinessEntryInput = z.output<typeof businessEntrySchema>;

/** The business itself (type, start) with, optionally, an entry: saving it creates or updates the record. */
export const businessSaveSchema = z.object({
  kpmId,
  type: z.enum(BUSINESS_TYPES, { message: 'Pilih jenis usaha.' }),
  description: z.string().trim().max(200).default(''),
  startDate: isoDate,
  entry: businessEntrySchema.optional(),
});
export type BusinessSave = z.output<typeof businessSaveSchema>;

/** The optional business section of a follow-up visit form. */
export const visitBusinessSchema = businessSaveSchema.omit({ kpmId: true, entry: true }).extend({
  turnover: rupiah('Omzet per bulan'),
  income: rupiah('Pendapatan per bulan'),
});
export type VisitBusiness = z.output<typeof visitBusinessSchema>;

export const trainingSchema = z
  .object({
    kpmId,
    course: text('Nama pelatihan'),
    institution: text('Lembaga pelatihan'),
    startDate: isoDate,
    endDate: isoDate,
    completed: z.boolean(),
    certificate: z.boolean(),
    certificateNumber: z.string().trim().max(60).default(''),
  })
  .refine((t) => t.endDate >= t.startDate, { message: 'Tanggal selesai sebelum tanggal mulai.', path: ['endDate'] })
  .refine((t) => !t.certificate || t.certificateNumber !== '', {
    message: 'Nomor sertifikat wajib diisi bila ada sertifikat.',
    path: ['certificateNumber'],
  });
export type TrainingInput = z.output<typeof trainingSchema>;

export const onlineShopSchema = z.object({
  kpmId,
  platform: text('Platform', 60),
  accountName: text('Nama akun/toko'),
  since: isoDate,
});
export type OnlineShopInput = z.output<typeof onlineShopSchema>;

export const penaSchema = z.object({
  kpmId,
  scheme: text('Skema PENA'),
  amount: rupiah('Nilai bantuan'),
  date: isoDate,
});
export type PenaInput = z.output<typeof penaSchema>;

export const kubeCreateSchema = z.object({
  name: text('Nama KUBE'),
  businessType: z.enum(BUSINESS_TYPES, { message: 'Pilih jenis usaha KUBE.' }),
  business: z.string().trim().max(200).default(''),
  formedDate: isoDate,
  kpmIds: z.array(kpmId).max(50),
});
export type KubeCreate = z.output<typeof kubeCreateSchema>;

export const kubeMemberSchema = z.object({ kubeId: z.number().int().positive(), kpmId });
export const kubeAssetSchema = z.object({
  kubeId: z.number().int().positive(),
  name: text('Nama aset'),
  value: rupiah('Nilai aset'),
  acquiredDate: isoDate,
});
export type KubeAssetInput = z.output<typeof kubeAssetSchema>;

export const umkSchema = z.object({ umk: rupiah('UMK').min(1, 'UMK harus lebih dari nol.') });

export const businessReportSchema = z.object({
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  programId: z.number().int().positive().optional(),
});
export type BusinessReportFilter = z.output<typeof businessReportSchema>;

export const LIST_PURPOSES = ['blk', 'pena'] as const;
export type ListPurpose = (typeof LIST_PURPOSES)[number];
export const candidateListSchema = z.object({
  purpose: z.enum(LIST_PURPOSES),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  type: z.enum(BUSINESS_TYPES).optional(),
  noTrainingYet: z.boolean().default(false),
});
export type CandidateListFilter = z.output<typeof candidateListSchema>;
