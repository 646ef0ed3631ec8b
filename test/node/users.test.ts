import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import type { Actor } from '../../main/services/actor';
import { actorOf, createUser, getUser, setUserActive } from '../../main/services/auth';
import { login } from '../../main/services/login';
import { NO_WAIT } from '../support/clock';
import { expectAppError, expectAppErrorAsync, expectFailure, expectOk } from '../support/errors';
import { ADMIN } from '../support/office';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let api: Dispatcher;

const OPERATOR = {
  username: 'operator1',
  fullName: 'Dewi Operator',
  role: 'operator' as const,
  password: 'operator123',
};

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  api = createDispatcher(db, () => {}, { clock: NO_WAIT });
});
afterEach(() => db.$client.close());

async function sessionOf(username: string, password: string): Promise<string> {
  return expectOk<{ sessionToken: string }>(await api.call('auth.login', { username, password }, null)).sessionToken;
}

const userAudit = (userId: number) =>
  db.$client
    .prepare("SELECT username, action, summary, before, after FROM audit_log WHERE entity = 'user' AND entity_id = ?")
    .all(userId) as { username: string; action: string; summary: string; before: string | null; after: string }[];

describe('deactivating and reactivating a user', () => {
  it('a deactivated user cannot log in and their open session stops working', async () => {
    const operator = await createUser(db, admin, OPERATOR);
    const session = await sessionOf(OPERATOR.username, OPERATOR.password);
    expectOk(await api.call('kpm.search', {}, session));

    const after = setUserActive(db, admin, operator.id, false);

    expect(after.active).toBe(false);
    expect(getUser(db, operator.id)?.active).toBe(false);
    expectFailure(await api.call('kpm.search', {}, session), 'UNAUTHENTICATED', /Sesi Anda berakhir/);
    expectFailure(await api.call('auth.session', {}, session), 'UNAUTHENTICATED', /dinonaktifkan/);
    await expectAppErrorAsync(() => login(db, OPERATOR, NO_WAIT), 'LOGIN_FAILED', /akun tidak aktif/);
    expectFailure(
      await api.call('auth.login', { username: OPERATOR.username, password: OPERATOR.password }, null),
      'LOGIN_FAILED',
    );
    expect(userAudit(operator.id).map((a) => a.action)).toEqual(['create', 'deactivate']);
    const deactivation = userAudit(operator.id)[1];
    expect(deactivation).toMatchObject({ username: 'admin', summary: 'Pengguna operator1 dinonaktifkan' });
    expect(JSON.parse(deactivation.before ?? 'null')).toMatchObject({ active: true });
    expect(JSON.parse(deactivation.after)).toMatchObject({ active: false });
  });

  it('reactivation lets the user log in again', async () => {
    const operator = await createUser(db, admin, OPERATOR);
    setUserActive(db, admin, operator.id, false);
    expect(setUserActive(db, admin, operator.id, true).active).toBe(true);

    expect(await login(db, OPERATOR, NO_WAIT)).toMatchObject({ id: operator.id, active: true });
    const session = await sessionOf(OPERATOR.username, OPERATOR.password);
    expectOk(await api.call('kpm.search', {}, session));
    expect(userAudit(operator.id).map((a) => a.action)).toEqual(['create', 'deactivate', 'activate']);
  });

  it('an administrator cannot deactivate their own account', async () => {
    expectAppError(() => setUserActive(db, admin, admin.id!, false), 'CONFLICT', /akun Anda sendiri/);
    expect(getUser(db, admin.id!)?.active).toBe(true);
    expect((await login(db, ADMIN, NO_WAIT)).id).toBe(admin.id);
  });

  it('only an administrator may do it, through the contract too', async () => {
    const operator = await createUser(db, admin, OPERATOR);
    const other = await createUser(db, admin, { ...OPERATOR, username: 'operator2' });
    expectAppError(() => setUserActive(db, actorOf(operator), other.id, false), 'FORBIDDEN');

    const session = await sessionOf(OPERATOR.username, OPERATOR.password);
    expectFailure(await api.call('users.setActive', { id: other.id, active: false }, session), 'FORBIDDEN');
    expect(getUser(db, other.id)?.active).toBe(true);
    expect(userAudit(other.id).map((a) => a.action)).toEqual(['create']);
  });

  it('an unknown user is reported as not found and nothing is audited', async () => {
    expectAppError(() => setUserActive(db, admin, 999, false), 'NOT_FOUND', /Pengguna tidak ditemukan/);
    const session = await sessionOf(ADMIN.username, ADMIN.password);
    expectFailure(await api.call('users.setActive', { id: 999, active: true }, session), 'NOT_FOUND');
    expect(userAudit(999)).toEqual([]);
  });
});
