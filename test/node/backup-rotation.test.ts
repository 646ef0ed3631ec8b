/**
 * Rotation of the backup folder with fake dates: what stays after months of copies, the
 * newest copy and recent 'sebelum_pulih' copies always kept, and only backup files ever removed.
 */
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRotation, type RotationEntry, rotateBackups } from '../../main/services/backup';
import { backupName } from '../../main/services/backup/names';
import type { BackupReason } from '../../main/services/backup/types';
import { tempDbFile } from './helpers';

const HOUR = 3_600_000;
// Monday 30 November 2026, 15:00 local time
const NOW = new Date(2026, 10, 30, 15, 0, 0, 0);

function entry(at: Date, reason: BackupReason = 'berkala'): RotationEntry {
  return { name: backupName(at, reason), at, reason };
}

/**
 * Every 3 hours of local time for 120 days before NOW (a busy office's periodic backups); counted in local
 * hours so that the expectations hold in any time zone.
 */
function threeHourly(): RotationEntry[] {
  return Array.from({ length: 8 * 120 }, (_, i) => entry(new Date(2026, 10, 30, 15 - 3 * i)));
}

const kept = (entries: RotationEntry[], now = NOW) => {
  const removed = new Set(planRotation(entries, now));
  return entries.filter((e) => !removed.has(e.name));
};

describe('planRotation', () => {
  it('keeps the last 24 hours, one a day for a week, one a week for 12 weeks, and nothing older', () => {
    const stays = kept(threeHourly());
    const ageHours = (e: RotationEntry) => (NOW.getTime() - e.at.getTime()) / HOUR;
    // the last 24 hours: the 8 copies from 0 to 21 hours old (29 November 21:00 is the last of them)
    expect(stays.filter((e) => ageHours(e) < 24).map(ageHours)).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
    // one per calendar day for the 7 days from 24 November: the last copy of each earlier day, at 21:00
    const days = stays.filter((e) => ageHours(e) >= 24 && e.at >= new Date(2026, 10, 24));
    expect(days.map((e) => `${e.at.getDate()} ${e.at.getHours()}`)).toEqual([
      '28 21',
      '27 21',
      '26 21',
      '25 21',
      '24 21',
    ]);
    // one per week (Monday to Sunday) for 12 weeks, this one included: each Sunday's last copy (the week of
    // 23 November's is 29 November 21:00, kept above), back to the week of Monday 14 September
    const weeks = stays.filter((e) => e.at < new Date(2026, 10, 24));
    expect(weeks).toHaveLength(10);
    for (const e of weeks) expect([e.at.getDay(), e.at.getHours()]).toEqual([0, 21]);
    expect(weeks.at(-1)?.at).toEqual(new Date(2026, 8, 20, 21));
    expect(stays).toHaveLength(8 + 5 + 10);
  });

  it('keeps at most 8 copies of the last 24 hours, the newest first', () => {
    const quarterHourly = Array.from({ length: 40 }, (_, i) => entry(new Date(NOW.getTime() - i * 15 * 60_000)));
    const stays = kept(quarterHourly);
    // every copy is from today: the day's and the week's newest is the newest, already among the 8
    expect(stays.map((e) => e.name)).toEqual(quarterHourly.slice(0, 8).map((e) => e.name));
  });

  it('never removes the newest copy, however old', () => {
    const old = [entry(new Date(2025, 0, 5)), entry(new Date(2025, 0, 1))];
    expect(kept(old).map((e) => e.name)).toEqual([old[0].name]);
  });

  it('keeps every sebelum_pulih copy of the last 7 days, and lets older ones go', () => {
    const entries = [
      ...threeHourly(),
      entry(new Date(2026, 10, 26, 10, 30), 'sebelum_pulih'),
      entry(new Date(2026, 10, 26, 10, 45), 'sebelum_pulih'),
      entry(new Date(2026, 10, 20, 10, 30), 'sebelum_pulih'),
    ];
    const names = new Set(kept(entries).map((e) => e.name));
    expect(names.has(backupName(new Date(2026, 10, 26, 10, 30), 'sebelum_pulih'))).toBe(true);
    expect(names.has(backupName(new Date(2026, 10, 26, 10, 45), 'sebelum_pulih'))).toBe(true);
    expect(names.has(backupName(new Date(2026, 10, 20, 10, 30), 'sebelum_pulih'))).toBe(false);
  });

  it('keeps copies dated after now (a clock set back)', () => {
    const future = entry(new Date(2027, 0, 1));
    const entries = [future, ...threeHourly()];
    expect(kept(entries).map((e) => e.name)).toContain(future.name);
  });
});

describe('rotateBackups', () => {
  it('removes only the backups the plan drops and day-old temporary files, never other files', () => {
    const folder = dirname(tempDbFile());
    const entries = threeHourly().slice(0, 8 * 30);
    for (const e of entries) writeFileSync(join(folder, e.name), 'x');
    const others = ['catatan.txt', 'graduasi-pkh.db', 'graduasi-pkh-2026-09-01_10-00-00-000_rusak.db'];
    for (const name of others) writeFileSync(join(folder, name), 'x');
    const oldTemp = `${backupName(new Date(2026, 10, 28), 'manual')}.tmp`;
    const freshTemp = `${backupName(NOW, 'manual')}.tmp`;
    writeFileSync(join(folder, oldTemp), 'x');
    writeFileSync(join(folder, freshTemp), 'x');
    // file times from the test's clock: a temporary file two days old and one an hour old at NOW
    const secondsBefore = (ms: number) => (NOW.getTime() - ms) / 1000;
    utimesSync(join(folder, oldTemp), secondsBefore(48 * HOUR), secondsBefore(48 * HOUR));
    utimesSync(join(folder, freshTemp), secondsBefore(HOUR), secondsBefore(HOUR));

    const removed = rotateBackups(folder, NOW);
    const expected = kept(entries).map((e) => e.name);
    expect(readdirSync(folder).sort()).toEqual([...expected, ...others, freshTemp].sort());
    expect(removed).toHaveLength(entries.length - expected.length + 1);
    expect(removed).toContain(join(folder, oldTemp));
  });
});
