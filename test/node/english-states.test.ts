/**
 * The workflow states are stored in English (DESIGN.md, Naming) since migration english_workflow_states: no trigger,
 * index or stored row keeps an old Indonesian value, and a file written before keeps its meaning, its summaries and
 * its history's Indonesian words across the upgrade.
 */
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/open';
import { GRADUATED_STATUSES } from '../../main/domain/enums';
import { OPEN_STAGES } from '../../main/domain/graduation';
import { writeAudit } from '../../main/services/audit';
import { getKpm } from '../../main/services/kpm';
import { diffSnapshots } from '../../renderer/features/kpm/history-diff';
import { insertAward, insertProgram } from '../support/award-rows';
import { addCandidates, addFamilies, addPendamping, decideGraduations } from '../support/graduation';
import { setUpTestOffice } from '../support/office';
import { closeOlderFile, openOlderFile } from '../support/older-migrations';
import { OLD_STATES, OLD_VALUES, writeOldStates } from '../support/older-states';
import { BARAT, expectInStep, type SummaryCheck } from '../support/summary-counts';
import { setUpOffice, tempDbFile } from './helpers';

const OLD_LITERAL = new RegExp(`'(${OLD_VALUES.join('|')})'`);
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The triggers, indexes, tables and views whose SQL compares with or writes an old value. */
function oldLiteralsInSchema(db: Db): string[] {
  const rows = db.$client
    .prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name')
    .all() as { type: string; name: string; sql: string }[];
  return rows.filter((r) => OLD_LITERAL.test(r.sql)).map((r) => `${r.type} ${r.name}`);
}

/** Every text cell, in every table, that is an old value or holds one as a JSON string ("calon"). */
function oldValuesInRows(db: Db): string[] {
  const tables = db.$client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'",
    )
    .pluck()
    .all() as string[];
  const found: string[] = [];
  for (const table of tables) {
    const columns = db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
    for (const column of columns) {
      const test = [
        `"${column}" IN (${quoted(OLD_VALUES)})`,
        ...OLD_VALUES.map((v) => `instr("${column}", '"${v}"') > 0`),
      ];
      const n = db.$client
        .prepare(`SELECT count(*) FROM "${table}" WHERE ${test.join(' OR ')}`)
        .pluck()
        .get() as number;
      if (n > 0) found.push(`${table}.${column}: ${n}`);
    }
  }
  return found;
}

/** Each state column's values, sorted: compared before and after the upgrade through the mapping. */
function stateValues(db: Db): Record<string, string[]> {
  return Object.fromEntries(
    OLD_STATES.map(({ table, column }) => [
      `${table}.${column}`,
      db.$client
        .prepare(`SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1`)
        .pluck()
        .all() as string[],
    ]),
  );
}

const SUMMARIES: SummaryCheck[] = [
  {
    summary:
      'SELECT district_code, village_code, pendamping_key, stage, candidates FROM open_candidate_counts ORDER BY 1, 2, 3, 4',
    counted: `SELECT k.district_code, k.village_code, ifnull(c.pendamping_id, 0) AS pendamping_key, c.stage,
        count(*) AS candidates
      FROM graduation_candidates c JOIN kpm k ON k.id = c.kpm_id WHERE c.stage IN (${quoted(OPEN_STAGES)})
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  },
  {
    summary:
      'SELECT program_id, district_code, village_code, pendamping_key, stage, awards, total FROM award_area_counts ORDER BY 1, 2, 3, 4, 5',
    counted: `SELECT a.program_id, k.district_code, k.village_code, ifnull(k.pendamping_id, 0) AS pendamping_key, a.stage,
        count(*) AS awards, sum(a.total) AS total
      FROM awards a JOIN kpm k ON k.id = a.kpm_id
      WHERE NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id)
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
  },
  {
    summary:
      'SELECT kpm_id, status, status_date, district_code, village_code, pendamping_id FROM decided_graduations ORDER BY 1',
    counted: `SELECT kpm_id, status, status_date, district_code, village_code, pendamping_id FROM (
        SELECT k.id AS kpm_id, k.status, k.status_date, k.district_code, k.village_code, c.pendamping_id,
          row_number() OVER (PARTITION BY k.id ORDER BY dc.id, pi.candidate_id) AS nth
        FROM decisions dc JOIN proposal_items pi ON pi.proposal_id = dc.proposal_id AND pi.decision = 'approved'
        JOIN graduation_candidates c ON c.id = pi.candidate_id JOIN kpm k ON k.id = c.kpm_id
        WHERE dc.reversed_at IS NULL AND k.status IN (${quoted(GRADUATED_STATUSES)}))
      WHERE nth = 1 ORDER BY 1`,
  },
];

describe('workflow states after every migration', () => {
  it('no trigger, index or table compares with or writes an old Indonesian state', async () => {
    const { db } = await setUpOffice();
    expect(oldLiteralsInSchema(db)).toEqual([]);
    // A trigger written later with an old literal is named.
    db.$client.exec(
      "CREATE TRIGGER proposals_old_status AFTER UPDATE ON proposals WHEN NEW.status = 'diajukan' BEGIN SELECT 1; END",
    );
    expect(oldLiteralsInSchema(db)).toEqual(['trigger proposals_old_status']);
    db.$client.close();
  });
});

/** An office at the migration before english_workflow_states, with rows in every state written as it wrote them. */
async function olderFile(): Promise<{ file: string; families: number[]; programs: number[] }> {
  const file = tempDbFile();
  const older = openOlderFile(file, '0024');
  const { admin } = await setUpTestOffice(older);
  const owner = addPendamping(older, 'SRI LESTARI', [BARAT]);
  const families = addFamilies(older, { count: 12, pendampingId: owner, districtCode: BARAT });
  addCandidates(older, [families[0]], 'candidate');
  addCandidates(older, [families[1]], 'verified');
  const [proposed] = addCandidates(older, [families[2]], 'proposed');
  addCandidates(older, [families[3]], 'cancelled');
  decideGraduations(older, { kpmIds: [families[4], families[5]], rejectedKpmIds: [families[6]], skDate: '2026-03-01' });
  const proposal = older.$client.prepare(
    `INSERT INTO proposals (number, year, title, status, created_by_name, created_at)
     VALUES (?, 2026, 'Usulan uji', ?, 'uji', '2026-02-01T00:00:00Z') RETURNING id`,
  );
  proposal.get('USUL-DRAF', 'draft');
  const submitted = proposal.pluck().get('USUL-AJU', 'submitted') as number;
  older.$client
    .prepare('INSERT INTO proposal_items (proposal_id, candidate_id) VALUES (?, ?)')
    .run(submitted, proposed);
  const programs = [
    insertProgram(older),
    insertProgram(older, { status: 'draft' }),
    insertProgram(older, { status: 'closed' }),
  ];
  insertAward(older, { programId: programs[0], kpmId: families[4], stage: 'planned', cash: 2_000_000 });
  insertAward(older, { programId: programs[0], kpmId: families[5], stage: 'approved', cash: 2_500_000 });
  insertAward(older, { programId: programs[2], kpmId: families[4], stage: 'handed_over', cash: 3_000_000 });
  insertAward(older, { programId: programs[2], kpmId: families[5], stage: 'cancelled', cash: 1_500_000 });
  const template = older.$client.prepare(
    `INSERT INTO export_templates (name, kind, columns, filters, format, created_by, created_at, updated_at)
     VALUES (?, ?, '[{"key":"nama","header":"NAMA"}]', ?, 'xlsx', 'admin', '2026-02-01', '2026-02-01')`,
  );
  template.run('Usulan kecamatan', 'graduation', '{"outcome":["disetujui","ditolak"],"stage":"calon"}');
  template.run('Kunjungan terlambat', 'visits', '{"stage":"terlambat"}');
  template.run('Bantuan diserahkan', 'awards', '{"stage":"diserahkan","status":["aktif"]}');
  // What the older app wrote when a candidacy was withdrawn, and when a programme was opened.
  writeAudit(older, admin, {
    action: 'withdraw',
    entity: 'kpm',
    entityId: families[3],
    summary: 'Calon graduasi dibatalkan: Pindah domisili',
    before: { kpmId: families[3], kind: 'mandiri', stage: 'calon', closedReason: null },
    after: { kpmId: families[3], kind: 'mandiri', stage: 'dibatalkan', closedReason: 'Pindah domisili' },
  });
  writeAudit(older, admin, {
    action: 'update',
    entity: 'award_program',
    entityId: programs[1],
    summary: 'Program bantuan diubah, status Aktif',
    before: { status: 'draft' },
    after: { status: 'aktif' },
  });
  writeAudit(older, admin, {
    action: 'graduation_reversed',
    entity: 'kpm',
    entityId: families[9],
    summary: 'Graduasi dibatalkan: SK salah',
    before: { status: 'graduasi_mandiri' },
    after: { status: 'aktif' },
  });
  writeOldStates(older);
  closeOlderFile(older);
  return { file, families, programs };
}

describe('a file written before the states were English', () => {
  it('is upgraded: every state mapped, no old value left, summaries equal to a recount, history in Indonesian', async () => {
    const { file, families, programs } = await olderFile();
    const older = openOlderFile(file, '0024');
    const before = stateValues(older);
    // The file really holds the old values, in its rows and its summaries.
    expect(before['graduation_candidates.stage']).toEqual([
      'calon',
      'dibatalkan',
      'disetujui',
      'disetujui',
      'ditolak',
      'diusulkan',
      'terverifikasi',
    ]);
    expect(older.$client.prepare('SELECT stage FROM open_candidate_counts ORDER BY 1').pluck().all()).toEqual([
      'calon',
      'diusulkan',
      'terverifikasi',
    ]);
    expect(oldValuesInRows(older)).not.toEqual([]);
    closeOlderFile(older);

    const db = openDatabase(file);
    const after = stateValues(db);
    for (const { table, column, values } of OLD_STATES) {
      const toNew = Object.fromEntries(Object.entries(values).map(([now, old]) => [old, now]));
      const key = `${table}.${column}`;
      expect(after[key], key).toEqual(before[key].map((old) => toNew[old]).sort());
    }
    expect(oldLiteralsInSchema(db)).toEqual([]);
    expect(oldValuesInRows(db)).toEqual([]);
    for (const check of SUMMARIES) expectInStep(db, check, check.summary);

    // The triggers created again count the new values: a candidacy added after the upgrade is counted.
    addCandidates(db, [families[7]], 'candidate');
    addCandidates(db, [families[8]], 'verified');
    db.$client.prepare("UPDATE awards SET stage = 'cancelled' WHERE stage = 'approved'").run();
    for (const check of SUMMARIES) expectInStep(db, check, `after writes: ${check.summary}`);
    expect(db.$client.prepare('SELECT stage, candidates FROM open_candidate_counts ORDER BY 1').raw().all()).toEqual([
      ['candidate', 2],
      ['proposed', 1],
      ['verified', 2],
    ]);

    const filters = db.$client.prepare('SELECT name, filters FROM export_templates ORDER BY id').raw().all();
    expect(filters).toEqual([
      ['Usulan kecamatan', '{"outcome":["approved","rejected"],"stage":"candidate"}'],
      ['Kunjungan terlambat', '{"stage":"overdue"}'],
      // A family status in a filter is the ministry's category and stays.
      ['Bantuan diserahkan', '{"stage":"handed_over","status":["aktif"]}'],
    ]);

    const detail = getKpm(db, families[3]);
    const withdrawn = detail.history.find((entry) => entry.action === 'withdraw');
    expect(diffSnapshots(withdrawn?.before, withdrawn?.after, detail.historyNames)).toContainEqual({
      key: 'stage',
      label: 'Tahap graduasi',
      before: 'Calon',
      after: 'Dibatalkan',
    });
    const programAudit = db.$client
      .prepare("SELECT after FROM audit_log WHERE entity = 'award_program' AND entity_id = ?")
      .pluck()
      .get(programs[1]);
    expect(JSON.parse(programAudit as string)).toEqual({ status: 'active' });
    // A family's own status stays the ministry's 'aktif' in its history.
    const familyAudit = db.$client
      .prepare("SELECT after FROM audit_log WHERE entity = 'kpm' AND entity_id = ?")
      .pluck()
      .get(families[9]);
    expect(JSON.parse(familyAudit as string)).toEqual({ status: 'aktif' });
    db.$client.close();
  });
});
