/**
 * The awards methods through the contract (what the renderer calls): a programme, a catalogue item, the eligible
 * list, a plan, approval by another person and the lists, with the roles enforced before any service runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { AwardDetail, AwardRow, EligibleFamily, ProgramSummary } from '../../main/api/awards.contract';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import type { Page } from '../../main/domain/paging';
import type { Actor } from '../../main/services/actor';
import { graduate, programInput, staff } from '../support/awards';
import { expectFailure, expectOk } from '../support/errors';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let api: Dispatcher;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  api = createDispatcher(db, () => {});
});
afterEach(() => db.$client.close());

async function session(username: string): Promise<string> {
  return expectOk<{ sessionToken: string }>(await api.call('auth.login', { username, password: 'rahasia123' }, null))
    .sessionToken;
}

describe('awards through the contract', () => {
  it('runs a programme from budget to approval; a verifikator may only look', async () => {
    const { operator, pimpinan, verifikator } = staff(db, admin);
    const { kpmIds } = graduate(db, admin, [1, 2]);
    const op = await session(operator.username);
    const boss = await session(pimpinan.username);
    const viewer = await session(verifikator.username);
    const { id: programId } = expectOk<{ id: number }>(
      await api.call('awards.saveProgram', { ...programInput(), budget: 10_000_000 }, op),
    );
    const item = expectOk<{ id: number }>(
      await api.call('awards.saveItem', { name: 'Gerobak', unit: 'unit', unitPrice: 2_000_000, supplier: '' }, op),
    );
    expectFailure(
      await api.call('awards.saveItem', { name: 'Gerobak', unit: 'unit', unitPrice: 2_000_000, supplier: '' }, viewer),
      'FORBIDDEN',
    );
    const eligible = expectOk<Page<EligibleFamily>>(await api.call('awards.eligible', { programId }, viewer));
    expect(eligible.items.map((f) => f.kpmId)).toEqual(kpmIds);
    const plan = { programId, kpmIds, package: { lines: [{ itemId: item.id, quantity: 2 }] }, businessType: 'Bakso' };
    expectFailure(await api.call('awards.plan', plan, viewer), 'FORBIDDEN');
    expect(expectOk(await api.call('awards.plan', plan, op))).toEqual({
      planned: 2,
      total: 8_000_000,
      remaining: 2_000_000,
    });
    const list = expectOk<Page<AwardRow>>(await api.call('awards.list', { programId }, viewer));
    expect(list.items.map((r) => r.packageText)).toEqual(['2 x Gerobak', '2 x Gerobak']);
    const ids = list.items.map((r) => r.id);
    expectFailure(await api.call('awards.approve', { awardIds: ids }, op), 'FORBIDDEN');
    expect(expectOk(await api.call('awards.approve', { awardIds: ids }, boss))).toEqual({ approved: 2 });
    const detail = expectOk<AwardDetail>(await api.call('awards.get', { id: ids[0] }, viewer));
    expect(detail).toMatchObject({ stage: 'approved', approvedByName: pimpinan.username, lines: [{ quantity: 2 }] });
    const family = expectOk<AwardRow[]>(await api.call('awards.forFamily', { kpmId: kpmIds[1] }, viewer));
    expect(family).toHaveLength(1);
    const summary = expectOk<ProgramSummary>(await api.call('awards.program', { id: programId }, viewer));
    expect(summary).toMatchObject({ approved: 8_000_000, remaining: 2_000_000 });
    const programs = expectOk<ProgramSummary[]>(await api.call('awards.programs', { year: 2026 }, viewer));
    expect(programs.map((p) => p.id)).toEqual([programId]);
    expectFailure(await api.call('awards.cancel', { awardId: ids[0], reason: 'x' }, op), 'INVALID_INPUT', undefined, {
      reason: /paling sedikit 5 karakter/,
    });
  });
});
