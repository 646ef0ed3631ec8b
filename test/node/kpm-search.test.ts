/**
 * The KPM list's search box on real SQLite files: members' names, desa names, ID DTKS and short ID KPM
 * prefixes, the index kept right through edits and deletes and filled by bulk loads, the two ways a page is
 * read giving the same rows, and the "tanpa ID KPM" filter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { kpmSearchSchema } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, commitImport } from '../../main/services/import/jobs';
import { importReport } from '../../main/services/import/report';
import { createKpm, getKpm, updateKpm } from '../../main/services/kpm';
import { buildSearchQuery, searchKpm, villagesNamed, withSearchIndexPaused } from '../../main/services/kpm-search';
import { csvFile, MEMBER_HEADER, makeFamilies, memberRows } from '../fixtures/messy-files';
import { seedSyntheticFamilies } from '../fixtures/seed';
import { familyInput, setUpOffice } from './helpers';
import { ADMIN, freshDb, placesOf } from './import-db';

let db: Db;
let admin: Actor;

afterEach(() => {
  db?.$client.close();
});

const search = (input: Record<string, unknown>) => searchKpm(db, kpmSearchSchema.parse(input));
const names = (input: Record<string, unknown>) => search(input).items.map((r) => r.nama);

function saved(result: ReturnType<typeof createKpm>): number {
  if (result.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(result.warnings)}`);
  return result.id;
}

/** Siti (Medono; children Budi Santoso and Ayu Lestari) and Nur (Noyontaansari; children Rahmat and Rahmawati). */
async function twoFamilies() {
  ({ db, admin } = await setUpOffice());
  const siti = saved(createKpm(db, admin, familyInput({ idDtks: '3375011002000123' })));
  const nur = saved(
    createKpm(
      db,
      admin,
      familyInput({
        idKpm: 'P000000000002',
        idDtks: '3375021002000456',
        noKk: '3375020202120002',
        nik: '3375024408800002',
        nama: 'Nur Hayati',
        tanggalLahir: '1980-08-04',
        districtCode: '337502',
        villageCode: '3375021002',
        alamat: 'Dusun Krajan',
        members: [
          { nik: null, nama: 'Rahmat Hidayat', hubungan: 'anak', jenisKelamin: 'L', komponen: 'anak_sd' },
          { nik: null, nama: 'Rahmawati', hubungan: 'anak', jenisKelamin: 'P', komponen: 'anak_usia_dini' },
        ],
      }),
    ),
  );
  return { siti, nur };
}

/** The members as the form sends them back, with their ids. */
function membersOf(id: number) {
  return getKpm(db, id).members.map((m) => ({ ...m, komponen: m.komponen ?? null }));
}

describe('what staff type in the search box', () => {
  it.each([
    ['budi', ['SITI WULANDARI']],
    ['lestar', ['SITI WULANDARI']],
    ['siti ayu', ['SITI WULANDARI']],
    ['hidayat', ['NUR HAYATI']],
    ['medono', ['SITI WULANDARI']],
    ['noyontaan', ['NUR HAYATI']],
    ['3375011002000123', ['SITI WULANDARI']],
    ['33750210', ['NUR HAYATI']],
    ['P000', ['NUR HAYATI', 'SITI WULANDARI']],
    ['p0000000000 02', ['NUR HAYATI']],
    ['33750', ['NUR HAYATI', 'SITI WULANDARI']],
    ['9999', []],
  ])('finds %s', async (q, expected) => {
    await twoFamilies();
    expect(names({ q })).toEqual(expected);
  });

  it('lists a family once, and counts it once, when two of its members match', async () => {
    await twoFamilies();
    const found = search({ q: 'rahma' });
    expect(found.items.map((r) => r.nama)).toEqual(['NUR HAYATI']);
    expect(found.total).toBe(1);
  });

  it('finds families by a desa name and by their members in the same search', async () => {
    const { nur } = await twoFamilies();
    // Siti lives in Medono; Nur, in another desa, has a child named Medonowati.
    saved(
      updateKpm(db, admin, nur, { ...familyInputOf(nur), members: [...membersOf(nur), memberNamed('Medonowati')] }),
    );
    expect(search({ q: 'medono' })).toMatchObject({
      total: 2,
      items: [{ nama: 'NUR HAYATI' }, { nama: 'SITI WULANDARI' }],
    });
    expect(villagesNamed(db, 'sapuro keb')).toEqual(['3375011004']);
  });

  it('keeps the text and other filters together', async () => {
    await twoFamilies();
    expect(names({ q: 'rahma', districtCode: '337501' })).toEqual([]);
    expect(names({ q: 'medono', status: 'aktif' })).toEqual(['SITI WULANDARI']);
    expect(search({ q: 'P000', districtCode: '337502' }).total).toBe(1);
  });
});

function familyInputOf(id: number) {
  const { kpm } = getKpm(db, id);
  return familyInput({
    idKpm: kpm.idKpm,
    idDtks: kpm.idDtks,
    noKk: kpm.noKk,
    nik: kpm.nik,
    nama: kpm.nama,
    tanggalLahir: kpm.tanggalLahir,
    districtCode: kpm.districtCode,
    villageCode: kpm.villageCode,
    alamat: kpm.alamat,
    acceptWarnings: true,
  });
}

const memberNamed = (nama: string) => ({
  nik: null,
  nama,
  hubungan: 'anak' as const,
  tanggalLahir: null,
  jenisKelamin: 'P' as const,
  komponen: null,
});

describe('the index follows every change of members and families', () => {
  it('follows a renamed member, a removed member and a new one', async () => {
    const { siti } = await twoFamilies();
    const [budi, ayu] = membersOf(siti);
    saved(updateKpm(db, admin, siti, { ...familyInputOf(siti), members: [{ ...budi, nama: 'Bagus Santoso' }, ayu] }));
    expect(names({ q: 'budi' })).toEqual([]);
    expect(names({ q: 'bagus' })).toEqual(['SITI WULANDARI']);
    expect(names({ q: 'lestari' })).toEqual(['SITI WULANDARI']);

    saved(updateKpm(db, admin, siti, { ...familyInputOf(siti), members: [membersOf(siti)[0]] }));
    expect(names({ q: 'lestari' })).toEqual([]);
    expect(names({ q: 'bagus' })).toEqual(['SITI WULANDARI']);

    saved(
      updateKpm(db, admin, siti, { ...familyInputOf(siti), members: [...membersOf(siti), memberNamed('Zahra Aulia')] }),
    );
    expect(names({ q: 'zahra' })).toEqual(['SITI WULANDARI']);
    // The pengurus's own name and address stay found after the members changed.
    expect(names({ q: 'wulan' })).toEqual(['SITI WULANDARI']);
    expect(names({ q: 'merdeka' })).toEqual(['SITI WULANDARI']);
  });

  it('follows a renamed pengurus without losing her members', async () => {
    const { siti } = await twoFamilies();
    saved(updateKpm(db, admin, siti, { ...familyInputOf(siti), nama: 'Siti Aminah', members: membersOf(siti) }));
    expect(names({ q: 'wulan' })).toEqual([]);
    expect(names({ q: 'aminah' })).toEqual(['SITI AMINAH']);
    expect(names({ q: 'budi' })).toEqual(['SITI AMINAH']);
  });

  it('forgets a deleted family and its members, and a member moved to another family', async () => {
    const { siti, nur } = await twoFamilies();
    db.$client.prepare('UPDATE art SET kpm_id = ? WHERE nama = ?').run(siti, 'RAHMAT HIDAYAT');
    expect(names({ q: 'hidayat' })).toEqual(['SITI WULANDARI']);
    expect(names({ q: 'rahma' })).toEqual(['NUR HAYATI', 'SITI WULANDARI']);

    db.$client.prepare('DELETE FROM kpm WHERE id = ?').run(nur);
    expect(search({ q: 'rahmawati' }).total).toBe(0);
    expect(search({ q: 'hayati' }).total).toBe(0);
    expect(names({ q: 'hidayat' })).toEqual(['SITI WULANDARI']);
    db.$client.prepare('DELETE FROM kpm WHERE id = ?').run(siti);
    expect(db.$client.prepare('SELECT count(*) AS n FROM kpm_search_docsize').get()).toEqual({ n: 0 });
    expect(search({ q: 'santoso' }).total).toBe(0);
    expect(search({ q: 'hidayat' }).total).toBe(0);
  });
});

describe('bulk loads', () => {
  it('indexes the members of families added by an import', async () => {
    ({ db } = await freshDb());
    const families = makeFamilies(3, placesOf(db), { seed: 31, members: 2 });
    const bytes = csvFile([MEMBER_HEADER, ...families.flatMap(memberRows)]);
    const jobs = new ImportJobs();
    const job = await checkImport(jobs, db, ADMIN, { fileName: 'anggota.csv', bytes, today: new Date('2026-11-22') });
    await commitImport(jobs, db, ADMIN, job.id, importReport(jobs, ADMIN, job.id).planId as string);
    for (const f of families) {
      for (const m of f.members.filter((m) => m.hubungan.toLowerCase() !== 'pengurus')) {
        expect(names({ q: m.nama })).toContain(f.nama);
      }
    }
  });

  it('indexes a paused load once at the end: new families, and older ones that gained members', async () => {
    const { siti } = await twoFamilies();
    const addMember = db.$client.prepare(
      "INSERT INTO art (kpm_id, nama, hubungan, jenis_kelamin) VALUES (?, ?, 'anak', 'L')",
    );
    withSearchIndexPaused(db, () => {
      addMember.run(siti, 'YUSUF MAULANA');
      const copy = db.$client
        .prepare(
          `INSERT INTO kpm (id_kpm, no_kk, nik, nama, jenis_kelamin, alamat, district_code, village_code, created_at, updated_at)
           SELECT 'P000000000003', '3375010101100003', '3375014507850003', 'LINA MARLINA', 'P', 'Gg. Kenanga',
             district_code, village_code, created_at, updated_at FROM kpm WHERE id = ?`,
        )
        .run(siti);
      addMember.run(copy.lastInsertRowid, 'FARHAN MAULANA');
      // Nothing is indexed while the load runs.
      expect(search({ q: 'maulana' }).total).toBe(0);
    });
    expect(names({ q: 'maulana' })).toEqual(['LINA MARLINA', 'SITI WULANDARI']);
    expect(names({ q: 'kenanga' })).toEqual(['LINA MARLINA']);
    expect(names({ q: 'budi' })).toEqual(['SITI WULANDARI']);
    expect(search({ q: 'wulan' }).total).toBe(1);
  });

  it('indexes every seeded family with its members, and each search agrees with a plain scan', async () => {
    ({ db } = await freshDb());
    seedSyntheticFamilies(db, { count: 3000, seed: 5 });
    const plain = db.$client.prepare(
      `SELECT count(*) AS n FROM kpm k WHERE k.nama LIKE @q OR k.alamat LIKE @q
         OR EXISTS (SELECT 1 FROM art a WHERE a.kpm_id = k.id AND a.nama LIKE @q)
         OR k.village_code IN (SELECT code FROM regions WHERE level = 'village' AND name LIKE @q)`,
    );
    const pieces = ['jl.', 'ani', 'rahma', 'wati', 'santoso', 'ono', 'zzq'];
    const totals = pieces.map((q) => search({ q }).total);
    expect(totals).toEqual(pieces.map((q) => (plain.get({ q: `%${q}%` }) as { n: number }).n));
    // Common pieces match more families than the page needs, rare ones fewer: both ways of reading a page run.
    expect(Math.max(...totals)).toBeGreaterThan(1000);
    expect(totals.filter((t) => t > 0).some((t) => t < 1000)).toBe(true);
  });

  it('reads the same page along the sort index as through the matches, in every order', async () => {
    ({ db } = await freshDb());
    seedSyntheticFamilies(db, { count: 3000, seed: 6 });
    for (const input of [
      { q: 'jl.' },
      { q: 'ani', sort: 'idKpm', dir: 'desc', page: 3 },
      { q: 'jl.', sort: 'updatedAt', status: 'aktif' },
      { q: 'rahma', komponen: 'anak_sd', page: 2 },
      { q: 'ani', districtCode: '352802', sort: 'nama', dir: 'desc' },
      { q: '35280', page: 2 },
      { q: '352802', sort: 'idKpm' },
      { q: 'P352', status: 'aktif', sort: 'updatedAt', dir: 'desc' },
    ]) {
      const query = buildSearchQuery(kpmSearchSchema.parse(input));
      const ordered = db.$client.prepare(query.orderedPageSql as string).all(...query.pageParams);
      const driven = db.$client.prepare(query.pageSql).all(...query.pageParams);
      expect(ordered.length).toBeGreaterThan(0);
      expect(ordered).toEqual(driven);
    }
  });
});

describe('families without an ID KPM', () => {
  it('are listed and counted by the "tanpa ID KPM" filter, with or without other filters', async () => {
    const { nur } = await twoFamilies();
    db.$client.prepare('UPDATE kpm SET id_kpm = NULL WHERE id = ?').run(nur);
    expect(search({ missingIdKpm: true })).toMatchObject({ total: 1, items: [{ nama: 'NUR HAYATI', idKpm: null }] });
    expect(search({ missingIdKpm: false }).total).toBe(2);
    expect(names({ missingIdKpm: true, q: 'rahma' })).toEqual(['NUR HAYATI']);
    expect(names({ missingIdKpm: true, q: 'budi' })).toEqual([]);
    expect(names({ missingIdKpm: true, districtCode: '337501' })).toEqual([]);
    expect(names({ missingIdKpm: true, sort: 'idKpm', dir: 'desc' })).toEqual(['NUR HAYATI']);
  });

  it('reads the same rows whichever way the page is read when many families lack one', async () => {
    ({ db } = await freshDb());
    seedSyntheticFamilies(db, { count: 3000, seed: 7 });
    db.$client.exec('UPDATE kpm SET id_kpm = NULL WHERE id % 3 = 0');
    const input = kpmSearchSchema.parse({ missingIdKpm: true, page: 2 });
    const query = buildSearchQuery(input);
    expect(search({ missingIdKpm: true }).total).toBe(1000);
    const ordered = db.$client.prepare(query.orderedPageSql as string).all(...query.pageParams);
    expect(ordered).toEqual(db.$client.prepare(query.pageSql).all(...query.pageParams));
    expect(ordered).toHaveLength(50);
  });
});

describe('why a family matched', () => {
  it("names the member, the desa, the address or the identity number that matched, not the pengurus's own", async () => {
    await twoFamilies();
    const reason = (q: string) => search({ q }).items.map((r) => [r.nama, r.matchedBy]);
    expect(reason('Rahmawati')).toEqual([['NUR HAYATI', 'anggota RAHMAWATI']]);
    expect(reason('Noyontaansari')).toEqual([['NUR HAYATI', 'desa Noyontaansari']]);
    expect(reason('Krajan')).toEqual([['NUR HAYATI', 'alamat Dusun Krajan']]);
    expect(reason('Nur Hayati')).toEqual([['NUR HAYATI', null]]);
    expect(reason('3375020202120002')).toEqual([['NUR HAYATI', 'No. KK']]);
    expect(reason('3375021002000456')).toEqual([['NUR HAYATI', 'ID DTKS']]);
    expect(reason('3375011203100002')).toEqual([['SITI WULANDARI', 'NIK anggota BUDI SANTOSO']]);
    expect(reason('3375014507850001')).toEqual([['SITI WULANDARI', null]]);
    // Without text there is nothing to explain.
    expect(search({ q: '' }).items.every((r) => r.matchedBy === undefined)).toBe(true);
  });
});
