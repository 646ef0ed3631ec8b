/**
 * One target figure: Beranda (progress.dashboard), Laporan (reports.area) and the Target page (progress.targets)
 * show the same targets, computed once in graduation/targets.ts, each with the same explanation, read through the
 * contract on one database. Kecamatan shares add up to their pendamping's targets (rounding each share on its own
 * made a total of 20 read as 21), and the report's total is the pendamping total Beranda shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { OutputOf } from '../../main/api/contract';
import { createDispatcher } from '../../main/api/dispatch';
import { targetSchema } from '../../main/domain/progress';
import { setTarget } from '../../main/services/graduation/targets';
import { expectOk } from '../support/errors';
import { addFamilies, addPendamping, decideGraduations } from '../support/graduation';
import { ADMIN } from '../support/office';
import { setUpOffice } from './helpers';

const KECAMATAN = ['337501', '337502', '337503'];

let db: Db;
let call: <M extends 'progress.dashboard' | 'progress.targets' | 'reports.area'>(
  method: M,
  input: unknown,
) => Promise<OutputOf<M>>;

beforeAll(async () => {
  const office = await setUpOffice();
  db = office.db;
  // Two pendamping cover the same three kecamatan (10 / 3 each); a third covers none.
  const rina = addPendamping(db, 'RINA', KECAMATAN);
  const dedi = addPendamping(db, 'DEDI', KECAMATAN);
  const sari = addPendamping(db, 'SARI');
  const families = addFamilies(db, { count: 40, pendampingId: rina, districtCode: KECAMATAN[0] });
  addFamilies(db, { count: 37, pendampingId: dedi, districtCode: KECAMATAN[1] });
  addFamilies(db, { count: 20, pendampingId: sari, districtCode: KECAMATAN[2] });
  decideGraduations(db, { kpmIds: families.slice(0, 4), skDate: '2026-03-02' });
  setTarget(db, office.admin, targetSchema.parse({ year: 2026, pendampingId: sari, mode: 'persen', value: 30 }));
  const api = createDispatcher(db, () => {});
  const login = await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
  const token = expectOk<{ sessionToken: string }>(login).sessionToken;
  call = async (method, input) => expectOk(await api.call(method, input, token));
});

describe('one target figure on every page', () => {
  it('gives the office and the pendamping total the same figure and explanation on Beranda, Laporan and Target', async () => {
    const dashboard = await call('progress.dashboard', { year: 2026 });
    const targets = await call('progress.targets', { year: 2026 });
    const byKecamatan = await call('reports.area', { year: 2026, group: 'kecamatan' });
    const byPendamping = await call('reports.area', { year: 2026, group: 'pendamping' });

    // RINA 10 and DEDI 10 by default, SARI 30% of 20 = 6.
    expect(targets.sumPendamping).toBe(26);
    expect(dashboard.office.sumPendamping).toBe(26);
    expect(byKecamatan.total.target).toBe(26);
    expect(byPendamping.total.target).toBe(26);
    expect(dashboard.office.sumPendampingHow).toBe('jumlah target 3 pendamping tahun 2026');
    expect(byPendamping.total.targetHow).toBe(dashboard.office.sumPendampingHow);
    expect(byKecamatan.total.targetHow).toBe(
      'jumlah target 3 pendamping tahun 2026; 6 KPM di antaranya dari pendamping tanpa wilayah tugas, tidak masuk kecamatan mana pun',
    );

    // 10% of the 97 families in the programme (93 active and 4 graduated this year), rounded up.
    expect(targets.office).toMatchObject({ target: 10, baseKpm: 97 });
    expect(dashboard.office.target).toBe(targets.office.target);
    expect(dashboard.office.how).toBe(targets.office.how);
    expect(targets.office.how).toBe(
      'target kantor bawaan 10% dari 97 KPM dalam program tahun 2026 (aktif dan yang lulus tahun itu), dibulatkan ke atas',
    );
  });

  it('gives each pendamping and each kecamatan the same target on Beranda and in Laporan, the kecamatan adding up', async () => {
    const dashboard = await call('progress.dashboard', { year: 2026 });
    const targets = await call('progress.targets', { year: 2026 });
    const byKecamatan = await call('reports.area', { year: 2026, group: 'kecamatan' });
    const byPendamping = await call('reports.area', { year: 2026, group: 'pendamping' });

    const onTargetPage = targets.pendamping.map((p) => [String(p.pendampingId), p.target, p.how]);
    expect(dashboard.pendamping.map((p) => [String(p.pendampingId), p.target, p.how]).sort()).toEqual(
      [...onTargetPage].sort(),
    );
    const reported = byPendamping.rows.filter((r) => r.target !== null).map((r) => [r.key, r.target, r.targetHow]);
    expect(reported.sort()).toEqual([...onTargetPage].sort());
    expect(targets.pendamping.find((p) => p.name === 'SARI')?.how).toBe(
      'target ditetapkan 30% dari 20 KPM dalam program tahun 2026 (aktif dan yang lulus tahun itu), dibulatkan ke atas',
    );

    const kecamatan = dashboard.kecamatan.map((k) => [k.code, k.target, k.how]);
    expect(byKecamatan.rows.map((r) => [r.key, r.target, r.targetHow])).toEqual(kecamatan);
    // 20 families of target over three kecamatan: 7, 7, 6 (each rounded alone: 7, 7, 7).
    expect(kecamatan.map((k) => k[1])).toEqual([7, 7, 6]);
    expect(kecamatan[0][2]).toBe(
      'bagian target 2 pendamping yang bertugas di kecamatan ini (target pendamping yang bertugas di beberapa kecamatan dibagi rata)',
    );
  });
});
