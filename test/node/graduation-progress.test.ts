import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { targetSchema } from '../../main/domain/progress';
import type { Actor } from '../../main/services/actor';
import { graduationDashboard } from '../../main/services/graduation/progress';
import { clearTarget, setTarget, yearTargets } from '../../main/services/graduation/targets';
import { addCandidates, addFamilies, addPendamping, decideGraduations, reverseDecision } from '../support/graduation';
import { setUpOffice } from './helpers';

const BARAT = '337501';
const TIMUR = '337502';
const OPERATOR: Actor = { id: null, username: 'operator', role: 'operator' };

const audits = (db: Db, entity: string) =>
  db.$client.prepare('SELECT action, summary FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as {
    action: string;
    summary: string;
  }[];

describe('graduation targets', () => {
  it('gives every active pendamping the default and the office 10% of its families', async () => {
    const { db } = await setUpOffice();
    const rina = addPendamping(db, 'RINA');
    const dedi = addPendamping(db, 'DEDI');
    addFamilies(db, { count: 12, pendampingId: rina, districtCode: BARAT });
    addFamilies(db, { count: 9, pendampingId: dedi, districtCode: TIMUR });
    addFamilies(db, { count: 4, pendampingId: null, districtCode: TIMUR });
    const t = yearTargets(db, 2025);
    expect(t.pendamping.map((p) => [p.name, p.target, p.set])).toEqual([
      ['DEDI', 10, null],
      ['RINA', 10, null],
    ]);
    expect(t.sumPendamping).toBe(20);
    // 25 families in the programme, 10% rounded up.
    expect(t.office).toMatchObject({ baseKpm: 25, set: null, target: 3 });
  });

  it('takes a percentage of the families active or graduated that year, set and cleared by the admin only', async () => {
    const { db, admin } = await setUpOffice();
    const rina = addPendamping(db, 'RINA');
    const families = addFamilies(db, { count: 33, pendampingId: rina, districtCode: BARAT });
    decideGraduations(db, { kpmIds: families.slice(0, 5), skDate: '2025-03-01' });
    decideGraduations(db, { kpmIds: families.slice(5, 8), skDate: '2024-12-31', kind: 'alamiah' });
    // Graduated without a decision (an old status): not in the base, as it is not in the progress.
    addFamilies(db, {
      count: 4,
      pendampingId: rina,
      districtCode: BARAT,
      status: 'graduasi_mandiri',
      statusDate: '2025-03-01',
    });
    addFamilies(db, { count: 2, pendampingId: rina, districtCode: BARAT, status: 'keluar', statusDate: '2025-02-01' });
    const input = targetSchema.parse({ year: 2025, pendampingId: rina, mode: 'persen', value: 20 });
    expect(() => setTarget(db, OPERATOR, input)).toThrow(/hak akses/);
    setTarget(db, admin, input);
    // 25 active + 5 graduated in 2025 = 30; 20% = 6.
    expect(yearTargets(db, 2025).pendamping[0]).toMatchObject({
      baseKpm: 30,
      target: 6,
      set: { mode: 'persen', value: 20 },
    });
    expect(yearTargets(db, 2026).pendamping[0]).toMatchObject({ target: 10, set: null });
    setTarget(db, admin, targetSchema.parse({ year: 2025, pendampingId: rina, mode: 'kpm', value: 14 }));
    expect(yearTargets(db, 2025).pendamping[0].target).toBe(14);
    expect(clearTarget(db, admin, { year: 2025, pendampingId: rina })).toEqual({ cleared: true });
    expect(yearTargets(db, 2025).pendamping[0]).toMatchObject({ target: 10, set: null });
    expect(audits(db, 'graduation_target').map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audits(db, 'graduation_target')[1].summary).toBe(
      'Target graduasi 2025 pendamping RINA: 14 KPM (sebelumnya 20%)',
    );
  });

  it('refuses a percentage over 100 and a negative number with a message on the value', () => {
    const bad = targetSchema.safeParse({ year: 2025, pendampingId: null, mode: 'persen', value: 130 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['value'], message: 'Target 1% sampai 100%.' });
    expect(targetSchema.safeParse({ year: 2025, pendampingId: 1, mode: 'kpm', value: -1 }).success).toBe(false);
  });

  it("computes the office's own target from its row and splits pendamping targets over the kecamatan they cover", async () => {
    const { db, admin } = await setUpOffice();
    const rina = addPendamping(db, 'RINA', [BARAT]);
    const dedi = addPendamping(db, 'DEDI', [BARAT, TIMUR]);
    addFamilies(db, { count: 30, pendampingId: rina, districtCode: BARAT });
    addFamilies(db, { count: 10, pendampingId: rina, districtCode: TIMUR });
    addFamilies(db, { count: 60, pendampingId: dedi, districtCode: TIMUR });
    setTarget(db, admin, targetSchema.parse({ year: 2025, pendampingId: rina, mode: 'kpm', value: 8 }));
    setTarget(db, admin, targetSchema.parse({ year: 2025, pendampingId: null, mode: 'persen', value: 30 }));
    const t = yearTargets(db, 2025);
    // RINA covers Barat: her 8 go there; DEDI covers both: his default 10 split 5 and 5.
    expect(Object.fromEntries([...t.kecamatan].map(([code, k]) => [code, k.target]))).toEqual({
      [BARAT]: 13,
      [TIMUR]: 5,
    });
    expect(t.office).toMatchObject({ baseKpm: 100, target: 30, set: { mode: 'persen', value: 30 } });
    expect(t.sumPendamping).toBe(18);
    setTarget(db, admin, targetSchema.parse({ year: 2025, pendampingId: null, mode: 'kpm', value: 45 }));
    expect(yearTargets(db, 2025).office.target).toBe(45);
    expect(audits(db, 'graduation_target').at(-1)?.summary).toBe(
      'Target graduasi 2025 kantor: 45 KPM (sebelumnya 30%)',
    );
  });
});

describe('graduation progress', () => {
  async function office() {
    const { db, admin } = await setUpOffice();
    const rina = addPendamping(db, 'RINA', [BARAT]);
    const dedi = addPendamping(db, 'DEDI', [TIMUR]);
    const sari = addPendamping(db, 'SARI', [TIMUR]);
    const rinaFamilies = addFamilies(db, { count: 20, pendampingId: rina, districtCode: BARAT });
    const dediFamilies = addFamilies(db, { count: 20, pendampingId: dedi, districtCode: TIMUR });
    const sariFamilies = addFamilies(db, { count: 20, pendampingId: sari, districtCode: TIMUR });
    return { db, admin, rina, dedi, sari, rinaFamilies, dediFamilies, sariFamilies };
  }

  it('counts decided graduations of the year per pendamping, kecamatan and office; not reversed, rejected or other years', async () => {
    const { db, rinaFamilies: r, dediFamilies: d, sariFamilies: s } = await office();
    decideGraduations(db, { kpmIds: r.slice(0, 3), skDate: '2025-02-10', rejectedKpmIds: [r[10]] });
    decideGraduations(db, { kpmIds: [r[3]], skDate: '2025-06-01', kind: 'alamiah' });
    decideGraduations(db, { kpmIds: d.slice(0, 5), skDate: '2025-12-31' });
    decideGraduations(db, { kpmIds: s.slice(0, 2), skDate: '2024-12-31' });
    // A reversed decision does not count, even where the families' status was left graduated.
    const reversed = decideGraduations(db, { kpmIds: s.slice(2, 6), skDate: '2025-05-05' });
    reverseDecision(db, reversed.decisionId, { keepStatus: true });
    // A status set without a decision does not count either.
    db.$client.prepare("UPDATE kpm SET status = 'graduasi_mandiri', status_date = '2025-04-04' WHERE id = ?").run(s[8]);

    const p = graduationDashboard(db, 2025);
    expect(p.office).toMatchObject({ graduated: 9, mandiri: 8, alamiah: 1, target: 6, percent: 150 });
    expect(p.pendamping.map((x) => [x.name, x.graduated, x.target, x.percent, x.rank])).toEqual([
      ['DEDI', 5, 10, 50, 1],
      ['RINA', 4, 10, 40, 2],
      ['SARI', 0, 10, 0, null],
    ]);
    expect(p.kecamatan.map((k) => [k.code, k.graduated, k.target])).toEqual([
      [BARAT, 4, 10],
      [TIMUR, 5, 20],
    ]);
    expect(graduationDashboard(db, 2024).office.graduated).toBe(2);
  });

  it('ranks equal counts on the same place and counts candidates in the pipeline by stage', async () => {
    const { db, rinaFamilies: r, dediFamilies: d, sariFamilies: s } = await office();
    decideGraduations(db, { kpmIds: r.slice(0, 2), skDate: '2025-02-10' });
    decideGraduations(db, { kpmIds: d.slice(0, 2), skDate: '2025-02-10' });
    decideGraduations(db, { kpmIds: s.slice(0, 1), skDate: '2025-02-10' });
    addCandidates(db, r.slice(5, 8), 'candidate');
    addCandidates(db, d.slice(5, 7), 'verified');
    addCandidates(db, [s[5]], 'proposed');
    addCandidates(db, [s[6]], 'cancelled');
    const p = graduationDashboard(db, 2025);
    expect(p.pendamping.map((x) => [x.name, x.rank])).toEqual([
      ['DEDI', 1],
      ['RINA', 1],
      ['SARI', 3],
    ]);
    expect(p.pipeline).toMatchObject({ candidate: 3, verified: 2, proposed: 1, approved: 0, cancelled: 0 });
    // Closed candidates count in the year they were closed (updated_at: today in this test).
    const thisYear = new Date().getFullYear();
    expect(graduationDashboard(db, thisYear).pipeline).toMatchObject({ candidate: 3, approved: 5, cancelled: 1 });
  });
});
