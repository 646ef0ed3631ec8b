/** Indonesian formats: money as Rp1.500.000, dates as 22 November 2026. */

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const groupDigits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}Rp${groupDigits.format(Math.abs(Math.round(amount)))}`;
}

export function formatNumber(value: number): string {
  return groupDigits.format(value);
}

/** "A, B, C dan 2 lainnya": a message names a few families, not a thousand. */
export function formatNames(names: string[], shown = 3): string {
  return names.length > shown
    ? `${names.slice(0, shown).join(', ')} dan ${formatNumber(names.length - shown)} lainnya`
    : names.join(', ');
}

/** '2026-11-22' (or a full ISO timestamp) -> '22 November 2026'. */
export function formatTanggal(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${BULAN[m - 1]} ${y}`;
}

const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

/** '2026-11-30' -> 'Senin' (the day of the week of a calendar date, whatever the time zone). */
export function formatHari(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return HARI[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** An ISO timestamp -> '22 November 2026 14.05' in local time. */
export function formatWaktu(iso: string): string {
  const date = new Date(iso);
  const local = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${formatTanggal(local)} ${String(date.getHours()).padStart(2, '0')}.${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Today's date as ISO text in local time. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
