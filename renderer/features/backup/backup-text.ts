import type { BackupCounts, OriginMatch } from '../../../main/api/backup.contract';
import { formatNumber, formatWaktu } from '../../../main/domain/format';

/** '2 jam lalu', '3 hari lalu': how old a backup is, in words the office reads at a glance. */
export function ageText(iso: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return 'baru saja';
  if (minutes < 60) return `${minutes} menit lalu`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} jam lalu`;
  return `${Math.floor(hours / 24)} hari lalu`;
}

/** '30 November 2026 15.04 (2 jam lalu)'. */
export function backupWhen(iso: string, now: Date = new Date()): string {
  return `${formatWaktu(iso)} (${ageText(iso, now)})`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

export function countsText(counts: BackupCounts | undefined): string {
  if (!counts) return 'isi tidak terbaca';
  return `${formatNumber(counts.families)} keluarga, ${formatNumber(counts.decisions)} keputusan, ${formatNumber(counts.awards)} bantuan`;
}

/** A backup that is not this database's: the badge in the list (it cannot be restored here). */
export const MATCH_LABEL: Record<Exclude<OriginMatch, 'sama'>, string> = {
  kantor_lain: 'Kantor lain',
  database_lain: 'Database lain',
};
