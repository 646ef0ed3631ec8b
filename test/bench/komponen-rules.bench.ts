/**
 * The komponen rules alone, without the database: 100,000 in-memory families of four people (400,000 people)
 * derived as of one date, the pure part of the alamiah scan. Median of several passes after a warm-up.
 */
import type { Komponen } from '../../main/domain/komponen';
import { deriveFamilyKomponen, type KomponenPerson } from '../../main/domain/komponen-rules';
import { report, seededRandom } from './stats';

const FAMILIES = 100_000;
const PASSES = 7;
const SCAN_DATE = '2026-11-22';

function syntheticFamilies(): KomponenPerson[][] {
  const random = seededRandom(11);
  const iso = (year: number) =>
    `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const child = (): KomponenPerson => {
    const year = 2004 + Math.floor(random() * 22);
    const komponen: Komponen = year >= 2020 ? 'anak_usia_dini' : year >= 2014 ? 'anak_sd' : 'anak_sma';
    return { tanggalLahir: random() < 0.02 ? null : iso(year), komponen };
  };
  return Array.from({ length: FAMILIES }, () => [
    { tanggalLahir: iso(1965 + Math.floor(random() * 30)), komponen: random() < 0.05 ? 'ibu_hamil' : null },
    { tanggalLahir: iso(1950 + Math.floor(random() * 40)), komponen: null },
    child(),
    child(),
  ]);
}

export async function benchKomponenRules(): Promise<void> {
  const families = syntheticFamilies();
  let alamiah = 0;
  const scan = () => {
    alamiah = 0;
    for (const family of families) if (deriveFamilyKomponen(family, SCAN_DATE).alamiah) alamiah++;
  };
  scan();
  const times: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const start = performance.now();
    scan();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  report('komponen_derive_400k_members', times[Math.floor(PASSES / 2)], 'ms');
  if (alamiah === 0) throw new Error('benchmark data has no alamiah family: the scan did not run as meant');
}
