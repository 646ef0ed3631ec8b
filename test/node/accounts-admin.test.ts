/**
 * The administrator's account work: the warning before a login hold, lifting a hold, editing a user's name and
 * role (never demoting the last administrator), and a user's name checked like a family's name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { setupSchema } from '../../main/domain/schemas';
import type { Actor } from '../../main/services/actor';
import { login } from '../../main/services/login';
import { listHolds, releaseHold } from '../../main/services/login-holds';
import { updateUser } from '../../main/services/user-edit';
import { type FakeClock, fakeClock } from '../support/clock';
import { expectAppError, expectFailure, expectOk } from '../support/errors';
import { addPendamping, userActor } from '../support/graduation';
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

const failedMessage = async (username: string) => {
  try {
    await login(db, { username, password: 'salah-sekali', source: 'lokal' }, clock);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('logged in');
};
const audit = (action: string) =>
  db.$client.prepare('SELECT entity, entity_id AS entityId, summary FROM audit_log WHERE action = ?').all(action);

describe('login holds', () => {
  it('warns at the last try before the hold, says when it holds, and the administrator lifts it', async () => {
    const operator = userActor(db, admin, 'operator', 'operator1');
    const messages = [];
    for (let i = 0; i < 5; i++) messages.push(await failedMessage('operator1'));
    expect(messages.slice(0, 3).every((m) => !m.includes('ditahan'))).toBe(true);
    expect(messages[3]).toMatch(/Satu kali lagi salah, akun ditahan 15 menit\.$/);
    expect(messages[4]).toMatch(/Akun ditahan 15 menit\.$/);

    const holds = listHolds(db, clock.now());
    expect(holds).toEqual([expect.objectContaining({ key: 'user:operator1', username: 'operator1', failures: 5 })]);
    expectAppError(() => releaseHold(db, operator, 'user:operator1', clock.now()), 'FORBIDDEN');
    expect(releaseHold(db, admin, 'user:operator1', clock.now())).toEqual({ released: true });
    expect(listHolds(db, clock.now())).toEqual([]);
    expect(audit('unlock')).toEqual([
      { entity: 'user', entityId: operator.id, summary: 'Penahanan masuk nama pengguna operator1 dilepas' },
    ]);
    expect((await login(db, { username: 'operator1', password: 'rahasia123', source: 'lokal' }, clock)).id).toBe(
      operator.id,
    );
    expectAppError(() => releaseHold(db, admin, 'user:operator1', clock.now()), 'NOT_FOUND');
  });

  it('lists only holds still in force', async () => {
    for (let i = 0; i < 5; i++) await failedMessage('siapa');
    expect(listHolds(db, clock.now())).toHaveLength(1);
    clock.advance(16 * 60_000);
    expect(listHolds(db, clock.now())).toEqual([]);
  });
});

describe('editing a user', () => {
  it("changes the name and role with an audit, and never demotes the office's last administrator", () => {
    const operator = userActor(db, admin, 'operator', 'operator1');
    const changed = updateUser(db, admin, { id: operator.id as number, fullName: 'Rudi Hartono', role: 'verifikator' });
    expect(changed).toMatchObject({ fullName: 'Rudi Hartono', role: 'verifikator' });
    expect(audit('update')).toEqual([
      {
        entity: 'user',
        entityId: operator.id,
        summary:
          'Pengguna operator1 diubah: nama "Pengguna operator1" menjadi "Rudi Hartono", peran operator menjadi verifikator',
      },
    ]);
    expectAppError(
      () => updateUser(db, admin, { id: admin.id as number, fullName: 'Admin', role: 'operator' }),
      'CONFLICT',
      /satu-satunya administrator aktif/,
    );
    expectAppError(
      () => updateUser(db, operator, { id: operator.id as number, fullName: 'X', role: 'admin' }),
      'FORBIDDEN',
    );
    // With a second administrator the first may step down.
    updateUser(db, admin, { id: operator.id as number, fullName: 'Rudi Hartono', role: 'admin' });
    expect(updateUser(db, admin, { id: admin.id as number, fullName: 'Admin', role: 'operator' }).role).toBe(
      'operator',
    );
  });
});

describe("a user's name is a name", () => {
  it('refuses 900 KB, NUL, U+202E and zero-width characters on create, update and setup, at the field', async () => {
    const session = expectOk<{ sessionToken: string }>(
      await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null),
    ).sessionToken;
    const operator = userActor(db, admin, 'operator', 'operator1');
    const bad = ['A'.repeat(900_000), 'Budi\u0000', 'Budi\u202Eiduw', 'Bu\u200Bdi'];
    for (const fullName of bad) {
      const created = await api.call(
        'users.create',
        { username: 'baru1', fullName, role: 'operator', password: 'rahasia-panjang' },
        session,
      );
      expect(expectFailure(created, 'INVALID_INPUT').fields?.fullName).toMatch(/Nama lengkap/);
      const updated = await api.call('users.update', { id: operator.id, fullName, role: 'operator' }, session);
      expect(expectFailure(updated, 'INVALID_INPUT').fields?.fullName).toMatch(/Nama lengkap/);
      const setupAdmin = setupSchema.shape.admin.safeParse({
        username: 'admin2',
        fullName,
        password: 'rahasia-panjang',
      });
      expect(setupAdmin.success).toBe(false);
    }
    const ok = expectOk<{ fullName: string }>(
      await api.call('users.update', { id: operator.id, fullName: '  Rudi   Hartono ', role: 'operator' }, session),
    );
    expect(ok.fullName).toBe('Rudi Hartono');
    const stored = db.$client.prepare('SELECT full_name AS n FROM users').pluck().all() as string[];
    expect(stored.every((n) => n.length <= 100 && !/[\p{Cc}\p{Cf}]/u.test(n))).toBe(true);
  });
});

describe('a pendamping account', () => {
  it('needs its pendamping record, only for that role, one account per record, and editing moves the link', async () => {
    const session = expectOk<{ sessionToken: string }>(
      await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null),
    ).sessionToken;
    const rina = addPendamping(db, 'RINA');
    const dedi = addPendamping(db, 'DEDI');
    const create = (username: string, role: string, pendampingId?: number | null) =>
      api.call(
        'users.create',
        { username, fullName: 'Rina Marlina', role, pendampingId, password: 'rahasia-panjang' },
        session,
      );

    const unlinked = expectFailure(await create('rina', 'pendamping'), 'INVALID_INPUT');
    expect(unlinked.fields?.pendampingId).toBe('Pilih data pendamping untuk akun pendamping.');
    const linkedOperator = expectFailure(await create('rudi', 'operator', rina), 'INVALID_INPUT');
    expect(linkedOperator.fields?.pendampingId).toMatch(/Hanya akun berperan pendamping/);
    const missing = expectFailure(await create('rina', 'pendamping', 9999), 'INVALID_INPUT');
    expect(missing.fields?.pendampingId).toMatch(/tidak ditemukan/);

    const account = expectOk<{ id: number; pendampingId: number }>(await create('rina', 'pendamping', rina));
    expect(account.pendampingId).toBe(rina);
    const second = expectFailure(await create('rina2', 'pendamping', rina), 'DUPLICATE');
    expect(second.message).toMatch(/sudah ditautkan ke akun rina/);

    const moved = updateUser(db, admin, {
      id: account.id,
      fullName: 'Rina Marlina',
      role: 'pendamping',
      pendampingId: dedi,
    });
    expect(moved.pendampingId).toBe(dedi);
    // The Pengguna list names the record each account acts for.
    const listed = expectOk<{ username: string; pendampingName: string | null }[]>(
      await api.call('users.list', {}, session),
    );
    expect(listed.map((u) => [u.username, u.pendampingName])).toEqual([
      ['admin', null],
      ['rina', 'DEDI'],
    ]);
    expect(audit('update').at(-1)).toMatchObject({
      summary: expect.stringMatching(/data pendamping #\d+ menjadi #\d+/),
    });
    // Its own record again is no conflict with itself; leaving the role drops the link.
    expect(
      updateUser(db, admin, { id: account.id, fullName: 'Rina', role: 'pendamping', pendampingId: dedi }).pendampingId,
    ).toBe(dedi);
    expectAppError(
      () => updateUser(db, admin, { id: account.id, fullName: 'Rina', role: 'pendamping', pendampingId: null }),
      'INVALID_INPUT',
    );
    const operator = updateUser(db, admin, { id: account.id, fullName: 'Rina', role: 'operator' });
    expect(operator.pendampingId).toBeNull();
    expectOk(await create('rina2', 'pendamping', rina));
  });
});
