/**
 * Backups, restore and the database's health. `database.*` are the only methods of
 * recovery mode, when the database file is not usable: public, because nobody can log in to a broken file,
 * and refused once the database is fine again (then restore is the administrator's, through `backup.restore`).
 */
import { z } from 'zod';
import type { BackupOffice, OriginMatch } from '../services/backup/origin';
import type { BackupFailure } from '../services/backup/schedule';
import type { BackupCounts, BackupInfo, BackupReason } from '../services/backup/types';
import type { DatabaseState } from '../services/database-health';
import { method, none } from './method';

export type { BackupCounts, BackupFailure, BackupOffice, BackupReason, DatabaseState, OriginMatch };

export interface BackupItem extends BackupInfo {
  reasonLabel: string;
  /** Families, decisions and awards in the copy; with `details` only (each copy is opened to count). */
  counts?: BackupCounts;
  /** The office the copy was made for (null: before the setup, or unreadable). */
  office: BackupOffice | null;
  /** This database's copy, another office's, or another database's (only 'sama' can be restored). */
  match: OriginMatch;
}

export interface DatabaseStatus {
  state: DatabaseState;
  file: string;
  message: string;
  backupFolder: string;
  /** The newest backups with their counts, for "restore the latest" and the choice of another. */
  backups: BackupItem[];
}

export interface BackupStatus {
  folder: string;
  /** The folder is on the database's disk: a disk failure would take both. */
  sameDisk: boolean;
  last: BackupItem | null;
  /** Hours since the last good backup. */
  ageHours: number | null;
  /** Indonesian, shown on the home page and the backup tab: none yet, older than 24 h, or the last one failed. */
  warning: string | null;
  lastFailure: BackupFailure | null;
}

export const backupNameSchema = z.string().trim().min(1, 'Pilih cadangan.').max(255);

export const recoverSchema = z.discriminatedUnion('action', [
  /** The chosen backup, or the newest without a name. */
  z.object({ action: z.literal('restore'), backup: backupNameSchema.optional() }),
  z.object({ action: z.literal('salvage') }),
  z.object({ action: z.literal('choose'), file: z.string().trim().min(1, 'Isi lokasi berkas database.').max(1000) }),
]);

export interface RecoverResult extends DatabaseStatus {
  /** After a salvage: where the copy with the readable rows is, and what could not be read. */
  salvage?: { rawCopy: string; salvaged: string; unreadable: string[] };
}

export const backupContract = {
  'database.status': method<DatabaseStatus>()(none, { public: true, answersInRecovery: true }),
  'database.recover': method<RecoverResult>()(recoverSchema, { public: true, answersInRecovery: true }),
  'backup.status': method<BackupStatus>()(none, { duty: 'backup.view' }),
  'backup.list': method<BackupItem[]>()(z.object({ details: z.boolean().default(false) }).default({ details: false }), {
    duty: 'backup.view',
  }),
  'backup.now': method<BackupItem>()(none, { duty: 'backup.backUpNow' }),
  'backup.setFolder': method<BackupStatus>()(
    z.object({ folder: z.string().trim().min(1, 'Isi folder cadangan.').max(1000) }),
    { duty: 'backup.manage' },
  ),
  /** `reason`: why everyone was logged out, for the login page. */
  'backup.restore': method<{ restored: BackupItem; keptAs: BackupItem | null; reason: string }>()(
    z.object({ backup: backupNameSchema }),
    { duty: 'backup.manage' },
  ),
} as const;
