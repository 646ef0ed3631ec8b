import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/open';
import { contract, type MethodName } from '../../main/api/contract';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { GRADUATION_DUTIES } from '../../main/domain/decision';
import { ROLES } from '../../main/domain/enums';
import { expectFailure } from '../support/errors';
import { ADMIN } from '../support/office';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let api: Dispatcher;
let session: string;

beforeEach(async () => {
  ({ db } = await setUpOffice());
  api = createDispatcher(db, () => {});
  const login = await api.call('auth.login', { username: 'admin', password: ADMIN.password }, null);
  if (!login.ok) throw new Error(login.error.message);
  session = (login.value as { sessionToken: string }).sessionToken;
});
afterEach(() => {
  vi.restoreAllMocks();
  db.$client.close();
});

const kpmCount = () => (db.$client.prepare('SELECT count(*) AS n FROM kpm').get() as { n: number }).n;

describe('the contract', () => {
  it('states who may call every method: public, or a non-empty list of roles', () => {
    const unstated = Object.entries(contract)
      .filter(([, spec]) => !spec.public && spec.roles.length === 0)
      .map(([name]) => name);
    expect(unstated).toEqual([]);
    for (const spec of Object.values(contract)) for (const role of spec.roles) expect(ROLES).toContain(role);
  });

  it('refuses invalid input with field messages before any handler runs', async () => {
    const spy = vi.spyOn(handlers, 'kpm.create');
    const result = await api.call('kpm.create', { ...familyInput(), nik: '12345', members: [{ nama: '' }] }, session);
    expectFailure(result, 'INVALID_INPUT', undefined, {
      nik: /16 digit/,
      'members.0.nama': /wajib diisi/,
      'members.0.hubungan': /\S/,
    });
    expect(spy).not.toHaveBeenCalled();
    expect(kpmCount()).toBe(0);
  });

  it('keeps the specific message of an optional identity number and refuses impossible dates', async () => {
    const result = await api.call(
      'kpm.create',
      {
        ...familyInput(),
        tanggalLahir: '1985-02-31',
        members: [{ nik: '12345', nama: 'A', hubungan: 'anak', jenisKelamin: 'L' }],
      },
      session,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: {
          'members.0.nik': expect.stringMatching(/16 digit/),
          tanggalLahir: 'Tanggal lahir bukan tanggal yang ada di kalender.',
        },
      },
    });
    const blank = await api.call(
      'kpm.create',
      { ...familyInput(), members: [{ nik: '  ', nama: 'Bayi', hubungan: 'anak', jenisKelamin: 'L' }] },
      session,
    );
    expect(blank).toMatchObject({ ok: true });
  });

  it('speaks Indonesian even for input no form sends', async () => {
    const result = await api.call('kpm.get', { id: 'abc' }, session);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { id: expect.stringMatching(/tidak valid/) } },
    });
  });

  it('runs a valid call and returns its value', async () => {
    const result = await api.call('kpm.create', familyInput(), session);
    expect(result).toEqual({ ok: true, value: { status: 'saved', id: 1, warnings: [] } });
    expect(kpmCount()).toBe(1);
  });

  it('requires a session for non-public methods and a role for admin methods', async () => {
    expect(await api.call('kpm.search', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await api.call('kpm.search', {}, 'forged-token')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const created = await api.call(
      'users.create',
      { username: 'pimpinan1', fullName: 'Ibu Pimpinan', role: 'pimpinan', password: 'rahasia123' },
      session,
    );
    expect(created.ok).toBe(true);
    const login = await api.call('auth.login', { username: 'pimpinan1', password: 'rahasia123' }, null);
    const pimpinan = login.ok ? (login.value as { sessionToken: string }).sessionToken : '';
    expect(await api.call('users.list', {}, pimpinan)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.call('kpm.create', familyInput(), pimpinan)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await api.call('kpm.search', {}, pimpinan)).ok).toBe(true);
  });

  it('refuses a wrong password and an unknown method, and ends a session on logout', async () => {
    expect(await api.call('auth.login', { username: 'admin', password: 'salah-sekali' }, null)).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_FAILED' },
    });
    expect(await api.call('kpm.dropTable', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await api.call('auth.logout', {}, session)).toEqual({ ok: true, value: { done: true } });
    expect(await api.call('kpm.search', {}, session)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('hides internal errors behind an Indonesian message', async () => {
    const log = vi.fn();
    api = createDispatcher(db, log);
    vi.spyOn(handlers, 'setup.status').mockImplementation(() => {
      throw new Error('disk I/O error at /secret/path');
    });
    const result = await api.call('setup.status', {}, null);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada aplikasi. Coba lagi atau hubungi admin.' },
    });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/disk I\/O error/));
  });

  it('refuses a second setup', async () => {
    const result = await api.call('setup.complete', {}, null);
    expect(result.ok).toBe(false);
    expect(await api.call('setup.status', {}, null)).toEqual({ ok: true, value: { done: true } });
  });

  it('states who may call every method that backs up before it runs, so a refused call costs no copy', () => {
    const backedUp = Object.entries(contract).filter(([, spec]) => 'backupBefore' in spec && spec.backupBefore);
    expect(backedUp.map(([name]) => name).sort()).toEqual(['decision.decide', 'decision.reverse', 'import.commit']);
    for (const [name, spec] of backedUp) {
      expect(spec.roles.length, name).toBeGreaterThan(0);
      expect(spec.roles.length, name).toBeLessThan(ROLES.length);
    }
  });

  it('declares where each method answers: recovery mode and a forced password change read the method, not its name', () => {
    const where = (policy: (spec: (typeof contract)[MethodName]) => boolean) =>
      (Object.keys(contract) as MethodName[]).filter((name) => policy(contract[name])).sort();
    // Nobody can log in to a broken file: what answers in recovery mode is public.
    expect(where((spec) => spec.answersInRecovery)).toEqual(['database.recover', 'database.status']);
    expect(where((spec) => spec.answersInRecovery && !spec.public)).toEqual([]);
    // A temporary password opens nothing but the change of it, and the public methods (logging out).
    expect(where((spec) => spec.allowedBeforePasswordChange && !spec.public)).toEqual(['auth.changePassword']);
    expect(where((spec) => spec.public && !spec.allowedBeforePasswordChange)).toEqual([]);
  });

  it('states the roles of every graduation method from GRADUATION_DUTIES', () => {
    const methods = Object.entries(contract).filter(([name]) =>
      ['verification.', 'statement.', 'proposal.', 'decision.'].some((prefix) => name.startsWith(prefix)),
    );
    expect(methods.length).toBeGreaterThan(10);
    for (const [name, spec] of methods) expect(spec.roles.length, name).toBeGreaterThan(0);
    expect(contract['decision.decide'].roles).toEqual(GRADUATION_DUTIES.decide);
    expect(contract['decision.reverse'].roles).toEqual(GRADUATION_DUTIES.decide);
    expect(contract['verification.record'].roles).toEqual(GRADUATION_DUTIES.verify);
    expect(contract['proposal.submit'].roles).toEqual(GRADUATION_DUTIES.propose);
  });

  it('names who may call a method when it refuses a role', async () => {
    await api.call(
      'users.create',
      { username: 'operator1', fullName: 'Operator Uji', role: 'operator', password: 'rahasia123' },
      session,
    );
    const login = await api.call('auth.login', { username: 'operator1', password: 'rahasia123' }, null);
    const operator = login.ok ? (login.value as { sessionToken: string }).sessionToken : '';
    expectFailure(
      await api.call('decision.reverse', { decisionId: 1, reason: 'Salah' }, operator),
      'FORBIDDEN',
      /^Hanya administrator atau pimpinan yang dapat melakukan tindakan ini; Anda masuk sebagai operator\.$/,
    );
  });
});
