/**
 * The pendamping's month: complaints (pengaduan), the monthly performance report and the office's evaluation.
 * Schemas, duties and defaults shared by the services, the contract and the renderer.
 */
import { z } from 'zod';
import { OFFICE_ROLES, ROLES, type Role } from './enums';
import { pagingSchema } from './paging';

/** Complaints: every role reads (a pendamping only its own families'); the office and the pendamping record. */
export const COMPLAINT_DUTIES = {
  view: ROLES,
  record: ['admin', 'operator', 'pendamping'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * The monthly report and evaluation. The koordinator's evaluation is recorded by pimpinan (the koordinator or the
 * head who oversees the pendamping) and admin; a pendamping reads only its own report and evaluation and writes
 * only its own notes.
 */
export const EVALUATION_DUTIES = {
  view: ROLES,
  notes: ['admin', 'operator', 'pendamping'],
  evaluate: ['admin', 'pimpinan'],
  settings: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Which roles see every pendamping's row of the evaluation page (the rest see their own). */
export const SEES_ALL_PENDAMPING: readonly Role[] = OFFICE_ROLES;

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(MONTH_RE, 'Bulan ditulis TTTT-BB, mis. 2026-11.');

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateSchema = (what: string) => z.string().regex(DATE_RE, `Tanggal ${what} tidak valid (TTTT-BB-HH).`);

export const DEFAULT_COMPLAINT_CATEGORIES = [
  'Bantuan belum diterima',
  'Data keluarga tidak sesuai',
  'Kartu/rekening (KKS)',
  'Kepesertaan',
  'Lainnya',
];

export const complaintSaveSchema = z
  .object({
    id: z.number().int().positive().optional(),
    kpmId: z.number({ message: 'Pilih KPM.' }).int().positive(),
    date: dateSchema('pengaduan'),
    issue: z
      .string()
      .trim()
      .min(3, 'Isi pengaduan minimal 3 huruf.')
      .max(2000, 'Isi pengaduan paling banyak 2.000 huruf.'),
    category: z.string().trim().min(1, 'Pilih kategori.'),
    handledBy: z.string().trim().max(100, 'Nama penangan paling banyak 100 huruf.').default(''),
    resolvedDate: dateSchema('selesai').nullable().default(null),
    resolution: z.string().trim().max(2000, 'Penyelesaian paling banyak 2.000 huruf.').default(''),
  })
  .refine((c) => c.resolvedDate === null || c.resolvedDate >= c.date, {
    message: 'Tanggal selesai tidak boleh sebelum tanggal pengaduan.',
    path: ['resolvedDate'],
  })
  .refine((c) => c.resolvedDate === null || c.resolution.length > 0, {
    message: 'Tulis penyelesaiannya bila pengaduan sudah selesai.',
    path: ['resolution'],
  });
export type ComplaintSaveInput = z.output<typeof complaintSaveSchema>;

export const COMPLAINT_STATES = ['semua', 'terbuka', 'selesai'] as const;
export const complaintListSchema = pagingSchema.extend({
  kpmId: z.number().int().positive().optional(),
  month: monthSchema.optional(),
  state: z.enum(COMPLAINT_STATES).default('semua'),
});
export type ComplaintListInput = z.output<typeof complaintListSchema>;

/** One indicator of the office: tied to one figure (scored from it) or scored freely by the koordinator. */
export interface EvaluationIndicator {
  key: string;
  label: string;
  /** Percent of the total; the indicators' weights add up to 100. */
  weight: number;
  /** The figure it is scored from (figures.ts), or null when the koordinator scores it. */
  figure: string | null;
}

export const indicatorSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, 'Kode indikator: huruf kecil, angka dan garis bawah (paling banyak 40).'),
  label: z.string().trim().min(1, 'Nama indikator wajib diisi.').max(120, 'Nama indikator paling banyak 120 huruf.'),
  weight: z.number().int('Bobot bilangan bulat.').min(1, 'Bobot paling kecil 1.').max(100, 'Bobot paling besar 100.'),
  figure: z.string().nullable(),
});

export const evaluationSettingsSchema = z.object({
  indicators: z.array(indicatorSchema).min(1, 'Tetapkan paling sedikit satu indikator.').max(20),
  complaintCategories: z
    .array(z.string().trim().min(1, 'Kategori tidak boleh kosong.').max(60))
    .min(1, 'Tetapkan paling sedikit satu kategori pengaduan.')
    .max(30),
});
export type EvaluationSettingsInput = z.output<typeof evaluationSettingsSchema>;

export const DEFAULT_INDICATORS: EvaluationIndicator[] = [
  { key: 'p2k2', label: 'Pelaksanaan P2K2', weight: 25, figure: 'p2k2_held' },
  { key: 'kehadiran', label: 'Kehadiran P2K2', weight: 15, figure: 'p2k2_attendance' },
  { key: 'graduasi', label: 'Graduasi terhadap target', weight: 25, figure: 'graduations' },
  { key: 'kunjungan', label: 'Kunjungan pendampingan lanjutan', weight: 15, figure: 'visits_made' },
  { key: 'pengaduan', label: 'Penanganan pengaduan', weight: 10, figure: 'complaints_resolved' },
  { key: 'sikap', label: 'Sikap kerja dan kedisiplinan', weight: 10, figure: null },
];

export const pendampingMonthSchema = z.object({
  pendampingId: z.number({ message: 'Pilih pendamping.' }).int().positive(),
  month: monthSchema,
});
export type PendampingMonthInput = z.output<typeof pendampingMonthSchema>;

export const reportFileSchema = pendampingMonthSchema.extend({
  /** The signatory of "Mengetahui" (Pengaturan > Dokumen); the Kepala Dinas when absent. */
  signatoryId: z.number().int().positive().optional(),
});
export type ReportFileInput = z.output<typeof reportFileSchema>;

export const monthNotesSchema = pendampingMonthSchema.extend({
  notes: z.string().trim().max(4000, 'Catatan paling banyak 4.000 huruf.'),
});

const scoreSchema = z
  .number({ message: 'Nilai berupa angka 0-100.' })
  .min(0, 'Nilai paling kecil 0.')
  .max(100, 'Nilai paling besar 100.');

export const evaluationRecordSchema = pendampingMonthSchema.extend({
  scores: z.record(z.string(), scoreSchema),
  notes: z.string().trim().max(4000, 'Catatan paling banyak 4.000 huruf.').default(''),
});
export type EvaluationRecordInput = z.output<typeof evaluationRecordSchema>;

export const evaluationMonthSchema = z.object({ month: monthSchema });

/** The month (YYYY-MM) of an ISO date, and the month a day falls in for the office (todayIso is local time). */
export const monthOfDate = (isoDate: string) => isoDate.slice(0, 7);

/** '2026-03' -> its first and last day. */
export function monthDays(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}
