/**
 * verkom_month_counts, the families with a health or school check per month and family's pendamping that the
 * evaluation's "verifikasi komitmen dilakukan" reads, kept by triggers: after every kind of write (checks recorded
 * through the writers the services use, re-recorded, moved to another family or month, deleted; members and
 * families deleted with their checks; families moved to another pendamping) it equals a count of the checks joined
 * to kpm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { openDatabase } from '../../db/open';
import { verkomFamiliesChecked } from '../../db/queries/evaluation';
import { educationWriter, healthWriter } from '../../db/queries/verkom';
import { HEALTH_KINDS } from '../../main/domain/verkom';
import { addFamilies, addPendamping } from '../support/graduation';
import { setUpTestOffice } from '../support/office';
import { closeOlderFile, openOlderFile } from '../support/older-migrations';
import {
  BARAT,
  expectInStep,
  expectInStepThroughRandomWrites,
  type Pick,
  type SummaryCheck,
  summaryOffice,
  TIMUR,
} from '../support/summary-counts';
import { tempDbFile } from './helpers';

const MONTHS = ['2026-10', '2026-11', '2026-12'] as const;
const AT = '2026-12-01T01:00:00.000Z';

/** The summary as rows, and the same figures counted from the checks and their families directly. */
const CHECK: SummaryCheck = {
  summary: 'SELECT month, pendamping_key, families FROM verkom_month_counts ORDER BY 1, 2',
  counted: `SELECT c.month, ifnull(k.pendamping_id, 0) AS pendamping_key, count(DISTINCT c.kpm_id) AS families
    FROM (SELECT kpm_id, month FROM verkom_health UNION ALL SELECT kpm_id, month FROM verkom_education) c
      JOIN kpm k ON k.id = c.kpm_id
    GROUP BY 1, 2 ORDER BY 1, 2`,
  table: 'verkom_month_counts',
  count: 'families',
};

let db: Db;
let pendampingIds: number[];
let importId: number;

/** A member of the family (a child at school), for education checks. */
function addMember(target: Db, kpmId: number): number {
  return Number(
    target.$client
      .prepare("INSERT INTO art (kpm_id, nama, hubungan, jenis_kelamin) VALUES (?, 'ANAK UJI', 'anak', 'L')")
      .run(kpmId).lastInsertRowid,
  );
}

function addImport(target: Db): number {
  return Number(
    target.$client
      .prepare(
        `INSERT INTO verkom_imports (file_name, file_sha256, npsn, school_name, year, quarter, rows, matched, unmatched,
           created_at) VALUES ('absen.xlsx', 'x', '20300001', 'SD UJI', 2026, 4, 1, 1, 0, ?)`,
      )
      .run(AT).lastInsertRowid,
  );
}

const recordHealth = (target: Db, kpmId: number, month: string, kind: (typeof HEALTH_KINDS)[number]) =>
  healthWriter(target)({ kpmId, artId: null, month, kind, attended: true, recordedBy: null, recordedAt: AT });

const recordSchool = (target: Db, artId: number, kpmId: number, month: string, onImport: number) =>
  educationWriter(target)({
    artId,
    kpmId,
    month,
    alpa: 1,
    izin: 0,
    sakit: 0,
    jml: 20,
    attendanceBp: 9500,
    npsn: '20300001',
    importId: onImport,
  });

beforeAll(async () => {
  ({ db, pendampingIds } = await summaryOffice());
  addFamilies(db, { count: 12, pendampingId: pendampingIds[0], districtCode: BARAT });
  addFamilies(db, { count: 8, pendampingId: pendampingIds[1], districtCode: TIMUR });
  addFamilies(db, { count: 4, pendampingId: null, districtCode: TIMUR });
  importId = addImport(db);
});

const ids = (sql: string) => db.$client.prepare(sql).pluck().all() as number[];

describe('verkom_month_counts', () => {
  it('counts a family once a month however many checks it has, and is what the evaluation reads', () => {
    const [a, b] = ids(`SELECT id FROM kpm WHERE pendamping_id = ${pendampingIds[0]} ORDER BY id LIMIT 2`);
    const [c] = ids(`SELECT id FROM kpm WHERE pendamping_id = ${pendampingIds[1]} ORDER BY id LIMIT 1`);
    recordHealth(db, a, '2026-11', 'posyandu');
    recordHealth(db, a, '2026-11', 'lansia');
    recordSchool(db, addMember(db, a), a, '2026-11', importId);
    recordSchool(db, addMember(db, b), b, '2026-11', importId);
    recordHealth(db, c, '2026-12', 'kehamilan');
    expectInStep(db, CHECK);
    expect(verkomFamiliesChecked(db, '2026-11', null)).toEqual([{ p: pendampingIds[0], n: 2 }]);
    expect(verkomFamiliesChecked(db, '2026-12', pendampingIds[1])).toEqual([{ p: pendampingIds[1], n: 1 }]);
    expect(verkomFamiliesChecked(db, '2026-12', pendampingIds[0])).toEqual([]);
  });

  it('stays equal to a count of the checks through 400 random writes of every kind', () => {
    const owners = [...pendampingIds, null];
    const families = () => ids('SELECT id FROM kpm ORDER BY id');
    const members = () => ids('SELECT id FROM art ORDER BY id');
    const update = (table: string, column: string, value: unknown, id: number) =>
      db.$client.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, id);
    const checkHealth = (pick: Pick) => recordHealth(db, pick(families()), pick(MONTHS), pick(HEALTH_KINDS));
    const checkSchool = (pick: Pick) => {
      // a member's school month, as the import writes it under the member's family (re-importing updates it)
      const artId = pick(members());
      if (artId === undefined) return;
      const kpmId = db.$client.prepare('SELECT kpm_id FROM art WHERE id = ?').pluck().get(artId) as number;
      recordSchool(db, artId, kpmId, pick(MONTHS), importId);
    };
    const deleteOne = (table: string, id: number | undefined) =>
      id !== undefined && db.$client.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    expectInStepThroughRandomWrites(db, CHECK, {
      seed: 35,
      steps: 400,
      writes: [
        // recording outweighs deleting, so the months fill up with several families of every pendamping
        checkHealth,
        checkHealth,
        checkHealth,
        checkSchool,
        checkSchool,
        (pick) => addMember(db, pick(families())),
        (pick) => addMember(db, pick(families())),
        (pick) => {
          // a member moved to another family (the next import moves their months with them)
          const artId = pick(members());
          if (artId === undefined) return;
          const kpmId = pick(families());
          update('art', 'kpm_id', kpmId, artId);
          db.$client.prepare('UPDATE verkom_education SET kpm_id = ? WHERE art_id = ?').run(kpmId, artId);
        },
        (pick) => {
          // a check moved to another month or family: writes the app does not make, the triggers still follow them
          const id = pick(ids('SELECT id FROM verkom_health'));
          if (id === undefined) return;
          try {
            if (pick([true, false])) update('verkom_health', 'month', pick(MONTHS), id);
            else update('verkom_health', 'kpm_id', pick(families()), id);
          } catch {
            // refused by the one-check-per-person-month-kind rule or a missing family: nothing changed
          }
        },
        (pick) => {
          const id = pick(ids('SELECT id FROM verkom_education'));
          try {
            if (id !== undefined) update('verkom_education', 'month', pick(MONTHS), id);
          } catch {
            // refused by the one-row-per-member-month rule: nothing changed
          }
        },
        (pick) => deleteOne('verkom_health', pick(ids('SELECT id FROM verkom_health'))),
        (pick) => deleteOne('verkom_education', pick(ids('SELECT id FROM verkom_education'))),
        (pick) => deleteOne('art', pick(members())),
        (pick) => update('kpm', 'pendamping_id', pick(owners), pick(families())),
        (pick) => {
          deleteOne('kpm', pick(families()));
          addFamilies(db, { count: 1, pendampingId: pick(owners), districtCode: pick([BARAT, TIMUR]) });
        },
      ],
    });
    // the run reached every kind of state it should: several months and pendamping, none of them emptied to a zero row
    expect(ids('SELECT count(*) FROM verkom_month_counts')[0]).toBeGreaterThan(6);
  });
});

it('is filled from the checks of a file written before it existed', async () => {
  const file = tempDbFile();
  const older = openOlderFile(file, '0034');
  await setUpTestOffice(older);
  const owner = addPendamping(older, 'SRI LESTARI', [BARAT]);
  const families = [
    ...addFamilies(older, { count: 3, pendampingId: owner, districtCode: BARAT }),
    ...addFamilies(older, { count: 2, pendampingId: null, districtCode: TIMUR }),
  ];
  const olderImport = addImport(older);
  recordHealth(older, families[0], '2026-11', 'posyandu');
  recordSchool(older, addMember(older, families[0]), families[0], '2026-11', olderImport);
  recordSchool(older, addMember(older, families[1]), families[1], '2026-12', olderImport);
  recordHealth(older, families[3], '2026-12', 'lansia');
  closeOlderFile(older);
  const migrated = openDatabase(file);
  expectInStep(migrated, CHECK);
  expect(migrated.$client.prepare('SELECT sum(families) FROM verkom_month_counts').pluck().get()).toBe(3);
  migrated.$client.close();
});
