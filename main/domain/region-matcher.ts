/** Kecamatan and desa/kelurahan from a cell, by Kemendagri code or by name, within the office's regency. */
import { cleanText, displayValue, fail, type Normalized, ok, type RawCell, type ValueProblem } from './normalize-cell';

// --- regions ------------------------------------------------------------------------------------------------------

export type RegionLevel = 'district' | 'village';

const REGION_PREFIXES: Record<RegionLevel, string[]> = {
  district: ['KECAMATAN', 'KEC', 'KC'],
  village: ['DESA KELURAHAN', 'KELURAHAN DESA', 'DESA KEL', 'KEL DESA', 'KELURAHAN', 'DESA', 'KEL', 'DS', 'KAMPUNG'],
};

function regionWords(value: RawCell): string {
  return cleanText(value)
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** A region name compared without case, punctuation or spaces: "Kota Baru" = "KOTABARU". */
export function regionKey(value: RawCell): string {
  return regionWords(value).replace(/ /g, '');
}

/**
 * The keys a written name may stand for: as written, and without each prefix it starts with
 * ("KEC. PADEMAWU" -> PADEMAWU; "DESA KELURAHAN BARU" -> KELURAHANBARU, as a village may be called that).
 */
export function regionKeyCandidates(value: RawCell, level: RegionLevel): string[] {
  const words = regionWords(value);
  const keys = [words.replace(/ /g, '')];
  for (const prefix of REGION_PREFIXES[level]) {
    if (words.startsWith(`${prefix} `) && words.length > prefix.length + 1)
      keys.push(words.slice(prefix.length + 1).replace(/ /g, ''));
  }
  return keys;
}

export interface RegionEntry {
  code: string;
  level: string;
  parentCode: string | null;
  name: string;
}

export interface RegionMatcher {
  regencyCode: string;
  district(value: RawCell): Normalized<string>;
  village(value: RawCell, districtCode: string | null): Normalized<{ districtCode: string; villageCode: string }>;
  nameOf(code: string): string;
  /**
   * What a cell is when it is a Kemendagri code (6 digits a kecamatan, 10 a desa, dotted or not) of a known
   * kabupaten/kota: its level, and whether it is a kecamatan or desa of the office. Null for anything else.
   */
  codeOf(value: RawCell): { level: 'district' | 'village'; own: boolean } | null;
}

/** A Kemendagri kecamatan or desa code as written: 35.28.01, 352801, 35.28.01.2001, 3528012001. */
const REGION_CODE = /^(\d{2})\.?(\d{2})\.?(\d{2})(?:\.?(\d{4}))?$/;

/** The digits of a region code as written (dotted or plain, text or number cell), or null. */
export function regionCodeDigits(value: RawCell): string | null {
  const m = REGION_CODE.exec(cleanText(value).replace(/\s/g, ''));
  return m ? m.slice(1).join('') : null;
}

const REGION_EXPECTED = {
  district: 'nama atau kode kecamatan di kabupaten/kota ini',
  village: 'nama atau kode desa/kelurahan di kecamatan itu',
};

/** Edit distance with an early exit: only distances up to max matter for suggestions. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

type VillageCodes = { districtCode: string; villageCode: string };
type Suggested = { hint: string; suggestion: { code: string; name: string } | undefined };

/** The office's kecamatan and desa by code and by name key, read once from the region list. */
class RegionIndex {
  readonly names = new Map<string, string>();
  readonly districtByKey = new Map<string, string[]>();
  readonly villageByKey = new Map<string, string[]>();
  readonly villageParent = new Map<string, string>();
  readonly districtVillageKeys = new Map<string, { key: string; code: string }[]>();
  readonly districtCodes: ReadonlySet<string>;
  readonly regencyCodes: ReadonlySet<string>;

  constructor(
    readonly regencyCode: string,
    entries: readonly RegionEntry[],
  ) {
    for (const e of entries) {
      this.names.set(e.code, e.name);
      if (e.level === 'district' && e.parentCode === regencyCode) {
        const key = regionKey(e.name);
        this.districtByKey.set(key, [...(this.districtByKey.get(key) ?? []), e.code]);
      }
    }
    for (const e of entries) {
      if (e.level !== 'village' || !e.parentCode?.startsWith(regencyCode) || !this.names.has(e.parentCode)) continue;
      const key = regionKey(e.name);
      this.villageByKey.set(key, [...(this.villageByKey.get(key) ?? []), e.code]);
      this.villageParent.set(e.code, e.parentCode);
      const list = this.districtVillageKeys.get(e.parentCode) ?? [];
      list.push({ key, code: e.code });
      this.districtVillageKeys.set(e.parentCode, list);
    }
    this.districtCodes = new Set([...this.districtByKey.values()].flat());
    this.regencyCodes = new Set(entries.filter((e) => e.level === 'regency').map((e) => e.code));
  }

  nameOf(code: string): string {
    return this.names.get(code) ?? code;
  }

  parentName(villageCode: string): string {
    return this.nameOf(this.villageParent.get(villageCode) as string).toUpperCase();
  }

  /** "kode kecamatan 33.75.01 termasuk wilayah KOTA PEKALONGAN, bukan KABUPATEN PAMEKASAN." */
  outside(what: string, shown: string, digits: string): string {
    const own = this.regencyCodes.has(this.regencyCode)
      ? this.nameOf(this.regencyCode).toUpperCase()
      : 'kabupaten/kota ini';
    const other = digits.slice(0, 4);
    return this.regencyCodes.has(other)
      ? `kode ${what} ${shown} termasuk wilayah ${this.nameOf(other).toUpperCase()}, bukan ${own}.`
      : `kode ${what} ${shown} bukan wilayah ${own}.`;
  }

  codeOf(value: RawCell): { level: 'district' | 'village'; own: boolean } | null {
    const digits = regionCodeDigits(value);
    if (!digits || !this.regencyCodes.has(digits.slice(0, 4))) return null;
    return digits.length === 6
      ? { level: 'district', own: this.districtCodes.has(digits) }
      : { level: 'village', own: this.villageParent.has(digits) };
  }

  /** The closest name, as a hint for the message and as the code the user may accept. */
  suggest(key: string, candidates: Iterable<string>, codeOfKey: (k: string) => string): Suggested {
    let best: string | null = null;
    let bestDistance = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
    for (const candidate of candidates) {
      const d = editDistance(key, candidate, bestDistance);
      if (d <= bestDistance && (best === null || d < bestDistance)) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best === null) return { hint: '', suggestion: undefined };
    const code = codeOfKey(best);
    const name = this.nameOf(code).toUpperCase();
    return { hint: ` Mungkin maksudnya ${name}?`, suggestion: { code, name } };
  }
}

function unknown<T>(code: string, message: string, expected: string, s: Suggested): Normalized<T> {
  const result: { ok: false } & ValueProblem = { ok: false, code, message: `${message}${s.hint}`, expected };
  return s.suggestion ? { ...result, suggestion: s.suggestion } : result;
}

function matchDistrict(index: RegionIndex, raw: string): Normalized<string> {
  const shown = displayValue(raw);
  const digits = raw.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length === 6 || digits.length === 10) {
      const code = digits.slice(0, 6);
      if (index.districtCodes.has(code)) return ok(code);
      if (!code.startsWith(index.regencyCode)) {
        return fail('REGION_OUTSIDE', index.outside('kecamatan', shown, digits), REGION_EXPECTED.district);
      }
    }
    return fail('REGION_DISTRICT_UNKNOWN', `kode kecamatan ${shown} tidak dikenal.`, REGION_EXPECTED.district);
  }
  const keys = regionKeyCandidates(raw, 'district');
  const key = keys[keys.length - 1];
  const codes = keys.map((k) => index.districtByKey.get(k)).find((c) => c !== undefined);
  if (codes && codes.length === 1) return ok(codes[0]);
  if (codes && codes.length > 1) {
    return fail(
      'REGION_DISTRICT_AMBIGUOUS',
      `nama kecamatan ${shown} ada lebih dari satu; isi kodenya.`,
      REGION_EXPECTED.district,
    );
  }
  return unknown(
    'REGION_DISTRICT_UNKNOWN',
    `kecamatan ${shown} tidak ditemukan di kabupaten/kota ini.`,
    REGION_EXPECTED.district,
    index.suggest(key, index.districtByKey.keys(), (k) => (index.districtByKey.get(k) as string[])[0]),
  );
}

/** One village of the office, with its kecamatan. */
const foundVillage = (index: RegionIndex, code: string): Normalized<VillageCodes> =>
  ok({ districtCode: index.villageParent.get(code) as string, villageCode: code });

const inDistrictText = (index: RegionIndex, districtCode: string | null) =>
  districtCode ? ` di Kecamatan ${index.nameOf(districtCode).toUpperCase()}` : '';

/** A desa given by its 10-digit code (the cell's digits). */
function villageByCode(
  index: RegionIndex,
  shown: string,
  digits: string,
  districtCode: string | null,
): Normalized<VillageCodes> {
  if (digits.length === 10 && index.villageParent.has(digits)) {
    const parent = index.villageParent.get(digits) as string;
    if (districtCode && parent !== districtCode) {
      return fail(
        'REGION_VILLAGE_OTHER_DISTRICT',
        `kode desa ${shown} termasuk Kecamatan ${index.parentName(digits)}, bukan${inDistrictText(index, districtCode)}.`,
        REGION_EXPECTED.village,
      );
    }
    return foundVillage(index, digits);
  }
  if (digits.length === 10 && !digits.startsWith(index.regencyCode)) {
    return fail('REGION_OUTSIDE', index.outside('desa', shown, digits), REGION_EXPECTED.village);
  }
  return fail('REGION_VILLAGE_UNKNOWN', `kode desa/kelurahan ${shown} tidak dikenal.`, REGION_EXPECTED.village);
}

/** A desa by name within the kecamatan the row gives: found there, elsewhere, or suggested among its desa. */
function villageInDistrict(
  index: RegionIndex,
  shown: string,
  keys: string[],
  districtCode: string,
): Normalized<VillageCodes> {
  const inDistrict = inDistrictText(index, districtCode);
  for (const k of keys) {
    const here = (index.villageByKey.get(k) ?? []).filter((c) => index.villageParent.get(c) === districtCode);
    if (here.length === 1) return foundVillage(index, here[0]);
    if (here.length > 1) {
      return fail(
        'REGION_VILLAGE_AMBIGUOUS',
        `nama desa ${shown} ada lebih dari satu${inDistrict}; isi kodenya.`,
        REGION_EXPECTED.village,
      );
    }
  }
  const codes = keys.map((k) => index.villageByKey.get(k)).find((c) => c !== undefined) ?? [];
  if (codes.length > 0) {
    const elsewhere = [...new Set(codes.map((c) => index.parentName(c)))].join(', ');
    return fail(
      'REGION_VILLAGE_OTHER_DISTRICT',
      `desa/kelurahan ${shown} tidak ada${inDistrict} (ada di Kecamatan ${elsewhere}).`,
      REGION_EXPECTED.village,
    );
  }
  const local = index.districtVillageKeys.get(districtCode) ?? [];
  return unknown(
    'REGION_VILLAGE_UNKNOWN',
    `desa/kelurahan ${shown} tidak ditemukan${inDistrict}.`,
    REGION_EXPECTED.village,
    index.suggest(
      keys[keys.length - 1],
      local.map((v) => v.key),
      (k) => (local.find((v) => v.key === k) as { code: string }).code,
    ),
  );
}

/** A desa by name anywhere in the regency (no kecamatan given). */
function villageAnywhere(index: RegionIndex, shown: string, keys: string[]): Normalized<VillageCodes> {
  const codes = keys.map((k) => index.villageByKey.get(k)).find((c) => c !== undefined) ?? [];
  if (codes.length === 1) return foundVillage(index, codes[0]);
  if (codes.length > 1) {
    const where = codes.map((c) => index.parentName(c)).join(', ');
    return fail(
      'REGION_VILLAGE_AMBIGUOUS',
      `desa/kelurahan ${shown} ada di beberapa kecamatan (${where}); isi kolom KECAMATAN.`,
      REGION_EXPECTED.village,
    );
  }
  return unknown(
    'REGION_VILLAGE_UNKNOWN',
    `desa/kelurahan ${shown} tidak ditemukan di kabupaten/kota ini.`,
    REGION_EXPECTED.village,
    index.suggest(keys[keys.length - 1], index.villageByKey.keys(), (k) => (index.villageByKey.get(k) as string[])[0]),
  );
}

function matchVillage(index: RegionIndex, raw: string, districtCode: string | null): Normalized<VillageCodes> {
  const shown = displayValue(raw);
  const digits = raw.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) return villageByCode(index, shown, digits, districtCode);
  const keys = regionKeyCandidates(raw, 'village');
  return districtCode ? villageInDistrict(index, shown, keys, districtCode) : villageAnywhere(index, shown, keys);
}

/** A function of a cell remembered per distinct key: a 100,000-row file has a few hundred distinct names. */
function cachedBy<T>(match: (raw: string, within: string | null) => T) {
  const cache = new Map<string, T>();
  return (value: RawCell, within: string | null): T => {
    const raw = cleanText(value);
    const key = `${within ?? ''}|${raw}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = match(raw, within);
      cache.set(key, result);
    }
    return result;
  };
}

/**
 * Matches kecamatan and desa/kelurahan by Kemendagri code (with or without dots) or by name, within the
 * office's regency. Results are cached per distinct value.
 */
export function createRegionMatcher(regencyCode: string, entries: readonly RegionEntry[]): RegionMatcher {
  const index = new RegionIndex(regencyCode, entries);
  const district = cachedBy((raw) => matchDistrict(index, raw));
  const village = cachedBy((raw, within) => matchVillage(index, raw, within));
  return {
    regencyCode,
    district: (value) => district(value, null),
    village: (value, districtCode) => village(value, districtCode),
    nameOf: (code) => index.nameOf(code),
    codeOf: (value) => index.codeOf(value),
  };
}
