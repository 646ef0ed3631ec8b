/**
 * Programmes and the catalogue: status only forward, only active takes awards, closed
 * is read-only, a budget never below what is used; a price change never changes lines already given.
 */
import { describe, expect, it } from 'vitest';
import { planAwardsSchema } from '../../main/domain/awards';
import { listItems, saveItem } from '../../main/services/awards/items';
import { getAward } from '../../main/services/awards/list';
import { planAwards } from '../../main/services/awards/plan';
import { getProgram, listPrograms, saveProgram } from '../../main/services/awards/programs';
import { approveAwards, cancelAward } from '../../main/services/awards/stages';
import { catalogue, createProgram, graduate, programInput, staff } from '../support/awards';
import { expectAppError } from '../support/errors';
import { setUpOffice } from './helpers';

async function office() {
  const { db, admin } = await setUpOffice();
  return { db, admin, ...staff(db, admin), items: catalogue(db, admin) };
}

describe('award programmes', () => {
  it('creates and edits a programme with its audit, listed by year with its budget figures', async () => {
    const { db, operator } = await office();
    const program = createProgram(db, operator, {
      status: 'draft',
      fundingSource: 'CSR',
      sponsorName: 'PT Uji Sejahtera',
    });
    expect(program).toMatchObject({
      status: 'draft',
      sponsorName: 'PT Uji Sejahtera',
      createdByName: operator.username,
    });
    const edited = saveProgram(
      db,
      operator,
      programInput({
        id: program.id,
        name: 'Bantuan CSR 2026',
        status: 'active',
        fundingSource: 'CSR',
        sponsorName: 'PT Uji Sejahtera',
      }),
    );
    expect(edited).toMatchObject({ name: 'Bantuan CSR 2026', status: 'active' });
    createProgram(db, operator, {
      name: 'Program 2025',
      year: 2025,
      graduatedFrom: '2025-01-01',
      graduatedTo: '2025-12-31',
    });
    expect(listPrograms(db, { year: 2026 }).map((p) => p.name)).toEqual(['Bantuan CSR 2026']);
    expect(listPrograms(db, {}).map((p) => p.year)).toEqual([2026, 2025]);
    expect(getProgram(db, program.id)).toMatchObject({ budget: 50_000_000, planned: 0, remaining: 50_000_000 });
    const audits = db.$client
      .prepare("SELECT action, summary FROM audit_log WHERE entity = 'award_program' AND entity_id = ? ORDER BY id")
      .all(program.id);
    expect(audits).toEqual([
      {
        action: 'create',
        summary: 'Program bantuan "Bantuan Sarana Usaha KPM Graduasi 2026" dibuat, pagu Rp50.000.000',
      },
      { action: 'update', summary: 'Program bantuan "Bantuan CSR 2026" diubah, status Aktif' },
    ]);
  });

  it('moves status only forward; ditutup is read-only; the budget never drops below what is used', async () => {
    const { db, admin, operator, pimpinan, items } = await office();
    const { kpmIds } = graduate(db, admin, [1, 2]);
    const program = createProgram(db, operator, { budget: 10_000_000 });
    const pkg = { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 200_000 };
    planAwards(
      db,
      operator,
      planAwardsSchema.parse({ programId: program.id, kpmIds, package: pkg, businessType: 'Es' }),
    );
    expectAppError(
      () => saveProgram(db, operator, programInput({ id: program.id, budget: 5_000_000 })),
      'CONFLICT',
      'Pagu tidak dapat diturunkan menjadi Rp5.000.000: bantuan yang sudah direncanakan, disetujui dan diserahkan berjumlah Rp6.000.000.',
      { budget: /Rp6\.000\.000/ },
    );
    saveProgram(db, operator, programInput({ id: program.id, budget: 6_000_000 }));
    expectAppError(
      () => saveProgram(db, operator, programInput({ id: program.id, budget: 6_000_000, status: 'draft' })),
      'CONFLICT',
      'Status program tidak dapat kembali dari Aktif ke Draf.',
    );
    saveProgram(db, operator, programInput({ id: program.id, budget: 6_000_000, status: 'closed' }));
    const closed = /sudah ditutup; datanya tidak dapat diubah lagi/;
    expectAppError(
      () => saveProgram(db, operator, programInput({ id: program.id, budget: 7_000_000, status: 'closed' })),
      'CONFLICT',
      closed,
    );
    const awardId = db.$client.prepare('SELECT min(id) FROM awards').pluck().get() as number;
    expectAppError(() => approveAwards(db, pimpinan, { awardIds: [awardId] }), 'CONFLICT', closed);
    expectAppError(() => cancelAward(db, operator, { awardId, reason: 'Tidak jadi diberikan' }), 'CONFLICT', closed);
    expect(getProgram(db, program.id)).toMatchObject({ budget: 6_000_000, status: 'closed', planned: 6_000_000 });
  });

  it('lets admin and operator keep programmes, not pimpinan', async () => {
    const { db, pimpinan } = await office();
    expectAppError(
      () => createProgram(db, pimpinan),
      'FORBIDDEN',
      /Hanya administrator atau operator yang dapat mengatur program bantuan/,
    );
  });
});

describe('catalogue', () => {
  it('keeps the price an award was given at when the catalogue price changes', async () => {
    const { db, admin, operator, items } = await office();
    const { kpmIds } = graduate(db, admin, [1, 2]);
    const program = createProgram(db, operator);
    const pkg = { lines: [{ itemId: items.etalase.id, quantity: 2 }], cash: 0 };
    const parse = (ids: number[]) =>
      planAwardsSchema.parse({ programId: program.id, kpmIds: ids, package: pkg, businessType: 'Warung' });
    planAwards(db, operator, parse([kpmIds[0]]));
    const updated = saveItem(db, operator, { ...items.etalase, unitPrice: 1_400_000 });
    expect(updated.unitPrice).toBe(1_400_000);
    planAwards(db, operator, parse([kpmIds[1]]));
    const [first, second] = db.$client.prepare('SELECT id FROM awards ORDER BY id').pluck().all() as number[];
    expect(getAward(db, first)).toMatchObject({
      total: 2_500_000,
      lines: [{ unitPrice: 1_250_000, amount: 2_500_000 }],
    });
    expect(getAward(db, second)).toMatchObject({
      total: 2_800_000,
      lines: [{ unitPrice: 1_400_000, amount: 2_800_000 }],
    });
    expect(getAward(db, first).packageText).toBe('2 x Etalase kaca');
    const audit = db.$client
      .prepare("SELECT summary FROM audit_log WHERE entity = 'award_item' AND action = 'update'")
      .pluck()
      .get();
    expect(audit).toBe('Barang "Etalase kaca" diubah: harga Rp1.250.000 menjadi Rp1.400.000');
  });

  it('switches an item off (never deletes it) and refuses the same name and unit twice', async () => {
    const { db, operator, items } = await office();
    const off = saveItem(db, operator, { ...items.kompor, active: false });
    expect(off.active).toBe(false);
    expect(listItems(db).map((i) => [i.name, i.active])).toEqual([
      ['Etalase kaca', true],
      ['Freezer 200 liter', true],
      ['Kompor gas 2 tungku', false],
    ]);
    expectAppError(
      () => saveItem(db, operator, { name: 'etalase KACA', unit: 'Unit', unitPrice: 1, supplier: '', active: true }),
      'DUPLICATE',
      'Barang "etalase KACA" (Unit) sudah ada di katalog.',
    );
  });
});
