import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { DEFAULT_YEARLY_BENEFIT, type Komponen } from '../../main/domain/komponen';
import type { Actor } from '../../main/services/actor';
import { createKpm, getBenefitAmounts, getKpm } from '../../main/services/kpm';
import { updateBenefitAmounts, updateOffice } from '../../main/services/settings';
import { getOffice } from '../../main/services/setup';
import { expectAppError, expectFailure, expectOk } from '../support/errors';
import { ADMIN, officeProfile } from '../support/office';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let api: Dispatcher;
let session: string;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  api = createDispatcher(db, () => {});
  session = expectOk<{ sessionToken: string }>(
    await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null),
  ).sessionToken;
});
afterEach(() => db.$client.close());

const operator: () => Actor = () => ({ ...admin, id: 99, username: 'operator', role: 'operator' });

interface AuditRow {
  username: string;
  action: string;
  entity: string;
  entity_id: number | null;
  summary: string;
  before: string | null;
  after: string | null;
}
const auditOf = (entity: string) =>
  db.$client.prepare('SELECT * FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as AuditRow[];
const storedAmounts = () =>
  Object.fromEntries(
    (
      db.$client.prepare('SELECT komponen, yearly FROM benefit_amounts').all() as { komponen: string; yearly: number }[]
    ).map((r) => [r.komponen, r.yearly]),
  );

const RAISED: Record<Komponen, number> = { ...DEFAULT_YEARLY_BENEFIT, anak_sd: 1_000_000, anak_sma: 2_200_000 };

describe('benefit amounts', () => {
  it('are stored with an audit of before and after, and change a family benefit at once', () => {
    const saved = createKpm(db, admin, familyInput());
    if (saved.status !== 'saved') throw new Error('family not saved');
    expect(getKpm(db, saved.id).benefit.yearlyTotal).toBe(2_900_000); // SMA 2.000.000 + SD 900.000

    expect(updateBenefitAmounts(db, admin, RAISED)).toEqual(RAISED);

    expect(storedAmounts()).toEqual(RAISED);
    expect(getBenefitAmounts(db)).toEqual(RAISED);
    expect(getKpm(db, saved.id).benefit.yearlyTotal).toBe(3_200_000);
    const audit = auditOf('settings');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'admin', action: 'update' });
    expect(JSON.parse(audit[0].before ?? 'null')).toEqual(DEFAULT_YEARLY_BENEFIT);
    expect(JSON.parse(audit[0].after ?? 'null')).toEqual(RAISED);
  });

  it('only an administrator may change them; nothing is stored or audited otherwise', () => {
    expectAppError(() => updateBenefitAmounts(db, operator(), RAISED), 'FORBIDDEN', /hak akses/);
    expect(storedAmounts()).toEqual(DEFAULT_YEARLY_BENEFIT);
    expect(auditOf('settings')).toEqual([]);
  });

  it.each([
    ['a negative amount', -1],
    ['a fraction of a rupiah', 900_000.5],
    ['an absurd amount', 100_000_001],
  ])('refuses %s at the contract with a message at its field', async (_case, anakSd) => {
    const result = await api.call(
      'settings.updateBenefitAmounts',
      { amounts: { ...DEFAULT_YEARLY_BENEFIT, anak_sd: anakSd } },
      session,
    );
    const error = expectFailure(result, 'INVALID_INPUT');
    expect(Object.keys(error.fields ?? {})).toEqual(['amounts.anak_sd']);
    expect(storedAmounts()).toEqual(DEFAULT_YEARLY_BENEFIT);
    expect(auditOf('settings')).toEqual([]);
  });

  it('accepts a valid change through the contract', async () => {
    const result = await api.call('settings.updateBenefitAmounts', { amounts: RAISED }, session);
    expect(expectOk(result)).toEqual(RAISED);
    expect(expectOk(await api.call('settings.benefitAmounts', {}, session))).toEqual(RAISED);
  });
});

describe('office profile', () => {
  const changed = {
    ...officeProfile(),
    agencyName: 'Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kota Pekalongan',
    address: 'Jl. Sriwijaya No. 44, Pekalongan',
    headName: 'Ir. BAMBANG SUTRISNO, M.M.',
    headNip: '196805121994031006',
    logo: 'data:image/png;base64,iVBORw0KGgo=',
  };

  it('is updated with an audit that leaves the logo bytes out', () => {
    const { regencyCode: _fixed, ...input } = changed;
    const after = updateOffice(db, admin, input);

    expect(after).toMatchObject({ agencyName: changed.agencyName, headNip: '196805121994031006' });
    expect(getOffice(db)).toMatchObject({
      agencyName: changed.agencyName,
      address: changed.address,
      headName: changed.headName,
      logo: changed.logo,
      regencyCode: '3375',
      regencyName: 'Kota Pekalongan',
    });
    const audit = auditOf('office').filter((a) => a.action === 'update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before ?? 'null')).toMatchObject({ headName: officeProfile().headName, logo: null });
    expect(JSON.parse(audit[0].after ?? 'null')).toMatchObject({ headName: changed.headName, logo: '(gambar)' });
  });

  it('keeps its kabupaten/kota: the regions were loaded for it', async () => {
    const result = await api.call('office.update', { ...changed, regencyCode: '3201' }, session);
    expect(expectOk(result)).toMatchObject({ regencyCode: '3375', agencyName: changed.agencyName });
    expect(getOffice(db)?.regencyCode).toBe('3375');
  });

  it('refuses a wrong NIP or an empty name at their fields and stores nothing', async () => {
    const result = await api.call('office.update', { ...changed, headNip: '12345', agencyName: '  ' }, session);
    expectFailure(result, 'INVALID_INPUT', undefined, { headNip: /NIP/, agencyName: /Nama instansi/ });
    expect(getOffice(db)?.agencyName).toBe(officeProfile().agencyName);
    expect(auditOf('office').filter((a) => a.action === 'update')).toEqual([]);
  });

  it('only an administrator may change it', () => {
    const { regencyCode: _fixed, ...input } = changed;
    expectAppError(() => updateOffice(db, operator(), input), 'FORBIDDEN');
    expect(getOffice(db)?.agencyName).toBe(officeProfile().agencyName);
  });
});
