/**
 * The pendamping's monthly work plan (rencana kerja bulanan): its activity kinds, the forms' schemas, and the
 * rules of the month and its deadline, shared by the contract, the services and the renderer.
 */
import { z } from 'zod';
import { monthBounds } from './dates';
import { BULAN } from './format';

export const WORK_PLAN_KINDS = [
  'p2k2',
  'kunjungan_rumah',
  'verifikasi_komitmen',
  'kunjungan_pemantauan',
  'verifikasi_graduasi',
  'rapat',
  'lainnya',
] as const;
export type WorkPlanKind = (typeof WORK_PLAN_KINDS)[number];

export const WORK_PLAN_KIND_LABEL: Record<WorkPlanKind, string> = {
  p2k2: 'Pertemuan P2K2',
  kunjungan_rumah: 'Kunjungan rumah',
  verifikasi_komitmen: 'Verifikasi komitmen',
  kunjungan_pemantauan: 'Kunjungan pemantauan pascagraduasi',
  verifikasi_graduasi: 'Kunjungan verifikasi calon graduasi',
  rapat: 'Rapat',
  lainnya: 'Lainnya',
};

export const WORK_PLAN_STATUS = ['draft', 'submitted'] as const;
export type WorkPlanStatus = (typeof WORK_PLAN_STATUS)[number];
/** A plan handed in: locked except for marking its activities done or not done. */
export const SUBMITTED_PLAN = 'submitted' satisfies WorkPlanStatus;

/** How a month's plan stands on the office's list. */
export const SUBMISSION_STATES = ['on_time', 'late', 'draft', 'none'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_LABEL: Record<SubmissionState, string> = {
  on_time: 'Diajukan tepat waktu',
  late: 'Diajukan terlambat',
  draft: 'Masih draf',
  none: 'Belum ada rencana',
};

export const OUTCOMES = ['done', 'not_done'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The office's dates: a plan's deadline and lateness are days in Asia/Jakarta, whatever the PC's zone. */
export const OFFICE_TIME_ZONE = 'Asia/Jakarta';
const officeDay = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE });

/** The office's calendar date of an instant ("2026-03-06" for 17:30 UTC on the 5th). */
export function officeDate(instant: Date): string {
  return officeDay.format(instant);
}

export const DEFAULT_DEADLINE_DAY = 5;

/** The last day to submit month's plan: day `deadlineDay` of that month (the month's last day if shorter). */
export function planDeadline(month: string, deadlineDay: number): string {
  const { last } = monthBounds(`${month}-01`);
  const day = Math.min(deadlineDay, Number(last.slice(8)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Late when submitted (or, not yet submitted, today) after the deadline day, in the office's calendar. */
export function isLate(month: string, deadlineDay: number, onDate: string): boolean {
  return onDate > planDeadline(month, deadlineDay);
}

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan ditulis TTTT-BB, mis. 2026-03.');

const positiveId = z.number().int().positive();

export const planRefSchema = z.object({ pendampingId: positiveId, month: monthSchema });
export type PlanRef = z.infer<typeof planRefSchema>;

const itemFields = {
  kind: z.enum(WORK_PLAN_KINDS, 'Pilih jenis kegiatan.'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal kegiatan wajib diisi.'),
  title: z.string().trim().min(1, 'Uraian kegiatan wajib diisi.').max(200, 'Uraian paling panjang 200 karakter.'),
  place: z.string().trim().max(200, 'Tempat paling panjang 200 karakter.').default(''),
};

export const itemAddSchema = z.object({ planId: positiveId, ...itemFields });
export const itemUpdateSchema = z.object({ id: positiveId, ...itemFields });
export type ItemAddInput = z.infer<typeof itemAddSchema>;
export type ItemUpdateInput = z.infer<typeof itemUpdateSchema>;

export const outcomeSchema = z
  .object({
    id: positiveId,
    outcome: z.enum(OUTCOMES, 'Pilih terlaksana atau tidak.'),
    reason: z.string().trim().max(500, 'Alasan paling panjang 500 karakter.').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'not_done' && v.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Tulis alasan kegiatan tidak terlaksana.' });
    }
  });
export type OutcomeInput = z.infer<typeof outcomeSchema>;

export const reopenSchema = z.object({
  id: positiveId,
  reason: z.string().trim().min(1, 'Tulis alasan membuka kembali rencana.').max(500),
});

export const submissionListSchema = z.object({ month: monthSchema });

export const workPlanSettingsSchema = z.object({
  deadlineDay: z
    .number({ message: 'Batas tanggal wajib diisi.' })
    .int('Batas tanggal berupa bilangan bulat.')
    .min(1, 'Batas tanggal 1-28.')
    .max(28, 'Batas tanggal 1-28.'),
});

/** "Maret 2026" for "2026-03". */
export function monthLabel(month: string): string {
  return `${BULAN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
