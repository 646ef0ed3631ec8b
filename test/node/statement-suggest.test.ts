/** The surat pernyataan form starts from what the registry knows about the family. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { todayIso } from '../../main/domain/format';
import type { Actor } from '../../main/services/actor';
import { recordStatement, suggestStatement } from '../../main/services/graduation/statements';
import { createPendamping } from '../../main/services/pendamping';
import { insertCandidate, insertFamily } from '../support/graduation';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

it("suggests the family's pendamping, its desa as the place, and the kepala desa last named for that desa", () => {
  const rina = createPendamping(db, admin, {
    name: 'Rina Marlina',
    nip: null,
    phone: '',
    districtCodes: [],
    active: true,
  });
  const first = insertFamily(db, admin, 1);
  const second = insertFamily(db, admin, 2);
  db.$client.prepare('UPDATE kpm SET pendamping_id = ? WHERE id = ?').run(rina.id, second);
  const a = insertCandidate(db, first, { kind: 'mandiri', reasons: ['usaha'] });
  const b = insertCandidate(db, second, { kind: 'mandiri', reasons: ['usaha'] });

  expect(suggestStatement(db, a)).toEqual({ witnessPendamping: '', witnessKepalaDesa: '', place: 'Medono' });
  recordStatement(db, admin, {
    candidateId: a,
    signedDate: todayIso(),
    witnessPendamping: 'Seseorang',
    witnessKepalaDesa: 'Slamet Riyadi',
    place: 'Medono',
  });
  expect(suggestStatement(db, b)).toEqual({
    witnessPendamping: 'Rina Marlina',
    witnessKepalaDesa: 'Slamet Riyadi',
    place: 'Medono',
  });
});
