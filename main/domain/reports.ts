/**
 * Reports per kecamatan, desa and pendamping: the period they cover and how areas are grouped.
 * Shared by the reports service, the contract and the Laporan page.
 */
import { z } from 'zod';
import { monthBounds } from './dates';
import { BULAN } from './format';
import { yearSchema } from './progress';

export const REPORT_GROUPS = ['kecamatan', 'desa', 'pendamping'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
export const REPORT_GROUP_LABEL: Record<ReportGroup, string> = {
  kecamatan: 'Kecamatan',
  desa: 'Desa/Kelurahan',
  pendamping: 'Pendamping',
};

const month = (what: string) =>
  z
    .number({ message: `Pilih bulan ${what}.` })
    .int()
    .min(1, `Bulan ${what} antara 1 dan 12.`)
    .max(12, `Bulan ${what} antara 1 dan 12.`);

/**
 * A period inside one year: targets are set per year, so a report never spans two (a whole year is months 1-12).
 */
const periodShape = { year: yearSchema, fromMonth: month('awal').default(1), toMonth: month('akhir').default(12) };

const monthsInOrder = (p: { fromMonth: number; toMonth: number }) => p.fromMonth <= p.toMonth;
const ORDER_ERROR = { message: 'Bulan awal tidak boleh sesudah bulan akhir.', path: ['toMonth'] };

export const periodSchema = z.object(periodShape).refine(monthsInOrder, ORDER_ERROR);
export type Period = z.output<typeof periodSchema>;

export const areaReportSchema = z
  .object({
    ...periodShape,
    group: z.enum(REPORT_GROUPS),
    /** Only the families of this kecamatan (the desa of one kecamatan). */
    districtCode: z
      .string()
      .regex(/^\d{6}$/, 'Kode kecamatan terdiri dari 6 angka.')
      .optional(),
  })
  .refine(monthsInOrder, ORDER_ERROR);
export type AreaReportInput = z.output<typeof areaReportSchema>;

export const pendampingReportSchema = z
  .object({ ...periodShape, pendampingId: z.number({ message: 'Pilih pendamping.' }).int().positive() })
  .refine(monthsInOrder, ORDER_ERROR);
export type PendampingReportInput = z.output<typeof pendampingReportSchema>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The period's first and last day as ISO dates. */
export function periodRange(p: Period): { from: string; to: string } {
  return { from: `${p.year}-${pad(p.fromMonth)}-01`, to: monthBounds(`${p.year}-${pad(p.toMonth)}-01`).last };
}

/** 'Tahun 2026', 'Maret 2026' or 'Januari - Maret 2026'. */
export function periodLabel(p: Period): string {
  if (p.fromMonth === 1 && p.toMonth === 12) return `Tahun ${p.year}`;
  if (p.fromMonth === p.toMonth) return `${BULAN[p.fromMonth - 1]} ${p.year}`;
  return `${BULAN[p.fromMonth - 1]} - ${BULAN[p.toMonth - 1]} ${p.year}`;
}

/** The period's months, 1-based. */
export function periodMonths(p: Period): number[] {
  return Array.from({ length: p.toMonth - p.fromMonth + 1 }, (_, i) => p.fromMonth + i);
}

/** More bars than this do not read: the chart (screen and print) shows the areas with most graduations. */
export const CHART_MAX_BARS = 20;

/** The areas a report's bar chart shows: all of them, or the CHART_MAX_BARS with most graduations. */
export function chartAreas<T extends { graduated: number }>(rows: readonly T[]): T[] {
  if (rows.length <= CHART_MAX_BARS) return [...rows];
  return [...rows].sort((a, b) => b.graduated - a.graduated).slice(0, CHART_MAX_BARS);
}

/** Chart labels longer than this are cut with "…" (the full name shows as a tooltip and in the table). */
export const CHART_LABEL_MAX = 18;

export function chartLabel(label: string): string {
  const chars = [...label];
  return chars.length <= CHART_LABEL_MAX ? label : `${chars.slice(0, CHART_LABEL_MAX - 1).join('')}…`;
}
