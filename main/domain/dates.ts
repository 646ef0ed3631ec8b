/** Calendar arithmetic on ISO dates ('2026-11-22'), shared by the decision (visit due dates) and the visit lists. */

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (month is 1-based here, 0-based in Date.UTC).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The same day N months later (or earlier, N < 0). A day the target month lacks rolls back to that month's
 * last day: 31 January + 1 month = 28/29 February, 29 February 2024 + 12 months = 28 February 2025. This is the
 * rule offices use for "3 bulan setelah SK": the visit stays in the month it is due.
 */
export function addMonths(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The first and last day of the month an ISO date falls in. */
export function monthBounds(isoDate: string): { first: string; last: string } {
  const [y, m] = isoDate.slice(0, 10).split('-').map(Number);
  return { first: `${pad(y, 4)}-${pad(m)}-01`, last: `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}` };
}

/** Whole days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}
