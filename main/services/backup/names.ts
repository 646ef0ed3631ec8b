/**
 * Backup file names: `graduasi-pkh-2026-11-30_15-04-05-123_manual.db`. The time is the office PC's local time
 * (what staff see in Explorer), written so that names sort by time; no ':' (Windows). A second copy in the
 * same millisecond gets `-2`, `-3`, ... after the reason.
 */
import { resolve } from 'node:path';
import { BACKUP_REASONS, type BackupReason } from './types';

const PREFIX = 'graduasi-pkh-';
/** A copy being written; never listed, renamed to its final name only once verified. */
export const TEMP_SUFFIX = '.tmp';
const NAME = new RegExp(
  `^${PREFIX}(\\d{4})-(\\d{2})-(\\d{2})_(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})_(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\.db$`,
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function stamp(at: Date): string {
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}_` +
    `${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}`
  );
}

/** The final name of a backup made at `at`; `attempt` > 1 makes it unique when that name is taken. */
export function backupName(at: Date, reason: BackupReason, attempt = 1): string {
  return `${PREFIX}${stamp(at)}_${reason}${attempt > 1 ? `-${attempt}` : ''}.db`;
}

/** The copy a restore writes beside the database before renaming it over it. */
export const restoreTempOf = (databaseFile: string) => `${resolve(databaseFile)}.pulih.tmp`;

/** A raw byte copy of a file SQLite could not read (kept before a restore or a salvage); never listed. */
export function rawCopyName(at: Date, label?: string): string {
  return `${PREFIX}${stamp(at)}_${label ? `${label}_` : ''}rusak.db`;
}

/** The new database a salvage writes the readable rows into; not a backup, so never listed (restorable by path). */
export function salvagedName(at: Date): string {
  return `${PREFIX}${stamp(at)}_hasil_penyelamatan.db`;
}

/** When and why a backup was made, or null for any other file (temporary, raw copy, the user's own). */
export function parseBackupName(name: string): { at: Date; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number);
  return { at: new Date(y, mo - 1, d, h, mi, s, ms), reason: m[8] as BackupReason };
}

/** Newest first; copies of the same millisecond by their suffix (`-2` after none, `-10` after `-9`). */
export function newestFirst(a: { at: Date | string; name: string }, b: { at: Date | string; name: string }): number {
  const time = (x: { at: Date | string }) => new Date(x.at).getTime();
  return time(b) - time(a) || b.name.length - a.name.length || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);
}
