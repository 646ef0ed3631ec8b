import { describe, expect, it } from 'vitest';
import { graduationSettingsSchema, parseVisitMonths, visitRecordSchema } from '../../main/domain/progress';
import type { Actor } from '../../main/services/actor';
import { getGraduationSettings, updateGraduationSettings } from '../../main/services/graduation/targets';
import { listVisits, recordVisit, visitCounts } from '../../main/services/graduation/visits';
import { addFamilies, addPendamping, decideGraduations, reverseDecision } from '../support/graduation';
import { setUpOffice } from './helpers';

const PIMPINAN: Actor = { id: null, username: 'pimpinan', role: 'pimpinan' };
const VERIFIKATOR: Actor = { id: null, username: 'verif', role: 'verifikator' };
const TODAY = '2025-07-15';
const page = { page: 1, pageSize: 50 };

async function office() {
  const { db, admin } = await setUpOffice();
  const rina = addPendamping(db, 'RINA');
  const dedi = addPendamping(db, 'DEDI');
  const r = addFamilies(db, { count: 5, pendampingId: rina, districtCode: '337501' });
  const d = addFamilies(db, { count: 5, pendampingId: dedi, districtCode: '337502' });
  // SK 31 January 2025: visits due 30 April (3), 31 July (6), 31 January 2026 (12).
  decideGraduations(db, { kpmIds: r.slice(0, 2), skDate: '2025-01-31' });
  // SK 15 April 2025: visits due 15 July (3, today), 15 October, 15 April 2026.
  decideGraduations(db, { kpmIds: [d[0]], skDate: '2025-04-15' });
  const reversed = decideGraduations(db, { kpmIds: [d[1]], skDate: '2025-01-31' });
  reverseDecision(db, reversed.decisionId);
  return { db, admin, rina, dedi, r, d };
}

const record = (id: number, overrides: Record<string, unknown> = {}) =>
  visitRecordSchema.parse({
    id,
    visitedDate: '2025-05-02',
    visitorName: '  Rina  Marlina ',
    businessRunning: true,
    incomeBand: 'naik',
    slippedBack: false,
    notes: 'Warung masih buka.',
    ...overrides,
  });

describe('follow-up visit lists', () => {
  it('lists visits due from today to the month end, and overdue ones, without reversed decisions', async () => {
    const { db } = await office();
    const due = listVisits(db, PIMPINAN, { kind: 'bulan_ini', ...page }, TODAY);
    expect(due.items.map((v) => [v.dueDate, v.monthsAfter, v.pendamping])).toEqual([
      ['2025-07-15', 3, 'DEDI'],
      ['2025-07-31', 6, 'RINA'],
      ['2025-07-31', 6, 'RINA'],
    ]);
    const late = listVisits(db, PIMPINAN, { kind: 'terlambat', ...page }, TODAY);
    expect(late.total).toBe(2);
    expect(late.items.map((v) => [v.dueDate, v.daysLate, v.kecamatan])).toEqual([
      ['2025-04-30', 76, 'Pekalongan Barat'],
      ['2025-04-30', 76, 'Pekalongan Barat'],
    ]);
    expect(visitCounts(db, PIMPINAN, TODAY)).toEqual({ bulan_ini: 3, terlambat: 2 });
  });

  it('filters by the family pendamping and pages', async () => {
    const { db, rina, dedi } = await office();
    expect(listVisits(db, PIMPINAN, { kind: 'bulan_ini', pendampingId: dedi, ...page }, TODAY).total).toBe(1);
    const first = listVisits(db, PIMPINAN, { kind: 'bulan_ini', pendampingId: rina, page: 1, pageSize: 1 }, TODAY);
    const second = listVisits(db, PIMPINAN, { kind: 'bulan_ini', pendampingId: rina, page: 2, pageSize: 1 }, TODAY);
    expect([first.total, first.items.length, second.items.length]).toEqual([2, 1, 1]);
    expect(first.items[0].id).not.toBe(second.items[0].id);
  });

  it('drops a recorded visit from the overdue list and stores what was seen, audited', async () => {
    const { db, admin } = await office();
    const [late] = listVisits(db, PIMPINAN, { kind: 'terlambat', ...page }, TODAY).items;
    const saved = recordVisit(db, admin, record(late.id));
    expect(saved).toMatchObject({ visitedDate: '2025-05-02', visitorName: 'Rina Marlina', incomeBand: 'naik' });
    const left = listVisits(db, PIMPINAN, { kind: 'terlambat', ...page }, TODAY);
    expect(left.total).toBe(1);
    expect(left.items.map((v) => v.id)).not.toContain(late.id);
    const audit = db.$client
      .prepare("SELECT summary FROM audit_log WHERE entity = 'follow_up_visit' AND entity_id = ?")
      .get(late.id) as { summary: string };
    expect(audit.summary).toBe(`Kunjungan pemantauan bulan ke-3 untuk ${late.nama} dicatat (2 Mei 2025)`);
  });
});

describe('recording a visit', () => {
  it('refuses a future date, an empty visitor and an unknown income band with field messages', () => {
    const future = visitRecordSchema.safeParse({ ...record(1), visitedDate: '2999-01-01' });
    expect(future.error?.issues[0]).toMatchObject({ path: ['visitedDate'] });
    expect(future.error?.issues[0].message).toMatch(/masa depan/);
    const nobody = visitRecordSchema.safeParse({ ...record(1), visitorName: '   ' });
    expect(nobody.error?.issues[0]).toMatchObject({ path: ['visitorName'], message: 'Dikunjungi oleh wajib diisi.' });
    expect(visitRecordSchema.safeParse({ ...record(1), incomeBand: 'banyak' }).success).toBe(false);
  });

  it('refuses a date before the SK, a second record, a reversed decision and the pimpinan role', async () => {
    const { db, d } = await office();
    const [late] = listVisits(db, PIMPINAN, { kind: 'terlambat', ...page }, TODAY).items;
    expect(() => recordVisit(db, PIMPINAN, record(late.id))).toThrow(/hak akses/);
    expect(() => recordVisit(db, VERIFIKATOR, record(late.id, { visitedDate: '2025-01-30' }))).toThrow(
      'Tanggal kunjungan 30 Januari 2025 sebelum tanggal SK graduasi (31 Januari 2025).',
    );
    recordVisit(db, VERIFIKATOR, record(late.id, { slippedBack: true }));
    expect(() => recordVisit(db, VERIFIKATOR, record(late.id))).toThrow(/sudah dicatat pada 2 Mei 2025/);
    const reversedVisit = db.$client.prepare('SELECT id FROM follow_up_visits WHERE kpm_id = ? LIMIT 1').get(d[1]) as {
      id: number;
    };
    expect(() => recordVisit(db, VERIFIKATOR, record(reversedVisit.id))).toThrow(/sudah dibatalkan/);
    const stored = db.$client
      .prepare('SELECT count(*) AS n FROM follow_up_visits WHERE visited_date IS NOT NULL')
      .get() as { n: number };
    expect(stored.n).toBe(1);
  });
});

describe('visit intervals setting', () => {
  it('reads "3, 6, 12" and refuses zero, over 60, and out of order', () => {
    expect(parseVisitMonths('3, 6, 12')).toEqual({ ok: true, value: [3, 6, 12] });
    expect(parseVisitMonths('1;60')).toEqual({ ok: true, value: [1, 60] });
    expect(parseVisitMonths('0, 6')).toMatchObject({
      ok: false,
      message: 'Jadwal kunjungan: "0" bukan bulan 1 sampai 60.',
    });
    expect(parseVisitMonths('6, 61')).toMatchObject({ ok: false });
    expect(parseVisitMonths('6, 3')).toMatchObject({ ok: false, message: expect.stringMatching(/urut naik/) });
    expect(parseVisitMonths('6, 6')).toMatchObject({ ok: false });
    expect(parseVisitMonths('tiga')).toMatchObject({ ok: false });
    expect(parseVisitMonths(' ')).toMatchObject({ ok: false, message: expect.stringMatching(/wajib diisi/) });
  });

  it('is saved by the admin only, audited', async () => {
    const { db, admin } = await setUpOffice();
    const input = graduationSettingsSchema.parse({
      visitMonths: '2, 4, 24',
      defaultTargetKpm: 12,
      officeTargetPercent: 30,
    });
    expect(() => updateGraduationSettings(db, VERIFIKATOR, input)).toThrow(/hak akses/);
    expect(getGraduationSettings(db)).toEqual({
      visitMonths: [3, 6, 12],
      defaultTargetKpm: 10,
      officeTargetPercent: 10,
    });
    updateGraduationSettings(db, admin, input);
    expect(getGraduationSettings(db)).toEqual({
      visitMonths: [2, 4, 24],
      defaultTargetKpm: 12,
      officeTargetPercent: 30,
    });
    const audit = db.$client
      .prepare("SELECT summary FROM audit_log WHERE entity = 'settings' ORDER BY id DESC")
      .get() as {
      summary: string;
    };
    expect(audit.summary).toMatch(/kunjungan bulan ke-2, 4, 24/);
  });
});
