import { describe, expect, it } from 'vitest';
import { parseNik, parseNip, parseNoKk } from '../../main/domain/identity';
import { type Komponen, komponenMask } from '../../main/domain/komponen';
import { ageOn } from '../../main/domain/komponen-rules';
import { listRegions } from '../../main/services/regions';
import { generateFamilies, insertSyntheticData, REFERENCE_DATE } from '../fixtures/generate';
import { setUpOffice } from './helpers';

// Four kecamatan shaped like Kota Pekalongan's, so the generator can be tested without a database.
const DISTRICTS = ['337501', '337502', '337503', '337504'].map((code, i) => ({
  code,
  villages: Array.from({ length: 5 + i }, (_, v) => `${code}10${String(v + 1).padStart(2, '0')}`),
}));
const today = new Date(`${REFERENCE_DATE}T12:00:00Z`);
const data = generateFamilies({ count: 5000, seed: 7, districts: DISTRICTS, regencyCode: '3375' });
const people = data.families.flatMap((f) => [
  { nik: f.nik, tanggalLahir: f.tanggalLahir, jenisKelamin: f.jenisKelamin, districtCode: f.districtCode },
  ...f.members.map((m) => ({ ...m, districtCode: f.districtCode })),
]);

function schoolKomponen(age: number): Komponen | null {
  if (age <= 6) return 'anak_usia_dini';
  if (age <= 12) return 'anak_sd';
  if (age <= 15) return 'anak_smp';
  if (age <= 18) return 'anak_sma';
  return null;
}

describe('generateFamilies', () => {
  it('gives every person a valid NIK that matches their birth date and sex', () => {
    let elsewhere = 0;
    for (const p of people) {
      if (p.nik === null) continue;
      const parsed = parseNik(p.nik, today);
      expect(parsed.ok, p.nik).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.birthDate).toBe(p.tanggalLahir);
      expect(parsed.value.sex).toBe(p.jenisKelamin);
      if (parsed.value.districtCode !== p.districtCode) {
        expect(parsed.value.regencyCode).not.toBe('3375');
        elsewhere++;
      }
    }
    // About 3% were issued in another regency, to exercise the mismatch warning.
    expect(elsewhere / people.length).toBeGreaterThan(0.015);
    expect(elsewhere / people.length).toBeLessThan(0.05);
  });

  it('never repeats a NIK, ID KPM or No. KK, and leaves some newborns without NIK', () => {
    const niks = people.map((p) => p.nik).filter((n) => n !== null);
    expect(new Set(niks).size).toBe(niks.length);
    expect(niks.length).toBeLessThan(people.length);
    expect(new Set(data.families.map((f) => f.idKpm)).size).toBe(data.families.length);
    expect(new Set(data.families.map((f) => f.noKk)).size).toBe(data.families.length);
    for (const f of data.families) {
      expect(f.idKpm).toMatch(/^P\d{12}$/);
      expect(parseNoKk(f.noKk).ok).toBe(true);
      expect(f.noKk.startsWith(f.districtCode)).toBe(true);
      expect(f.villageCode.startsWith(f.districtCode)).toBe(true);
      expect(f.alamat).not.toMatch(/\bRT\b/);
      expect(f.rt).toMatch(/^\d{3}$/);
    }
  });

  it('gives komponen that fit the ages on the reference date', () => {
    let withoutKomponen = 0;
    for (const f of data.families) {
      for (const m of f.members) {
        const age = ageOn(m.tanggalLahir, REFERENCE_DATE);
        if (m.komponen === 'disabilitas_berat') continue;
        if (m.hubungan === 'anak' || m.hubungan === 'cucu') expect(m.komponen, `${age}`).toBe(schoolKomponen(age));
        if (m.komponen === 'lanjut_usia') expect(age).toBeGreaterThanOrEqual(70);
        expect(m.komponen).not.toBe('ibu_hamil');
      }
      const pengurusAge = ageOn(f.tanggalLahir, REFERENCE_DATE);
      if (f.komponen === 'ibu_hamil') expect(pengurusAge).toBeLessThanOrEqual(42);
      if (f.komponen === 'lanjut_usia') expect(pengurusAge).toBeGreaterThanOrEqual(70);
      expect(f.komponenMask).toBe(komponenMask([f.komponen, ...f.members.map((m) => m.komponen)]));
      if (f.komponenMask === 0) withoutKomponen++;
    }
    expect(withoutKomponen / data.families.length).toBeGreaterThan(0.05);
    expect(withoutKomponen / data.families.length).toBeLessThan(0.11);
  });

  it('assigns pendamping with valid NIP who cover the family’s kecamatan', () => {
    expect(data.pendamping).toHaveLength(20);
    expect(new Set(data.pendamping.map((p) => p.nip)).size).toBe(20);
    for (const p of data.pendamping) {
      expect(parseNip(p.nip).ok, p.nip).toBe(true);
      expect(p.districtCodes.length).toBeGreaterThanOrEqual(1);
      expect(p.districtCodes.length).toBeLessThanOrEqual(3);
    }
    const load = new Map<number, number>();
    for (const f of data.families) {
      expect(data.pendamping[f.pendampingIndex].districtCodes).toContain(f.districtCode);
      load.set(f.pendampingIndex, (load.get(f.pendampingIndex) ?? 0) + 1);
    }
    for (const n of load.values()) {
      expect(n).toBeGreaterThan(100);
      expect(n).toBeLessThan(450);
    }
  });

  it('gives the same data for the same seed and other data for another', () => {
    const options = { count: 300, districts: DISTRICTS, regencyCode: '3375' };
    expect(generateFamilies({ ...options, seed: 3 })).toEqual(generateFamilies({ ...options, seed: 3 }));
    expect(generateFamilies({ ...options, seed: 4 }).families[0].nik).not.toBe(
      generateFamilies({ ...options, seed: 3 }).families[0].nik,
    );
  });
});

describe('insertSyntheticData', () => {
  it('writes every row, keeps the search index and its trigger working, and audits the seed', async () => {
    const { db } = await setUpOffice();
    const districts = listRegions(db, 'district', '3375').map((d) => ({
      code: d.code,
      villages: listRegions(db, 'village', d.code).map((v) => v.code),
    }));
    const seeded = generateFamilies({ count: 2000, seed: 1, districts, regencyCode: '3375' });
    const counts = insertSyntheticData(db, seeded);
    const memberCount = seeded.families.reduce((n, f) => n + f.members.length, 0);
    expect(counts).toEqual({ pendamping: 8, kpm: 2000, art: memberCount });

    const sqlite = db.$client;
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('kpm')).toBe(2000);
    expect(count('art')).toBe(memberCount);
    expect(count('pendamping')).toBe(8);
    expect(count('pendamping_districts')).toBe(seeded.pendamping.reduce((n, p) => n + p.districtCodes.length, 0));

    const search = (text: string) =>
      (
        sqlite.prepare('SELECT rowid FROM kpm_search WHERE kpm_search MATCH ?').all(`"${text}"`) as { rowid: number }[]
      ).map((r) => r.rowid);
    const first = sqlite.prepare('SELECT id, nama FROM kpm ORDER BY id LIMIT 1').get() as { id: number; nama: string };
    expect(search(first.nama.slice(-4).toLowerCase())).toContain(first.id);
    sqlite.exec("INSERT INTO kpm_search(kpm_search) VALUES ('integrity-check')");

    // The insert trigger was suspended for speed; a row added afterwards must still be indexed.
    const f = seeded.families[0];
    const added = sqlite
      .prepare(
        `INSERT INTO kpm (id_kpm, no_kk, nik, nama, jenis_kelamin, district_code, village_code, created_at, updated_at)
         VALUES ('PX', ?, '3375016101900001', 'ZZQX WIDODARI', 'P', ?, ?, '', '')`,
      )
      .run(f.noKk, f.districtCode, f.villageCode).lastInsertRowid;
    expect(search('zzqx')).toEqual([Number(added)]);

    const audit = sqlite.prepare("SELECT username, entity, entity_id FROM audit_log WHERE action = 'seed'").all();
    expect(audit).toEqual([{ username: 'sistem', entity: 'kpm', entity_id: null }]);
    sqlite.close();
  });
});
