/**
 * Which backups to keep, like the desktop backup tools staff know: every copy of the last 24 hours (the 8
 * newest), the newest copy of each of the last 7 days, the newest of each of the last 12 weeks. The newest
 * copy is never removed, nor a 'sebelum_pulih' copy of the last 7 days (it undoes a restore), nor a copy
 * dated after now (a clock set back: better kept than guessed). Copies a person asked for ('manual') count
 * apart from the automatic ones (their own 8 in 24 hours, the newest of each day for 7 days), and the last
 * copy before a decision and before an import is kept for 24 hours: a burst of automatic copies (nine
 * decisions in an hour) never pushes out the administrator's own copy or the one that undoes the last decision.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestFirst, parseBackupName, restoreTempOf, TEMP_SUFFIX } from './names';
import type { BackupReason } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RECENT_COPIES = 8;
const DAYS = 7;
const WEEKS = 12;
/** The automatic copies whose newest one undoes the last change of its kind. */
const LAST_BEFORE: readonly BackupReason[] = ['keputusan', 'impor'];

export interface RotationEntry {
  name: string;
  at: Date;
  reason: BackupReason;
}

const localDay = (at: Date) => `${at.getFullYear()}-${at.getMonth()}-${at.getDate()}`;

/** The local date of the Monday starting `at`'s week. */
function localWeek(at: Date): string {
  const monday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7));
  return localDay(monday);
}

/** The names to remove from `entries` at `now` (pure: the rules above, no file touched). */
export function planRotation(entries: RotationEntry[], now: Date): string[] {
  const sorted = [...entries].sort(newestFirst);
  const keep = new Set<string>(sorted.slice(0, 1).map((e) => e.name));
  const age = (e: RotationEntry) => now.getTime() - e.at.getTime();
  const newestOf = (bucket: (e: RotationEntry) => string, within: (e: RotationEntry) => boolean) => {
    const seen = new Set<string>();
    for (const e of sorted) {
      if (!within(e) || seen.has(bucket(e))) continue;
      seen.add(bucket(e));
      keep.add(e.name);
    }
  };
  for (const e of sorted) {
    if (age(e) < 0) keep.add(e.name);
    if (e.reason === 'sebelum_pulih' && age(e) < DAYS * DAY) keep.add(e.name);
  }
  const lastDay = sorted.filter((x) => age(x) >= 0 && age(x) < DAY);
  for (const e of lastDay.slice(0, RECENT_COPIES)) keep.add(e.name);
  for (const e of lastDay.filter((x) => x.reason === 'manual').slice(0, RECENT_COPIES)) keep.add(e.name);
  for (const reason of LAST_BEFORE) {
    const last = lastDay.find((x) => x.reason === reason);
    if (last) keep.add(last.name);
  }
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const firstDay = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (DAYS - 1));
  const inDays = (e: RotationEntry) => age(e) >= 0 && e.at >= firstDay;
  newestOf((e) => localDay(e.at), inDays);
  newestOf(
    (e) => `manual ${localDay(e.at)}`,
    (e) => e.reason === 'manual' && inDays(e),
  );
  const thisWeek = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  const firstWeek = new Date(thisWeek.getFullYear(), thisWeek.getMonth(), thisWeek.getDate() - 7 * (WEEKS - 1));
  newestOf(
    (e) => localWeek(e.at),
    (e) => age(e) >= 0 && e.at >= firstWeek,
  );
  return sorted.filter((e) => !keep.has(e.name)).map((e) => e.name);
}

/** Temporary files of a backup killed midway, left alone for a day in case another process is still writing. */
function staleTemps(folder: string, names: string[], now: Date): string[] {
  return names.filter((n) => {
    if (!n.endsWith(TEMP_SUFFIX)) return false;
    try {
      return now.getTime() - statSync(join(folder, n)).mtimeMs > DAY;
    } catch {
      return false;
    }
  });
}

/** Applies planRotation to the folder and removes stale temporary files; returns the removed paths. */
export function rotateBackups(folder: string, now: Date): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const entries = names.flatMap((name) => {
    const parsed = parseBackupName(name);
    return parsed ? [{ name, ...parsed }] : [];
  });
  const removed = [...planRotation(entries, now), ...staleTemps(folder, names, now)].map((n) => join(folder, n));
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}

/**
 * At start, before this app copies anything: the temporary files of a backup killed midway (each the size of
 * the database; a sibling app on the same folder would lose only its copy in progress, which it reports) and a
 * restore's `<db>.pulih.tmp` (the restore never reached its rename, so the database is the old one).
 */
export function removeLeftoverTemps(folder: string, databaseFile: string): string[] {
  const removed: string[] = [];
  const remove = (file: string) => {
    rmSync(file, { force: true });
    removed.push(file);
  };
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // no folder yet
  }
  for (const name of names) {
    const copy = name.replace(/\.tmp(-journal|-wal|-shm)?$/, '');
    if (copy !== name && parseBackupName(copy)) remove(join(folder, name));
  }
  const restoreTemp = restoreTempOf(databaseFile);
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      statSync(restoreTemp + suffix);
      remove(restoreTemp + suffix);
    } catch {
      // none
    }
  }
  return removed;
}
