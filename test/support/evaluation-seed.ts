/**
 * A small office for the pendamping's month (complaints, the monthly report, the evaluation): three pendamping,
 * their families, P2K2 groups with plans and meetings, candidacies recorded either side of a Jakarta midnight,
 * decided graduations with follow-up visits (some made), targets and complaints. Written straight into the tables
 * (the complaints through their service), so the figures can be checked against independent counts of the rows. Also
 * the work plans (submitted and draft), verifikasi komitmen records (school and health) and graduates' business
 * follow-ups of March and April.
 */
import type { Db } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { saveComplaint } from '../../main/services/evaluation/complaints';
import { addFamilies, addPendamping, decideGraduations, villageOfFamily } from './graduation';
import { addGroup, addMeeting, addPlan, type Mark, topicId } from './p2k2-rows';
import { addChildren } from './verkom';

const BARAT = '337501';
const TIMUR = '337502';

export interface EvaluationSeed {
  rina: number;
  dedi: number;
  sari: number;
  rinaFamilies: number[];
  dediFamilies: number[];
  rinaActor: Actor;
  dediActor: Actor;
}

const STATUSES = ['hadir', 'hadir', 'izin', 'alfa', 'sakit', null] as const;
const marks = (ids: number[], shift: number): Mark[] =>
  ids.map((kpmId, i) => ({ kpmId, status: STATUSES[(i + shift) % STATUSES.length] }));

function candidacy(db: Db, kpmId: number, createdAt: string): void {
  db.$client
    .prepare(
      `INSERT INTO graduation_candidates (kpm_id, kind, reasons, stage, pendamping_id, created_by_name, created_at, updated_at)
       VALUES (?, 'mandiri', '[]', 'candidate', (SELECT pendamping_id FROM kpm WHERE id = ?), 'uji', ?, ?)`,
    )
    .run(kpmId, kpmId, createdAt, createdAt);
}

function p2k2(db: Db, s: EvaluationSeed): void {
  const topics = ['Mengelola Keuangan Keluarga', 'Cermat Meminjam dan Menabung', 'Memulai Usaha'].map((n) =>
    topicId(db, n),
  );
  const mawar = s.rinaFamilies.slice(0, 10);
  const anggrek = s.dediFamilies.slice(0, 8);
  const rinaGroup = addGroup(db, {
    name: 'MAWAR',
    villageCode: villageOfFamily(db, mawar[0]),
    pendampingId: s.rina,
    kpmIds: mawar,
  });
  const dediGroup = addGroup(db, {
    name: 'ANGGREK',
    villageCode: villageOfFamily(db, anggrek[0]),
    pendampingId: s.dedi,
    kpmIds: anggrek,
  });
  // March: Rina plans three and holds two (one on the month's last day), Dedi plans two and holds one
  addPlan(db, rinaGroup, topics[0], '2026-03-05');
  addPlan(db, rinaGroup, topics[1], '2026-03-19');
  addPlan(db, rinaGroup, topics[2], '2026-03-31');
  addPlan(db, dediGroup, topics[0], '2026-03-10');
  addPlan(db, dediGroup, topics[1], '2026-03-24');
  addMeeting(db, { groupId: rinaGroup, topicId: topics[0], heldOn: '2026-03-05' }, marks(mawar, 0));
  addMeeting(db, { groupId: rinaGroup, topicId: topics[1], heldOn: '2026-03-31' }, marks(mawar, 1));
  addMeeting(db, { groupId: rinaGroup, topicId: topics[2], heldOn: '2026-04-01' }, marks(mawar, 2));
  addMeeting(db, { groupId: dediGroup, topicId: topics[0], heldOn: '2026-03-10' }, marks(anggrek, 3));
}

function graduations(db: Db, s: EvaluationSeed): void {
  // graduated in January (visits due 2 and 3 months on: March and April) and in March
  decideGraduations(db, { kpmIds: s.rinaFamilies.slice(10, 13), skDate: '2026-01-15', visitMonths: [2, 3] });
  decideGraduations(db, { kpmIds: s.rinaFamilies.slice(13, 14), skDate: '2026-03-31', visitMonths: [3] });
  decideGraduations(db, { kpmIds: s.dediFamilies.slice(8, 10), skDate: '2026-04-01', visitMonths: [1] });
  const visit = db.$client.prepare(
    'UPDATE follow_up_visits SET visited_date = ?, visitor_name = ? WHERE kpm_id = ? AND months_after = ?',
  );
  visit.run('2026-03-16', 'RINA', s.rinaFamilies[10], 2);
  visit.run('2026-03-31', 'RINA', s.rinaFamilies[11], 2);
  visit.run('2026-04-01', 'RINA', s.rinaFamilies[12], 2);
  const target = db.$client.prepare(
    'INSERT INTO graduation_targets (year, pendamping_id, mode, value) VALUES (?, ?, ?, ?)',
  );
  target.run(2026, s.rina, 'kpm', 8);
  target.run(2026, s.dedi, 'kpm', 20);
  // candidacies either side of midnight in Jakarta (UTC+7) between 31 March and 1 April
  candidacy(db, s.rinaFamilies[15], '2026-03-31T16:59:59.000Z');
  candidacy(db, s.rinaFamilies[16], '2026-03-31T17:00:00.000Z');
  candidacy(db, s.dediFamilies[0], '2026-03-01T00:00:00.000Z');
}

function complaints(db: Db, admin: Actor, s: EvaluationSeed): void {
  const save = (kpmId: number, date: string, resolvedDate: string | null) =>
    saveComplaint(
      db,
      admin,
      {
        kpmId,
        date,
        issue: 'Bantuan tahap I belum masuk rekening',
        category: 'Bantuan belum diterima',
        handledBy: 'Operator kantor',
        resolvedDate,
        resolution: resolvedDate ? 'Rekening diperbaiki bersama bank' : '',
      },
      '2026-12-31',
    );
  save(s.rinaFamilies[0], '2026-03-01', '2026-03-02');
  save(s.rinaFamilies[1], '2026-03-31', '2026-04-01');
  save(s.rinaFamilies[2], '2026-02-27', '2026-03-03');
  save(s.rinaFamilies[3], '2026-03-20', null);
  save(s.dediFamilies[0], '2026-04-01', null);
  save(s.dediFamilies[1], '2026-03-12', '2026-03-12');
}

/** A plan with one item per outcome given (null: not marked yet). */
function workPlan(db: Db, pendampingId: number, month: string, status: string, outcomes: (string | null)[]): void {
  const at = `${month}-01T01:00:00.000Z`;
  const { id } = db.$client
    .prepare(
      `INSERT INTO work_plans (pendamping_id, month, status, submitted_at, first_submitted_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      pendampingId,
      month,
      status,
      status === 'submitted' ? at : null,
      status === 'submitted' ? at : null,
      at,
      at,
    ) as {
    id: number;
  };
  const item = db.$client.prepare(
    `INSERT INTO work_plan_items (plan_id, kind, date, title, outcome, outcome_reason) VALUES (?, 'rapat', ?, ?, ?, ?)`,
  );
  outcomes.forEach((o, i) => {
    item.run(id, `${month}-${10 + i}`, `Rapat koordinasi ${i + 1}`, o, o === 'not_done' ? 'Hujan deras' : '');
  });
}

function workPlans(db: Db, s: EvaluationSeed): void {
  // March: Rina's submitted plan has two done, one not done, one unmarked; Dedi's is still a draft (counts nothing)
  workPlan(db, s.rina, '2026-03', 'submitted', ['done', 'done', 'not_done', null]);
  workPlan(db, s.dedi, '2026-03', 'draft', ['done', 'done']);
  // April: Rina's is a draft with outcomes marked (still nothing), Dedi's submitted has one of three done
  workPlan(db, s.rina, '2026-04', 'draft', ['done', 'done', 'done']);
  workPlan(db, s.dedi, '2026-04', 'submitted', ['done', 'not_done', null]);
}

function verkom(db: Db, s: EvaluationSeed): void {
  const health = db.$client.prepare(
    `INSERT INTO verkom_health (kpm_id, person_key, month, kind, attended, recorded_at) VALUES (?, ?, ?, ?, ?, '2026-05-01T00:00:00.000Z')`,
  );
  // March, Rina: a family with two members checked (one missed), one mother checked twice, a school child alone
  health.run(s.rinaFamilies[0], 1, '2026-03', 'posyandu', 1);
  health.run(s.rinaFamilies[0], 2, '2026-03', 'kehamilan', 0);
  health.run(s.rinaFamilies[1], 1, '2026-03', 'kehamilan', 1);
  health.run(s.rinaFamilies[1], 1, '2026-03', 'posyandu', 1);
  const [child] = addChildren(db, [s.rinaFamilies[2]]);
  const { id: importId } = db.$client
    .prepare(
      `INSERT INTO verkom_imports (file_name, file_sha256, npsn, school_name, year, quarter, rows, matched, unmatched, created_at)
       VALUES ('daftar-hadir.csv', 'x', '20300001', 'SD NEGERI CONTOH', 2026, 1, 1, 1, 0, '2026-04-02T00:00:00.000Z') RETURNING id`,
    )
    .get() as { id: number };
  db.$client
    .prepare(
      `INSERT INTO verkom_education (art_id, kpm_id, month, alpa, izin, sakit, jml, attendance_bp, npsn, import_id)
       VALUES (?, ?, '2026-03', 0, 1, 0, 20, 9500, '20300001', ?)`,
    )
    .run(child.artId, child.kpmId, importId);
  // April: one of Rina's families; Dedi's families in March only
  health.run(s.rinaFamilies[3], 1, '2026-04', 'lansia', 1);
  health.run(s.dediFamilies[0], 1, '2026-03', 'posyandu', 0);
  health.run(s.dediFamilies[1], 1, '2026-03', 'disabilitas', 1);
}

/** Businesses of graduated families, their entries from the follow-up visits (and one typed in without a visit). */
function businesses(db: Db, s: EvaluationSeed): void {
  const business = db.$client.prepare(
    `INSERT INTO businesses (kpm_id, type, start_date, created_at) VALUES (?, 'makanan_minuman', '2025-06-01', '2026-01-20T00:00:00.000Z') RETURNING id`,
  );
  const entry = db.$client.prepare(
    `INSERT INTO business_entries (business_id, entry_date, running, turnover, income, visit_id, recorded_at)
     VALUES (?, ?, 1, 3000000, 900000, (SELECT min(id) FROM follow_up_visits WHERE kpm_id = ?), '2026-05-01T00:00:00.000Z')`,
  );
  const add = (kpmId: number, dates: string[]) => {
    const { id } = business.get(kpmId) as { id: number };
    for (const d of dates) entry.run(id, d, kpmId);
  };
  add(s.rinaFamilies[10], ['2026-03-16']);
  add(s.rinaFamilies[11], ['2026-03-01', '2026-03-31']);
  add(s.rinaFamilies[12], ['2026-04-01']);
  add(s.dediFamilies[8], ['2026-04-30']);
  db.$client
    .prepare(
      `INSERT INTO business_entries (business_id, entry_date, running, turnover, income, recorded_at)
       VALUES ((SELECT id FROM businesses WHERE kpm_id = ?), '2026-03-20', 1, 1000000, 300000, '2026-05-01T00:00:00.000Z')`,
    )
    .run(s.dediFamilies[8]);
}

export function seedEvaluationOffice(db: Db, admin: Actor): EvaluationSeed {
  const rina = addPendamping(db, 'RINA SETIAWATI', [BARAT]);
  const dedi = addPendamping(db, 'DEDI KURNIAWAN', [TIMUR]);
  const sari = addPendamping(db, 'SARI PERTIWI', [TIMUR]);
  const s: EvaluationSeed = {
    rina,
    dedi,
    sari,
    rinaFamilies: addFamilies(db, { count: 20, pendampingId: rina, districtCode: BARAT }),
    dediFamilies: addFamilies(db, { count: 12, pendampingId: dedi, districtCode: TIMUR }),
    rinaActor: { id: null, username: 'rina', role: 'pendamping', pendampingId: rina },
    dediActor: { id: null, username: 'dedi', role: 'pendamping', pendampingId: dedi },
  };
  addFamilies(db, { count: 2, pendampingId: rina, districtCode: BARAT, status: 'keluar', statusDate: '2026-02-01' });
  p2k2(db, s);
  graduations(db, s);
  complaints(db, admin, s);
  workPlans(db, s);
  verkom(db, s);
  businesses(db, s);
  return s;
}
