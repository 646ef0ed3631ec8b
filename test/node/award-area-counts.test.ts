/**
 * award_area_counts, the counted awards per programme, family's desa and pendamping, and stage that the reports'
 * award columns read, kept by triggers: after every service that writes awards (planning, approval, cancellation,
 * handover, correction) or moves a family (the form, reassigning a pendamping), and after random writes of every
 * kind, it equals the awards counted afresh by the rule of countedAwards (a replaced award does not count).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/open';
import { setAwardHandedOver } from '../../db/queries/award-stages';
import { AWARD_STAGES, correctionSchema, planAwardsSchema } from '../../main/domain/awards';
import type { Actor } from '../../main/services/actor';
import { budgetFigures } from '../../main/services/awards/budget';
import { correctAward } from '../../main/services/awards/correction';
import { planAwards } from '../../main/services/awards/plan';
import { approveAwards, cancelAward } from '../../main/services/awards/stages';
import { updateKpm } from '../../main/services/kpm';
import { reassignKpm } from '../../main/services/pendamping';
import { awardFigures } from '../../main/services/reports/figures';
import { insertAward, insertProgram } from '../support/award-rows';
import { catalogue, createProgram, staff } from '../support/awards';
import { addFamilies, addPendamping, decideGraduations, insertFamily } from '../support/graduation';
import { setUpTestOffice } from '../support/office';
import { closeOlderFile, openOlderFile } from '../support/older-migrations';
import { writeOldStates } from '../support/older-states';
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
import { familyInput, tempDbFile } from './helpers';

let db: Db;
let admin: Actor;
let pendampingIds: number[];
let places: (readonly [string, string])[];

const CHECK: SummaryCheck = {
  summary:
    'SELECT program_id, district_code, village_code, pendamping_key, stage, awards, total FROM award_area_counts ORDER BY 1, 2, 3, 4, 5',
  counted: `SELECT a.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0) AS pendamping_key, a.stage,
      count(*) AS awards, sum(a.total) AS total
    FROM awards a JOIN kpm k ON k.id = a.kpm_id
    WHERE NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id)
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
  table: 'award_area_counts',
  count: 'awards',
};

/** award_level_counts: the same awards added up per kecamatan and per pendamping. */
const CHECKS = [
  CHECK,
  levelCheck(CHECK, {
    table: 'award_level_counts',
    keys: [
      ['program_id', 'program_id'],
      ['stage', 'stage'],
    ],
    values: [
      ['awards', 'sum(awards)'],
      ['total', 'sum(total)'],
    ],
  }),
];

const YEAR = { year: 2026, fromMonth: 1, toMonth: 12 };

beforeAll(async () => {
  ({ db, admin, pendampingIds, places } = await summaryOffice());
});

describe('award_area_counts', () => {
  it('follows planning, approval, cancellation, handover, correction and families moved, as the reports read it', () => {
    const { operator, pimpinan } = staff(db, admin);
    const items = catalogue(db, admin);
    // families made by the form (Barat, no pendamping), graduated by a decision in 2026
    const kpmIds = [901, 902, 903, 904].map((n) => insertFamily(db, admin, n));
    decideGraduations(db, { kpmIds, skDate: '2026-03-10' });
    const program = createProgram(db, admin, { budget: 20_000_000 });
    const pkg = { lines: [{ itemId: items.etalase.id, quantity: 1 }], cash: 500_000 };
    planAwards(
      db,
      operator,
      planAwardsSchema.parse({ programId: program.id, kpmIds, package: pkg, businessType: 'Es batu' }),
    );
    expectInStep(db, CHECKS, 'planned');
    const [a, b, c] = db.$client
      .prepare('SELECT id FROM awards WHERE program_id = ? ORDER BY id')
      .pluck()
      .all(program.id) as number[];
    approveAwards(db, pimpinan, { awardIds: [a, b] });
    expectInStep(db, CHECKS, 'approved');
    cancelAward(db, operator, { awardId: c, reason: 'KPM menolak bantuan' });
    expectInStep(db, CHECKS, 'cancelled');
    // the statement the handover service runs for each award (its BAST needs the office's letter settings)
    setAwardHandedOver(
      db,
      a,
      { from: 'approved', to: 'handed_over' },
      {
        handoverDate: '2026-11-20',
        handoverPlace: 'Pendopo Kecamatan Uji',
        receiverName: 'KELUARGA UJI 901',
        receiverRelationship: 'pengurus',
        witnesses: '[]',
        bastDocumentId: null,
        handedOverBy: null,
        handedOverByName: 'operator_bantuan',
      },
    );
    expectInStep(db, CHECKS, 'handed over');
    correctAward(
      db,
      pimpinan,
      correctionSchema.parse({
        awardId: a,
        package: { lines: [{ itemId: items.kompor.id, quantity: 2 }], cash: 1_000_000 },
        businessType: 'Warung makan',
        reason: 'Yang diserahkan kompor dan uang, bukan etalase',
      }),
    );
    expectInStep(db, CHECKS, 'corrected');
    const counted = { awards: 3, amount: 1_750_000 * 2 + 1_900_000, handedOver: 1_900_000 };
    expect(awardFigures(db, { group: 'kecamatan' }, YEAR).get(BARAT)).toEqual(counted);
    const { planned, approved, handedOver } = budgetFigures(db, program.id);
    expect(planned + approved + handedOver).toBe(counted.amount);

    // the form moves a family with a handed-over award to Timur; a pendamping takes over two families
    const [district, village] = places.find(([d]) => d === TIMUR) ?? [];
    const moved = updateKpm(
      db,
      admin,
      kpmIds[0],
      familyInput({
        idKpm: 'P000000000901',
        noKk: '3375010101100901',
        nik: '3375014507850901',
        nama: 'Keluarga Uji 901',
        members: [],
        districtCode: district,
        villageCode: village,
        acceptWarnings: true,
      }),
    );
    expect(moved.status).toBe('saved');
    expectInStep(db, CHECKS, 'moved by the form');
    reassignKpm(db, admin, { toPendampingId: pendampingIds[1], kpmIds: kpmIds.slice(0, 2) });
    expectInStep(db, CHECKS, 'reassigned');
    expect(awardFigures(db, { group: 'kecamatan' }, YEAR).get(TIMUR)).toEqual({
      awards: 1,
      amount: 1_900_000,
      handedOver: 1_900_000,
    });
    expect(awardFigures(db, { group: 'pendamping', pendampingId: pendampingIds[1] }, YEAR)).toEqual(
      new Map([[String(pendampingIds[1]), { awards: 2, amount: 1_900_000 + 1_750_000, handedOver: 1_900_000 }]]),
    );
    // another year's programmes are not this year's awards
    expect(awardFigures(db, { group: 'kecamatan' }, { ...YEAR, year: 2025 }).size).toBe(0);
  });

  it('stays equal to the counted awards through 400 random writes of every kind', () => {
    const families = [
      ...addFamilies(db, { count: 6, pendampingId: pendampingIds[0], districtCode: BARAT }),
      ...addFamilies(db, { count: 6, pendampingId: null, districtCode: TIMUR }),
    ];
    const programs = [insertProgram(db), insertProgram(db, { year: 2027 })];
    const owners = [...pendampingIds, null];
    const totals = [1_500_000, 2_000_000, 3_250_000];
    const awardIds = () => db.$client.prepare('SELECT id FROM awards ORDER BY id').pluck().all() as number[];
    const update = (column: string, value: unknown, id: number) =>
      db.$client.prepare(`UPDATE awards SET ${column} = ? WHERE id = ?`).run(value, id);
    const newAward = (pick: <T>(values: readonly T[]) => T, correctsAwardId: number | null) =>
      insertAward(db, {
        programId: pick(programs),
        kpmId: pick(families),
        stage: pick(AWARD_STAGES),
        cash: pick(totals),
        correctsAwardId,
      });
    expectInStepThroughRandomWrites(db, CHECKS, {
      seed: 31,
      steps: 400,
      writes: [
        (pick) => newAward(pick, null),
        // a correction, sometimes of an award already corrected (the rule: any correction replaces it)
        (pick) => newAward(pick, pick(awardIds())),
        (pick) => update('stage', pick(AWARD_STAGES), pick(awardIds())),
        (pick) => update('total', pick(totals), pick(awardIds())),
        (pick) => update('kpm_id', pick(families), pick(awardIds())),
        (pick) => update('program_id', pick(programs), pick(awardIds())),
        (pick) => update('corrects_award_id', pick([null, ...awardIds()]), pick(awardIds())),
        (pick) => moveFamily(db, pick(families), pick(places)),
        (pick) => db.$client.prepare('UPDATE kpm SET pendamping_id = ? WHERE id = ?').run(pick(owners), pick(families)),
        (pick) => {
          // awards without lines (the ones written here) can be deleted
          const bare = db.$client
            .prepare('SELECT id FROM awards WHERE id NOT IN (SELECT award_id FROM award_lines)')
            .pluck()
            .all() as number[];
          if (bare.length > 0) db.$client.prepare('DELETE FROM awards WHERE id = ?').run(pick(bare));
        },
      ],
    });
  });
});

it('is filled from the awards of a file written before it existed', async () => {
  const file = tempDbFile();
  const older = openOlderFile(file, '0019');
  await setUpTestOffice(older);
  const owner = addPendamping(older, 'SRI LESTARI', [BARAT]);
  const families = addFamilies(older, { count: 4, pendampingId: owner, districtCode: BARAT });
  const program = insertProgram(older);
  const handed = insertAward(older, { programId: program, kpmId: families[0], stage: 'handed_over', cash: 2_000_000 });
  insertAward(older, {
    programId: program,
    kpmId: families[0],
    stage: 'handed_over',
    cash: 2_500_000,
    correctsAwardId: handed,
  });
  insertAward(older, { programId: program, kpmId: families[1], stage: 'cancelled', cash: 1_500_000 });
  insertAward(older, { programId: insertProgram(older, { year: 2027 }), kpmId: families[2], cash: 3_000_000 });
  writeOldStates(older);
  closeOlderFile(older);
  const migrated = openDatabase(file);
  expectInStep(migrated, CHECKS);
  expect(awardFigures(migrated, { group: 'pendamping' }, YEAR).get(String(owner))).toEqual({
    awards: 1,
    amount: 2_500_000,
    handedOver: 2_500_000,
  });
  migrated.$client.close();
});
