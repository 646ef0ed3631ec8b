/**
 * Inputs of targets, progress and follow-up visits, shared by the contract and the
 * forms: one definition, one set of messages.
 */
import { z } from 'zod';
import { visitBusinessSchema } from './business';
import { type Checked, checkDate, checkText } from './field-checks';
import type { DateSpec, TextSpec } from './fields';
import { INCOME_BANDS, TARGET_MODES } from './graduation';

export const VISIT_FIELDS = {
  visitedDate: { label: 'Tanggal kunjungan', kind: 'date', earliest: '2007-01-01' },
  visitorName: { label: 'Dikunjungi oleh', kind: 'name', max: 100, required: true },
  notes: { label: 'Catatan kunjungan', kind: 'text', max: 1000, multiline: true },
} as const satisfies Record<string, DateSpec | TextSpec>;

/** Visit intervals: 1 to 60 months after the SK, ascending, at most 12 visits. */
export const VISIT_MONTHS_MAX = 60;

/** "3, 6, 12" -> [3, 6, 12]; the administrator types the intervals as a list. */
export function parseVisitMonths(text: string): Checked<number[]> {
  const expected = `bulan 1 sampai ${VISIT_MONTHS_MAX}, urut naik, contoh "3, 6, 12"`;
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const fail = (message: string): Checked<number[]> => ({ ok: false, code: 'VISIT_MONTHS', message, expected });
  if (parts.length === 0) return fail('Jadwal kunjungan wajib diisi: paling sedikit satu bulan, contoh "3, 6, 12".');
  if (parts.length > 12) return fail(`Jadwal kunjungan paling banyak 12 kunjungan (terisi ${parts.length}).`);
  const months: number[] = [];
  for (const part of parts) {
    const n = Number(part);
    if (!/^\d+$/.test(part) || n < 1 || n > VISIT_MONTHS_MAX) {
      return fail(`Jadwal kunjungan: "${part}" bukan bulan 1 sampai ${VISIT_MONTHS_MAX}.`);
    }
    if (months.length > 0 && n <= months[months.length - 1]) {
      return fail(`Jadwal kunjungan harus urut naik tanpa ulangan: ${n} sesudah ${months[months.length - 1]}.`);
    }
    months.push(n);
  }
  return { ok: true, value: months };
}

const fromChecked =
  <T>(check: (raw: string) => Checked<T>) =>
  (value: string, ctx: z.RefinementCtx) => {
    const result = check(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    return result.value;
  };

export const graduationSettingsSchema = z.object({
  visitMonths: z.string().transform(fromChecked(parseVisitMonths)),
  defaultTargetKpm: z
    .number({ message: 'Target bawaan per pendamping wajib diisi.' })
    .int('Target bawaan berupa bilangan bulat.')
    .min(0, 'Target bawaan tidak boleh negatif.')
    .max(1000, 'Target bawaan paling banyak 1.000 KPM per pendamping.'),
  officeTargetPercent: z
    .number({ message: 'Target kantor wajib diisi.' })
    .int('Target kantor berupa bilangan bulat.')
    .min(1, 'Target kantor paling sedikit 1%.')
    .max(100, 'Target kantor paling banyak 100%.'),
});
export type GraduationSettingsInput = z.input<typeof graduationSettingsSchema>;
export type GraduationSettings = z.output<typeof graduationSettingsSchema>;

export const yearSchema = z
  .number({ message: 'Pilih tahun.' })
  .int()
  .min(2007, 'Tahun paling awal 2007 (PKH dimulai).')
  .max(2100, 'Tahun tidak masuk akal.');

/** A target: a number of families ('kpm') or a share of the active families ('persen'). */
export const targetSchema = z
  .object({
    year: yearSchema,
    /** null: the office's own target. */
    pendampingId: z.number().int().positive().nullable(),
    mode: z.enum(TARGET_MODES, { message: 'Pilih jenis target: jumlah KPM atau persen.' }),
    value: z.number({ message: 'Target wajib diisi.' }).int('Target berupa bilangan bulat.'),
  })
  .superRefine((t, ctx) => {
    const [min, max, unit] = t.mode === 'persen' ? [1, 100, '%'] : [0, 10_000, ' KPM'];
    if (t.value < min || t.value > max) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `Target ${min}${unit} sampai ${max}${unit}.` });
    }
  });
export type TargetInput = z.infer<typeof targetSchema>;

export const visitRecordSchema = z.object({
  id: z.number().int().positive(),
  visitedDate: z.string().transform(fromChecked((raw) => checkDate(VISIT_FIELDS.visitedDate, raw))),
  visitorName: z.string().transform(fromChecked((raw) => checkText(VISIT_FIELDS.visitorName, raw))),
  businessRunning: z.boolean({ message: 'Pilih apakah usaha masih berjalan.' }),
  incomeBand: z.enum(INCOME_BANDS, { message: 'Pilih keadaan penghasilan.' }),
  slippedBack: z.boolean({ message: 'Pilih apakah keluarga kembali rentan.' }),
  notes: z
    .string()
    .default('')
    .transform(fromChecked((raw) => checkText(VISIT_FIELDS.notes, raw))),
  /** The graduate's business as seen on the visit: saved with the visit, in its transaction, as a dated entry. */
  business: visitBusinessSchema.optional(),
});
export type VisitRecordInput = z.input<typeof visitRecordSchema>;
export type VisitRecord = z.output<typeof visitRecordSchema>;

export const VISIT_LIST_KINDS = ['bulan_ini', 'terlambat'] as const;
export type VisitListKind = (typeof VISIT_LIST_KINDS)[number];
export const VISIT_LIST_LABEL: Record<VisitListKind, string> = {
  bulan_ini: 'Jatuh tempo bulan ini',
  terlambat: 'Terlambat',
};
