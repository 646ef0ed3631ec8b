/** P2K2 reports' input: the period and how the groups are gathered (per kelompok, desa, kecamatan or pendamping). */
import { z } from 'zod';
import { periodSchema } from './reports';

export const P2K2_REPORT_AREAS = ['kelompok', 'desa', 'kecamatan', 'pendamping'] as const;
export type P2k2ReportArea = (typeof P2K2_REPORT_AREAS)[number];
export const P2K2_AREA_LABEL: Record<P2k2ReportArea, string> = {
  kelompok: 'Kelompok',
  desa: 'Desa/Kelurahan',
  kecamatan: 'Kecamatan',
  pendamping: 'Pendamping',
};

const optionalCode = (digits: number, what: string) =>
  z
    .string()
    .regex(new RegExp(`^\\d{${digits}}$`), `Kode ${what} terdiri dari ${digits} angka.`)
    .optional();

export const p2k2ReportSchema = periodSchema.and(
  z.object({
    area: z.enum(P2K2_REPORT_AREAS),
    districtCode: optionalCode(6, 'kecamatan'),
    villageCode: optionalCode(10, 'desa'),
    pendampingId: z.number().int().positive().optional(),
  }),
);
export type P2k2ReportInput = z.output<typeof p2k2ReportSchema>;

/** The absence follow-up list: a period and, optionally, one pendamping's families. */
export const p2k2AbsenceSchema = periodSchema.and(z.object({ pendampingId: z.number().int().positive().optional() }));
export type P2k2AbsenceInput = z.output<typeof p2k2AbsenceSchema>;

/** Hadir of the marked attendance rows as a percentage with one decimal, null when none were marked. */
export function attendanceRate(hadir: number, marked: number): number | null {
  return marked === 0 ? null : Math.round((hadir / marked) * 1000) / 10;
}

/** A warning for one family and absence period: the period's second month as YYYY-MM. */
export const p2k2WarnSchema = z.object({
  kpmId: z.number({ message: 'Pilih KPM.' }).int().positive(),
  absentUntil: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode alfa ditulis TTTT-BB, mis. 2026-11.'),
});
export type P2k2WarnInput = z.output<typeof p2k2WarnSchema>;

export const p2k2MeetingRefSchema = z.object({ meetingId: z.number({ message: 'Pilih pertemuan.' }).int().positive() });
