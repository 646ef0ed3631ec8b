/**
 * The monthly work plan: the draft from the app's data (each source with its dates, nothing of another pendamping
 * or month), the deadline and lateness in the office's calendar (Asia/Jakarta), submitting and locking, reopening
 * with a reason, outcomes with their reasons, "planned against done", and the office's list of submissions.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher } from '../../main/api/dispatch';
import { type Komponen, komponenMask } from '../../main/domain/komponen';
import { groupCreateSchema } from '../../main/domain/p2k2-forms';
import { officeDate, planDeadline } from '../../main/domain/workplan';
import type { Actor } from '../../main/services/actor';
import { listCurriculum } from '../../main/services/p2k2/curriculum';
import { createGroup } from '../../main/services/p2k2/groups';
import { achievementOf } from '../../main/services/workplan/achievement';
import { draftWorkPlan } from '../../main/services/workplan/draft';
import { addWorkPlanItem, removeWorkPlanItem, updateWorkPlanItem } from '../../main/services/workplan/items';
import { markWorkPlanOutcome } from '../../main/services/workplan/outcome';
import { workPlanPdf } from '../../main/services/workplan/pdf';
import { updateWorkPlanSettings } from '../../main/services/workplan/settings';
import { listSubmissions } from '../../main/services/workplan/submissions';
import { reopenWorkPlan, submitWorkPlan } from '../../main/services/workplan/submit';
import { getWorkPlan } from '../../main/services/workplan/view';
import { fakeClock } from '../support/clock';
import { expectAppError, expectFailure } from '../support/errors';
import {
  addFamilies,
  addPendamping,
  decideGraduations,
  FIXTURE_PASSWORD,
  insertCandidate,
  pendampingActor,
  reverseDecision,
  userActor,
  villageOfFamily,
} from '../support/graduation';
import { pageSizes, pdfFile, pdfFlatText } from '../support/pdf';
import { setUpOffice } from './helpers';

const MONTH = '2026-03';
/** 10:00 in Jakarta on 2 March 2026: early in the month, before the deadline. */
const EARLY = new Date('2026-03-02T03:00:00Z');

interface Office {
  db: Db;
  admin: Actor;
  operator: Actor;
  rinaAccount: Actor;
  rina: number;
  dedi: number;
  sari: number;
  own: number[];
  others: number[];
  ownGroup: number;
  otherGroup: number;
}
let o: Office;

function planP2k2(db: Db, groupId: number, topicId: number, plannedOn: string) {
  db.$client
    .prepare('INSERT INTO p2k2_plans (group_id, year, topic_id, planned_on) VALUES (?, ?, ?, ?)')
    .run(groupId, Number(plannedOn.slice(0, 4)), topicId, plannedOn);
}

beforeEach(async () => {
  const { db, admin } = await setUpOffice();
  const rina = addPendamping(db, 'RINA');
  const dedi = addPendamping(db, 'DEDI');
  const sari = addPendamping(db, 'SARI');
  const own = addFamilies(db, { count: 10, pendampingId: rina, districtCode: '337501' });
  const others = addFamilies(db, { count: 10, pendampingId: dedi, districtCode: '337501' });
  const operator = userActor(db, admin, 'operator', 'operator1');
  const village = villageOfFamily(db, own[0]);
  const group = (name: string, pendampingId: number, kpmIds: number[]) =>
    createGroup(
      db,
      operator,
      groupCreateSchema.parse({ name, villageCode: village, pendampingId, kpmIds }),
      '2026-01-05',
    ).id;
  const ownGroup = group('Mawar', rina, own.slice(5, 10));
  const otherGroup = group('Melati', dedi, others.slice(5, 10));
  const rinaAccount = pendampingActor(db, admin, 'rina', rina);
  o = { db, admin, operator, rinaAccount, rina, dedi, sari, own, others, ownGroup, otherGroup };
});

/** Each source of the draft, for Rina in March 2026, and the same kinds that must stay out. */
function seedSources() {
  const { db, own, others, ownGroup, otherGroup } = o;
  const [t1, t2, t3] = listCurriculum(db).flatMap((m) => m.topics);
  planP2k2(db, ownGroup, t1.id, '2026-03-10');
  planP2k2(db, ownGroup, t2.id, '2026-03-31');
  planP2k2(db, ownGroup, t3.id, '2026-04-01'); // next month
  planP2k2(db, otherGroup, t1.id, '2026-03-12'); // another pendamping's group
  // SK 10 December 2025, a visit after 3 months: due 10 March 2026.
  decideGraduations(db, { kpmIds: [own[0]], skDate: '2025-12-10', visitMonths: [3] });
  decideGraduations(db, { kpmIds: [own[1]], skDate: '2026-01-15', visitMonths: [3] }); // due in April
  const reversed = decideGraduations(db, { kpmIds: [own[2]], skDate: '2025-12-20', visitMonths: [3] });
  reverseDecision(db, reversed.decisionId, { keepStatus: true });
  decideGraduations(db, { kpmIds: [others[0]], skDate: '2025-12-10', visitMonths: [3] }); // Dedi's family
  insertCandidate(db, own[3]); // calon: waits for its verification visit
  insertCandidate(db, own[4], { stage: 'verified' }); // verified already
  insertCandidate(db, others[1]); // Dedi's family
  return { t1, t2 };
}

const nameOf = (id: number) => o.db.$client.prepare('SELECT nama FROM kpm WHERE id = ?').pluck().get(id) as string;

describe('drafting a month', () => {
  it('takes each source with its date, nothing of another pendamping or month, and adds nothing twice', () => {
    const { t1, t2 } = seedSources();
    const view = draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY);
    expect(view.added).toBe(4);
    expect(view.items.map((i) => [i.kind, i.date, i.title])).toEqual([
      // 2 March 2026 is a Monday: the month's first working day.
      ['verifikasi_graduasi', '2026-03-02', `Kunjungan verifikasi calon graduasi: ${nameOf(o.own[3])}`],
      ['p2k2', '2026-03-10', `P2K2 kelompok Mawar: ${t1.name}`],
      ['kunjungan_pemantauan', '2026-03-10', `Kunjungan pemantauan bulan ke-3: ${nameOf(o.own[0])}`],
      ['p2k2', '2026-03-31', `P2K2 kelompok Mawar: ${t2.name}`],
    ]);
    expect(view.items.find((i) => i.kind === 'p2k2')?.groupId).toBe(o.ownGroup);
    expect(view.plan).toMatchObject({ status: 'draft', late: false });
    // A hand-added activity stays; drafting again adds nothing new.
    addWorkPlanItem(
      o.db,
      o.rinaAccount,
      {
        planId: view.plan?.id as number,
        kind: 'rapat',
        date: '2026-03-03',
        title: 'Rapat koordinasi',
        place: 'Kantor',
      },
      EARLY,
    );
    const again = draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY);
    expect(again.added).toBe(0);
    expect(again.items).toHaveLength(5);
    // Dedi's draft holds only Dedi's.
    const dedi = draftWorkPlan(o.db, o.operator, { pendampingId: o.dedi, month: MONTH }, EARLY);
    expect(dedi.items.map((i) => [i.kind, i.date])).toEqual([
      ['verifikasi_graduasi', '2026-03-02'],
      ['kunjungan_pemantauan', '2026-03-10'],
      ['p2k2', '2026-03-12'],
    ]);
  });

  it('keeps hand-made activities inside the month, with a kind, a date and a title', async () => {
    const view = draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY);
    const planId = view.plan?.id as number;
    const error = expectAppError(
      () =>
        addWorkPlanItem(
          o.db,
          o.rinaAccount,
          { planId, kind: 'kunjungan_rumah', date: '2026-04-01', title: 'Kunjungan', place: '' },
          EARLY,
        ),
      'INVALID_INPUT',
    );
    expect(error.fields?.date).toBe('Tanggal kegiatan harus di bulan rencana (2026-03).');
    const { itemId } = addWorkPlanItem(
      o.db,
      o.rinaAccount,
      { planId, kind: 'kunjungan_rumah', date: '2026-03-04', title: 'Kunjungan rumah Bu Ani', place: '' },
      EARLY,
    );
    updateWorkPlanItem(
      o.db,
      o.rinaAccount,
      { id: itemId, kind: 'kunjungan_rumah', date: '2026-03-05', title: 'Kunjungan rumah Bu Ani', place: 'RT 02' },
      EARLY,
    );
    expect(getWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY).items).toEqual([
      expect.objectContaining({ id: itemId, date: '2026-03-05', place: 'RT 02' }),
    ]);
    removeWorkPlanItem(o.db, o.rinaAccount, itemId, EARLY);
    expect(getWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY).items).toEqual([]);
    // Through the contract the form's schema names the field.
    const clock = fakeClock(EARLY);
    const api = createDispatcher(o.db, () => {}, { clock });
    const login = await api.call('auth.login', { username: 'rina', password: FIXTURE_PASSWORD }, null);
    const session = (login as { value: { sessionToken: string } }).value.sessionToken;
    const blank = await api.call(
      'workPlans.addItem',
      { planId, kind: 'rapat', date: '2026-03-04', title: ' ' },
      session,
    );
    expect(expectFailure(blank, 'INVALID_INPUT').fields?.title).toBe('Uraian kegiatan wajib diisi.');
  });
});

describe('a drafted activity removed', () => {
  const draft = (month = MONTH) => draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month }, EARLY);

  it('stays away when the plan is drafted again; the other drafted and new sources still come', () => {
    seedSources();
    const first = draft();
    const candidateVisit = `Kunjungan verifikasi calon graduasi: ${nameOf(o.own[3])}`;
    const removed = first.items.find((i) => i.title === candidateVisit);
    expect(removed).toMatchObject({ drafted: true });
    removeWorkPlanItem(o.db, o.rinaAccount, removed?.id as number, EARLY);
    // A hand-added activity removed leaves nothing behind: it has no source to keep out.
    const planId = first.plan?.id as number;
    const hand = { planId, kind: 'rapat' as const, date: '2026-03-03', title: 'Rapat koordinasi', place: '' };
    const { itemId } = addWorkPlanItem(o.db, o.rinaAccount, hand, EARLY);
    expect(getWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY).items).toContainEqual(
      expect.objectContaining({ id: itemId, drafted: false }),
    );
    removeWorkPlanItem(o.db, o.rinaAccount, itemId, EARLY);

    const again = draft();
    expect(again).toMatchObject({ added: 0, leftOut: 1 });
    expect(again.items.map((i) => i.title)).not.toContain(candidateVisit);
    expect(again.items).toHaveLength(3);
    // A candidate new since the removal is drafted: only the removed source stays out.
    insertCandidate(o.db, o.own[6]);
    const third = draft();
    expect(third).toMatchObject({ added: 1, leftOut: 1 });
    expect(third.items.map((i) => i.title)).toEqual([
      `Kunjungan verifikasi calon graduasi: ${nameOf(o.own[6])}`,
      expect.stringMatching(/^P2K2 kelompok Mawar/),
      `Kunjungan pemantauan bulan ke-3: ${nameOf(o.own[0])}`,
      expect.stringMatching(/^P2K2 kelompok Mawar/),
    ]);
    const summaries = o.db.$client
      .prepare(
        "SELECT action, summary FROM audit_log WHERE entity = 'work_plan' AND action IN ('remove_item', 'draft')",
      )
      .all();
    expect(summaries).toEqual([
      {
        action: 'draft',
        summary: 'Draf rencana kerja bulan 2026-03 disusun dari data aplikasi: 4 kegiatan ditambahkan',
      },
      {
        action: 'remove_item',
        summary: `Kegiatan dihapus: "${candidateVisit}" 2 Maret 2026; susun draf berikutnya tidak menambahkannya lagi`,
      },
      { action: 'remove_item', summary: 'Kegiatan dihapus: "Rapat koordinasi" 3 Maret 2026' },
      {
        action: 'draft',
        summary:
          'Draf rencana kerja bulan 2026-03 disusun dari data aplikasi: 0 kegiatan ditambahkan, ' +
          '1 kegiatan yang sudah dihapus tidak ditambahkan lagi',
      },
      {
        action: 'draft',
        summary:
          'Draf rencana kerja bulan 2026-03 disusun dari data aplikasi: 1 kegiatan ditambahkan, ' +
          '1 kegiatan yang sudah dihapus tidak ditambahkan lagi',
      },
    ]);
  });

  it("is remembered for its plan only: the next month's plan drafts the same waiting candidate", () => {
    seedSources();
    const march = draft();
    const visit = march.items.find((i) => i.kind === 'verifikasi_graduasi');
    removeWorkPlanItem(o.db, o.rinaAccount, visit?.id as number, EARLY);
    const april = draft('2026-04');
    expect(april).toMatchObject({ leftOut: 0 });
    expect(april.items.filter((i) => i.kind === 'verifikasi_graduasi').map((i) => [i.date, i.title])).toEqual([
      // 1 April 2026 is a Wednesday.
      ['2026-04-01', visit?.title],
    ]);
  });
});

describe('verifikasi komitmen in the draft', () => {
  const holding = (kpmId: number, ...komponen: Komponen[]) =>
    o.db.$client.prepare('UPDATE kpm SET komponen_mask = ? WHERE id = ?').run(komponenMask(komponen), kpmId);

  it('is one activity on the last working day for the active families with a school or health komponen', () => {
    holding(o.own[0], 'anak_sd');
    holding(o.own[1], 'anak_smp', 'anak_usia_dini');
    holding(o.own[2], 'anak_sma');
    holding(o.own[3], 'ibu_hamil');
    holding(o.own[4], 'lanjut_usia');
    holding(o.own[5], 'disabilitas_berat');
    // own[6..9] hold no komponen. A family of Rina's that left PKH holds one and is not counted.
    const [gone] = addFamilies(o.db, { count: 1, pendampingId: o.rina, districtCode: '337501', status: 'keluar' });
    holding(gone, 'anak_sd');
    holding(o.others[0], 'anak_sd');
    holding(o.others[1], 'ibu_hamil');

    const rina = draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY);
    // 31 March 2026 is a Tuesday: the month's last working day.
    expect(rina.items.map((i) => [i.kind, i.date, i.title, i.kpmId, i.drafted])).toEqual([
      ['verifikasi_komitmen', '2026-03-31', 'Verifikasi komitmen pendidikan dan kesehatan: 6 keluarga', null, true],
    ]);
    const dedi = draftWorkPlan(o.db, o.operator, { pendampingId: o.dedi, month: MONTH }, EARLY);
    expect(dedi.items.map((i) => i.title)).toEqual(['Verifikasi komitmen pendidikan dan kesehatan: 2 keluarga']);
    // 31 May 2026 is a Sunday: Friday the 29th. Its key is the month's, so May has its own.
    const may = draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: '2026-05' }, EARLY);
    expect(may.items.map((i) => [i.kind, i.date])).toEqual([['verifikasi_komitmen', '2026-05-29']]);
    const keys = o.db.$client
      .prepare("SELECT source_key FROM work_plan_items WHERE kind = 'verifikasi_komitmen' ORDER BY id")
      .pluck()
      .all();
    expect(keys).toEqual(['verkom:2026-03', 'verkom:2026-03', 'verkom:2026-05']);
    // Drafting again adds it once only.
    expect(draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY).added).toBe(0);
  });

  it('is not drafted for a pendamping without such a family', () => {
    const sariFamilies = addFamilies(o.db, { count: 3, pendampingId: o.sari, districtCode: '337501' });
    const [left] = addFamilies(o.db, { count: 1, pendampingId: o.sari, districtCode: '337501', status: 'keluar' });
    holding(left, 'anak_sd');
    expect(sariFamilies).toHaveLength(3);
    const sari = draftWorkPlan(o.db, o.operator, { pendampingId: o.sari, month: MONTH }, EARLY);
    expect(sari.items).toEqual([]);
  });
});

describe('the deadline and lateness', () => {
  it('is day 5 of the month by default, in Jakarta: 23:59 on the 5th is on time, 00:00 on the 6th is late', () => {
    expect(planDeadline(MONTH, 5)).toBe('2026-03-05');
    expect(officeDate(new Date('2026-03-05T16:59:59Z'))).toBe('2026-03-05');
    expect(officeDate(new Date('2026-03-05T17:00:00Z'))).toBe('2026-03-06');
    const submitAt = (pendampingId: number, at: string) => {
      const view = draftWorkPlan(o.db, o.operator, { pendampingId, month: MONTH }, EARLY);
      addWorkPlanItem(
        o.db,
        o.operator,
        { planId: view.plan?.id as number, kind: 'rapat', date: '2026-03-20', title: 'Rapat', place: '' },
        EARLY,
      );
      return submitWorkPlan(o.db, o.operator, view.plan?.id as number, new Date(at));
    };
    expect(submitAt(o.rina, '2026-03-05T16:59:59Z').late).toBe(false);
    expect(submitAt(o.dedi, '2026-03-05T17:00:00Z').late).toBe(true);
  });

  it("follows the office's deadline day, and the list says who submitted, who is late, who has nothing", () => {
    updateWorkPlanSettings(o.db, o.admin, { deadlineDay: 10 });
    expectAppError(() => updateWorkPlanSettings(o.db, o.operator, { deadlineDay: 3 }), 'FORBIDDEN');
    const view = draftWorkPlan(o.db, o.operator, { pendampingId: o.rina, month: MONTH }, EARLY);
    addWorkPlanItem(
      o.db,
      o.operator,
      { planId: view.plan?.id as number, kind: 'rapat', date: '2026-03-20', title: 'Rapat', place: '' },
      EARLY,
    );
    // The 8th: after the default 5th, before the office's 10th.
    submitWorkPlan(o.db, o.rinaAccount, view.plan?.id as number, new Date('2026-03-08T02:00:00Z'));
    draftWorkPlan(o.db, o.operator, { pendampingId: o.dedi, month: MONTH }, EARLY);

    const before = listSubmissions(o.db, o.operator, MONTH, new Date('2026-03-10T10:00:00Z'));
    expect(before.deadline).toBe('2026-03-10');
    expect(before.rows.map((r) => [r.pendampingName, r.state, r.late])).toEqual([
      ['DEDI', 'draft', false],
      ['RINA', 'on_time', false],
      ['SARI', 'none', false],
    ]);
    // 00:30 on the 11th in Jakarta (17:30 UTC on the 10th): the ones without a submission are late now.
    const after = listSubmissions(o.db, o.operator, MONTH, new Date('2026-03-10T17:30:00Z'));
    expect(after.rows.map((r) => [r.pendampingName, r.state, r.late])).toEqual([
      ['DEDI', 'draft', true],
      ['RINA', 'on_time', false],
      ['SARI', 'none', true],
    ]);
    expect(after.counts).toEqual({ on_time: 1, late: 0, draft: 1, none: 1 });
    // Each row's planned against done is the same as achievementOf's (a draft counts nothing).
    for (const row of after.rows) expect(row.achievement).toEqual(achievementOf(o.db, row.pendampingId, MONTH));
    expect(after.rows[1].achievement).toEqual({ planned: 1, done: 0, notDone: 0, unmarked: 1, percent: 0 });
    expectAppError(() => listSubmissions(o.db, o.rinaAccount, MONTH, EARLY), 'FORBIDDEN');
  });
});

describe('submitting, locking and reopening', () => {
  it('locks a submitted plan except for outcomes; the office reopens it with a reason, audited', () => {
    seedSources();
    const view = draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY);
    const planId = view.plan?.id as number;
    const [first] = view.items;
    expectAppError(
      () => markWorkPlanOutcome(o.db, o.rinaAccount, { id: first.id, outcome: 'done', reason: '' }, EARLY),
      'CONFLICT',
    );
    submitWorkPlan(o.db, o.rinaAccount, planId, EARLY);
    const item = { kind: 'rapat' as const, date: '2026-03-20', title: 'Rapat', place: '' };
    expectAppError(() => addWorkPlanItem(o.db, o.rinaAccount, { planId, ...item }, EARLY), 'CONFLICT', /terkunci/);
    expectAppError(() => updateWorkPlanItem(o.db, o.operator, { id: first.id, ...item }, EARLY), 'CONFLICT');
    expectAppError(() => removeWorkPlanItem(o.db, o.rinaAccount, first.id, EARLY), 'CONFLICT');
    expectAppError(() => draftWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY), 'CONFLICT');
    expectAppError(() => submitWorkPlan(o.db, o.rinaAccount, planId, EARLY), 'CONFLICT');

    expectAppError(
      () => reopenWorkPlan(o.db, o.rinaAccount, { id: planId, reason: 'Salah tanggal' }, EARLY),
      'FORBIDDEN',
    );
    reopenWorkPlan(o.db, o.operator, { id: planId, reason: 'Tanggal P2K2 bergeser' }, EARLY);
    const audit = o.db.$client
      .prepare("SELECT username, summary FROM audit_log WHERE entity = 'work_plan' AND action = 'reopen'")
      .all();
    expect(audit).toEqual([
      { username: 'operator1', summary: 'Rencana kerja bulan 2026-03 dibuka kembali: Tanggal P2K2 bergeser' },
    ]);
    addWorkPlanItem(o.db, o.rinaAccount, { planId, ...item }, EARLY);
    // Submitted again after the deadline: still on time, by its first submission.
    expect(submitWorkPlan(o.db, o.rinaAccount, planId, new Date('2026-03-20T03:00:00Z')).late).toBe(false);
  });

  it('refuses an empty plan', () => {
    const view = draftWorkPlan(o.db, o.operator, { pendampingId: o.sari, month: MONTH }, EARLY);
    expect(view.items).toEqual([]);
    expectAppError(() => submitWorkPlan(o.db, o.operator, view.plan?.id as number, EARLY), 'CONFLICT', /masih kosong/);
  });
});

describe('outcomes and planned against done', () => {
  it('marks each activity done or not done (with a reason) and counts them', async () => {
    seedSources();
    const view = draftWorkPlan(o.db, o.operator, { pendampingId: o.rina, month: MONTH }, EARLY);
    const planId = view.plan?.id as number;
    // A draft is no plan yet.
    expect(achievementOf(o.db, o.rina, MONTH)).toEqual({ planned: 0, done: 0, notDone: 0, unmarked: 0, percent: null });
    submitWorkPlan(o.db, o.rinaAccount, planId, EARLY);
    const [a, b, c] = view.items;
    markWorkPlanOutcome(o.db, o.rinaAccount, { id: a.id, outcome: 'done', reason: 'diabaikan' }, EARLY);
    markWorkPlanOutcome(o.db, o.rinaAccount, { id: b.id, outcome: 'done', reason: '' }, EARLY);
    markWorkPlanOutcome(o.db, o.operator, { id: c.id, outcome: 'not_done', reason: 'Hujan deras' }, EARLY);
    const marked = getWorkPlan(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY).items;
    expect(marked.map((i) => [i.outcome, i.outcomeReason])).toEqual([
      ['done', ''],
      ['done', ''],
      ['not_done', 'Hujan deras'],
      [null, ''],
    ]);
    expect(achievementOf(o.db, o.rina, MONTH)).toEqual({ planned: 4, done: 2, notDone: 1, unmarked: 1, percent: 50 });
    expect(achievementOf(o.db, o.dedi, MONTH)).toMatchObject({ planned: 0, percent: null });

    const clock = fakeClock(EARLY);
    const api = createDispatcher(o.db, () => {}, { clock });
    const login = await api.call('auth.login', { username: 'rina', password: FIXTURE_PASSWORD }, null);
    const session = (login as { value: { sessionToken: string } }).value.sessionToken;
    const noReason = await api.call('workPlans.markOutcome', { id: a.id, outcome: 'not_done' }, session);
    expect(expectFailure(noReason, 'INVALID_INPUT').fields?.reason).toBe('Tulis alasan kegiatan tidak terlaksana.');
  });
});

describe("a pendamping account's plans", () => {
  it("are its own: another pendamping's plan, items and figures are not found", () => {
    const dedi = draftWorkPlan(o.db, o.operator, { pendampingId: o.dedi, month: MONTH }, EARLY);
    const planId = dedi.plan?.id as number;
    const { itemId } = addWorkPlanItem(
      o.db,
      o.operator,
      { planId, kind: 'rapat', date: '2026-03-20', title: 'Rapat', place: '' },
      EARLY,
    );
    const ref = { pendampingId: o.dedi, month: MONTH };
    expectAppError(() => getWorkPlan(o.db, o.rinaAccount, ref, EARLY), 'NOT_FOUND');
    expectAppError(() => draftWorkPlan(o.db, o.rinaAccount, ref, EARLY), 'NOT_FOUND');
    expectAppError(
      () =>
        addWorkPlanItem(
          o.db,
          o.rinaAccount,
          { planId, kind: 'rapat', date: '2026-03-21', title: 'X', place: '' },
          EARLY,
        ),
      'NOT_FOUND',
    );
    expectAppError(() => removeWorkPlanItem(o.db, o.rinaAccount, itemId, EARLY), 'NOT_FOUND');
    expectAppError(() => submitWorkPlan(o.db, o.rinaAccount, planId, EARLY), 'NOT_FOUND');
  });
});

describe('the printed plan', () => {
  it('is A4 portrait under the kop, with each activity, its outcome, the pendamping signing and the koordinator', async () => {
    seedSources();
    const view = draftWorkPlan(o.db, o.operator, { pendampingId: o.rina, month: MONTH }, EARLY);
    submitWorkPlan(o.db, o.operator, view.plan?.id as number, EARLY);
    markWorkPlanOutcome(
      o.db,
      o.rinaAccount,
      { id: view.items[2].id, outcome: 'not_done', reason: 'Keluarga pindah' },
      EARLY,
    );
    const pdf = await workPlanPdf(o.db, o.rinaAccount, { pendampingId: o.rina, month: MONTH }, EARLY, '2026-03-31');
    const file = pdfFile(pdf.base64);
    const text = pdfFlatText(file);
    expect(text).toContain('RENCANA KERJA BULANAN PENDAMPING PKH');
    expect(text).toContain('Bulan Maret 2026 · Diajukan 2 Maret 2026');
    expect(text).toContain('Senin, 2 Maret 2026');
    expect(text).toMatch(/Kunjungan pemantauan bulan ke-3: IBU UJI \d+ .*Tidak terlaksana: Keluarga pindah/);
    expect(text).toContain('Direncanakan 4 kegiatan; terlaksana 0, tidak terlaksana 1, belum dicatat 3.');
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('Koordinator PKH');
    expect(text).toContain('Pendamping PKH');
    expect(text).toContain('RINA');
    const [page] = pageSizes(file);
    expect(Math.round(page.width)).toBeLessThan(Math.round(page.height));
    expect(pdf.fileName).toBe('rencana-kerja-RINA-2026-03.pdf');
    await expect(
      workPlanPdf(o.db, o.rinaAccount, { pendampingId: o.dedi, month: MONTH }, EARLY, '2026-03-31'),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  }, 60_000);
});
