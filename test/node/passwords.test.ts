import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { openDatabase } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import type { Actor } from '../../main/services/actor';
import { actorOf, createUser, setUserActive } from '../../main/services/auth';
import { login } from '../../main/services/login';
import { changeOwnPassword, resetPassword } from '../../main/services/passwords';
import { runCli } from '../support/cli';
import { NO_WAIT } from '../support/clock';
import { appErrorOfAsync } from '../support/errors';
import { ADMIN } from '../support/office';
import { setUpOffice } from './helpers';

let db: Db;
let file: string;
let admin: Actor;
let api: Dispatcher;

beforeEach(async () => {
  ({ db, file, admin } = await setUpOffice());
  api = createDispatcher(db, () => {}, { clock: NO_WAIT });
});
afterEach(() => {
  if (db.$client.open) db.$client.close();
});

const OPERATOR = {
  username: 'operator1',
  fullName: 'Operator Satu',
  role: 'operator' as const,
  password: 'sandi-awal-1',
};

const appError = appErrorOfAsync;
const signIn = (username: string, password: string) => login(db, { username, password }, NO_WAIT);

const auditOf = (userId: number) =>
  db.$client
    .prepare(
      "SELECT action, username, summary, before, after FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id",
    )
    .all(userId) as {
    action: string;
    username: string;
    summary: string;
    before: string | null;
    after: string | null;
  }[];

async function sessionOf(username: string, password: string): Promise<string> {
  const result = await api.call('auth.login', { username, password }, null);
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { sessionToken: string }).sessionToken;
}

describe('changing one own password', () => {
  it('needs the old password, then logs in with the new one only, audited without the password', async () => {
    const user = await createUser(db, admin, OPERATOR);
    const wrongOld = await appError(() =>
      changeOwnPassword(db, actorOf(user), {
        oldPassword: 'bukan-sandinya',
        newPassword: 'sandi-baru-22',
        newPasswordConfirm: 'sandi-baru-22',
      }),
    );
    expect(wrongOld.fields).toEqual({ oldPassword: 'Kata sandi lama salah.' });
    expect((await signIn(OPERATOR.username, OPERATOR.password)).id).toBe(user.id);

    await changeOwnPassword(db, actorOf(user), {
      oldPassword: OPERATOR.password,
      newPassword: 'sandi-baru-22',
      newPasswordConfirm: 'sandi-baru-22',
    });
    expect((await signIn(OPERATOR.username, 'sandi-baru-22')).id).toBe(user.id);
    expect((await appError(() => signIn(OPERATOR.username, OPERATOR.password))).code).toBe('LOGIN_FAILED');

    const audit = auditOf(user.id).at(-1);
    expect(audit).toMatchObject({ action: 'change_password', username: 'operator1' });
    expect(JSON.stringify(auditOf(user.id))).not.toMatch(/sandi-baru-22|sandi-awal-1|scrypt/);
  });

  it('refuses through the contract a short password, a repeat that differs and the same password again', async () => {
    await createUser(db, admin, OPERATOR);
    const session = await sessionOf(OPERATOR.username, OPERATOR.password);
    const attempt = (newPassword: string, newPasswordConfirm = newPassword) =>
      api.call('auth.changePassword', { oldPassword: OPERATOR.password, newPassword, newPasswordConfirm }, session);
    expect(await attempt('pendek')).toMatchObject({
      ok: false,
      error: { fields: { newPassword: 'Kata sandi minimal 8 karakter.' } },
    });
    expect(await attempt('sandi-baru-22', 'sandi-baru-23')).toMatchObject({
      ok: false,
      error: { fields: { newPasswordConfirm: 'Ulangi kata sandi baru yang sama persis.' } },
    });
    expect(await attempt(OPERATOR.password)).toMatchObject({
      ok: false,
      error: { fields: { newPassword: 'Kata sandi baru harus berbeda dari yang lama.' } },
    });
    expect((await signIn(OPERATOR.username, OPERATOR.password)).username).toBe('operator1');
  });
});

describe('an administrator resets a password', () => {
  it('sets a temporary password the user must change; nothing else is allowed until then', async () => {
    const user = await createUser(db, admin, OPERATOR);
    const adminSession = await sessionOf(ADMIN.username, ADMIN.password);
    const reset = await api.call('users.resetPassword', { id: user.id }, adminSession);
    if (!reset.ok) throw new Error(reset.error.message);
    const { temporaryPassword } = reset.value as { temporaryPassword: string };
    expect(temporaryPassword).toMatch(/^[a-z2-9]{10}$/);
    expect((await appError(() => signIn(OPERATOR.username, OPERATOR.password))).code).toBe('LOGIN_FAILED');

    const session = await sessionOf(OPERATOR.username, temporaryPassword);
    for (const method of ['kpm.search', 'pendamping.list', 'office.get', 'regions.districts']) {
      expect(await api.call(method, {}, session)).toMatchObject({
        ok: false,
        error: { code: 'PASSWORD_CHANGE_REQUIRED' },
      });
    }
    expect(await api.call('auth.session', {}, session)).toMatchObject({
      ok: true,
      value: { user: { username: 'operator1', mustChangePassword: true } },
    });

    const changed = await api.call(
      'auth.changePassword',
      { oldPassword: temporaryPassword, newPassword: 'pilihan-sendiri-9', newPasswordConfirm: 'pilihan-sendiri-9' },
      session,
    );
    expect(changed).toMatchObject({ ok: true, value: { user: { mustChangePassword: false } } });
    expect(await api.call('kpm.search', {}, session)).toMatchObject({ ok: true });
    expect(auditOf(user.id).map((a) => [a.action, a.username])).toEqual([
      ['create', 'admin'],
      ['reset_password', 'admin'],
      ['change_password', 'operator1'],
    ]);
    expect(JSON.stringify(auditOf(user.id))).not.toContain(temporaryPassword);
  });

  it('ends an open session of that user (someone may be using the old password)', async () => {
    const user = await createUser(db, admin, OPERATOR);
    const session = await sessionOf(OPERATOR.username, OPERATOR.password);
    expect(await api.call('kpm.search', {}, session)).toMatchObject({ ok: true });
    await resetPassword(db, admin, user.id);
    expect(await api.call('kpm.search', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/kata sandinya diganti/) },
    });
    expect(await api.call('auth.logout', {}, session)).toMatchObject({ ok: true });
  });

  it('is for administrators only, and not for their own password', async () => {
    const user = await createUser(db, admin, OPERATOR);
    const session = await sessionOf(OPERATOR.username, OPERATOR.password);
    expect(await api.call('users.resetPassword', { id: admin.id }, session)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await appError(() => resetPassword(db, admin, admin.id as number))).code).toBe('CONFLICT');
    expect((await appError(() => resetPassword(db, actorOf(user), admin.id as number))).code).toBe('FORBIDDEN');
    expect((await signIn(ADMIN.username, ADMIN.password)).mustChangePassword).toBe(false);
  });
});

describe('a forgotten administrator password', () => {
  const cli = runCli;

  it('is reset from the command line with a printed temporary password, and the account is active again', async () => {
    const other = await createUser(db, admin, { ...OPERATOR, username: 'admin2', role: 'admin' });
    setUserActive(db, actorOf(other), admin.id as number, false);
    db.$client.close();

    const result = await cli('reset-password', 'ADMIN', '--db', file);
    expect(result.code).toBe(0);
    const temporary = /Kata sandi sementara: (\S+)/.exec(result.stdout)?.[1];
    expect(temporary).toMatch(/^[a-z2-9]{10}$/);

    db = openDatabase(file);
    const user = await signIn('admin', temporary as string);
    expect(user).toMatchObject({ active: true, mustChangePassword: true });
    expect(auditOf(user.id).at(-1)).toMatchObject({
      action: 'reset_password',
      username: 'sistem',
      summary:
        'Kata sandi pengguna admin diatur ulang lewat baris perintah dan akunnya diaktifkan; wajib diganti saat masuk',
    });
  });

  it('names an unknown user and leaves the database alone', async () => {
    db.$client.close();
    const result = await cli('reset-password', 'tidakada', '--db', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pengguna "tidakada" tidak ditemukan.');
    db = openDatabase(file);
    expect((await signIn(ADMIN.username, ADMIN.password)).mustChangePassword).toBe(false);
  });
});
