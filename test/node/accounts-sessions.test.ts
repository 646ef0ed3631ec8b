/** Sessions end after the idle time of the settings, and on deactivation or password change. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import type { Actor } from '../../main/services/actor';
import { createUser, setUserActive } from '../../main/services/auth';
import { resetPasswordByUsername } from '../../main/services/passwords';
import { updateSecuritySettings } from '../../main/services/security-settings';
import { type FakeClock, fakeClock } from '../support/clock';
import { expectFailure, expectOk } from '../support/errors';
import { ADMIN } from '../support/office';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let clock: FakeClock;
let api: Dispatcher;

const OPERATOR = {
  username: 'operator1',
  fullName: 'Dewi Operator',
  role: 'operator' as const,
  password: 'operator123',
};
const MINUTE = 60_000;
const IDLE_30 = 'Sesi Anda berakhir karena tidak ada aktivitas selama 30 menit. Silakan masuk kembali.';
const REVOKED = /akun Anda dinonaktifkan atau kata sandinya diganti/;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  clock = fakeClock();
  api = createDispatcher(db, () => {}, { clock });
});
afterEach(() => db.$client.close());

async function sessionOf(username: string, password: string): Promise<string> {
  return expectOk<{ sessionToken: string }>(await api.call('auth.login', { username, password }, null)).sessionToken;
}

describe('an idle session', () => {
  it('stays alive while used and ends after 30 minutes without a call, saying why', async () => {
    const session = await sessionOf(ADMIN.username, ADMIN.password);
    clock.advance(29 * MINUTE);
    expectOk(await api.call('kpm.search', {}, session));
    // Each call counts as activity: 58 minutes after login, 29 after the last call.
    clock.advance(29 * MINUTE);
    expectOk(await api.call('kpm.search', {}, session));
    clock.advance(30 * MINUTE + 1000);
    expectFailure(await api.call('kpm.search', {}, session), 'UNAUTHENTICATED', IDLE_30);
    // Every later call of that screen says the same, and so does auth.session (the renderer's start).
    expectFailure(await api.call('office.get', {}, session), 'UNAUTHENTICATED', IDLE_30);
    expectFailure(await api.call('auth.session', {}, session), 'UNAUTHENTICATED', IDLE_30);
    // Public methods still answer, and a new login works.
    expect(expectOk(await api.call('setup.status', {}, session))).toEqual({ done: true });
    const again = await sessionOf(ADMIN.username, ADMIN.password);
    expectOk(await api.call('kpm.search', {}, again));
  });

  it('follows the setting of the session length', async () => {
    updateSecuritySettings(db, admin, { sessionIdleMinutes: 10, fullNikRoles: ['admin'] });
    const session = await sessionOf(ADMIN.username, ADMIN.password);
    clock.advance(10 * MINUTE + 1000);
    expectFailure(
      await api.call('kpm.search', {}, session),
      'UNAUTHENTICATED',
      'Sesi Anda berakhir karena tidak ada aktivitas selama 10 menit. Silakan masuk kembali.',
    );
  });

  it('without a session a private method says only that the session ended', async () => {
    expectFailure(
      await api.call('kpm.search', {}, null),
      'UNAUTHENTICATED',
      'Sesi Anda berakhir. Silakan masuk kembali.',
    );
    expect(expectOk(await api.call('auth.session', {}, null))).toBeNull();
  });
});

describe('revoking sessions', () => {
  it('a deactivated user’s session ends and does not come back when they are reactivated', async () => {
    const operator = await createUser(db, admin, OPERATOR);
    const session = await sessionOf(OPERATOR.username, OPERATOR.password);
    expectOk(await api.call('kpm.search', {}, session));

    setUserActive(db, admin, operator.id, false);
    expectFailure(await api.call('kpm.search', {}, session), 'UNAUTHENTICATED', REVOKED);
    setUserActive(db, admin, operator.id, true);
    expectFailure(await api.call('kpm.search', {}, session), 'UNAUTHENTICATED', REVOKED);

    const fresh = await sessionOf(OPERATOR.username, OPERATOR.password);
    expectOk(await api.call('kpm.search', {}, fresh));
  });

  it('a password change keeps the session that made it and ends the user’s other sessions', async () => {
    await createUser(db, admin, OPERATOR);
    const here = await sessionOf(OPERATOR.username, OPERATOR.password);
    const elsewhere = await sessionOf(OPERATOR.username, OPERATOR.password);
    const adminSession = await sessionOf(ADMIN.username, ADMIN.password);

    expectOk(
      await api.call(
        'auth.changePassword',
        { oldPassword: OPERATOR.password, newPassword: 'sandi-baru-77', newPasswordConfirm: 'sandi-baru-77' },
        here,
      ),
    );
    expectOk(await api.call('kpm.search', {}, here));
    expectFailure(await api.call('kpm.search', {}, elsewhere), 'UNAUTHENTICATED', REVOKED);
    // Another user's session is not touched.
    expectOk(await api.call('kpm.search', {}, adminSession));
  });

  it('a reset from the command line ends the sessions of that account', async () => {
    const session = await sessionOf(ADMIN.username, ADMIN.password);
    await resetPasswordByUsername(db, admin, ADMIN.username);
    expectFailure(await api.call('kpm.search', {}, session), 'UNAUTHENTICATED', REVOKED);
  });

  it('stores when the credentials changed', async () => {
    const operator = await createUser(db, admin, OPERATOR);
    expect(operator.credentialsChangedAt).toBeNull();
    const changedAt = () =>
      (
        db.$client.prepare('SELECT credentials_changed_at AS at FROM users WHERE id = ?').get(operator.id) as {
          at: string | null;
        }
      ).at;
    setUserActive(db, admin, operator.id, false);
    const deactivated = changedAt();
    expect(deactivated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    setUserActive(db, admin, operator.id, true);
    expect(changedAt()).toBe(deactivated);
  });
});
