/**
 * The reports and Beranda read the per-kecamatan and per-pendamping level summaries (kpm_level_counts and its like):
 * each figure they show equals the same figure counted without them: the per-desa report (read from the desa x
 * pendamping summaries) added up per kecamatan, each pendamping's families per kecamatan added up, the year's
 * decided graduations listed one by one, the candidacies counted from their table; and a file written before the
 * level summaries existed is filled from its summaries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/open';
import { candidateStageCounts } from '../../db/queries/graduation';
import { CANDIDATE_STAGES, OPEN_STAGES } from '../../main/domain/graduation';
import { KOMPONEN, komponenMask } from '../../main/domain/komponen';
import { type AreaReportInput, areaReportSchema } from '../../main/domain/reports';
import { decidedGraduations } from '../../main/services/graduation/graduated';
import { graduationDashboard } from '../../main/services/graduation/progress';
import { type AreaReport, type AreaRow, areaReport } from '../../main/services/reports/area';
import { insertAward, insertProgram } from '../support/award-rows';
import { addCandidates, addFamilies, addPendamping, decideGraduations, reverseDecision } from '../support/graduation';
import { setUpTestOffice } from '../support/office';
import { closeOlderFile, openOlderFile } from '../support/older-migrations';
import { writeOldStates } from '../support/older-states';
import { BARAT, moveFamily, TIMUR } from '../support/summary-counts';
import { setUpOffice, tempDbFile } from './helpers';

let db: Db;
let pendampingIds: number[];

const report = (input: Partial<AreaReportInput> & { group: AreaReportInput['group'] }, pendampingId?: number) =>
  areaReport(db, areaReportSchema.parse({ year: 2026, ...input }), pendampingId === undefined ? {} : { pendampingId });

/** The figures of a row that are counts (targets are per kecamatan or pendamping only, so left out). */
function figures(row: AreaRow) {
  return {
    families: row.families,
    komponen: row.komponen,
    withoutKomponen: row.withoutKomponen,
    mandiri: row.mandiri,
    alamiah: row.alamiah,
    keluar: row.keluar,
    graduated: row.graduated,
    pipeline: row.pipeline,
    visitsDue: row.visitsDue,
    visitsDone: row.visitsDone,
    awards: row.awards,
    amount: row.amount,
    handedOver: row.handedOver,
  };
}

/** Rows of a report added up under a key of each row: the same figures, summed. */
function addedUp(rows: readonly AreaRow[], keyOf: (row: AreaRow) => string): Map<string, ReturnType<typeof figures>> {
  const sums = new Map<string, ReturnType<typeof figures>>();
  for (const row of rows) {
    const f = figures(row);
    const sum = sums.get(keyOf(row));
    if (!sum) {
      sums.set(keyOf(row), structuredClone(f));
      continue;
    }
    for (const k of ['families', 'withoutKomponen', 'mandiri', 'alamiah', 'keluar', 'graduated'] as const)
      sum[k] += f[k];
    for (const k of ['visitsDue', 'visitsDone', 'awards', 'amount', 'handedOver'] as const) sum[k] += f[k];
    for (const k of KOMPONEN) sum.komponen[k] += f.komponen[k];
    for (const s of OPEN_STAGES) sum.pipeline[s] += f.pipeline[s];
  }
  return sums;
}

const byKey = (r: AreaReport) => new Map(r.rows.map((row) => [row.key, figures(row)]));

beforeAll(async () => {
  ({ db } = await setUpOffice());
  // SRI covers both kecamatan: her families are in both, so a pendamping's row crosses kecamatan
  pendampingIds = [
    addPendamping(db, 'RINA SETIAWATI', [BARAT]),
    addPendamping(db, 'DEDI KURNIAWAN', [TIMUR]),
    addPendamping(db, 'SRI LESTARI', [BARAT, TIMUR]),
  ];
  const [rina, dedi, sri] = pendampingIds;
  const families = [
    ...addFamilies(db, { count: 14, pendampingId: rina, districtCode: BARAT }),
    ...addFamilies(db, { count: 10, pendampingId: dedi, districtCode: TIMUR }),
    ...addFamilies(db, { count: 6, pendampingId: sri, districtCode: BARAT }),
    ...addFamilies(db, { count: 6, pendampingId: sri, districtCode: TIMUR }),
    ...addFamilies(db, { count: 4, pendampingId: null, districtCode: TIMUR }),
  ];
  const setMask = db.$client.prepare('UPDATE kpm SET komponen_mask = ? WHERE id = ?');
  families.forEach((id, i) => {
    setMask.run(komponenMask(KOMPONEN.filter((_, k) => (i + k) % 3 === 0)), id);
  });
  // graduations over several months, one reversed, one of 2025; a graduate moved to the other kecamatan afterwards
  decideGraduations(db, { kpmIds: families.slice(0, 3), skDate: '2026-02-10' });
  decideGraduations(db, { kpmIds: [families[3], families[24]], skDate: '2026-05-03', kind: 'alamiah' });
  decideGraduations(db, { kpmIds: families.slice(14, 16), skDate: '2026-05-20' });
  decideGraduations(db, { kpmIds: [families[30], families[36]], skDate: '2026-08-01' });
  reverseDecision(db, decideGraduations(db, { kpmIds: [families[16]], skDate: '2026-03-01' }).decisionId);
  decideGraduations(db, { kpmIds: [families[4]], skDate: '2025-11-01' });
  moveFamily(db, families[1], [
    TIMUR,
    db.$client.prepare('SELECT village_code FROM kpm WHERE id = ?').pluck().get(families[17]) as string,
  ]);
  // visits: one made
  db.$client
    .prepare("UPDATE follow_up_visits SET visited_date = '2026-05-12' WHERE kpm_id = ? AND months_after = 3")
    .run(families[0]);
  // other exits, the pipeline, awards of 2026 and of 2025
  addFamilies(db, { count: 2, pendampingId: sri, districtCode: TIMUR, status: 'keluar', statusDate: '2026-04-02' });
  addCandidates(db, families.slice(5, 8), 'candidate');
  addCandidates(db, [families[8], families[25]], 'verified');
  addCandidates(db, [families[17], families[37], families[38]], 'proposed', 'alamiah');
  const program = insertProgram(db, { year: 2026 });
  insertAward(db, { programId: program, kpmId: families[0], stage: 'handed_over', cash: 3_000_000 });
  insertAward(db, { programId: program, kpmId: families[26], stage: 'planned', cash: 2_000_000 });
  insertAward(db, { programId: program, kpmId: families[15], stage: 'approved', cash: 1_500_000 });
  insertAward(db, { programId: insertProgram(db, { year: 2025 }), kpmId: families[9], cash: 2_500_000 });
});

describe('reports read the level summaries', () => {
  it('the per-kecamatan report equals the per-desa report added up per kecamatan, for the year and a period', () => {
    for (const period of [{}, { fromMonth: 2, toMonth: 5 }]) {
      const kecamatan = report({ group: 'kecamatan', ...period });
      const desa = report({ group: 'desa', ...period });
      expect(byKey(kecamatan)).toEqual(addedUp(desa.rows, (row) => row.key.slice(0, 6)));
      expect(kecamatan.months).toEqual(desa.months);
      expect(figures(kecamatan.total)).toEqual(figures(desa.total));
      expect(kecamatan.total.graduated).toBeGreaterThan(0);
      // one kecamatan only: its row and nothing else
      const barat = report({ group: 'kecamatan', districtCode: BARAT, ...period });
      expect(byKey(barat)).toEqual(new Map([[BARAT, byKey(kecamatan).get(BARAT)]]));
      expect(barat.months).toEqual(report({ group: 'desa', districtCode: BARAT, ...period }).months);
    }
  });

  it('a pendamping row equals their own families per kecamatan added up', () => {
    const perPendamping = report({ group: 'pendamping' });
    for (const id of pendampingIds) {
      const own = report({ group: 'kecamatan' }, id);
      expect(byKey(perPendamping).get(String(id))).toEqual(addedUp(own.rows, () => 'all').get('all'));
      expect(byKey(report({ group: 'pendamping' }, id))).toEqual(
        new Map([[String(id), byKey(perPendamping).get(String(id))]]),
      );
    }
    expect(byKey(perPendamping).get(String(pendampingIds[2]))?.graduated).toBe(2);
  });

  it("Beranda counts the year's decided graduations as they are listed one by one", () => {
    const dashboard = graduationDashboard(db, 2026);
    const listed = decidedGraduations(db, 2026);
    const tally = (rows: typeof listed) => ({
      graduated: rows.length,
      mandiri: rows.filter((g) => g.status === 'graduasi_mandiri').length,
      alamiah: rows.filter((g) => g.status === 'graduasi_alamiah').length,
    });
    expect(dashboard.office).toMatchObject(tally(listed));
    for (const k of dashboard.kecamatan) expect(k).toMatchObject(tally(listed.filter((g) => g.d === k.code)));
    for (const p of dashboard.pendamping) expect(p).toMatchObject(tally(listed.filter((g) => g.p === p.pendampingId)));
    expect(dashboard.withoutPendamping).toBe(listed.filter((g) => g.p === null).length);
    expect(dashboard.office.graduated).toBe(9);
    // the targets' base: active families plus the year's graduations, per pendamping
    const [rina] = dashboard.pendamping.filter((p) => p.pendampingId === pendampingIds[0]);
    const active = db.$client
      .prepare("SELECT count(*) FROM kpm WHERE status = 'aktif' AND pendamping_id = ?")
      .pluck()
      .get(pendampingIds[0]) as number;
    expect(rina.baseKpm).toBe(active + listed.filter((g) => g.p === pendampingIds[0]).length);
  });

  it("Beranda's pipeline counts every open candidacy and the closed ones last changed in the year", () => {
    const ids = db.$client.prepare('SELECT id FROM kpm ORDER BY id DESC LIMIT 4').pluck().all() as number[];
    const closed = CANDIDATE_STAGES.filter((s) => !(OPEN_STAGES as readonly string[]).includes(s));
    const [a, b, c, d] = addCandidates(db, ids, closed[0]);
    const at = db.$client.prepare('UPDATE graduation_candidates SET stage = ?, updated_at = ? WHERE id = ?');
    at.run(closed[1], '2025-12-31T23:59:59.999Z', a);
    at.run(closed[1], '2026-01-01T00:00:00.000Z', b);
    at.run(closed[2], '2026-12-31T23:59:59.999Z', c);
    at.run(closed[2], '2027-01-01T00:00:00.000Z', d);
    const counted = (year: number) =>
      db.$client
        .prepare(
          `SELECT stage, count(*) AS n FROM graduation_candidates
           WHERE stage IN (${OPEN_STAGES.map((s) => `'${s}'`).join(', ')}) OR substr(updated_at, 1, 4) = ?
           GROUP BY stage ORDER BY stage`,
        )
        .all(String(year));
    const sorted = (rows: { stage: string; n: number }[]) => [...rows].sort((x, y) => x.stage.localeCompare(y.stage));
    for (const year of [2025, 2026, 2027]) expect(sorted(candidateStageCounts(db, year))).toEqual(counted(year));
    const pipeline = graduationDashboard(db, 2026).pipeline;
    expect(pipeline).toEqual(
      Object.fromEntries(
        CANDIDATE_STAGES.map((s) => [
          s,
          (counted(2026) as { stage: string; n: number }[]).find((r) => r.stage === s)?.n ?? 0,
        ]),
      ),
    );
    expect(pipeline[closed[1]]).toBeGreaterThan(0);
  });
});

it('is filled from the summaries of a file written before it existed', async () => {
  const file = tempDbFile();
  const older = openOlderFile(file, '0024');
  await setUpTestOffice(older);
  const owner = addPendamping(older, 'SRI LESTARI', [BARAT, TIMUR]);
  const families = [
    ...addFamilies(older, { count: 5, pendampingId: owner, districtCode: BARAT }),
    ...addFamilies(older, { count: 4, pendampingId: null, districtCode: TIMUR }),
  ];
  decideGraduations(older, { kpmIds: [families[0], families[5]], skDate: '2026-03-02' });
  addCandidates(older, [families[1], families[6]], 'candidate');
  insertAward(older, { programId: insertProgram(older, { year: 2026 }), kpmId: families[2], cash: 2_000_000 });
  writeOldStates(older);
  closeOlderFile(older);
  const migrated = openDatabase(file);
  const rows = (sql: string) => migrated.$client.prepare(sql).all();
  /** A level summary against its summary added up per kecamatan and per pendamping (column names). */
  const expectLevels = (table: string, base: string, keys: string[], values: string[]) => {
    const sums = values.map((v) => `sum(${v}) AS ${v}`);
    const order = ['kind', 'area_key', ...keys].join(', ');
    const grouped = (kind: string, area: string) =>
      `SELECT '${kind}' AS kind, ${area} AS area_key, ${[...keys, ...sums].join(', ')} FROM ${base}
       GROUP BY ${[area, ...keys].join(', ')}`;
    expect(
      rows(`SELECT ${['kind', 'area_key', ...keys, ...values].join(', ')} FROM ${table} ORDER BY ${order}`),
    ).toEqual(
      rows(
        `${grouped('kecamatan', 'district_code')} UNION ALL ${grouped('pendamping', 'CAST(pendamping_key AS TEXT)')}
         ORDER BY ${order}`,
      ),
    );
  };
  expectLevels('kpm_level_counts', 'kpm_area_counts', [], ['families', 'without_komponen', ...KOMPONEN]);
  expectLevels('open_candidate_level_counts', 'open_candidate_counts', ['stage'], ['candidates']);
  expectLevels('award_level_counts', 'award_area_counts', ['program_id', 'stage'], ['awards', 'total']);
  expect(
    rows('SELECT kind, area_key, month, status, graduations FROM decided_graduation_level_counts ORDER BY 1, 2'),
  ).toEqual([
    { kind: 'kecamatan', area_key: BARAT, month: '2026-03', status: 'graduasi_mandiri', graduations: 1 },
    { kind: 'kecamatan', area_key: TIMUR, month: '2026-03', status: 'graduasi_mandiri', graduations: 1 },
    { kind: 'pendamping', area_key: '0', month: '2026-03', status: 'graduasi_mandiri', graduations: 1 },
    { kind: 'pendamping', area_key: String(owner), month: '2026-03', status: 'graduasi_mandiri', graduations: 1 },
  ]);
  expect(areaReport(migrated, areaReportSchema.parse({ year: 2026, group: 'kecamatan' })).total).toMatchObject({
    families: 7,
    mandiri: 2,
    pipeline: { candidate: 2, verified: 0, proposed: 0 },
    awards: 1,
  });
  migrated.$client.close();
});
