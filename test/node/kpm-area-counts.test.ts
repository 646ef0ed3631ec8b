/**
 * kpm_area_counts, the active families per desa and pendamping that the reports and targets read, kept by triggers:
 * after every kind of write to kpm (new families, moves, pendamping changes, komponen changes, graduations and their
 * reversal, families leaving, deletes) it equals a count of kpm itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { KOMPONEN, komponenBit } from '../../main/domain/komponen';
import { familyFigures } from '../../main/services/reports/figures';
import { seededRandom } from '../bench/stats';
import { addFamilies, addPendamping, decideGraduations, reverseDecision } from '../support/graduation';
import { setUpOffice } from './helpers';

const BARAT = '337501';
const TIMUR = '337502';

let db: Db;
let pendampingIds: number[];

/** The summary as rows, and the same figures counted from kpm directly. */
function summary(): unknown[] {
  return db.$client
    .prepare(
      `SELECT district_code, village_code, pendamping_key, families, without_komponen, ${KOMPONEN.join(', ')}
       FROM kpm_area_counts ORDER BY 1, 2, 3`,
    )
    .all();
}
function counted(): unknown[] {
  const komponen = KOMPONEN.map((k) => `sum((komponen_mask & ${komponenBit(k)}) <> 0) AS ${k}`).join(', ');
  return db.$client
    .prepare(
      `SELECT district_code, village_code, ifnull(pendamping_id, 0) AS pendamping_key, count(*) AS families,
         sum(komponen_mask = 0) AS without_komponen, ${komponen}
       FROM kpm WHERE status = 'aktif' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
}

const villages = (district: string) =>
  db.$client
    .prepare('SELECT code FROM regions WHERE parent_code = ? ORDER BY code LIMIT 3')
    .pluck()
    .all(district) as string[];

beforeAll(async () => {
  ({ db } = await setUpOffice());
  pendampingIds = [addPendamping(db, 'RINA SETIAWATI', [BARAT]), addPendamping(db, 'DEDI KURNIAWAN', [TIMUR])];
  addFamilies(db, { count: 30, pendampingId: pendampingIds[0], districtCode: BARAT });
  addFamilies(db, { count: 20, pendampingId: pendampingIds[1], districtCode: TIMUR });
  addFamilies(db, { count: 5, pendampingId: null, districtCode: TIMUR });
  addFamilies(db, { count: 4, pendampingId: null, districtCode: BARAT, status: 'keluar', statusDate: '2026-03-01' });
});

describe('kpm_area_counts', () => {
  it('counts the families added, and the summary is what the reports read', () => {
    expect(summary()).toEqual(counted());
    const perKecamatan = familyFigures(db, { group: 'kecamatan' });
    expect(perKecamatan.get(BARAT)?.families).toBe(30);
    expect(perKecamatan.get(TIMUR)?.families).toBe(25);
    const perPendamping = familyFigures(db, { group: 'pendamping' });
    expect(perPendamping.get('')?.families).toBe(5);
  });

  it('follows graduations, their reversal and a family that leaves', () => {
    const ids = db.$client
      .prepare("SELECT id FROM kpm WHERE status = 'aktif' ORDER BY id LIMIT 6")
      .pluck()
      .all() as number[];
    const { decisionId } = decideGraduations(db, { kpmIds: ids.slice(0, 4), skDate: '2026-02-10' });
    expect(summary()).toEqual(counted());
    reverseDecision(db, decisionId);
    expect(summary()).toEqual(counted());
    db.$client.prepare("UPDATE kpm SET status = 'keluar', status_date = '2026-04-01' WHERE id = ?").run(ids[5]);
    expect(summary()).toEqual(counted());
  });

  it('stays equal to a count of kpm through 400 random writes of every kind', () => {
    const random = seededRandom(17);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const places = [BARAT, TIMUR].flatMap((d) => villages(d).map((v) => [d, v] as const));
    const statuses = ['aktif', 'aktif', 'graduasi_mandiri', 'graduasi_alamiah', 'keluar'];
    const owners = [...pendampingIds, null];
    const update = (column: string, value: unknown, id: number) =>
      db.$client.prepare(`UPDATE kpm SET ${column} = ? WHERE id = ?`).run(value, id);
    for (let step = 0; step < 400; step++) {
      const ids = db.$client.prepare('SELECT id FROM kpm ORDER BY id').pluck().all() as number[];
      const id = pick(ids);
      const kind = Math.floor(random() * 7);
      if (kind === 0) {
        const [district] = pick(places);
        addFamilies(db, { count: 1, pendampingId: pick(owners), districtCode: district, status: pick(statuses) });
      } else if (kind === 1) {
        const [district, village] = pick(places);
        db.$client
          .prepare('UPDATE kpm SET district_code = ?, village_code = ? WHERE id = ?')
          .run(district, village, id);
      } else if (kind === 2) update('pendamping_id', pick(owners), id);
      else if (kind === 3) update('komponen_mask', Math.floor(random() * 128), id);
      else if (kind === 4) update('status', pick(statuses), id);
      else if (kind === 5) update('nama', `IBU UJI ${step}`, id);
      else {
        // only a family nothing refers to can be deleted (candidacies and visits keep theirs)
        const free = db.$client
          .prepare('SELECT id FROM kpm WHERE id NOT IN (SELECT kpm_id FROM graduation_candidates) ORDER BY id')
          .pluck()
          .all() as number[];
        db.$client.prepare('DELETE FROM kpm WHERE id = ?').run(pick(free));
      }
      expect(summary(), `after step ${step} (kind ${kind})`).toEqual(counted());
    }
    // no empty rows are kept: a desa and pendamping without active families has no row
    expect(db.$client.prepare('SELECT count(*) FROM kpm_area_counts WHERE families <= 0').pluck().get()).toBe(0);
  });
});
