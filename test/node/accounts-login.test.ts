/** Login: async scrypt (old hashes still work), login throttling per username and source, audit. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import type { Actor } from '../../main/services/actor';
import { hashPassword, verifyPassword } from '../../main/services/auth';
import { login } from '../../main/services/login';
import { type FakeClock, fakeClock } from '../support/clock';
import { expectAppErrorAsync, expectFailure, expectOk } from '../support/errors';
import { FIXTURE_PASSWORD, userActor } from '../support/graduation';
import { ADMIN } from '../support/office';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let clock: FakeClock;
let api: Dispatcher;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  clock = fakeClock(new Date('2026-11-30T08:00:00Z'));
  api = createDispatcher(db, () => {}, { clock });
});
afterEach(() => db.$client.close());

const MINUTE = 60_000;
const LOCKED = /Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam 15 menit\./;

const attempt = (username: string, password: string, source = 'lokal') =>
  login(db, { username, password, source }, clock);
const wrong = (username = ADMIN.username, source = 'lokal') =>
  expectAppErrorAsync(() => attempt(username, 'salah-sekali', source), 'LOGIN_FAILED');

const throttleRows = () =>
  db.$client.prepare('SELECT key, failures, locked_until AS lockedUntil FROM login_throttle ORDER BY key').all() as {
    key: string;
    failures: number;
    lockedUntil: string | null;
  }[];

const sessionAudit = () =>
  db.$client
    .prepare(
      "SELECT action, entity, entity_id AS entityId, username, summary, after FROM audit_log WHERE action IN ('login', 'login_failed', 'logout', 'lock') ORDER BY id",
    )
    .all() as {
    action: string;
    entity: string;
    entityId: number | null;
    username: string;
    summary: string;
    after: string;
  }[];

describe('password hashing', () => {
  it('keeps the stored format, and a hash made by the earlier synchronous code still verifies', async () => {
    const stored = await hashPassword('kata-sandi-baru');
    expect(stored).toMatch(/^scrypt\$16384\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{88}$/);
    expect(await verifyPassword('kata-sandi-baru', stored)).toBe(true);
    expect(await verifyPassword('kata-sandi-lain', stored)).toBe(false);

    // userActor stores a hash made with scryptSync before this change (test/support/graduation.ts).
    const operator = userActor(db, admin, 'operator', 'operator_lama');
    expect((await attempt('operator_lama', FIXTURE_PASSWORD)).id).toBe(operator.id);
  });

  it('lets other work run while a password is being checked', async () => {
    const stored = await hashPassword('kata-sandi-baru');
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    const checks = await Promise.all([1, 2, 3, 4].map(() => verifyPassword('kata-sandi-baru', stored)));
    clearInterval(ticking);
    expect(checks).toEqual([true, true, true, true]);
    // With scryptSync the timer could not fire until every check was done.
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('login throttling', () => {
  it('slows each failure more, holds the username after 5 for 15 minutes, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) await wrong();
    expect(clock.pauses).toEqual([500, 1000, 2000, 4000, 8000]);
    // Even the right password is refused while the username is held, without checking it.
    await expectAppErrorAsync(() => attempt(ADMIN.username, ADMIN.password), 'LOGIN_LOCKED', LOCKED);
    expect(throttleRows().find((r) => r.key === 'user:admin')).toMatchObject({
      failures: 5,
      lockedUntil: '2026-11-30T08:15:00.000Z',
    });

    clock.advance(14 * MINUTE + 30_000);
    await expectAppErrorAsync(() => attempt(ADMIN.username, ADMIN.password), 'LOGIN_LOCKED', /Coba lagi dalam 1 menit/);
    clock.advance(30_000);
    expect((await attempt(ADMIN.username, ADMIN.password)).username).toBe('admin');
    expect(throttleRows().find((r) => r.key === 'user:admin')).toBeUndefined();
  });

  it('holds one username only: another user from the same PC still logs in', async () => {
    const operator = userActor(db, admin, 'operator', 'operator1');
    for (let i = 0; i < 5; i++) await wrong();
    expect((await attempt('operator1', FIXTURE_PASSWORD)).id).toBe(operator.id);
    await expectAppErrorAsync(() => attempt('ADMIN', ADMIN.password), 'LOGIN_LOCKED');
  });

  it('a success clears the username count', async () => {
    for (let i = 0; i < 4; i++) await wrong();
    await attempt(ADMIN.username, ADMIN.password);
    expect(throttleRows().find((r) => r.key === 'user:admin')).toBeUndefined();
    for (let i = 0; i < 4; i++) await wrong();
    expect((await attempt(ADMIN.username, ADMIN.password)).username).toBe('admin');
  });

  it('counts failures within 15 minutes only', async () => {
    for (let i = 0; i < 4; i++) await wrong();
    clock.advance(15 * MINUTE);
    for (let i = 0; i < 4; i++) await wrong();
    expect(throttleRows().find((r) => r.key === 'user:admin')?.failures).toBe(4);
    expect((await attempt(ADMIN.username, ADMIN.password)).username).toBe('admin');
  });

  it('slows a source after 20 failures over any usernames but never holds it: a colleague there still logs in', async () => {
    for (let i = 0; i < 20; i++) await wrong(`tebakan${i}`, '10.0.0.7');
    clock.pauses.length = 0;
    expect((await attempt(ADMIN.username, ADMIN.password, '10.0.0.7')).username).toBe('admin');
    expect(clock.pauses).toEqual([500]);
    await wrong('tebakan-lagi', '10.0.0.7');
    await wrong('tebakan-lagi2', '10.0.0.7');
    expect(clock.pauses.slice(1, 4)).toEqual([500, 500, 1000]);
    expect(throttleRows().find((r) => r.key === 'source:10.0.0.7')).toMatchObject({ failures: 22, lockedUntil: null });
    clock.pauses.length = 0;
    expect((await attempt(ADMIN.username, ADMIN.password, '10.0.0.8')).username).toBe('admin');
    expect(clock.pauses).toEqual([]);
  });

  it('counts guesses sent at the same time before checking them, so none slips past the limit', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => attempt(ADMIN.username, 'tebak-paralel')),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOGIN_LOCKED')).toHaveLength(7);
    expect(sessionAudit().filter((a) => a.action === 'login_failed')).toHaveLength(5);
  });

  it('treats an unknown username like a known one', async () => {
    for (let i = 0; i < 5; i++) await wrong('tidakada');
    await expectAppErrorAsync(() => attempt('tidakada', 'apa-saja-123'), 'LOGIN_LOCKED', LOCKED);
  });
});

describe('the audit of logins', () => {
  it('records login, failed login (username tried and source, never the password), hold and logout', async () => {
    const source = { source: '192.168.1.20' };
    for (let i = 0; i < 5; i++) {
      expectFailure(
        await api.call('auth.login', { username: 'Admin', password: `rahasia-${i}` }, null, source),
        'LOGIN_FAILED',
      );
    }
    clock.advance(15 * MINUTE);
    const session = expectOk<{ sessionToken: string }>(
      await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null, source),
    ).sessionToken;
    expectOk(await api.call('auth.logout', {}, session));

    const audit = sessionAudit();
    expect(audit.map((a) => [a.action, a.entity, a.username])).toEqual([
      ...Array.from({ length: 4 }, () => ['login_failed', 'session', 'admin']),
      ['login_failed', 'session', 'admin'],
      ['lock', 'user', 'admin'],
      ['login', 'session', 'admin'],
      ['logout', 'session', 'admin'],
    ]);
    expect(audit[0]).toMatchObject({ entityId: admin.id, summary: 'Gagal masuk sebagai admin (192.168.1.20)' });
    expect(JSON.parse(audit[0].after)).toEqual({ username: 'admin', source: '192.168.1.20' });
    expect(audit[5].summary).toBe('Nama pengguna admin ditahan 15 menit setelah 5 kali gagal masuk');
    expect(audit[6]).toMatchObject({ entityId: admin.id, summary: 'admin masuk (192.168.1.20)' });
    expect(JSON.stringify(audit)).not.toMatch(/rahasia-|admin12345|scrypt/);
  });

  it('names the source when a source begins to be slowed', async () => {
    for (let i = 0; i < 22; i++) await wrong(`tebakan${i}`, '10.0.0.9');
    const locks = sessionAudit().filter((a) => a.action === 'lock');
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({
      entity: 'session',
      entityId: null,
      summary: 'Percobaan masuk dari 10.0.0.9 diperlambat setelah 20 kali gagal',
    });
  });
});
