/**
 * Award stages: approval by admin or pimpinan, never by whoever planned it (an administrator
 * included); cancel with a reason before handover only; a correction after handover is a new linked award that
 * copies the handover, counts instead of the original (never updated), and needs room only for the difference.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { correctionSchema, planAwardsSchema } from '../../main/domain/awards';
import type { Actor } from '../../main/services/actor';
import { budgetFigures } from '../../main/services/awards/budget';
import { correctAward } from '../../main/services/awards/correction';
import { awardRows, awardsForFamily, getAward, listAwards } from '../../main/services/awards/list';
import { planAwards } from '../../main/services/awards/plan';
import { approveAwards, cancelAward, requireAwardsHandable } from '../../main/services/awards/stages';
import { insertDocuments } from '../../main/services/documents/issue';
import { inWriteTransaction } from '../../main/services/documents/numbering';
import { catalogue, createProgram, graduate, markHandedOver, staff } from '../support/awards';
import { plainDraft } from '../support/documents-db';
import { expectAppError } from '../support/errors';
import { setUpOffice } from './helpers';

const ids = (db: Db) => db.$client.prepare('SELECT id FROM awards ORDER BY id').pluck().all() as number[];

async function planned(budget = 20_000_000) {
  const { db, admin } = await setUpOffice();
  const people = staff(db, admin);
  const items = catalogue(db, admin);
  const { kpmIds } = graduate(db, admin, [1, 2, 3]);
  const program = createProgram(db, admin, { budget });
  const freezer = { lines: [{ itemId: items.freezer.id, quantity: 1 }], cash: 200_000 };
  const plan = (actor: Actor, families: number[], pkg: object = freezer) =>
    planAwards(
      db,
      actor,
      planAwardsSchema.parse({
        programId: program.id,
        kpmIds: families,
        package: pkg,
        businessType: 'Es batu',
      }),
    );
  return { db, admin, ...people, items, kpmIds, program, plan };
}

describe('approval', () => {
  it('is done by a pimpinan, audited, and refuses what is not planned', async () => {
    const { db, operator, pimpinan, kpmIds, plan } = await planned();
    plan(operator, kpmIds);
    const [a, b, c] = ids(db);
    expect(approveAwards(db, pimpinan, { awardIds: [a, b] })).toEqual({ approved: 2 });
    const rows = awardRows(db, { ids: [a, b, c] });
    expect(rows.map((r) => [r.stage, r.approvedByName])).toEqual([
      ['approved', pimpinan.username],
      ['approved', pimpinan.username],
      ['planned', null],
    ]);
    expectAppError(
      () => approveAwards(db, pimpinan, { awardIds: [c, a] }),
      'CONFLICT',
      'Hanya bantuan berstatus direncanakan yang dapat disetujui: KELUARGA UJI 1 (disetujui).',
    );
    expect(awardRows(db, { ids: [c] })[0].stage).toBe('planned');
    const audits = db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'approve_award'").pluck().get();
    expect(audits).toBe(2);
  });

  it('is never by whoever planned the award, not even an administrator; never by an operator', async () => {
    const { db, admin, operator, kpmIds, plan } = await planned();
    plan(admin, [kpmIds[0]]);
    plan(operator, [kpmIds[1]]);
    const [own, other] = ids(db);
    expectAppError(
      () => approveAwards(db, admin, { awardIds: [other, own] }),
      'FORBIDDEN',
      'Anda yang merencanakan bantuan untuk KELUARGA UJI 1; persetujuannya harus dilakukan oleh pimpinan lain (pemisahan tugas).',
    );
    expectAppError(
      () => approveAwards(db, operator, { awardIds: [other] }),
      'FORBIDDEN',
      'Hanya administrator atau pimpinan yang dapat menyetujui bantuan; Anda masuk sebagai operator.',
    );
    expect(awardRows(db, { ids: [own, other] }).map((r) => r.stage)).toEqual(['planned', 'planned']);
    expect(approveAwards(db, admin, { awardIds: [other] })).toEqual({ approved: 1 });
  });
});

describe('cancel', () => {
  it('cancels a planned or approved award with its reason, frees its money, and refuses after handover', async () => {
    const { db, operator, pimpinan, kpmIds, plan, program } = await planned();
    plan(operator, kpmIds);
    const [a, b, c] = ids(db);
    approveAwards(db, pimpinan, { awardIds: [b, c] });
    const cancelled = cancelAward(db, operator, { awardId: a, reason: 'Keluarga pindah domisili' });
    expect(cancelled).toMatchObject({ stage: 'cancelled', cancelReason: 'Keluarga pindah domisili' });
    cancelAward(db, pimpinan, { awardId: b, reason: 'Usaha sudah tutup' });
    expect(budgetFigures(db, program.id)).toMatchObject({
      planned: 0,
      approved: 3_000_000,
      remaining: 17_000_000,
      counts: { planned: 0, approved: 1, handed_over: 0, cancelled: 2 },
    });
    markHandedOver(db, c);
    expectAppError(
      () => cancelAward(db, pimpinan, { awardId: c, reason: 'Barang rusak' }),
      'CONFLICT',
      /sudah diserahkan; buat koreksi/,
    );
    expectAppError(
      () => cancelAward(db, operator, { awardId: a, reason: 'Sekali lagi' }),
      'CONFLICT',
      /sudah dibatalkan/,
    );
    const row = db.$client.prepare('SELECT stage, cancel_reason, cancelled_by_name FROM awards WHERE id = ?').get(c);
    expect(row).toEqual({ stage: 'handed_over', cancel_reason: null, cancelled_by_name: null });
    expect(db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'cancel_award'").pluck().get()).toBe(2);
  });
});

describe('handover prerequisites', () => {
  it('accepts only approved awards not replaced by a correction', async () => {
    const { db, admin, operator, pimpinan, kpmIds, items, plan } = await planned();
    plan(operator, kpmIds);
    const [a, b, c] = ids(db);
    approveAwards(db, pimpinan, { awardIds: [a, b] });
    expect(requireAwardsHandable(db, [a, b]).map((s) => s.id)).toEqual([a, b]);
    expectAppError(() => requireAwardsHandable(db, [a, c]), 'CONFLICT', /KELUARGA UJI 3 \(direncanakan\)/);
    expectAppError(
      () => requireAwardsHandable(db, [a, 999_999]),
      'NOT_FOUND',
      /1 bantuan yang dipilih tidak ditemukan/,
    );
    markHandedOver(db, a);
    correctAward(
      db,
      admin,
      correctionSchema.parse({
        awardId: a,
        package: { lines: [{ itemId: items.etalase.id, quantity: 2 }], cash: 0 },
        businessType: 'Warung',
        reason: 'Barang tertukar saat serah terima',
      }),
    );
    expectAppError(() => requireAwardsHandable(db, [a]), 'CONFLICT', /sudah diganti oleh koreksi/);
  });
});

describe('correction after handover', () => {
  it('adds a new linked award with the handover copied; the original is never updated and no longer counts', async () => {
    const { db, operator, pimpinan, kpmIds, items, plan, program } = await planned(10_000_000);
    plan(operator, kpmIds.slice(0, 2));
    const [a] = ids(db);
    approveAwards(db, pimpinan, { awardIds: [a] });
    const [bast] = inWriteTransaction(db, () => insertDocuments(db, operator, [plainDraft('2026-11-20', 'BAST uji')]));
    markHandedOver(db, a, bast.id);
    const before = db.$client.prepare('SELECT * FROM awards WHERE id = ?').get(a);
    const beforeLines = db.$client.prepare('SELECT * FROM award_lines WHERE award_id = ?').all(a);
    const correction = correctAward(
      db,
      pimpinan,
      correctionSchema.parse({
        awardId: a,
        package: {
          lines: [
            { itemId: items.etalase.id, quantity: 1 },
            { itemId: items.kompor.id, quantity: 2 },
          ],
          cash: 0,
        },
        businessType: 'Warung makan',
        reason: 'Yang diserahkan etalase dan kompor, bukan freezer',
      }),
    );
    expect(correction).toMatchObject({
      stage: 'handed_over',
      correctsAwardId: a,
      total: 2_150_000,
      packageText: '1 x Etalase kaca; 2 x Kompor gas 2 tungku',
      handoverDate: '2026-11-20',
      bastNumber: bast.number,
      kpmId: kpmIds[0],
    });
    const detail = getAward(db, correction.id);
    expect(detail).toMatchObject({
      receiverName: 'Wakil Uji',
      receiverRelationship: 'anak',
      witnesses: [{ name: 'Saksi Uji', position: 'Kepala Desa' }],
      bastDocumentId: bast.id,
      correctionReason: 'Yang diserahkan etalase dan kompor, bukan freezer',
      businessType: 'Warung makan',
    });
    expect(db.$client.prepare('SELECT handover_place FROM awards WHERE id = ?').pluck().get(correction.id)).toBe(
      'Pendopo Kecamatan Uji',
    );
    // The original row and its lines are exactly as they were.
    expect(db.$client.prepare('SELECT * FROM awards WHERE id = ?').get(a)).toEqual(before);
    expect(db.$client.prepare('SELECT * FROM award_lines WHERE award_id = ?').all(a)).toEqual(beforeLines);
    expect(getAward(db, a).correctedByAwardId).toBe(correction.id);
    // Budget: 3,000,000 (planned, the second family) + 2,150,000 (the correction); the original no longer counts.
    expect(budgetFigures(db, program.id)).toMatchObject({
      planned: 3_000_000,
      handedOver: 2_150_000,
      remaining: 4_850_000,
      counts: { handed_over: 1, planned: 1 },
    });
    expect(awardsForFamily(db, kpmIds[0]).map((r) => r.id)).toEqual([correction.id, a]);
    expect(listAwards(db, { page: 1, pageSize: 10, q: '', stage: 'handed_over' }).total).toBe(2);
    expect(awardRows(db, { programId: program.id, countingOnly: true }).map((r) => r.id)).not.toContain(a);
    const audit = db.$client.prepare("SELECT summary FROM audit_log WHERE action = 'correct_award'").pluck().get();
    expect(audit).toMatch(/^Koreksi bantuan untuk KELUARGA UJI 1: Rp3\.000\.000 menjadi Rp2\.150\.000/);
  });

  it('corrects the latest of a chain, checks the budget on the difference, and refuses before handover or by an operator', async () => {
    const { db, operator, pimpinan, kpmIds, plan, program } = await planned(10_000_000);
    plan(operator, kpmIds.slice(0, 2));
    const [a, b] = ids(db);
    markHandedOver(db, a);
    const pkg = (cash: number) => ({ lines: [], cash });
    const input = (awardId: number, cash: number) =>
      correctionSchema.parse({
        awardId,
        package: pkg(cash),
        businessType: 'Modal usaha',
        reason: 'Nilai yang diterima berbeda',
      });
    const first = correctAward(db, pimpinan, input(a, 2_000_000));
    // Correcting the original again corrects the latest correction.
    const second = correctAward(db, pimpinan, input(a, 2_500_000));
    expect(second.correctsAwardId).toBe(first.id);
    expect(budgetFigures(db, program.id)).toMatchObject({
      handedOver: 2_500_000,
      planned: 3_000_000,
      remaining: 4_500_000,
    });
    // Difference 5,000,000 - 2,500,000 = 2,500,000 fits in the 4,500,000 left.
    correctAward(db, pimpinan, input(a, 5_000_000));
    expect(budgetFigures(db, program.id).remaining).toBe(2_000_000);
    // The third family takes 1,500,000 of the 2,000,000 left: correcting b up by 2,000,000 no longer fits.
    plan(operator, [kpmIds[2]], { lines: [], cash: 1_500_000 });
    const c = ids(db).at(-1) as number;
    markHandedOver(db, b);
    expectAppError(
      () => correctAward(db, pimpinan, input(b, 5_000_000)),
      'CONFLICT',
      'Sisa anggaran Rp500.000 tidak cukup untuk koreksi ini: paket baru Rp5.000.000 - paket lama Rp3.000.000 = selisih Rp2.000.000.',
    );
    expect(db.$client.prepare('SELECT count(*) FROM awards WHERE corrects_award_id = ?').pluck().get(b)).toBe(0);
    correctAward(db, pimpinan, input(b, 3_500_000));
    expect(budgetFigures(db, program.id).remaining).toBe(0);
    expectAppError(
      () => correctAward(db, pimpinan, input(c, 2_000_000)),
      'CONFLICT',
      /belum diserahkan; koreksi hanya untuk/,
    );
    cancelAward(db, operator, { awardId: c, reason: 'Keluarga menolak bantuan' });
    expectAppError(() => correctAward(db, pimpinan, input(c, 2_000_000)), 'CONFLICT', /sudah dibatalkan; tidak ada/);
    expectAppError(
      () => correctAward(db, operator, input(a, 2_000_000)),
      'FORBIDDEN',
      /Hanya administrator atau pimpinan yang dapat mengoreksi/,
    );
  });
});
