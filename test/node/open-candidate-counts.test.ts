/**
 * open_candidate_counts, the open candidacies per desa, candidate's pendamping and stage that the reports' pipeline
 * columns read, kept by triggers: after every kind of write (new candidacies in any stage, stage changes, a
 * candidacy moved to another pendamping or family, deletes, families moved to another kecamatan or desa) it equals
 * a count of graduation_candidates joined to kpm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { CANDIDATE_STAGES, OPEN_STAGES } from '../../main/domain/graduation';
import { pipelineFigures } from '../../main/services/reports/figures';
import { addCandidates, addFamilies, decideGraduations } from '../support/graduation';
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

const OPEN = OPEN_STAGES.map((s) => `'${s}'`).join(', ');

let db: Db;
let pendampingIds: number[];
let places: (readonly [string, string])[];
let familyIds: number[];

/** The summary as rows, and the same figures counted from the candidacies and their families directly. */
const CHECK: SummaryCheck = {
  summary:
    'SELECT district_code, village_code, pendamping_key, stage, candidates FROM open_candidate_counts ORDER BY 1, 2, 3, 4',
  counted: `SELECT k.district_code, k.village_code, ifnull(c.pendamping_id, 0) AS pendamping_key, c.stage,
      count(*) AS candidates
    FROM graduation_candidates c JOIN kpm k ON k.id = c.kpm_id WHERE c.stage IN (${OPEN})
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  table: 'open_candidate_counts',
  count: 'candidates',
};

/** open_candidate_level_counts: the same candidacies added up per kecamatan and per pendamping. */
const CHECKS = [
  CHECK,
  levelCheck(CHECK, {
    table: 'open_candidate_level_counts',
    keys: [['stage', 'stage']],
    values: [['candidates', 'sum(candidates)']],
  }),
];

beforeAll(async () => {
  ({ db, pendampingIds, places } = await summaryOffice());
  familyIds = [
    ...addFamilies(db, { count: 30, pendampingId: pendampingIds[0], districtCode: BARAT }),
    ...addFamilies(db, { count: 20, pendampingId: pendampingIds[1], districtCode: TIMUR }),
    ...addFamilies(db, { count: 10, pendampingId: null, districtCode: TIMUR }),
  ];
});

describe('open_candidate_counts', () => {
  it('counts the open candidacies added, and the summary is what the reports read', () => {
    addCandidates(db, familyIds.slice(0, 6), 'candidate');
    addCandidates(db, familyIds.slice(30, 34), 'verified');
    addCandidates(db, familyIds.slice(50, 53), 'proposed');
    decideGraduations(db, { kpmIds: familyIds.slice(10, 13), skDate: '2026-02-10' });
    expectInStep(db, CHECKS);
    const perKecamatan = pipelineFigures(db, { group: 'kecamatan' });
    expect(perKecamatan.get(BARAT)).toEqual({ candidate: 6, verified: 0, proposed: 0 });
    expect(perKecamatan.get(TIMUR)).toEqual({ candidate: 0, verified: 4, proposed: 3 });
    const perPendamping = pipelineFigures(db, { group: 'pendamping' });
    expect(perPendamping.get('')).toEqual({ candidate: 0, verified: 0, proposed: 3 });
    const own = pipelineFigures(db, { group: 'pendamping', pendampingId: pendampingIds[1] });
    expect([...own.keys()]).toEqual([String(pendampingIds[1])]);
  });

  it('stays equal to a count of the candidacies through 400 random writes of every kind', () => {
    const owners = [...pendampingIds, null];
    const candidacies = () =>
      db.$client.prepare('SELECT id FROM graduation_candidates ORDER BY id').pluck().all() as number[];
    const update = (column: string, value: unknown, id: number) =>
      db.$client.prepare(`UPDATE graduation_candidates SET ${column} = ? WHERE id = ?`).run(value, id);
    const changeStage = (pick: <T>(values: readonly T[]) => T) => {
      // reopening is refused by the unique index when the family has another open candidacy
      const id = pick(candidacies());
      try {
        update('stage', pick(CANDIDATE_STAGES), id);
      } catch {
        update('stage', 'cancelled', id);
      }
    };
    expectInStepThroughRandomWrites(db, CHECKS, {
      seed: 23,
      steps: 400,
      writes: [
        (pick) => {
          // a new candidacy for a family without an open one (one open candidacy per family)
          const free = db.$client
            .prepare(
              `SELECT id FROM kpm WHERE id NOT IN (SELECT kpm_id FROM graduation_candidates WHERE stage IN (${OPEN}))`,
            )
            .pluck()
            .all() as number[];
          addCandidates(db, [pick(free)], pick(CANDIDATE_STAGES));
        },
        changeStage,
        changeStage,
        (pick) => update('pendamping_id', pick(owners), pick(candidacies())),
        (pick) => moveFamily(db, pick(familyIds), pick(places)),
        (pick) => {
          // a closed candidacy moved to another family: a write the app does not make, the triggers still follow it
          const id = pick(candidacies());
          try {
            update('kpm_id', pick(familyIds), id);
          } catch {
            // refused by the one-open-candidacy rule: nothing changed
          }
        },
        (pick) => {
          const unreferenced = db.$client
            .prepare('SELECT id FROM graduation_candidates WHERE id NOT IN (SELECT candidate_id FROM proposal_items)')
            .pluck()
            .all() as number[];
          db.$client.prepare('DELETE FROM graduation_candidates WHERE id = ?').run(pick(unreferenced));
        },
      ],
    });
  });
});
