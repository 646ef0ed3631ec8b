import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { kpmSearchSchema } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { createKpm, deactivateKpm, getKpm, updateKpm } from '../../main/services/kpm';
import { searchKpm } from '../../main/services/kpm-search';
import { createPendamping, listPendamping, reassignKpm, updatePendamping } from '../../main/services/pendamping';
import { expectAppError } from '../support/errors';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

const search = (input: Record<string, unknown>) => searchKpm(db, kpmSearchSchema.parse(input));

function saved(result: ReturnType<typeof createKpm>): number {
  if (result.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(result.warnings)}`);
  return result.id;
}

describe('creating a family', () => {
  it('saves the family, its members, its komponen and an audit record', () => {
    const id = saved(createKpm(db, admin, familyInput()));
    const detail = getKpm(db, id);
    expect(detail.kpm.nama).toBe('SITI WULANDARI');
    expect(detail.members.map((m) => m.nama)).toEqual(['BUDI SANTOSO', 'AYU LESTARI']);
    expect(detail.districtName).toBe('Pekalongan Barat');
    expect(detail.villageName).toBe('Medono');
    expect(detail.benefit.yearlyTotal).toBe(2_000_000 + 900_000);
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ action: 'create', username: 'admin' });
  });

  it('asks for confirmation on warnings and saves once they are accepted', () => {
    const input = familyInput({ tanggalLahir: '1985-07-06' });
    const first = createKpm(db, admin, input);
    expect(first.status).toBe('needs_confirmation');
    expect(first.warnings).toContainEqual(expect.objectContaining({ field: 'tanggalLahir' }));
    expect(search({}).total).toBe(0);
    const second = createKpm(db, admin, { ...input, acceptWarnings: true });
    expect(second.status).toBe('saved');
  });

  it('refuses a NIK already registered as pengurus or member, naming the family, and saves nothing', () => {
    const firstId = saved(createKpm(db, admin, familyInput()));
    const asPengurus = expectAppError(
      () => createKpm(db, admin, familyInput({ idKpm: 'P000000000002', nik: '3375014507850001', members: [] })),
      'DUPLICATE',
      undefined,
      { nik: /SITI WULANDARI \(ID KPM P000000000001\)/ },
    );
    expect(asPengurus.link).toEqual({ kind: 'kpm', id: firstId, label: 'SITI WULANDARI (ID KPM P000000000001)' });

    expectAppError(
      () =>
        createKpm(
          db,
          admin,
          familyInput({ idKpm: 'P000000000002', nik: '3375011203100002', members: [], acceptWarnings: true }),
        ),
      'DUPLICATE',
      undefined,
      { nik: /anggota \(BUDI SANTOSO\)/ },
    );
    expect(search({}).total).toBe(1);
  });

  it('refuses a duplicate ID KPM and a NIK used twice in one form', () => {
    saved(createKpm(db, admin, familyInput()));
    const error = expectAppError(
      () =>
        createKpm(
          db,
          admin,
          familyInput({
            nik: '3375015001900004',
            tanggalLahir: '1990-01-10',
            members: [
              { nik: '3375011111110005', nama: 'A', hubungan: 'anak', jenisKelamin: 'L' },
              { nik: '3375011111110005', nama: 'B', hubungan: 'anak', jenisKelamin: 'L' },
            ],
          }),
        ),
      'DUPLICATE',
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['idKpm', 'members.1.nik']);
  });

  it('registers families without ID KPM and fills it in later, still unique when present', () => {
    const first = saved(createKpm(db, admin, familyInput({ idKpm: null, members: [] })));
    const second = saved(
      createKpm(db, admin, familyInput({ idKpm: '', nik: '3375014507850002', noKk: '3375010101100002', members: [] })),
    );
    expect(getKpm(db, first).kpm.idKpm).toBeNull();
    expect(getKpm(db, second).kpm.idKpm).toBeNull();
    saved(updateKpm(db, admin, first, familyInput({ idKpm: 'P0000000777', members: [] })));
    expect(getKpm(db, first).kpm.idKpm).toBe('P0000000777');
    expect(getKpm(db, first).history[0].summary).toBe('Data KPM SITI WULANDARI diubah: ID KPM');
    expectAppError(
      () => updateKpm(db, admin, second, familyInput({ idKpm: 'P0000000777', nik: '3375014507850002', members: [] })),
      'DUPLICATE',
      undefined,
      { idKpm: 'ID KPM sudah terdaftar untuk keluarga SITI WULANDARI (ID KPM P0000000777).' },
    );
    expect(getKpm(db, second).kpm.idKpm).toBeNull();
  });

  it('refuses a desa outside the chosen kecamatan', () => {
    expectAppError(() => createKpm(db, admin, familyInput({ villageCode: '3375021002' })), 'INVALID_INPUT', undefined, {
      villageCode: /kecamatan/,
    });
  });

  it('lets only admin and operator write', () => {
    expectAppError(() => createKpm(db, { ...admin, role: 'pimpinan' }, familyInput()), 'FORBIDDEN');
  });
});

describe('editing and deactivating', () => {
  it('records before and after of every change in the history', () => {
    const id = saved(createKpm(db, admin, familyInput()));
    const detail = getKpm(db, id);
    const members = detail.members.map((m) => ({ ...m, komponen: m.komponen ?? null }));
    const result = updateKpm(db, admin, id, familyInput({ alamat: 'Jl. Baru No. 9', members: [members[0]] }));
    expect(result.status).toBe('saved');
    const after = getKpm(db, id);
    expect(after.kpm.alamat).toBe('Jl. Baru No. 9');
    expect(after.members).toHaveLength(1);
    expect(after.history[0].action).toBe('update');
    expect(after.history[0].summary).toMatch(/alamat, anggota keluarga/);
    expect((after.history[0].before as { kpm: { alamat: string } }).kpm.alamat).toBe('Jl. Merdeka Gg. 3');
    // The family is found by its new address and no longer by the old one.
    expect(search({ q: 'baru no' }).total).toBe(1);
    expect(search({ q: 'merdeka' }).total).toBe(0);
  });

  it('lets two members swap NIKs in one save', () => {
    const id = saved(createKpm(db, admin, familyInput()));
    const [a, b] = getKpm(db, id).members;
    const result = updateKpm(
      db,
      admin,
      id,
      familyInput({
        acceptWarnings: true,
        members: [
          { ...a, komponen: a.komponen ?? null, nik: b.nik },
          { ...b, komponen: b.komponen ?? null, nik: a.nik },
        ],
      }),
    );
    expect(result.status).toBe('saved');
    expect(getKpm(db, id).members.map((m) => m.nik)).toEqual([b.nik, a.nik]);
  });

  it('keeps a family editable after its pendamping was deactivated', () => {
    const p = createPendamping(db, admin, {
      name: 'Pendamping Lama',
      nip: null,
      phone: '',
      districtCodes: [],
      active: true,
    });
    const id = saved(createKpm(db, admin, familyInput({ pendampingId: p.id })));
    updatePendamping(db, admin, p.id, {
      name: 'Pendamping Lama',
      nip: null,
      phone: '',
      districtCodes: [],
      active: false,
    });
    expect(updateKpm(db, admin, id, familyInput({ pendampingId: p.id, alamat: 'Jl. Baru' })).status).toBe('saved');
    const other = expectAppError(
      () =>
        createKpm(
          db,
          admin,
          familyInput({
            idKpm: 'P9',
            nik: '3375015001900004',
            tanggalLahir: '1990-01-10',
            members: [],
            pendampingId: p.id,
          }),
        ),
      'INVALID_INPUT',
    );
    expect(other.fields?.pendampingId).toMatch(/tidak aktif/);
  });

  it('deactivates with a reason and keeps the family on record', () => {
    const id = saved(createKpm(db, admin, familyInput()));
    deactivateKpm(db, admin, id, 'Pindah domisili ke luar kota', '2026-11-01');
    const detail = getKpm(db, id);
    expect(detail.kpm).toMatchObject({
      status: 'keluar',
      statusReason: 'Pindah domisili ke luar kota',
      statusDate: '2026-11-01',
    });
    expect(detail.history[0].action).toBe('deactivate');
    expect(search({ status: 'aktif' }).total).toBe(0);
    expect(search({ status: 'keluar' }).total).toBe(1);
  });
});

describe('finding families', () => {
  beforeEach(() => {
    saved(createKpm(db, admin, familyInput()));
    saved(
      createKpm(
        db,
        admin,
        familyInput({
          idKpm: 'P000000000002',
          noKk: '3375020202120002',
          nik: '3375024408800002',
          nama: 'Nur Hayati',
          tanggalLahir: '1980-08-04',
          districtCode: '337502',
          villageCode: '3375021002',
          alamat: 'Dusun Krajan',
          members: [{ nik: null, nama: 'Bayi', hubungan: 'anak', jenisKelamin: 'L', komponen: 'anak_usia_dini' }],
        }),
      ),
    );
  });

  it.each([
    ['wulan', ['SITI WULANDARI']],
    ['siti wul', ['SITI WULANDARI']],
    ['hay', ['NUR HAYATI']],
    ['nu', ['NUR HAYATI']],
    ['3375014507850001', ['SITI WULANDARI']],
    ['3375011203100002', ['SITI WULANDARI']],
    ['3375020202120002', ['NUR HAYATI']],
    ['33750244', ['NUR HAYATI']],
    ['3375 0202 0212', ['NUR HAYATI']],
    ['33750112031', ['SITI WULANDARI']],
    ['p00000000000', ['NUR HAYATI', 'SITI WULANDARI']],
    ['P000000000002', ['NUR HAYATI']],
    ['krajan', ['NUR HAYATI']],
    ['tidakada', []],
    ['wulan\u0000', ['SITI WULANDARI']],
  ])('finds %s', (q, names) => {
    expect(search({ q }).items.map((r) => r.nama)).toEqual(names);
  });

  it('filters by region and komponen and pages in name order', () => {
    expect(search({ districtCode: '337502' }).items.map((r) => r.nama)).toEqual(['NUR HAYATI']);
    expect(search({ komponen: 'anak_usia_dini' }).items.map((r) => r.nama)).toEqual(['NUR HAYATI']);
    expect(search({ komponen: 'anak_sd', q: 'wulan' }).total).toBe(1);
    expect(search({ pageSize: 1, page: 2 }).items.map((r) => r.nama)).toEqual(['SITI WULANDARI']);
    expect(search({ sort: 'nama', dir: 'desc' }).items[0].nama).toBe('SITI WULANDARI');
    expect(search({ q: 'wulan' }).items[0]).toMatchObject({ districtName: 'Pekalongan Barat', villageName: 'Medono' });
  });
});

describe('pendamping', () => {
  it('counts active families and moves them to another pendamping with history', () => {
    const a = createPendamping(db, admin, {
      name: 'Pendamping A',
      nip: null,
      phone: '',
      districtCodes: ['337501'],
      active: true,
    });
    const b = createPendamping(db, admin, {
      name: 'Pendamping B',
      nip: '198501012010012001',
      phone: '',
      districtCodes: [],
      active: true,
    });
    const id = saved(createKpm(db, admin, familyInput({ pendampingId: a.id })));
    expect(listPendamping(db).map((p) => [p.name, p.activeKpm])).toEqual([
      ['Pendamping A', 1],
      ['Pendamping B', 0],
    ]);
    expect(reassignKpm(db, admin, { fromPendampingId: a.id, toPendampingId: b.id })).toEqual({ moved: 1 });
    expect(getKpm(db, id).pendampingName).toBe('Pendamping B');
    expect(getKpm(db, id).history[0]).toMatchObject({
      action: 'reassign',
      summary: expect.stringMatching(/Pendamping A ke Pendamping B/),
    });
    expect(listPendamping(db).map((p) => p.activeKpm)).toEqual([0, 1]);
  });

  it('refuses a move of unknown families, however many ids are sent', () => {
    const a = createPendamping(db, admin, { name: 'A', nip: null, phone: '', districtCodes: [], active: true });
    const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
    expectAppError(() => reassignKpm(db, admin, { kpmIds: ids, toPendampingId: a.id }), 'NOT_FOUND');
  });

  it('refuses a NIP registered to another pendamping', () => {
    createPendamping(db, admin, { name: 'A', nip: '198501012010012001', phone: '', districtCodes: [], active: true });
    expectAppError(
      () =>
        createPendamping(db, admin, {
          name: 'B',
          nip: '198501012010012001',
          phone: '',
          districtCodes: [],
          active: true,
        }),
      'DUPLICATE',
      undefined,
      { nip: /pendamping A/ },
    );
  });

  it('rolls the whole move back when one family is unknown', () => {
    const a = createPendamping(db, admin, { name: 'A', nip: null, phone: '', districtCodes: [], active: true });
    const id = saved(createKpm(db, admin, familyInput()));
    expect(() => reassignKpm(db, admin, { kpmIds: [id, 9999], toPendampingId: a.id })).toThrow(/tidak ditemukan/);
    expect(getKpm(db, id).pendampingName).toBeNull();
  });
});
