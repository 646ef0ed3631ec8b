/** One password rule for setup, user creation and the change of one's own password. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher, fieldErrors } from '../../main/api/dispatch';
import { passwordIsUsername } from '../../main/domain/password';
import { setupSchema, userCreateSchema } from '../../main/domain/schemas';
import { listUsers } from '../../main/services/auth';
import { NO_WAIT } from '../support/clock';
import { expectFailure, expectOk } from '../support/errors';
import { ADMIN, OFFICE } from '../support/office';
import { setUpOffice } from './helpers';

const user = (username: string, password: string) => ({
  username,
  fullName: 'Dewi Operator',
  role: 'operator',
  password,
});

/** The form's and the contract's field errors for a new user (empty when valid). */
function problems(username: string, password: string): Record<string, string> {
  const parsed = userCreateSchema.safeParse(user(username, password));
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe('the password rule', () => {
  it.each([
    ['pendek1', 'Kata sandi minimal 8 karakter.'],
    ['        ', 'Kata sandi tidak boleh hanya berisi spasi.'],
    ['\t \n    \t', 'Kata sandi tidak boleh hanya berisi spasi.'],
    ['operator1', 'Kata sandi tidak boleh sama dengan nama pengguna.'],
    ['OPERATOR1', 'Kata sandi tidak boleh sama dengan nama pengguna.'],
    [' Operator1 ', 'Kata sandi tidak boleh sama dengan nama pengguna.'],
  ])('refuses %j', (password, message) => {
    expect(problems('operator1', password)).toEqual({ password: message });
  });

  it.each(['operator1!', 'kata sandi panjang', '  spasi di tepi  ', '12345678'])('accepts %j', (password) => {
    expect(problems('operator1', password)).toEqual({});
  });

  it('compares with the username as stored (trimmed, lower case)', () => {
    expect(passwordIsUsername('Budi.Santoso', ' budi.santoso ')).toBe(true);
    expect(passwordIsUsername('budi.santoso2', 'budi.santoso')).toBe(false);
  });

  it('applies to the first administrator of the setup wizard', () => {
    const parsed = setupSchema.safeParse({
      office: OFFICE,
      admin: { username: 'kepala.seksi', fullName: 'Kepala Seksi', password: 'Kepala.Seksi' },
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(fieldErrors(parsed.error)).toEqual({
        'admin.password': 'Kata sandi tidak boleh sama dengan nama pengguna.',
      });
    }
  });
});

describe('the rule through the contract', () => {
  let db: Db;
  let api: Dispatcher;
  let session: string;

  beforeEach(async () => {
    ({ db } = await setUpOffice());
    api = createDispatcher(db, () => {}, { clock: NO_WAIT });
    session = expectOk<{ sessionToken: string }>(
      await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null),
    ).sessionToken;
  });
  afterEach(() => db.$client.close());

  it('refuses a new user whose password is the username, and stores nothing', async () => {
    expectFailure(await api.call('users.create', user('operator1', 'Operator1'), session), 'INVALID_INPUT', undefined, {
      password: 'Kata sandi tidak boleh sama dengan nama pengguna.',
    });
    expectFailure(await api.call('users.create', user('operator1', '         '), session), 'INVALID_INPUT', undefined, {
      password: 'Kata sandi tidak boleh hanya berisi spasi.',
    });
    expect(listUsers(db).map((u) => u.username)).toEqual(['admin']);
    expectOk(await api.call('users.create', user('operator1', 'operator-satu'), session));
  });

  it('refuses one’s own new password equal to one’s username, at the new password field', async () => {
    const before = db.$client.prepare("SELECT password_hash FROM users WHERE username = 'admin'").get();
    expectFailure(
      await api.call(
        'auth.changePassword',
        { oldPassword: ADMIN.password, newPassword: 'ADMIN   ', newPasswordConfirm: 'ADMIN   ' },
        session,
      ),
      'INVALID_INPUT',
      undefined,
      { newPassword: 'Kata sandi tidak boleh sama dengan nama pengguna.' },
    );
    expect(db.$client.prepare("SELECT password_hash FROM users WHERE username = 'admin'").get()).toEqual(before);
  });
});
