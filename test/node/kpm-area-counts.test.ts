/**
 * kpm_area_counts, the active families per desa and pendamping that the reports and targets read, kept by triggers:
 * after every kind of write to kpm (new families, moves, pendamping changes, komponen changes, graduations and their
 * reversal, families leaving, deletes) it equals a count of kpm itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { KOMPONEN, komponenBit } from '../../main/domain/komponen';
import { familyFigures } from '../../main/services/reports/figures';
import { addFamilies, decideGraduations, reverseDecision } from '../support/graduation';
import {
  BARAT,
  expectInStep,
  expectInStepThroughRandomWrites,
  levelCheck,
  moveFamily,
  type SummaryCheck,
  summaryOffice,
  TIMUR,
} from '../support/summary-counts';

let db: Db;
let pendampingIds: number[];
let places: (readonly [string, string])[];
/** Every komponen_mask: any combination of the seven komponen bits. */
const MASKS = Array.from({ length: 128 }, (_, mask) => mask);

/** The summary as rows, and the same figures counted from kpm directly. */
const CHECK: SummaryCheck = {
  summary: `SELECT district_code, village_code, pendamping_key, families, without_komponen, ${KOMPONEN.join(', ')}
    FROM kpm_area_counts ORDER BY 1, 2, 3`,
  counted: `SELECT district_code, village_code, ifnull(pendamping_id, 0) AS pendamping_key, count(*) AS families,
      sum(komponen_mask = 0) AS without_komponen,
      ${KOMPONEN.map((k) => `sum((komponen_mask & ${komponenBit(k)}) <> 0) AS ${k}`).join(', ')}
    FROM kpm WHERE status = 'aktif' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  table: 'kpm_area_counts',
  count: 'families',
};

/** kpm_level_counts: the same families added up per kecamatan and per pendamping. */
const LEVELS = levelCheck(CHECK, {
  table: 'kpm_level_counts',
  keys: [],
  values: ['families', 'without_komponen', ...KOMPONEN].map((c) => [c, `sum(${c})`] as const),
});
const CHECKS = [CHECK, LEVELS];

beforeAll(async () => {
  ({ db, pendampingIds, places } = await summaryOffice());
  addFamilies(db, { count: 30, pendampingId: pendampingIds[0], districtCode: BARAT });
  addFamilies(db, { count: 20, pendampingId: pendampingIds[1], districtCode: TIMUR });
  addFamilies(db, { count: 5, pendampingId: null, districtCode: TIMUR });
  addFamilies(db, { count: 4, pendampingId: null, districtCode: BARAT, status: 'keluar', statusDate: '2026-03-01' });
});

describe('kpm_area_counts', () => {
  it('counts the families added, and the summary is what the reports read', () => {
    expectInStep(db, CHECKS);
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
    expectInStep(db, CHECKS);
    reverseDecision(db, decisionId);
    expectInStep(db, CHECKS);
    db.$client.prepare("UPDATE kpm SET status = 'keluar', status_date = '2026-04-01' WHERE id = ?").run(ids[5]);
    expectInStep(db, CHECKS);
  });

  it('stays equal to a count of kpm through 400 random writes of every kind', () => {
    const statuses = ['aktif', 'aktif', 'graduasi_mandiri', 'graduasi_alamiah', 'keluar'];
    const owners = [...pendampingIds, null];
    const family = (pick: <T>(values: readonly T[]) => T) =>
      pick(db.$client.prepare('SELECT id FROM kpm ORDER BY id').pluck().all() as number[]);
    const update = (column: string, value: unknown, id: number) =>
      db.$client.prepare(`UPDATE kpm SET ${column} = ? WHERE id = ?`).run(value, id);
    expectInStepThroughRandomWrites(db, CHECKS, {
      seed: 17,
      steps: 400,
      writes: [
        (pick) => {
          const [district] = pick(places);
          addFamilies(db, { count: 1, pendampingId: pick(owners), districtCode: district, status: pick(statuses) });
        },
        (pick) => moveFamily(db, family(pick), pick(places)),
        (pick) => update('pendamping_id', pick(owners), family(pick)),
        (pick) => update('komponen_mask', pick(MASKS), family(pick)),
        (pick) => update('status', pick(statuses), family(pick)),
        (pick, step) => update('nama', `IBU UJI ${step}`, family(pick)),
        (pick) => {
          // only a family nothing refers to can be deleted (candidacies and visits keep theirs)
          const free = db.$client
            .prepare('SELECT id FROM kpm WHERE id NOT IN (SELECT kpm_id FROM graduation_candidates) ORDER BY id')
            .pluck()
            .all() as number[];
          db.$client.prepare('DELETE FROM kpm WHERE id = ?').run(pick(free));
        },
      ],
    });
  });
});
