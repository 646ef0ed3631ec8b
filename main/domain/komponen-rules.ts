/**
 * Komponen derived from age (and school stage where recorded) as of a chosen date: the rules behind graduasi
 * alamiah. Dates are compared as integer keys yyyymmdd, never as Date objects, so a scan of every member of
 * 100,000 families stays cheap and free of time zones.
 */
import { KOMPONEN, type Komponen, komponenBit } from './komponen';

/**
 * The ages, in whole years, at which komponen start and end. No official rule table was found (DOMAIN.md):
 * these follow the practice described there, are kept in this one place, and the UI says so where it matters.
 * Each `...Until` is the birthday on which the komponen ends; each `...From` the birthday on which it starts.
 */
export const KOMPONEN_AGES = {
  usiaDiniUntil: 7,
  smpFrom: 13,
  smaFrom: 16,
  /** Age alone puts SMA at 16-18; past that a recorded school komponen is read as SMA until schoolUntil. */
  smaByAgeUntil: 19,
  schoolUntil: 21,
  lansiaFrom: 70,
  /** A pregnancy recorded longer ago than this is worth a look (pregnancy plus nifas). */
  pregnancyWarningMonths: 10,
} as const;

const ages = KOMPONEN_AGES;
/** Where the age limits come from, in the words the alamiah page shows. */
export const KOMPONEN_AGES_NOTE =
  `Komponen dihitung dari umur pada tanggal acuan: anak usia dini sampai ${ages.usiaDiniUntil - 1} tahun, ` +
  `anak SD ${ages.usiaDiniUntil}-${ages.smpFrom - 1} tahun, SMP ${ages.smpFrom}-${ages.smaFrom - 1} tahun, ` +
  `SMA ${ages.smaFrom}-${ages.smaByAgeUntil - 1} tahun (sampai ${ages.schoolUntil - 1} tahun bila tercatat masih sekolah), ` +
  `lanjut usia mulai ${ages.lansiaFrom} tahun. Kemensos belum menerbitkan tabel batas umur komponen, ` +
  'sehingga aplikasi memakai batas umur yang lazim dipakai pendamping PKH ini.';

/** A school stage as a later column may record it; null or absent means unknown, and age decides. */
export const SCHOOL_STAGE = ['sd', 'smp', 'sma', 'lulus_sma'] as const;
export type SchoolStage = (typeof SCHOOL_STAGE)[number];

const STAGE_KOMPONEN: Record<SchoolStage, Komponen | null> = {
  sd: 'anak_sd',
  smp: 'anak_smp',
  sma: 'anak_sma',
  lulus_sma: null, // 12 years of school done: the school komponen ends
};

/** Why a derived komponen deserves a second look; one bit each so a member's flags are a single number. */
export const KOMPONEN_FLAG = {
  birthDateEmpty: 1,
  birthDateInvalid: 2,
  notYetBorn: 4,
  schoolAssumedSma: 8,
  pregnancyOld: 16,
} as const;

const FLAG_MESSAGE: [number, string][] = [
  [KOMPONEN_FLAG.birthDateEmpty, 'Tanggal lahir kosong: komponen tercatat dipakai.'],
  [KOMPONEN_FLAG.birthDateInvalid, 'Tanggal lahir tidak terbaca: komponen tercatat dipakai.'],
  [KOMPONEN_FLAG.notYetBorn, 'Belum lahir pada tanggal acuan: tidak ada komponen.'],
  [
    KOMPONEN_FLAG.schoolAssumedSma,
    'Umur 19-20 tahun tanpa jenjang sekolah tercatat: dianggap SMA sampai ulang tahun ke-21; periksa apakah masih sekolah.',
  ],
  [
    KOMPONEN_FLAG.pregnancyOld,
    `Ibu hamil tercatat lebih dari ${KOMPONEN_AGES.pregnancyWarningMonths} bulan yang lalu: periksa apakah masih hamil/nifas.`,
  ],
];

export function komponenFlagMessages(flags: number): string[] {
  return FLAG_MESSAGE.filter(([bit]) => flags & bit).map(([, message]) => message);
}

/**
 * An ISO date (yyyy-mm-dd, anything after the day ignored) as the integer yyyymmdd; NaN when unreadable.
 * Read digit by digit: no split, no Date, no allocation.
 */
export function dateKey(iso: string): number {
  if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    key = key * 10 + digit;
  }
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? key : Number.NaN;
}

/**
 * Whole years between two date keys. (on - birth) is 10000 x the year difference plus the month-day difference,
 * which lies strictly between -10000 and 10000, so the floor is the age. A 29 February birthday therefore
 * counts as 1 March in other years (0228 < 0229 <= 0301): one convention for every rule in this file.
 */
export function ageFromKeys(birth: number, on: number): number {
  return Math.floor((on - birth) / 10000);
}

/** Age in whole years on a date (ISO strings); the one age computation of the app. */
export function ageOn(birthDate: string, onDate: string): number {
  return ageFromKeys(dateKey(birthDate), dateKey(onDate));
}

/** The key `months` calendar months after `key`; a day past the month's end counts as the next month's start. */
function addMonths(key: number, months: number): number {
  const day = key % 100;
  const index = Math.floor(key / 10000) * 12 + (Math.floor(key / 100) % 100) - 1 + months;
  return Math.floor(index / 12) * 10000 + ((index % 12) + 1) * 100 + day;
}

/** What the rules read of a person (pengurus or member); the `art` and `kpm` rows fit as they are. */
export interface KomponenPerson {
  tanggalLahir: string | null;
  /** The komponen recorded today. */
  komponen: Komponen | null;
  /** Recorded school stage, when the registry has one (not stored yet). */
  schoolStage?: SchoolStage | null;
  /** When the komponen was recorded, if known: lets an old pregnancy be flagged. */
  komponenRecordedOn?: string | null;
}

export interface DerivedKomponen {
  komponen: Komponen | null;
  /** Bit set of KOMPONEN_FLAG; komponenFlagMessages turns it into Indonesian text. */
  flags: number;
}

/** Ibu hamil and disabilitas berat cannot be read from a birth date: they are kept as recorded. */
function recordedOnly(k: Komponen | null): boolean {
  return k === 'ibu_hamil' || k === 'disabilitas_berat';
}

function isSchool(k: Komponen | null): boolean {
  return k === 'anak_sd' || k === 'anak_smp' || k === 'anak_sma';
}

/** The komponen by age alone, for someone born and under the school limit. */
function childKomponen(person: KomponenPerson, age: number): DerivedKomponen {
  const ages = KOMPONEN_AGES;
  if (person.schoolStage) return { komponen: STAGE_KOMPONEN[person.schoolStage], flags: 0 };
  if (age < ages.usiaDiniUntil) return { komponen: 'anak_usia_dini', flags: 0 };
  if (age < ages.smpFrom) return { komponen: 'anak_sd', flags: 0 };
  if (age < ages.smaFrom) return { komponen: 'anak_smp', flags: 0 };
  if (age < ages.smaByAgeUntil) return { komponen: 'anak_sma', flags: 0 };
  // 19 or 20 with no recorded stage: age says past SMP, a recorded school komponen says still at school.
  return isSchool(person.komponen)
    ? { komponen: 'anak_sma', flags: KOMPONEN_FLAG.schoolAssumedSma }
    : { komponen: null, flags: 0 };
}

function derive(person: KomponenPerson, on: number): DerivedKomponen {
  const recorded = person.komponen;
  if (!person.tanggalLahir) return { komponen: recorded, flags: KOMPONEN_FLAG.birthDateEmpty };
  const birth = dateKey(person.tanggalLahir);
  if (Number.isNaN(birth)) return { komponen: recorded, flags: KOMPONEN_FLAG.birthDateInvalid };
  if (on < birth) return { komponen: null, flags: KOMPONEN_FLAG.notYetBorn };
  if (recordedOnly(recorded)) return { komponen: recorded, flags: 0 };
  const age = ageFromKeys(birth, on);
  if (age >= KOMPONEN_AGES.lansiaFrom) return { komponen: 'lanjut_usia', flags: 0 };
  if (age < KOMPONEN_AGES.schoolUntil) return childKomponen(person, age);
  return { komponen: null, flags: 0 };
}

function pregnancyIsOld(person: KomponenPerson, on: number): boolean {
  if (!person.komponenRecordedOn) return false;
  const recordedOn = dateKey(person.komponenRecordedOn);
  return !Number.isNaN(recordedOn) && on >= addMonths(recordedOn, KOMPONEN_AGES.pregnancyWarningMonths);
}

function deriveAt(person: KomponenPerson, on: number): DerivedKomponen {
  const derived = derive(person, on);
  if (derived.komponen === 'ibu_hamil' && pregnancyIsOld(person, on)) derived.flags |= KOMPONEN_FLAG.pregnancyOld;
  return derived;
}

function onKey(onDate: string): number {
  const key = dateKey(onDate);
  if (Number.isNaN(key)) throw new RangeError(`Tanggal acuan tidak valid: "${onDate}" (format YYYY-MM-DD).`);
  return key;
}

/** One person's komponen as of a date (ISO). */
export function deriveKomponen(person: KomponenPerson, onDate: string): DerivedKomponen {
  return deriveAt(person, onKey(onDate));
}

export interface KomponenChange<P> {
  person: P;
  recorded: Komponen | null;
  derived: Komponen | null;
}

export interface FamilyKomponen<P> {
  /** Per person, in the order given. */
  derived: DerivedKomponen[];
  /** The family's derived komponen set, as komponenMask (the kpm.komponen_mask column) builds it. */
  derivedMask: number;
  /** No eligible komponen left: a candidate for graduasi alamiah. */
  alamiah: boolean;
  /** People whose derived komponen differs from the recorded one (a child turning 7, a lansia turning 70). */
  changes: KomponenChange<P>[];
}

const BIT = Object.fromEntries(KOMPONEN.map((k) => [k, komponenBit(k)])) as Record<Komponen, number>;

/** The family (pengurus and members together) as of a date (ISO): derived komponen, set, alamiah, changes. */
export function deriveFamilyKomponen<P extends KomponenPerson>(
  people: readonly P[],
  onDate: string,
): FamilyKomponen<P> {
  const on = onKey(onDate);
  const derived: DerivedKomponen[] = new Array(people.length);
  const changes: KomponenChange<P>[] = [];
  let derivedMask = 0;
  for (let i = 0; i < people.length; i++) {
    const person = people[i];
    const d = deriveAt(person, on);
    derived[i] = d;
    if (d.komponen) derivedMask |= BIT[d.komponen];
    if (d.komponen !== person.komponen) changes.push({ person, recorded: person.komponen, derived: d.komponen });
  }
  return { derived, derivedMask, alamiah: derivedMask === 0, changes };
}

/** Warning when a recorded komponen does not fit the age (a data-entry check, never a block). */
export function komponenAgeWarning(komponen: Komponen | null, birthDate: string | null, today: string): string | null {
  if (!komponen || !birthDate) return null;
  const age = ageOn(birthDate, today);
  const ages = KOMPONEN_AGES;
  if (komponen === 'anak_usia_dini' && age >= ages.usiaDiniUntil)
    return `Umur ${age} tahun tidak sesuai komponen anak usia dini (0-${ages.usiaDiniUntil - 1}).`;
  if (isSchool(komponen) && age >= ages.schoolUntil)
    return `Umur ${age} tahun: komponen sekolah berhenti pada ulang tahun ke-${ages.schoolUntil}.`;
  if (komponen === 'lanjut_usia' && age < ages.lansiaFrom)
    return `Umur ${age} tahun belum memenuhi komponen lanjut usia (${ages.lansiaFrom}+).`;
  return null;
}

/** What the komponen/age check reads of a family: the pengurus and each member, as the form and contract carry them. */
export interface KomponenAgeFamily {
  komponen: Komponen | null;
  tanggalLahir: string | null;
  members: readonly { komponen: Komponen | null; tanggalLahir: string | null }[];
}

/**
 * Every recorded komponen that contradicts its person's age, at the form field it belongs to ('komponen',
 * 'members.2.komponen'): the family form shows these as soon as both are known, and saving asks for them again.
 * A birth date that is not (yet) a date gives no warning; its own field says what is wrong.
 */
export function komponenAgeWarnings(family: KomponenAgeFamily, today: string): { field: string; message: string }[] {
  const warnings: { field: string; message: string }[] = [];
  const own = komponenAgeWarning(family.komponen, family.tanggalLahir, today);
  if (own) warnings.push({ field: 'komponen', message: own });
  family.members.forEach((m, i) => {
    const warning = komponenAgeWarning(m.komponen, m.tanggalLahir, today);
    if (warning) warnings.push({ field: `members.${i}.komponen`, message: warning });
  });
  return warnings;
}
