import { and, asc, eq } from 'drizzle-orm';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Db } from '../../db/open';
import { type Region, regions } from '../../db/schema';

/** Region data: Kemendagri codes from the idn-area-data package (ODbL, (c) its contributors). */
export const REGION_ATTRIBUTION = 'Data wilayah Kemendagri dari paket idn-area-data (lisensi ODbL).';

const digits = (code: string) => code.replace(/\./g, '');

/** Formats a digits-only code the Kemendagri way: 3375011001 -> 33.75.01.1001. */
export function formatRegionCode(code: string): string {
  const parts = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6)].filter(Boolean);
  return parts.join('.');
}

export interface RegencyOption {
  code: string;
  name: string;
  provinceName: string;
}

/** Every kabupaten/kota, for the setup wizard (read from the package: the database is still empty then). */
export async function listAllRegencies(): Promise<RegencyOption[]> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  return regencies.map((r) => ({
    code: digits(r.code),
    name: r.name,
    provinceName: provinceName.get(r.province_code) ?? '',
  }));
}

type RegionRow = typeof regions.$inferInsert;

/** All provinces and regencies, plus the districts and villages of one regency, ready to insert. */
export async function regionRowsFor(regencyCode: string): Promise<RegionRow[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const rows: RegionRow[] = [
    ...provinces.map((p) => ({ code: digits(p.code), level: 'province' as const, parentCode: null, name: p.name })),
    ...regencies.map((r) => ({
      code: digits(r.code),
      level: 'regency' as const,
      parentCode: digits(r.province_code),
      name: r.name,
    })),
  ];
  const ownDistricts = districts.filter((d) => digits(d.regency_code) === regencyCode);
  const districtCodes = new Set(ownDistricts.map((d) => d.code));
  rows.push(
    ...ownDistricts.map((d) => ({
      code: digits(d.code),
      level: 'district' as const,
      parentCode: regencyCode,
      name: d.name,
    })),
    ...villages
      .filter((v) => districtCodes.has(v.district_code))
      .map((v) => ({
        code: digits(v.code),
        level: 'village' as const,
        parentCode: digits(v.district_code),
        name: v.name,
      })),
  );
  return rows;
}

export function insertRegions(db: Db, rows: RegionRow[]): void {
  const chunk = 500;
  for (let i = 0; i < rows.length; i += chunk)
    db.insert(regions)
      .values(rows.slice(i, i + chunk))
      .run();
}

export function listRegions(db: Db, level: Region['level'], parentCode?: string): Region[] {
  const where = parentCode
    ? and(eq(regions.level, level), eq(regions.parentCode, parentCode))
    : eq(regions.level, level);
  return db.select().from(regions).where(where).orderBy(asc(regions.name)).all();
}

export function getRegion(db: Db, code: string): Region | undefined {
  return db.select().from(regions).where(eq(regions.code, code)).get();
}
