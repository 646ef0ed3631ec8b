import { describe, expect, it } from 'vitest';
import {
  businessSaveSchema,
  kubeCreateSchema,
  kubeSizeProblem,
  slipReason,
  trainingSchema,
  umkStanding,
} from '../../main/domain/business';
import { familyBusiness } from '../../main/services/business/family';
import { addKubeAsset, addKubeMember, createKube, removeKubeMember } from '../../main/services/business/kube';
import { addTraining, saveBusiness } from '../../main/services/business/records';
import { setUmk } from '../../main/services/business/settings';
import { businessOffice, entry, TODAY } from '../support/business';
import { addFamilies } from '../support/graduation';

const point = (entryDate: string, income: number, running = true) => ({ entryDate, income, running });

describe('the UMK comparison', () => {
  it('counts income equal to the UMK as above it, one rupiah less as below, and nothing without a UMK', () => {
    expect(umkStanding(2_500_000, 2_500_000)).toBe('di_atas');
    expect(umkStanding(2_499_999, 2_500_000)).toBe('di_bawah');
    expect(umkStanding(9_000_000, 0)).toBe('belum_diatur');
  });
});

describe('slipping back', () => {
  const UMK = 2_000_000;
  it('is income falling below the UMK after an entry at or above it', () => {
    expect(slipReason([point('2026-01-01', 2_000_000), point('2026-04-01', 1_999_999)], UMK, 'graduasi_mandiri')).toBe(
      'pendapatan_turun',
    );
    // Never reached the UMK: not slipped back, only "not yet above".
    expect(
      slipReason([point('2026-01-01', 1_000_000), point('2026-04-01', 900_000)], UMK, 'graduasi_mandiri'),
    ).toBeNull();
    // Back above again: the latest entry decides.
    expect(
      slipReason(
        [point('2026-01-01', 3_000_000), point('2026-02-01', 1), point('2026-03-01', 2_000_000)],
        UMK,
        'graduasi_mandiri',
      ),
    ).toBeNull();
    // A single entry has no "before".
    expect(slipReason([point('2026-01-01', 1)], UMK, 'graduasi_mandiri')).toBeNull();
    // Without a UMK the income rule does not apply.
    expect(slipReason([point('2026-01-01', 3_000_000), point('2026-02-01', 1)], 0, 'graduasi_mandiri')).toBeNull();
  });

  it('is a business stopped after it ran, and a family aktif again, in that order of precedence', () => {
    expect(slipReason([point('2026-01-01', 0), point('2026-02-01', 0, false)], UMK, 'graduasi_alamiah')).toBe(
      'usaha_berhenti',
    );
    expect(
      slipReason([point('2026-01-01', 0, false), point('2026-02-01', 0, false)], UMK, 'graduasi_alamiah'),
    ).toBeNull();
    expect(slipReason([point('2026-01-01', 3_000_000), point('2026-02-01', 0, false)], UMK, 'graduasi_alamiah')).toBe(
      'usaha_berhenti',
    );
    expect(slipReason([], UMK, 'aktif')).toBe('kembali_aktif');
    expect(slipReason([point('2026-01-01', 3_000_000)], UMK, 'aktif')).toBe('kembali_aktif');
  });
});

describe('a business only for a graduated family', () => {
  it('records a graduated family and refuses an aktif one with its name', async () => {
    const o = await businessOffice();
    const input = (kpmId: number) =>
      businessSaveSchema.parse({ kpmId, type: 'jasa', startDate: '2026-02-01', entry: entry('2026-03-01', 1_500_000) });
    const saved = saveBusiness(o.db, o.admin, input(o.rinaGrads[0]), TODAY);
    expect(saved.entry?.income).toBe(1_500_000);
    expect(() => saveBusiness(o.db, o.admin, input(o.rinaActive[0]), TODAY)).toThrow(/belum berstatus graduasi/);
    const training = trainingSchema.parse({
      kpmId: o.rinaActive[0],
      course: 'Menjahit',
      institution: 'BLK Kota',
      startDate: '2026-03-01',
      endDate: '2026-03-20',
      completed: true,
      certificate: false,
    });
    expect(() => addTraining(o.db, o.admin, training, TODAY)).toThrow(/belum berstatus graduasi/);
  });

  it('keeps every entry as history and compares the latest with the UMK', async () => {
    const o = await businessOffice();
    setUmk(o.db, o.admin, 2_000_000);
    const kpmId = o.rinaGrads[1];
    const save = (e: ReturnType<typeof entry>) =>
      saveBusiness(
        o.db,
        o.admin,
        businessSaveSchema.parse({ kpmId, type: 'kerajinan', startDate: '2026-02-01', entry: e }),
        TODAY,
      );
    save(entry('2026-03-01', 2_500_000));
    save(entry('2026-05-01', 1_000_000));
    const page = familyBusiness(o.db, o.admin, kpmId);
    expect([page.latest?.income, page.standing, page.slipReason]).toEqual([1_000_000, 'di_bawah', 'pendapatan_turun']);
    expect(page.timeline.filter((t) => t.kind === 'catatan_usaha').map((t) => t.date)).toEqual([
      '2026-05-01',
      '2026-03-01',
    ]);
  });

  it('refuses an entry dated before the business started or after today, naming the field', async () => {
    const o = await businessOffice();
    const bad = businessSaveSchema.parse({
      kpmId: o.rinaGrads[0],
      type: 'jasa',
      startDate: '2026-04-01',
      entry: entry('2026-03-01', 1),
    });
    expect(() => saveBusiness(o.db, o.admin, bad, TODAY)).toThrow(/sebelum tanggal mulai usaha/);
    const future = businessSaveSchema.parse({ kpmId: o.rinaGrads[0], type: 'jasa', startDate: '2026-07-01' });
    expect(() => saveBusiness(o.db, o.admin, future, TODAY)).toThrow(/tidak boleh setelah hari ini/);
  });

  it('asks a certificate number when there is a certificate', () => {
    const parsed = trainingSchema.safeParse({
      kpmId: 1,
      course: 'Tata boga',
      institution: 'BLK',
      startDate: '2026-01-01',
      endDate: '2026-01-10',
      completed: true,
      certificate: true,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['certificateNumber'] });
  });
});

describe('KUBE size', () => {
  it('names the limit broken', () => {
    expect([4, 5, 10, 11].map(kubeSizeProblem)).toEqual([
      'KUBE harus beranggota paling sedikit 5 keluarga (sekarang 4).',
      null,
      null,
      'KUBE beranggota paling banyak 10 keluarga (sekarang 11).',
    ]);
  });

  it('refuses forming with 4 or 11, adding an 11th, removing the 5th, a non-graduate and a family of another KUBE', async () => {
    const o = await businessOffice();
    const more = addFamilies(o.db, { count: 1, pendampingId: o.rina, districtCode: '337501' });
    const grads = [...o.rinaGrads, ...o.dediGrads];
    const form = (kpmIds: number[], name = 'KUBE Maju') =>
      createKube(
        o.db,
        o.admin,
        kubeCreateSchema.parse({ name, businessType: 'kerajinan', formedDate: '2026-03-01', kpmIds }),
      );
    expect(() => form(grads.slice(0, 4))).toThrow('paling sedikit 5');
    expect(() => form([...grads.slice(0, 10), ...more])).toThrow('paling banyak 10');
    expect(() => form([...grads.slice(0, 4), o.rinaActive[0]])).toThrow(/belum graduasi/);
    const kube = form(grads.slice(0, 5));
    expect(kube.members).toHaveLength(5);
    expect(() => removeKubeMember(o.db, o.admin, kube.id, grads[0])).toThrow('paling sedikit 5');
    expect(() => form(grads.slice(4, 9), 'KUBE Lain')).toThrow(/anggota KUBE lain: KUBE Maju/);
    for (const kpmId of grads.slice(5, 10)) addKubeMember(o.db, o.admin, kube.id, kpmId, TODAY);
    expect(() => addKubeMember(o.db, o.admin, kube.id, grads[10], TODAY)).toThrow('paling banyak 10');
    const withAsset = addKubeAsset(
      o.db,
      o.admin,
      { kubeId: kube.id, name: 'Mesin jahit', value: 1_500_000, acquiredDate: '2026-04-01' },
      TODAY,
    );
    expect([withAsset.members.length, withAsset.assetTotal]).toEqual([10, 1_500_000]);
    // The asset is the group's: no family's business record holds it.
    expect(familyBusiness(o.db, o.admin, grads[0]).timeline.map((t) => t.kind)).toEqual(['kube']);
  });
});
