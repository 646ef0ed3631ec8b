/** Backups of the office database: what one copy is and why it was made. */

export const BACKUP_REASONS = ['mulai', 'berkala', 'manual', 'impor', 'keputusan', 'sebelum_pulih'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABEL: Record<BackupReason, string> = {
  mulai: 'Saat aplikasi dibuka',
  berkala: 'Berkala',
  manual: 'Cadangkan sekarang',
  impor: 'Sebelum menyimpan impor',
  keputusan: 'Sebelum penetapan',
  sebelum_pulih: 'Sebelum pemulihan',
};

/** A verified copy in the backup folder (unverified or half-written copies are never listed). */
export interface BackupInfo {
  /** Absolute path. */
  file: string;
  name: string;
  /** ISO timestamp of the copy. */
  at: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupCounts {
  families: number;
  decisions: number;
  awards: number;
}

/** What the restore dialog shows before the user confirms. */
export interface BackupDetails extends BackupInfo {
  counts: BackupCounts;
}
