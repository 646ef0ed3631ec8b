/**
 * Backups and restore of the office database, one idea per file: names.ts (file names), copy.ts
 * (making a verified copy), verify.ts (integrity check), rotation.ts (what is kept), list.ts (listing, counts,
 * same disk), restore.ts, salvage.ts (rows out of a damaged file), files.ts (durable file steps).
 */

export { type BackupOptions, createBackup } from './copy';
export { backupDetails, listBackups, onSameDisk } from './list';
export {
  type BackupOffice,
  type DatabaseOrigin,
  matchOrigin,
  type OriginMatch,
  originOfFile,
  readOrigin,
} from './origin';
export { RESTORE_STEPS, type RestoreInput, type RestoreResult, type RestoreStep, restoreBackup } from './restore';
export { planRotation, type RotationEntry, rotateBackups } from './rotation';
export { type SalvageResult, salvageDatabase } from './salvage';
export type * from './types';
export { BACKUP_REASON_LABEL, BACKUP_REASONS } from './types';
export { integrityProblems } from './verify';
