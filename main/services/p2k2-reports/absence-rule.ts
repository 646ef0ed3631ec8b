/**
 * The follow-up rule: a family marked ALFA at meetings in two consecutive calendar months (M and M+1; December
 * and the next January are consecutive) is warned once per absence period. A period is a run of consecutive ALFA
 * months; it is named by its second month, the month the rule was met, so a family absent January to April gets
 * one warning (February), and another only after a month without ALFA breaks the run. IZIN and SAKIT are excused
 * absences and never make an ALFA month.
 */

/** '2026-12' -> '2027-01'. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** '2027-01' -> '2026-12'; n months back. */
export function monthsBefore(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface AbsencePeriod {
  /** The run's months in order, the first two at least. */
  months: string[];
  /** The second month of the run: the warning's period. */
  absentUntil: string;
}

/** The absence periods of one family's ALFA months (YYYY-MM, any order, repeats allowed). */
export function absencePeriods(alfaMonths: readonly string[]): AbsencePeriod[] {
  const months = [...new Set(alfaMonths)].sort();
  const periods: AbsencePeriod[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2) periods.push({ months: run, absentUntil: run[1] });
    run = [];
  };
  for (const month of months) {
    if (run.length > 0 && nextMonth(run[run.length - 1]) !== month) close();
    run.push(month);
  }
  close();
  return periods;
}
