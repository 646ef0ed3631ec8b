/**
 * The pendamping role sees and records only its own families: every contract method, called with a pendamping
 * account's session, is either refused (FORBIDDEN) or in SCOPED below with a check that it returns only the
 * account's own records and answers NOT_FOUND for another pendamping's. The list of methods comes from the
 * contract, so a method opened to the role without a decision here fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { contract, type MethodName } from '../../main/api/contract';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { groupCreateSchema, meetingSaveSchema } from '../../main/domain/p2k2-forms';
import type { Actor } from '../../main/services/actor';
import { listCurriculum } from '../../main/services/p2k2/curriculum';
import { createGroup } from '../../main/services/p2k2/groups';
import { saveMeeting } from '../../main/services/p2k2/meeting-save';
import { draftWorkPlan } from '../../main/services/workplan/draft';
import { addWorkPlanItem } from '../../main/services/workplan/items';
import {
  addFamilies,
  addPendamping,
  decideGraduations,
  FIXTURE_PASSWORD,
  insertCandidate,
  pendampingActor,
  villageOfFamily,
} from '../support/graduation';
import {
  businessChecks,
  complaintChecks,
  evaluationChecks,
  type MonthWorld,
  seedMonthWorld,
  verkomChecks,
} from '../support/scope-month';
import { setUpOffice } from './helpers';

interface World {
  db: Db;
  api: Dispatcher;
  session: string;
  rina: number;
  dedi: number;
  own: number[];
  others: number[];
  ownGroup: number;
  otherGroup: number;
  ownMeeting: number;
  otherMeeting: number;
  topicId: number;
  /** Each pendamping's March 2026 plan with one activity. */
  plans: Record<'own' | 'other', { planId: number; itemId: number }>;
  /** Complaints, health visits and businesses of one family of each pendamping. */
  month: MonthWorld;
}
let w: World;

const MONTH = '2026-03';
const EARLY = new Date('2026-03-02T03:00:00Z');
const item = (extra: Record<string, unknown>) => ({ kind: 'rapat', date: '2026-03-21', title: 'Rapat', ...extra });

// Visits of decisions long past: late under any clock the tests run with.
const SK_DATE = '2010-01-31';

beforeAll(async () => {
  const { db, admin } = await setUpOffice();
  const rina = addPendamping(db, 'RINA');
  const dedi = addPendamping(db, 'DEDI');
  const own = addFamilies(db, { count: 6, pendampingId: rina, districtCode: '337501' });
  const others = addFamilies(db, { count: 6, pendampingId: dedi, districtCode: '337501' });
  decideGraduations(db, { kpmIds: [own[0]], skDate: SK_DATE });
  decideGraduations(db, { kpmIds: [others[0]], skDate: SK_DATE });
  insertCandidate(db, own[1]);
  insertCandidate(db, others[1]);
  const operator: Actor = { id: null, username: 'operator', role: 'operator' };
  const village = villageOfFamily(db, own[2]);
  const group = (name: string, pendampingId: number, kpmIds: number[]) =>
    createGroup(
      db,
      operator,
      groupCreateSchema.parse({ name, villageCode: village, pendampingId, kpmIds }),
      '2026-01-05',
    ).id;
  const ownGroup = group('Mawar', rina, own.slice(2, 5));
  const otherGroup = group('Melati', dedi, others.slice(2, 5));
  const topicId = listCurriculum(db)[0].topics[0].id;
  const meeting = (groupId: number, pendampingId: number) =>
    saveMeeting(db, operator, meetingSaveSchema.parse(meetingInput(groupId, topicId, pendampingId))).id;
  const ownMeeting = meeting(ownGroup, rina);
  const otherMeeting = meeting(otherGroup, dedi);
  const plan = (pendampingId: number) => {
    const view = draftWorkPlan(db, operator, { pendampingId, month: MONTH }, EARLY);
    const item = { kind: 'rapat' as const, date: '2026-03-20', title: 'Rapat', place: '' };
    return addWorkPlanItem(db, operator, { planId: view.plan?.id as number, ...item }, EARLY);
  };
  const plans = { own: plan(rina), other: plan(dedi) };
  const month = seedMonthWorld(db, { rina, dedi }, [own[0], others[0]], [own[3], others[3]]);
  pendampingActor(db, admin, 'rina', rina);
  const api = createDispatcher(db, () => {});
  const login = await api.call('auth.login', { username: 'rina', password: FIXTURE_PASSWORD }, null);
  if (!login.ok) throw new Error(login.error.message);
  const session = (login.value as { sessionToken: string }).sessionToken;
  w = {
    db,
    api,
    session,
    rina,
    dedi,
    own,
    others,
    ownGroup,
    otherGroup,
    ownMeeting,
    otherMeeting,
    topicId,
    plans,
    month,
  };
});
afterAll(() => w.db.$client.close());

function meetingInput(groupId: number, topicId: number, pendampingId: number, extra: Record<string, unknown> = {}) {
  return {
    groupId,
    topicId,
    heldOn: '2026-02-10',
    startTime: '09:00',
    endTime: '10:30',
    place: 'Balai desa',
    pendampingId,
    speakers: [],
    notes: '',
    ...extra,
  };
}

async function ok<T>(method: MethodName, input: unknown): Promise<T> {
  const result = await w.api.call(method, input, w.session);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refusedWith(method: MethodName, input: unknown): Promise<string> {
  const result = await w.api.call(method, input, w.session);
  if (result.ok) throw new Error(`${method} answered`);
  return result.error.code;
}

type Paged = { items: { kpmId?: number; id?: number; pendampingId?: number | null }[]; total: number };

/** Each method the pendamping role may call, with the proof that it keeps to the account's own families. */
const SCOPED: Partial<Record<MethodName, () => Promise<void>>> = {
  ...complaintChecks(() => w.month, ok, refusedWith),
  ...evaluationChecks(() => w.month, ok, refusedWith),
  ...verkomChecks(() => w.month, ok, refusedWith),
  ...businessChecks(() => w.month, ok, refusedWith),
  'auth.changePassword': async () => {
    // Its own account only: the method takes no user id.
    expect(Object.keys(contract['auth.changePassword'].input.shape ?? {})).not.toContain('userId');
  },
  'kpm.search': async () => {
    const all = await ok<Paged>('kpm.search', {});
    expect(all.items.map((r) => r.id).sort()).toEqual([...w.own].sort());
    const asked = await ok<Paged>('kpm.search', { pendampingId: w.dedi });
    expect(asked.items.map((r) => r.id).sort()).toEqual([...w.own].sort());
  },
  'regions.districts': async () => {
    // The office's kecamatan names: no family in them.
    expect((await ok<unknown[]>('regions.districts', {})).length).toBeGreaterThan(0);
  },
  'regions.villages': async () => {
    expect((await ok<unknown[]>('regions.villages', { districtCode: '337501' })).length).toBeGreaterThan(0);
  },
  'graduation.timeline': async () => {
    expect(await ok<object>('graduation.timeline', { id: w.own[0] })).toBeTruthy();
    expect(await refusedWith('graduation.timeline', { id: w.others[0] })).toBe('NOT_FOUND');
  },
  'p2k2Reports.family': async () => {
    expect(await ok<{ group: object | null }>('p2k2Reports.family', { id: w.own[2] })).toMatchObject({
      group: { groupId: w.ownGroup },
    });
    expect(await refusedWith('p2k2Reports.family', { id: w.others[2] })).toBe('NOT_FOUND');
  },
  'kpm.get': async () => {
    expect(await ok<{ kpm: { id: number } }>('kpm.get', { id: w.own[0] })).toMatchObject({ kpm: { id: w.own[0] } });
    expect(await refusedWith('kpm.get', { id: w.others[0] })).toBe('NOT_FOUND');
  },
  'graduation.candidates': async () => {
    const list = await ok<Paged>('graduation.candidates', { pendampingId: w.dedi });
    const kpmIds = list.items.map((r) => r.kpmId as number);
    expect(kpmIds).toEqual(expect.arrayContaining([w.own[0], w.own[1]]));
    expect(kpmIds.filter((id) => !w.own.includes(id))).toEqual([]);
  },
  'graduation.candidateAdd': async () => {
    const input = (kpmId: number) => ({ kpmId, reasons: ['usaha'], notes: '' });
    expect(await refusedWith('graduation.candidateAdd', input(w.others[5]))).toBe('NOT_FOUND');
    expect(await ok<{ kpmId: number }>('graduation.candidateAdd', input(w.own[5]))).toMatchObject({ kpmId: w.own[5] });
  },
  'visits.list': async () => {
    const late = await ok<Paged>('visits.list', { kind: 'terlambat', pendampingId: w.dedi });
    expect(late.total).toBe(3);
    expect(new Set(late.items.map((r) => r.kpmId))).toEqual(new Set([w.own[0]]));
  },
  'visits.counts': async () => {
    expect(await ok<{ terlambat: number }>('visits.counts', {})).toMatchObject({ terlambat: 3 });
  },
  'visits.record': async () => {
    const visitOf = (kpmId: number) =>
      w.db.$client.prepare('SELECT min(id) FROM follow_up_visits WHERE kpm_id = ?').pluck().get(kpmId) as number;
    const input = (id: number) => ({
      id,
      visitedDate: '2010-05-02',
      visitorName: 'Rina',
      businessRunning: true,
      incomeBand: 'naik',
      slippedBack: false,
    });
    expect(await refusedWith('visits.record', input(visitOf(w.others[0])))).toBe('NOT_FOUND');
    expect(await ok<{ visitedDate: string }>('visits.record', input(visitOf(w.own[0])))).toMatchObject({
      visitedDate: '2010-05-02',
    });
  },
  'p2k2.groups.list': async () => {
    const list = await ok<Paged>('p2k2.groups.list', { pendampingId: w.dedi });
    expect(list.items.map((g) => g.id)).toEqual([w.ownGroup]);
  },
  'p2k2.groups.get': async () => {
    expect(await ok<{ id: number }>('p2k2.groups.get', { id: w.ownGroup })).toMatchObject({ id: w.ownGroup });
    expect(await refusedWith('p2k2.groups.get', { id: w.otherGroup })).toBe('NOT_FOUND');
  },
  'p2k2.plan.get': async () => {
    expect(await ok<{ rows: unknown[] }>('p2k2.plan.get', { groupId: w.ownGroup, year: 2026 })).toHaveProperty('rows');
    expect(await refusedWith('p2k2.plan.get', { groupId: w.otherGroup, year: 2026 })).toBe('NOT_FOUND');
  },
  'p2k2.curriculum.list': async () => {
    // The office's modules and topics: no family in it.
    expect((await ok<unknown[]>('p2k2.curriculum.list', {})).length).toBeGreaterThan(0);
  },
  'p2k2.meetings.list': async () => {
    const list = await ok<Paged>('p2k2.meetings.list', {});
    expect(list.items.map((m) => m.id)).toEqual([w.ownMeeting]);
  },
  'p2k2.meetings.get': async () => {
    expect(await ok<{ id: number }>('p2k2.meetings.get', { id: w.ownMeeting })).toMatchObject({ id: w.ownMeeting });
    expect(await refusedWith('p2k2.meetings.get', { id: w.otherMeeting })).toBe('NOT_FOUND');
  },
  'workPlans.get': async () => {
    expect(await ok<{ items: unknown[] }>('workPlans.get', { pendampingId: w.rina, month: MONTH })).toMatchObject({
      pendampingId: w.rina,
    });
    expect(await refusedWith('workPlans.get', { pendampingId: w.dedi, month: MONTH })).toBe('NOT_FOUND');
  },
  'workPlans.draft': async () => {
    expect(await ok<object>('workPlans.draft', { pendampingId: w.rina, month: '2026-04' })).toMatchObject({
      pendampingId: w.rina,
    });
    expect(await refusedWith('workPlans.draft', { pendampingId: w.dedi, month: '2026-04' })).toBe('NOT_FOUND');
  },
  'workPlans.addItem': async () => {
    expect(await refusedWith('workPlans.addItem', item({ planId: w.plans.other.planId }))).toBe('NOT_FOUND');
    expect(await ok<object>('workPlans.addItem', item({ planId: w.plans.own.planId }))).toMatchObject({
      planId: w.plans.own.planId,
    });
  },
  'workPlans.updateItem': async () => {
    expect(await refusedWith('workPlans.updateItem', item({ id: w.plans.other.itemId }))).toBe('NOT_FOUND');
    expect(await ok<object>('workPlans.updateItem', item({ id: w.plans.own.itemId }))).toMatchObject({
      itemId: w.plans.own.itemId,
    });
  },
  'workPlans.removeItem': async () => {
    expect(await refusedWith('workPlans.removeItem', { id: w.plans.other.itemId })).toBe('NOT_FOUND');
  },
  'workPlans.submit': async () => {
    expect(await refusedWith('workPlans.submit', { id: w.plans.other.planId })).toBe('NOT_FOUND');
  },
  'workPlans.markOutcome': async () => {
    const input = { id: w.plans.other.itemId, outcome: 'done' };
    expect(await refusedWith('workPlans.markOutcome', input)).toBe('NOT_FOUND');
  },
  'workPlans.achievement': async () => {
    expect(await ok<object>('workPlans.achievement', { pendampingId: w.rina, month: MONTH })).toHaveProperty('planned');
    expect(await refusedWith('workPlans.achievement', { pendampingId: w.dedi, month: MONTH })).toBe('NOT_FOUND');
  },
  'workPlans.pdf': async () => {
    expect(await refusedWith('workPlans.pdf', { pendampingId: w.dedi, month: MONTH })).toBe('NOT_FOUND');
  },
  'workPlans.settings': async () => {
    // The office's deadline day: no family in it.
    expect(await ok<object>('workPlans.settings', {})).toEqual({ deadlineDay: 5 });
  },
  'p2k2.meetings.save': async () => {
    const other = meetingInput(w.otherGroup, w.topicId, w.rina, { heldOn: '2026-03-10' });
    expect(await refusedWith('p2k2.meetings.save', other)).toBe('NOT_FOUND');
    const asDedi = meetingInput(w.ownGroup, w.topicId, w.dedi, { heldOn: '2026-03-10' });
    expect(await refusedWith('p2k2.meetings.save', asDedi)).toBe('INVALID_INPUT');
    const own = meetingInput(w.ownGroup, w.topicId, w.rina, { heldOn: '2026-03-10' });
    expect(await ok<{ id: number }>('p2k2.meetings.save', own)).toHaveProperty('id');
  },
};

const names = Object.keys(contract) as MethodName[];
const reachable = names.filter((name) => !contract[name].public && contract[name].roles.includes('pendamping'));

describe('a pendamping account', () => {
  it('has a scoping check for exactly the methods its role reaches', () => {
    expect(reachable.length).toBeGreaterThan(5);
    expect([...reachable].sort()).toEqual(Object.keys(SCOPED).sort());
  });

  it('is refused every other logged-in method', async () => {
    const refused = names.filter((name) => !contract[name].public && !reachable.includes(name));
    expect(refused.length).toBeGreaterThan(100);
    for (const name of refused) expect(`${name}: ${await refusedWith(name, {})}`).toBe(`${name}: FORBIDDEN`);
  });

  for (const name of reachable) {
    it(`sees and records only its own families in ${name}`, async () => {
      const check = SCOPED[name];
      if (!check) throw new Error(`${name} reaches the pendamping role without a scoping decision`);
      await check();
    });
  }
});
