/** A new office's first steps on Beranda, each done when the data says so. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { GRADUATION_DUTIES } from '../../main/domain/decision';
import { AWARD_DUTIES, DOCUMENT_DUTIES, roleDutiesText } from '../../main/domain/duties';
import type { Actor } from '../../main/services/actor';
import { firstSteps } from '../../main/services/first-steps';
import { setTarget } from '../../main/services/graduation/targets';
import { createPendamping } from '../../main/services/pendamping';
import { insertFamily, userActor } from '../support/graduation';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

const done = (year: number) => Object.fromEntries(firstSteps(db, year).map((s) => [s.key, s.done]));

it('marks each step done from what is stored, in the order to do them', () => {
  expect(firstSteps(db, 2026).map((s) => s.key)).toEqual(['profile', 'users', 'pendamping', 'import', 'targets']);
  db.$client.prepare("UPDATE office SET phone = '', email = ''").run();
  expect(done(2026)).toEqual({ profile: false, users: false, pendamping: false, import: false, targets: false });

  db.$client.prepare("UPDATE office SET phone = '(0285) 421234', email = 'dinsos@contoh.go.id'").run();
  userActor(db, admin, 'operator', 'operator1');
  const p = createPendamping(db, admin, {
    name: 'Rina Marlina',
    nip: null,
    phone: '',
    districtCodes: [],
    active: true,
  });
  insertFamily(db, admin, 1);
  setTarget(db, admin, { year: 2026, pendampingId: p.id, mode: 'kpm', value: 5 });
  expect(done(2026)).toEqual({ profile: true, users: true, pendamping: true, import: true, targets: true });
  // Targets are per year.
  expect(done(2027).targets).toBe(false);
});

it('describes who decides, voids and approves from the duties tables', () => {
  for (const role of ['admin', 'operator', 'verifikator', 'pimpinan'] as const) {
    const text = roleDutiesText(role).toLowerCase();
    expect(text.includes('menetapkan dan membatalkan keputusan')).toBe(
      (GRADUATION_DUTIES.decide as readonly string[]).includes(role),
    );
    expect(text.includes('membatalkan surat')).toBe((DOCUMENT_DUTIES.void as readonly string[]).includes(role));
    expect(text.includes('menyetujui bantuan')).toBe((AWARD_DUTIES.approve as readonly string[]).includes(role));
  }
  expect(roleDutiesText('pimpinan')).toMatch(/^Menetapkan dan membatalkan keputusan graduasi/);
});
