/**
 * Rotation keeps what people rely on through a burst of automatic copies: the administrator's own copies and
 * the last copy before a decision or an import are not pushed out by copies made later. Pure (planRotation):
 * every date is built from the test's own NOW.
 */
import { describe, expect, it } from 'vitest';
import { planRotation, type RotationEntry } from '../../main/services/backup';
import { backupName } from '../../main/services/backup/names';
import type { BackupReason } from '../../main/services/backup/types';

// Monday 30 November 2026, 15:00 local time
const NOW = new Date(2026, 10, 30, 15, 0, 0, 0);
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

function entry(when: Date, reason: BackupReason): RotationEntry {
  return { name: backupName(when, reason), at: when, reason };
}

const keptNames = (entries: RotationEntry[]) => {
  const removed = new Set(planRotation(entries, NOW));
  return new Set(entries.filter((e) => !removed.has(e.name)).map((e) => e.name));
};

describe('planRotation with a burst of automatic copies', () => {
  it('keeps the manual copy and the last copy before a decision when later copies of the same hour follow', () => {
    const manual = entry(at(30, 14, 0), 'manual');
    // Nine decisions in the same hour, each with its copy, then twelve periodic-looking copies after them.
    const decisions = Array.from({ length: 9 }, (_, i) => entry(at(30, 14, 5 + i), 'keputusan'));
    const later = Array.from({ length: 12 }, (_, i) => entry(at(30, 14, 20 + i), 'mulai'));
    const names = keptNames([manual, ...decisions, ...later]);
    expect(names.has(manual.name)).toBe(true);
    expect(names.has(decisions[8].name)).toBe(true);
    // The older decision copies of the burst go: only the last one undoes the last decision.
    expect(decisions.slice(0, 8).filter((e) => names.has(e.name))).toEqual([]);
    expect(later.slice(0, 4).filter((e) => names.has(e.name))).toEqual([]);
  });

  it('keeps the last copy before an import the same way, but only for 24 hours', () => {
    const imported = entry(at(30, 9), 'impor');
    const after = Array.from({ length: 10 }, (_, i) => entry(at(30, 10, i * 5), 'berkala'));
    expect(keptNames([imported, ...after]).has(imported.name)).toBe(true);
    const yesterday = entry(at(29, 9), 'impor');
    const sameDay = entry(at(29, 20), 'berkala');
    expect(keptNames([yesterday, sameDay, ...after]).has(yesterday.name)).toBe(false);
  });

  it('keeps up to 8 manual copies of the last 24 hours apart from the automatic ones', () => {
    const manual = Array.from({ length: 10 }, (_, i) => entry(at(30, 8, i), 'manual'));
    const automatic = Array.from({ length: 10 }, (_, i) => entry(at(30, 12, i), 'keputusan'));
    const names = keptNames([...manual, ...automatic]);
    expect(manual.filter((e) => names.has(e.name)).map((e) => e.at.getMinutes())).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keeps each of the last 7 days' newest manual copy besides the day's newest copy", () => {
    const manual = entry(at(27, 10), 'manual');
    const sameDay = Array.from({ length: 9 }, (_, i) => entry(at(27, 11, i), 'keputusan'));
    const names = keptNames([manual, ...sameDay, entry(at(30, 14), 'berkala')]);
    expect(names.has(manual.name)).toBe(true);
    expect(names.has(sameDay[8].name)).toBe(true);
    expect(names.has(sameDay[7].name)).toBe(false);
    // Older than 7 days, a manual copy follows the weekly rule like any other.
    const old = entry(at(10, 10), 'manual');
    const oldSameWeek = entry(at(11, 10), 'berkala');
    const later = keptNames([old, oldSameWeek, entry(at(30, 14), 'berkala')]);
    expect(later.has(old.name)).toBe(false);
    expect(later.has(oldSameWeek.name)).toBe(true);
  });
});
