/**
 * Planning awards: one package for many graduated families, priced at today's
 * catalogue, within the programme's range and form; every family eligible or nothing is written, each refusal
 * with its reason; the budget never overspent, the refusal saying what remains.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { planAwardsSchema } from '../../main/domain/awards';
import { budgetFigures } from '../../main/services/awards/budget';
import { listEligible } from '../../main/services/awards/eligibility';
import { planAwards } from '../../main/services/awards/plan';
import { loadProgram } from '../../main/services/awards/programs';
import { cancelAward } from '../../main/services/awards/stages';
import { catalogue, createProgram, graduate, staff } from '../support/awards';
import { expectAppError } from '../support/errors';
import { addFamilies, reverseDecision } from '../support/graduation';
import { setUpOffice } from './helpers';

const count = (db: Db, sql: string, ...params: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;

async function office() {
  const { db, admin } = await setUpOffice();
  const people = staff(db, admin);
  const items = catalogue(db, admin);
  const families = graduate(db, admin, [1, 2, 3, 4, 5]);
  return { db, admin, ...people, items, kpmIds: families.kpmIds, families };
}

const plan = (programId: number, kpmIds: number[], pkg: object, businessType = 'Warung kelontong') =>
  planAwardsSchema.parse({ programId, kpmIds, package: pkg, businessType });

describe('planning awards', () => {
  it('plans one package for many families at the current price, with lines, audit and the budget left', async () => {
    const { db, operator, items, kpmIds } = await office();
    const program = createProgram(db, operator, { budget: 20_000_000 });
    const pkg = {
      lines: [
        { itemId: items.etalase.id, quantity: 2 },
        { itemId: items.kompor.id, quantity: 1 },
      ],
      cash: 0,
    };
    const result = planAwards(db, operator, plan(program.id, kpmIds.slice(0, 3), pkg));
    expect(result).toEqual({ planned: 3, total: 3 * 2_950_000, remaining: 20_000_000 - 3 * 2_950_000 });
    const rows = db.$client
      .prepare('SELECT kpm_id AS kpmId, stage, total, cash, planned_by AS plannedBy FROM awards ORDER BY id')
      .all();
    expect(rows).toEqual(
      kpmIds
        .slice(0, 3)
        .map((kpmId) => ({ kpmId, stage: 'planned', total: 2_950_000, cash: 0, plannedBy: operator.id })),
    );
    const lines = db.$client
      .prepare(
        'SELECT line_no, item_name, quantity, unit_price, amount FROM award_lines WHERE award_id = (SELECT min(id) FROM awards)',
      )
      .all();
    expect(lines).toEqual([
      { line_no: 1, item_name: 'Etalase kaca', quantity: 2, unit_price: 1_250_000, amount: 2_500_000 },
      { line_no: 2, item_name: 'Kompor gas 2 tungku', quantity: 1, unit_price: 450_000, amount: 450_000 },
    ]);
    expect(count(db, "SELECT count(*) FROM audit_log WHERE action = 'plan_award' AND entity = 'award'")).toBe(3);
    expect(budgetFigures(db, program.id)).toMatchObject({ planned: 8_850_000, remaining: 11_150_000 });
  });

  it('refuses a package outside the per-family range, saying both figures', async () => {
    const { db, operator, items, kpmIds } = await office();
    const program = createProgram(db, operator);
    expectAppError(
      () =>
        planAwards(
          db,
          operator,
          plan(program.id, kpmIds, { lines: [{ itemId: items.kompor.id, quantity: 1 }], cash: 0 }),
        ),
      'INVALID_INPUT',
      'Nilai paket Rp450.000 di luar batas per KPM program "Bantuan Sarana Usaha KPM Graduasi 2026": Rp1.500.000 sampai Rp5.000.000.',
      { package: /Rp1\.500\.000 sampai Rp5\.000\.000/ },
    );
    expectAppError(
      () =>
        planAwards(
          db,
          operator,
          plan(program.id, kpmIds, { lines: [{ itemId: items.freezer.id, quantity: 2 }], cash: 0 }),
        ),
      'INVALID_INPUT',
      /Nilai paket Rp5\.600\.000 di luar batas/,
    );
    // The edges are inside.
    planAwards(db, operator, plan(program.id, [kpmIds[0]], { lines: [], cash: 1_500_000 }));
    planAwards(db, operator, plan(program.id, [kpmIds[1]], { lines: [], cash: 5_000_000 }));
    expect(count(db, 'SELECT count(*) FROM awards')).toBe(2);
  });

  it("keeps to the programme's form: barang without cash, uang without goods, campuran either", async () => {
    const { db, operator, items, kpmIds } = await office();
    const barang = createProgram(db, operator, { name: 'Sarana usaha barang', form: 'barang' });
    const uang = createProgram(db, operator, { name: 'Modal usaha uang', form: 'uang' });
    const goods = { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 0 };
    expectAppError(
      () => planAwards(db, operator, plan(barang.id, [kpmIds[0]], { ...goods, cash: 200_000 })),
      'INVALID_INPUT',
      /berbentuk Barang: paket tidak boleh berisi uang tunai/,
      { 'package.cash': /uang tunai/ },
    );
    expectAppError(
      () => planAwards(db, operator, plan(barang.id, [kpmIds[0]], { lines: [], cash: 2_000_000 })),
      'INVALID_INPUT',
      /berbentuk Barang: paket harus berisi barang/,
    );
    expectAppError(
      () => planAwards(db, operator, plan(uang.id, [kpmIds[0]], goods)),
      'INVALID_INPUT',
      /berbentuk Uang: paket tidak boleh berisi barang/,
      { 'package.lines': /barang/ },
    );
    planAwards(db, operator, plan(barang.id, [kpmIds[0]], goods));
    planAwards(db, operator, plan(uang.id, [kpmIds[0]], { lines: [], cash: 3_000_000 }));
    expect(count(db, 'SELECT count(*) FROM awards')).toBe(2);
  });

  it('refuses the whole plan when one family is not eligible, naming each with its reason', async () => {
    const { db, admin, operator, items, kpmIds } = await office();
    const program = createProgram(db, operator, { graduationTypes: ['graduasi_mandiri'] });
    const [aktif] = addFamilies(db, { count: 1, pendampingId: null, districtCode: '337501' });
    const alamiah = graduate(db, admin, [11], { kind: 'alamiah' }).kpmIds[0];
    const lastYear = graduate(db, admin, [12], { skDate: '2025-12-31' }).kpmIds[0];
    const reversed = graduate(db, admin, [13]);
    reverseDecision(db, reversed.decisionId, { keepStatus: true });
    const pkg = { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 0 };
    const error = expectAppError(
      () =>
        planAwards(
          db,
          operator,
          plan(program.id, [kpmIds[0], aktif, alamiah, lastYear, reversed.kpmIds[0], 999_999, kpmIds[0]], pkg),
        ),
      'INVALID_INPUT',
      /^6 dari 7 KPM tidak memenuhi syarat program "Bantuan Sarana Usaha KPM Graduasi 2026"; tidak ada bantuan yang disimpan\. IBU UJI \d+: belum graduasi \(status aktif\); KELUARGA UJI 11: graduasi alamiah, sedangkan program ini untuk graduasi sejahtera mandiri; KELUARGA UJI 12: graduasi tanggal 31 Desember 2025, di luar rentang program 1 Januari 2026 sampai 31 Desember 2026; KELUARGA UJI 13: graduasinya tidak ditetapkan melalui keputusan \(SK\) yang berlaku; KPM #999999: KPM tidak ditemukan dan 1 lainnya\.$/,
    );
    expect(error.fields?.[`kpm.${kpmIds[0]}`]).toBe('dipilih dua kali');
    expect(Object.keys(error.fields ?? {})).toHaveLength(6);
    expect(count(db, 'SELECT count(*) FROM awards')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM award_lines')).toBe(0);
    expect(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'award'")).toBe(0);
  });

  it('gives one award per family per programme; a cancelled award does not count; the setting can allow more', async () => {
    const { db, admin, operator, items, kpmIds } = await office();
    const program = createProgram(db, operator);
    const pkg = { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 0 };
    planAwards(db, operator, plan(program.id, [kpmIds[0], kpmIds[1]], pkg));
    expectAppError(
      () => planAwards(db, operator, plan(program.id, [kpmIds[2], kpmIds[1]], pkg)),
      'INVALID_INPUT',
      /KELUARGA UJI 2: sudah mendapat bantuan di program ini \(Direncanakan\)/,
    );
    const first = db.$client.prepare('SELECT id FROM awards WHERE kpm_id = ?').pluck().get(kpmIds[1]) as number;
    cancelAward(db, admin, { awardId: first, reason: 'Salah pilih keluarga' });
    planAwards(db, operator, plan(program.id, [kpmIds[2], kpmIds[1]], pkg));
    const other = createProgram(db, operator, { name: 'Program dua kali', onePerFamily: false });
    planAwards(db, operator, plan(other.id, [kpmIds[0]], pkg));
    planAwards(db, operator, plan(other.id, [kpmIds[0]], pkg));
    expect(count(db, 'SELECT count(*) FROM awards WHERE kpm_id = ? AND stage <> ?', kpmIds[1], 'cancelled')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM awards WHERE program_id = ?', other.id)).toBe(2);
  });

  it('lists the families the programme may reward, paged and searched by name or NIK', async () => {
    const { db, admin, operator, items, kpmIds } = await office();
    const program = createProgram(db, operator, { graduationTypes: ['graduasi_mandiri'] });
    graduate(db, admin, [21], { kind: 'alamiah' });
    graduate(db, admin, [22], { skDate: '2025-06-01' });
    planAwards(
      db,
      operator,
      plan(program.id, [kpmIds[4]], { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 0 }),
    );
    const all = listEligible(db, loadProgram(db, program.id), { page: 1, pageSize: 50, q: '' });
    expect(all.total).toBe(4);
    expect(all.items.map((f) => f.nama)).toEqual([
      'KELUARGA UJI 1',
      'KELUARGA UJI 2',
      'KELUARGA UJI 3',
      'KELUARGA UJI 4',
    ]);
    expect(all.items[0]).toMatchObject({
      graduation: 'graduasi_mandiri',
      graduatedOn: '2026-10-15',
      kecamatan: expect.any(String),
    });
    expect(all.items[0].kecamatan).not.toBe('');
    const paged = listEligible(db, loadProgram(db, program.id), { page: 2, pageSize: 3, q: '' });
    expect(paged.items.map((f) => f.nama)).toEqual(['KELUARGA UJI 4']);
    expect(listEligible(db, loadProgram(db, program.id), { page: 1, pageSize: 50, q: 'uji 3' }).items).toHaveLength(1);
    const byNik = listEligible(db, loadProgram(db, program.id), { page: 1, pageSize: 50, q: all.items[1].nik });
    expect(byNik.items.map((f) => f.kpmId)).toEqual([kpmIds[1]]);
  });

  it('refuses a plan that would overspend the budget, saying what remains, and writes nothing', async () => {
    const { db, operator, items, kpmIds } = await office();
    const program = createProgram(db, operator, { budget: 10_000_000 });
    const pkg = { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 200_000 };
    planAwards(db, operator, plan(program.id, kpmIds.slice(0, 2), pkg));
    expectAppError(
      () => planAwards(db, operator, plan(program.id, kpmIds.slice(2, 4), pkg)),
      'CONFLICT',
      'Sisa anggaran Rp4.000.000 tidak cukup untuk 2 KPM x Rp3.000.000 = Rp6.000.000.',
    );
    expect(count(db, 'SELECT count(*) FROM awards')).toBe(2);
    expect(count(db, 'SELECT count(*) FROM award_lines')).toBe(2);
    // Exactly the rest fits.
    const rest = planAwards(db, operator, plan(program.id, [kpmIds[2]], { lines: [], cash: 4_000_000 }));
    expect(rest.remaining).toBe(0);
    expect(budgetFigures(db, program.id)).toMatchObject({ budget: 10_000_000, planned: 10_000_000, remaining: 0 });
  });

  it('plans only in an aktif programme, only as admin or operator, only with active catalogue items', async () => {
    const { db, admin, operator, pimpinan, items, kpmIds } = await office();
    const draft = createProgram(db, operator, { status: 'draft' });
    const pkg = { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 0 };
    expectAppError(
      () => planAwards(db, operator, plan(draft.id, kpmIds, pkg)),
      'CONFLICT',
      /masih berstatus Draf; aktifkan program/,
    );
    const program = createProgram(db, operator);
    expectAppError(
      () => planAwards(db, pimpinan, plan(program.id, kpmIds, pkg)),
      'FORBIDDEN',
      'Hanya administrator atau operator yang dapat merencanakan bantuan; Anda masuk sebagai pimpinan.',
    );
    const { saveItem } = await import('../../main/services/awards/items');
    saveItem(db, admin, { ...items.freezer, active: false });
    expectAppError(
      () => planAwards(db, operator, plan(program.id, kpmIds, pkg)),
      'INVALID_INPUT',
      /Barang "Freezer 200 liter" \(baris 1\) sudah dinonaktifkan/,
    );
    expect(count(db, 'SELECT count(*) FROM awards')).toBe(0);
  });
});
