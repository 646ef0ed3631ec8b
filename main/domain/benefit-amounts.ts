/** The office's yearly benefit table: what an administrator may set per komponen. */
import { z } from 'zod';
import { formatRupiah } from './format';
import { KOMPONEN, KOMPONEN_LABEL, type Komponen } from './komponen';

/**
 * A sane ceiling per komponen per year: over three times the highest national amount (Rp3.000.000), so a
 * future raise fits, while an extra zero typed by mistake (Rp30.000.000) is refused.
 */
export const MAX_YEARLY_BENEFIT = 10_000_000;

/** The message for one komponen's amount, or null when it is acceptable. */
export function yearlyBenefitProblem(komponen: Komponen, value: number): string | null {
  const label = KOMPONEN_LABEL[komponen];
  if (!Number.isFinite(value)) return `Isi nominal per tahun untuk ${label}.`;
  if (!Number.isInteger(value)) return `Nominal ${label} harus bilangan bulat rupiah, tanpa sen.`;
  if (value < 0) return `Nominal ${label} tidak boleh negatif.`;
  if (value > MAX_YEARLY_BENEFIT) {
    return `Nominal ${label} paling banyak ${formatRupiah(MAX_YEARLY_BENEFIT)} per tahun; periksa jumlah nolnya.`;
  }
  return null;
}

const yearly = (komponen: Komponen) =>
  z.number({ error: `Isi nominal per tahun untuk ${KOMPONEN_LABEL[komponen]}.` }).superRefine((value, ctx) => {
    const problem = yearlyBenefitProblem(komponen, value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Every komponen must be given, so a saved table is always complete. */
export const benefitAmountsSchema = z.object({
  amounts: z.object(
    Object.fromEntries(KOMPONEN.map((k) => [k, yearly(k)])) as Record<Komponen, ReturnType<typeof yearly>>,
  ),
});
