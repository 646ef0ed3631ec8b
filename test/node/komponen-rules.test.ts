import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Komponen, komponenMask } from '../../main/domain/komponen';
import {
  ageOn,
  dateKey,
  deriveFamilyKomponen,
  deriveKomponen,
  KOMPONEN_AGES,
  KOMPONEN_AGES_NOTE,
  KOMPONEN_FLAG,
  type KomponenPerson,
  komponenAgeWarning,
  komponenAgeWarnings,
  komponenFlagMessages,
  type SchoolStage,
} from '../../main/domain/komponen-rules';

const person = (tanggalLahir: string | null, komponen: Komponen | null = null, extra = {}): KomponenPerson => ({
  tanggalLahir,
  komponen,
  ...extra,
});
const on = (p: KomponenPerson, date: string) => deriveKomponen(p, date).komponen;

/** Oracle independent of the code under test: Date.UTC rolls 29 February over to 1 March in other years. */
function birthday(birth: string, years: number): string {
  const [y, m, d] = birth.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}
function daysAfter(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const dayBefore = (iso: string) => daysAfter(iso, -1);
const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

describe('dates as integer keys', () => {
  it('reads ISO dates and refuses anything else', () => {
    expect(dateKey('2026-11-22')).toBe(20261122);
    expect(dateKey('2026-03-01T10:00:00Z')).toBe(20260301);
    for (const bad of ['', '2026-1-22', '22-11-2026', '2026-13-01', '2026-00-10', '2026-02-3x', '2026/11/22']) {
      expect(dateKey(bad), bad).toBeNaN();
    }
  });

  it('counts a birthday on the day itself, and 29 February as 1 March in other years', () => {
    expect(ageOn('2019-11-22', '2026-11-21')).toBe(6);
    expect(ageOn('2019-11-22', '2026-11-22')).toBe(7);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageOn('2026-11-22', '2026-11-22')).toBe(0);
  });

  it('agrees with a calendar count of birthdays for any pair of dates', () => {
    fc.assert(
      fc.property(isoDate('1900-01-01', '2030-12-31'), isoDate('1900-01-01', '2060-12-31'), (birth, date) => {
        fc.pre(birth <= date);
        let birthdays = 0;
        while (birthday(birth, birthdays + 1) <= date) birthdays++;
        expect(ageOn(birth, date)).toBe(birthdays);
      }),
    );
  });
});

describe('komponen of one person at the age edges', () => {
  it('ends usia dini on the 7th birthday itself', () => {
    const child = person('2019-11-22', 'anak_usia_dini');
    expect(on(child, '2026-11-21')).toBe('anak_usia_dini');
    expect(on(child, '2026-11-22')).toBe('anak_sd');
  });

  it('treats a 29 February birthday as 1 March in a non-leap year', () => {
    const child = person('2020-02-29', 'anak_usia_dini');
    expect(on(child, '2027-02-28')).toBe('anak_usia_dini');
    expect(on(child, '2027-03-01')).toBe('anak_sd');
    const elder = person('1956-02-29');
    expect(on(elder, '2026-02-28')).toBeNull();
    expect(on(elder, '2026-03-01')).toBe('lanjut_usia');
    expect(on(person('1956-02-29'), '2024-02-29')).toBeNull(); // 68 on a real 29 February
  });

  it('moves through SD, SMP and SMA by age', () => {
    const child = person('2010-06-15', 'anak_sd');
    expect(on(child, '2023-06-14')).toBe('anak_sd');
    expect(on(child, '2023-06-15')).toBe('anak_smp');
    expect(on(child, '2026-06-14')).toBe('anak_smp');
    expect(on(child, '2026-06-15')).toBe('anak_sma');
  });

  it('keeps a recorded school komponen as SMA at 19-20 with a flag, and ends it on the 21st birthday', () => {
    const student = person('2005-11-22', 'anak_sma');
    expect(deriveKomponen(student, '2024-11-21')).toEqual({ komponen: 'anak_sma', flags: 0 });
    expect(deriveKomponen(student, '2024-11-22')).toEqual({
      komponen: 'anak_sma',
      flags: KOMPONEN_FLAG.schoolAssumedSma,
    });
    expect(on(student, '2026-11-21')).toBe('anak_sma');
    expect(deriveKomponen(student, '2026-11-22')).toEqual({ komponen: null, flags: 0 });
    // Any recorded school komponen: age says past SD and SMP.
    expect(on(person('2005-11-22', 'anak_sd'), '2024-11-22')).toBe('anak_sma');
    // Without a recorded school komponen, age alone ends school at 19.
    expect(on(person('2005-11-22'), '2024-11-22')).toBeNull();
  });

  it('starts lanjut usia on the 70th birthday', () => {
    const elder = person('1956-11-22');
    expect(on(elder, '2026-11-21')).toBeNull();
    expect(on(elder, '2026-11-22')).toBe('lanjut_usia');
  });

  it('gives no komponen before the birth date, even when one is recorded', () => {
    expect(deriveKomponen(person('2026-11-23', 'anak_usia_dini'), '2026-11-22')).toEqual({
      komponen: null,
      flags: KOMPONEN_FLAG.notYetBorn,
    });
    expect(on(person('2026-11-22'), '2026-11-22')).toBe('anak_usia_dini');
  });

  it('lets a recorded school stage win over age, within the 21st birthday', () => {
    const stage = (s: SchoolStage) => person('2014-05-01', null, { schoolStage: s });
    expect(on(stage('smp'), '2026-05-01')).toBe('anak_smp'); // 12 by age would be SD
    expect(on(stage('sd'), '2020-05-01')).toBe('anak_sd'); // 6, already at SD
    expect(on(person('2008-05-01', 'anak_sma', { schoolStage: 'lulus_sma' }), '2026-05-01')).toBeNull();
    const late = person('2005-11-22', null, { schoolStage: 'sma' });
    expect(deriveKomponen(late, '2026-11-21')).toEqual({ komponen: 'anak_sma', flags: 0 });
    expect(on(late, '2026-11-22')).toBeNull();
  });

  it('keeps ibu hamil and disabilitas berat as recorded, at any age', () => {
    expect(on(person('1990-01-01', 'ibu_hamil'), '2026-11-22')).toBe('ibu_hamil');
    expect(on(person('2016-01-01', 'disabilitas_berat'), '2026-11-22')).toBe('disabilitas_berat');
    expect(on(person('1940-01-01', 'disabilitas_berat'), '2026-11-22')).toBe('disabilitas_berat');
  });

  it('flags a pregnancy recorded 10 months ago or more, only when the date is known', () => {
    const pregnant = (recordedOn: string | null) =>
      person('1990-01-01', 'ibu_hamil', { komponenRecordedOn: recordedOn });
    expect(deriveKomponen(pregnant('2026-01-15'), '2026-11-14').flags).toBe(0);
    expect(deriveKomponen(pregnant('2026-01-15'), '2026-11-15').flags).toBe(KOMPONEN_FLAG.pregnancyOld);
    expect(deriveKomponen(pregnant('2025-03-15'), '2026-01-14').flags).toBe(0); // across the year end
    expect(deriveKomponen(pregnant('2025-03-15'), '2026-01-15').flags).toBe(KOMPONEN_FLAG.pregnancyOld);
    // 31 January + 10 months would be 31 November: as with 29 February, it counts as 1 December.
    expect(deriveKomponen(pregnant('2026-01-31'), '2026-11-30').flags).toBe(0);
    expect(deriveKomponen(pregnant('2026-01-31'), '2026-12-01').flags).toBe(KOMPONEN_FLAG.pregnancyOld);
    expect(deriveKomponen(pregnant(null), '2030-01-01').flags).toBe(0);
    const noBirth = person(null, 'ibu_hamil', { komponenRecordedOn: '2020-01-01' });
    expect(deriveKomponen(noBirth, '2026-11-22')).toEqual({
      komponen: 'ibu_hamil',
      flags: KOMPONEN_FLAG.birthDateEmpty | KOMPONEN_FLAG.pregnancyOld,
    });
  });

  it('keeps the recorded komponen when the birth date is empty or unreadable, and says so', () => {
    const empty = deriveKomponen(person(null, 'anak_sd'), '2026-11-22');
    expect(empty).toEqual({ komponen: 'anak_sd', flags: KOMPONEN_FLAG.birthDateEmpty });
    expect(komponenFlagMessages(empty.flags)).toEqual(['Tanggal lahir kosong: komponen tercatat dipakai.']);
    expect(deriveKomponen(person('31-12-2015', 'anak_sd'), '2026-11-22')).toEqual({
      komponen: 'anak_sd',
      flags: KOMPONEN_FLAG.birthDateInvalid,
    });
  });

  it('refuses an unreadable reference date', () => {
    expect(() => deriveKomponen(person('2015-01-01'), '22/11/2026')).toThrow(/Tanggal acuan tidak valid/);
  });
});

describe('properties over random birth dates', () => {
  // Order of a life without recorded-only komponen: never goes back, e.g. from SD to usia dini.
  const RANK: Record<string, number> = { anak_usia_dini: 1, anak_sd: 2, anak_smp: 3, anak_sma: 4, lanjut_usia: 6 };
  const rank = (p: KomponenPerson, date: string) => {
    const d = deriveKomponen(p, date);
    if (d.flags & KOMPONEN_FLAG.notYetBorn) return 0;
    return d.komponen ? RANK[d.komponen] : 5;
  };
  const recorded = fc.constantFrom<Komponen | null>(
    null,
    'anak_usia_dini',
    'anak_sd',
    'anak_smp',
    'anak_sma',
    'lanjut_usia',
  );

  it('derives a komponen that is monotone in time', () => {
    fc.assert(
      fc.property(
        isoDate('1930-01-01', '2030-12-31'),
        recorded,
        fc.option(fc.constantFrom<SchoolStage>('sd', 'smp', 'sma', 'lulus_sma'), { freq: 1 }),
        fc.integer({ min: -400, max: 90 * 366 }),
        fc.integer({ min: 0, max: 30 * 366 }),
        (birth, komponen, schoolStage, offset, gap) => {
          const p = person(birth, komponen, { schoolStage });
          const early = daysAfter(birth, offset);
          expect(rank(p, early)).toBeLessThanOrEqual(rank(p, daysAfter(early, gap)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('changes komponen exactly on each birthday boundary, not a day before', () => {
    const ages = KOMPONEN_AGES;
    const boundaries: [number, Komponen | null, Komponen | null][] = [
      [ages.usiaDiniUntil, 'anak_usia_dini', 'anak_sd'],
      [ages.smpFrom, 'anak_sd', 'anak_smp'],
      [ages.smaFrom, 'anak_smp', 'anak_sma'],
      [ages.schoolUntil, 'anak_sma', null],
      [ages.lansiaFrom, null, 'lanjut_usia'],
    ];
    fc.assert(
      fc.property(
        isoDate('1930-01-01', '2030-12-31'),
        fc.constantFrom(...boundaries),
        (birth, [age, before, after]) => {
          const p = person(birth, 'anak_sma'); // recorded school komponen: SMA lasts until 21
          const day = birthday(birth, age);
          expect(on(p, dayBefore(day))).toBe(before);
          expect(on(p, day)).toBe(after);
        },
      ),
    );
  });
});

describe('a family as of a date', () => {
  type Row = KomponenPerson & { id: number };
  const row = (id: number, tanggalLahir: string | null, komponen: Komponen | null): Row => ({
    id,
    tanggalLahir,
    komponen,
  });

  it('lists the child turning 7 as a change and keeps the family eligible', () => {
    const pengurus = row(1, '1988-03-10', null);
    const child = row(2, '2019-11-22', 'anak_usia_dini');
    const elder = row(3, '1950-01-01', 'lanjut_usia');
    const before = deriveFamilyKomponen([pengurus, child, elder], '2026-11-21');
    expect(before.changes).toEqual([]);
    expect(before.derivedMask).toBe(komponenMask(['anak_usia_dini', 'lanjut_usia']));
    const after = deriveFamilyKomponen([pengurus, child, elder], '2026-11-22');
    expect(after.derived.map((d) => d.komponen)).toEqual([null, 'anak_sd', 'lanjut_usia']);
    expect(after.changes).toEqual([{ person: child, recorded: 'anak_usia_dini', derived: 'anak_sd' }]);
    expect(after.derivedMask).toBe(komponenMask(['anak_sd', 'lanjut_usia']));
    expect(after.alamiah).toBe(false);
  });

  it('makes the family an alamiah candidate on the day its last child turns 21', () => {
    const family = [row(1, '1975-05-05', null), row(2, '2005-11-22', 'anak_sma')];
    expect(deriveFamilyKomponen(family, '2026-11-21').alamiah).toBe(false);
    const after = deriveFamilyKomponen(family, '2026-11-22');
    expect(after.alamiah).toBe(true);
    expect(after.derivedMask).toBe(0);
    expect(after.changes.map((c) => c.person.id)).toEqual([2]);
  });

  it('is not alamiah while a recorded ibu hamil or a member without birth date holds a komponen', () => {
    expect(deriveFamilyKomponen([row(1, '1990-01-01', 'ibu_hamil')], '2026-11-22').alamiah).toBe(false);
    expect(deriveFamilyKomponen([row(1, null, 'anak_sd')], '2026-11-22').alamiah).toBe(false);
    expect(deriveFamilyKomponen([row(1, null, null), row(2, '1980-01-01', null)], '2026-11-22').alamiah).toBe(true);
  });

  it('gives a child not recorded with a komponen the one its age brings', () => {
    const result = deriveFamilyKomponen([row(1, '1990-01-01', null), row(2, '2016-01-01', null)], '2026-11-22');
    expect(result.changes).toEqual([{ person: result.changes[0].person, recorded: null, derived: 'anak_sd' }]);
    expect(result.changes[0].person.id).toBe(2);
  });
});

describe('age warnings at data entry', () => {
  it('warns on the 21st birthday for a school komponen, not a day before', () => {
    expect(komponenAgeWarning('anak_sma', '2005-11-22', '2026-11-21')).toBeNull();
    expect(komponenAgeWarning('anak_sma', '2005-11-22', '2026-11-22')).toMatch(/ulang tahun ke-21/);
    expect(komponenAgeWarning('anak_usia_dini', '2019-11-22', '2026-11-22')).toMatch(/7 tahun/);
    expect(komponenAgeWarning('lanjut_usia', '1956-11-22', '2026-11-21')).toMatch(/70\+/);
    expect(komponenAgeWarning('lanjut_usia', '1956-11-22', '2026-11-22')).toBeNull();
  });

  it('names the form field of each komponen that contradicts its age, and none for a date not yet read', () => {
    const family = {
      komponen: null,
      tanggalLahir: '1985-08-16',
      members: [
        { komponen: 'anak_sd' as const, tanggalLahir: '1940-01-05' },
        { komponen: 'anak_sd' as const, tanggalLahir: '2018-01-05' },
        { komponen: 'anak_usia_dini' as const, tanggalLahir: '1927-03-01' },
        { komponen: 'anak_usia_dini' as const, tanggalLahir: '31/02/2023' },
      ],
    };
    expect(komponenAgeWarnings(family, '2026-12-07')).toEqual([
      { field: 'members.0.komponen', message: 'Umur 86 tahun: komponen sekolah berhenti pada ulang tahun ke-21.' },
      { field: 'members.2.komponen', message: 'Umur 99 tahun tidak sesuai komponen anak usia dini (0-6).' },
    ]);
    expect(komponenAgeWarnings({ ...family, komponen: 'lanjut_usia' }, '2026-12-07')[0]).toEqual({
      field: 'komponen',
      message: 'Umur 41 tahun belum memenuhi komponen lanjut usia (70+).',
    });
  });
});

describe('where the age limits come from', () => {
  it('says the ranges the derivation uses, in plain words, and why they are the app’s own', () => {
    const note = KOMPONEN_AGES_NOTE;
    expect(note).not.toMatch(/tidak ditemukan/);
    expect(note).toContain(`sampai ${KOMPONEN_AGES.usiaDiniUntil - 1} tahun`);
    expect(note).toContain(`lanjut usia mulai ${KOMPONEN_AGES.lansiaFrom} tahun`);
    expect(note).toMatch(/belum menerbitkan tabel/);
    // The ranges quoted are the ones the derivation applies.
    expect(deriveKomponen(person('2019-11-22'), '2026-11-21').komponen).toBe('anak_usia_dini');
    expect(note).toContain(`SMP ${KOMPONEN_AGES.smpFrom}-${KOMPONEN_AGES.smaFrom - 1} tahun`);
  });
});
