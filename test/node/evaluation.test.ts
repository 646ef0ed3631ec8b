/**
 * The pendamping's month on a real SQLite file (test/support/evaluation-seed.ts): every figure of the report and the
 * evaluation against an independent count of the rows, months cut at midnight in Asia/Jakarta, ranking and flagging,
 * the indicators' weights, the evaluation's scores, the files, and a pendamping account's scope on every method.
 */
process.env.TZ = 'Asia/Jakarta';

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/open';
import {
  complaintSaveSchema,
  DEFAULT_COMPLAINT_CATEGORIES,
  DEFAULT_INDICATORS,
  evaluationSettingsSchema,
} from '../../main/domain/evaluation';
import { todayIso } from '../../main/domain/format';
import type { Actor } from '../../main/services/actor';
import { listComplaints, saveComplaint } from '../../main/services/evaluation/complaints';
import { PENDAMPING_FIGURES } from '../../main/services/evaluation/figures';
import { monthReportPdf, monthReportXlsx } from '../../main/services/evaluation/files';
import {
  type EvaluationRow,
  evaluationMonth,
  pendampingMonth,
  rankAndFlag,
} from '../../main/services/evaluation/month';
import { recordEvaluation, saveMonthNotes } from '../../main/services/evaluation/record';
import { getEvaluationSettings, saveEvaluationSettings } from '../../main/services/evaluation/settings';
import { verkomMonthlyByPendamping } from '../../main/services/verkom/quarter';
import { expectAppError } from '../support/errors';
import { type EvaluationSeed, seedEvaluationOffice } from '../support/evaluation-seed';
import { readWorkbook } from '../support/exports';
import { userActor } from '../support/graduation';
import { pageSizes, pdfFile, pdfFlatText } from '../support/pdf';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let seed: EvaluationSeed;

const one = (sql: string, ...params: (string | number)[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** The month's figures counted from the rows themselves, not from the summaries or the figures' queries. */
function independent(p: number, month: string) {
  const last = `${month}-31`;
  const held = one(
    'SELECT count(*) FROM p2k2_meetings m JOIN p2k2_groups g ON g.id = m.group_id WHERE g.pendamping_id = ? AND substr(m.held_on, 1, 7) = ?',
    p,
    month,
  );
  const planned = one(
    'SELECT count(*) FROM p2k2_plans x JOIN p2k2_groups g ON g.id = x.group_id WHERE g.pendamping_id = ? AND substr(x.planned_on, 1, 7) = ?',
    p,
    month,
  );
  const attendance = (status: string) =>
    one(
      `SELECT count(*) FROM p2k2_attendance a JOIN p2k2_meetings m ON m.id = a.meeting_id
       JOIN p2k2_groups g ON g.id = m.group_id
       WHERE g.pendamping_id = ? AND substr(m.held_on, 1, 7) = ? AND a.status ${status}`,
      p,
      month,
    );
  const marked = attendance('IS NOT NULL');
  // every candidacy of the pendamping, its month read as the office's local day of its instant
  const candidates = (
    db.$client
      .prepare('SELECT created_at FROM graduation_candidates WHERE pendamping_id = ?')
      .pluck()
      .all(p) as string[]
  ).filter((at) => todayIso(new Date(at)).slice(0, 7) === month).length;
  const graduated = one(
    `SELECT count(*) FROM graduation_candidates c JOIN kpm k ON k.id = c.kpm_id
     WHERE c.stage = 'approved' AND c.pendamping_id = ? AND k.status_date BETWEEN ? AND ?`,
    p,
    `${month.slice(0, 4)}-01-01`,
    last,
  );
  const visits = (column: string) =>
    one(
      `SELECT count(*) FROM follow_up_visits v JOIN kpm k ON k.id = v.kpm_id
       WHERE k.pendamping_id = ? AND substr(v.${column}, 1, 7) = ?`,
      p,
      month,
    );
  const complaints = (column: string) =>
    one(
      `SELECT count(*) FROM complaints c JOIN kpm k ON k.id = c.kpm_id WHERE k.pendamping_id = ? AND substr(c.${column}, 1, 7) = ?`,
      p,
      month,
    );
  const planItems = (outcome: string) =>
    one(
      `SELECT count(*) FROM work_plan_items i JOIN work_plans w ON w.id = i.plan_id
       WHERE w.pendamping_id = ? AND w.month = ? AND w.status = 'submitted' AND ${outcome}`,
      p,
      month,
    );
  // a family counts once however many of its members and checks were recorded
  const checkedFamilies = new Set(
    db.$client
      .prepare(
        `SELECT e.kpm_id FROM verkom_education e JOIN kpm k ON k.id = e.kpm_id WHERE k.pendamping_id = ? AND e.month = ?
         UNION ALL
         SELECT h.kpm_id FROM verkom_health h JOIN kpm k ON k.id = h.kpm_id WHERE k.pendamping_id = ? AND h.month = ?`,
      )
      .pluck()
      .all(p, month, p, month) as number[],
  ).size;
  const businessFamilies = one(
    `SELECT count(DISTINCT b.kpm_id) FROM business_entries e JOIN businesses b ON b.id = e.business_id
     JOIN kpm k ON k.id = b.kpm_id WHERE k.pendamping_id = ? AND e.visit_id IS NOT NULL AND substr(e.entry_date, 1, 7) = ?`,
    p,
    month,
  );
  return {
    families: one("SELECT count(*) FROM kpm WHERE status = 'aktif' AND pendamping_id = ?", p),
    planDone: planItems("i.outcome = 'done'"),
    planItems: planItems('1'),
    checkedFamilies,
    businessFamilies,
    held,
    planned,
    rate: marked === 0 ? null : Math.round((attendance("= 'hadir'") / marked) * 1000) / 10,
    candidates,
    graduated,
    target: one(
      'SELECT value FROM graduation_targets WHERE year = ? AND pendamping_id = ?',
      Number(month.slice(0, 4)),
      p,
    ),
    visitsMade: visits('visited_date'),
    visitsDue: visits('due_date'),
    resolved: complaints('resolved_date'),
    received: complaints('date'),
  };
}

beforeAll(async () => {
  ({ db, admin } = await setUpOffice());
  seed = seedEvaluationOffice(db, admin);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the figures of a pendamping month', () => {
  it('match independent counts of the rows for each pendamping and month', () => {
    for (const month of ['2026-03', '2026-04']) {
      const page = evaluationMonth(db, admin, month);
      for (const p of [seed.rina, seed.dedi]) {
        const row = page.rows.find((r) => r.pendampingId === p) as EvaluationRow;
        const want = independent(p, month);
        const f = row.figures;
        expect(f.families.value, `${month} ${p} families`).toBe(want.families);
        expect(f.p2k2_held, `${month} ${p} p2k2`).toMatchObject({ value: want.held, target: want.planned });
        expect(f.p2k2_attendance.value, `${month} ${p} rate`).toBe(want.rate);
        expect(f.candidates.value, `${month} ${p} candidates`).toBe(want.candidates);
        expect(f.graduations, `${month} ${p} graduations`).toMatchObject({
          value: want.graduated,
          target: want.target,
        });
        expect(f.visits_made, `${month} ${p} visits`).toMatchObject({ value: want.visitsMade, target: want.visitsDue });
        expect(f.complaints_resolved, `${month} ${p} complaints`).toMatchObject({
          value: want.resolved,
          target: want.received,
        });
        expect(f.workplan_done, `${month} ${p} work plan`).toMatchObject({
          value: want.planDone,
          target: want.planItems,
        });
        expect(f.verkom_families, `${month} ${p} verkom`).toMatchObject({
          value: want.checkedFamilies,
          target: want.families,
        });
        expect(f.business_recorded.value, `${month} ${p} business`).toBe(want.businessFamilies);
        // the same families as the verkom service's monthly figures count
        const verkom = verkomMonthlyByPendamping(db, month).find((r) => r.pendampingId === p);
        expect(f.verkom_families.value, `${month} ${p} verkom service`).toBe(verkom?.familiesChecked ?? 0);
        // the report of one pendamping reads the same figures
        expect(pendampingMonth(db, admin, p, month).row.figures).toEqual(row.figures);
      }
    }
  });

  it('are the seeded numbers (the independent count is not empty)', () => {
    const march = evaluationMonth(db, admin, '2026-03').rows.find((r) => r.pendampingId === seed.rina) as EvaluationRow;
    expect(march.figures.families.value).toBe(16);
    expect(march.figures.p2k2_held).toMatchObject({ value: 2, target: 3, achievement: 66.7 });
    expect(march.figures.graduations).toMatchObject({ value: 4, target: 8, achievement: 50 });
    expect(march.figures.visits_made).toMatchObject({ value: 2, target: 3 });
    expect(march.figures.complaints_resolved).toMatchObject({ value: 2, target: 3 });
    expect(march.figures.workplan_done).toMatchObject({ value: 2, target: 4, achievement: 50 });
    expect(march.figures.verkom_families).toMatchObject({ value: 3, target: 16, achievement: 18.8 });
    expect(march.figures.business_recorded).toMatchObject({ value: 2, target: null, achievement: null });
  });

  it('count a draft work plan as nothing, whatever its marked outcomes', () => {
    const figures = (p: number, month: string) => pendampingMonth(db, admin, p, month).row.figures;
    // Dedi's March plan and Rina's April plan are drafts with activities marked done
    expect(figures(seed.dedi, '2026-03').workplan_done).toMatchObject({ value: 0, target: 0, achievement: null });
    expect(figures(seed.rina, '2026-04').workplan_done).toMatchObject({ value: 0, target: 0, achievement: null });
    expect(figures(seed.dedi, '2026-04').workplan_done).toMatchObject({ value: 1, target: 3, achievement: 33.3 });
  });

  it('count verifikasi komitmen per family and business entries only from follow-up visits', () => {
    const dedi = (month: string) => pendampingMonth(db, admin, seed.dedi, month).row.figures;
    // two families checked in March, none in April (a pendamping without records is 0 against its families); of the
    // twelve families two graduated, so ten are assisted
    expect(dedi('2026-03').verkom_families).toMatchObject({ value: 2, target: 10, achievement: 20 });
    expect(dedi('2026-04').verkom_families).toMatchObject({ value: 0, target: 10, achievement: 0 });
    // the March entry typed in without a visit does not count; the April one from a visit does
    expect(dedi('2026-03').business_recorded.value).toBe(0);
    expect(dedi('2026-04').business_recorded.value).toBe(1);
  });

  it('cut months at midnight in Asia/Jakarta', () => {
    const march = pendampingMonth(db, admin, seed.rina, '2026-03').row.figures;
    const april = pendampingMonth(db, admin, seed.rina, '2026-04').row.figures;
    // 16:59:59 UTC on 31 March is 23:59:59 in Jakarta; 17:00 UTC is 1 April 00:00
    expect(march.candidates.value).toBe(1);
    expect(april.candidates.value).toBe(1);
    // a complaint received on 31 March and resolved on 1 April: received in March, resolved in April
    expect(march.complaints_resolved.target).toBe(3);
    expect(april.complaints_resolved.value).toBe(1);
  });

  it("take today from the app's clock in Jakarta: 31 March 17:30 UTC is already 1 April", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-31T17:30:00.000Z'));
    const input = complaintSaveSchema.parse({
      kpmId: seed.rinaFamilies[4],
      date: '2026-04-01',
      issue: 'Kartu KKS hilang',
      category: 'Kartu/rekening (KKS)',
    });
    const saved = saveComplaint(db, admin, input, todayIso());
    expect(saved.date).toBe('2026-04-01');
    expectAppError(
      () => saveComplaint(db, admin, { ...input, date: '2026-04-02' }, todayIso()),
      'INVALID_INPUT',
      undefined,
      {
        date: 'Tanggal pengaduan tidak boleh sesudah hari ini.',
      },
    );
    db.$client.prepare('DELETE FROM complaints WHERE id = ?').run(saved.id);
  });
});

describe('ranking and flagging', () => {
  const row = (id: number, total: number | null): EvaluationRow => ({
    pendampingId: id,
    name: `P${id}`,
    nip: null,
    figures: {},
    scores: {},
    total,
    rank: null,
    flagged: false,
    evaluation: null,
  });

  it('ranks by total with shared ranks for ties and flags the lowest tenth, at least one', () => {
    const rows = [row(1, 70), row(2, 90), row(3, null), row(4, 70), row(5, 40)];
    rankAndFlag(rows);
    expect(rows.map((r) => [r.pendampingId, r.rank, r.flagged])).toEqual([
      [1, 2, false],
      [2, 1, false],
      [3, null, false],
      [4, 2, false],
      [5, 4, true],
    ]);
    const twenty = Array.from({ length: 20 }, (_, i) => row(i + 1, 100 - i));
    rankAndFlag(twenty);
    expect(twenty.filter((r) => r.flagged).map((r) => r.pendampingId)).toEqual([19, 20]);
  });

  it('orders the month by rank, flags the lowest and totals the indicators by weight', () => {
    const page = evaluationMonth(db, admin, '2026-03');
    const ranked = page.rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.rank)).toEqual([...ranked.map((r) => r.rank)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // Sari holds no P2K2 and graduated nobody against the default target of 10: the lowest, flagged
    const lowest = ranked[ranked.length - 1];
    expect(lowest).toMatchObject({ pendampingId: seed.sari, total: 0, flagged: true });
    expect(ranked[0].flagged).toBe(false);
    // the total is the weighted mean of the scored indicators (the free-scored one has no score yet)
    const rina = page.rows.find((r) => r.pendampingId === seed.rina) as EvaluationRow;
    const scored = DEFAULT_INDICATORS.filter((i) => rina.scores[i.key] !== null);
    const weights = scored.reduce((s, i) => s + i.weight, 0);
    const want = scored.reduce((s, i) => s + i.weight * (rina.scores[i.key] as number), 0) / weights;
    expect(rina.total).toBe(Math.round(want * 10) / 10);
  });
});

describe('the indicators and weights', () => {
  const settings = (indicators: unknown[]) =>
    evaluationSettingsSchema.parse({ indicators, complaintCategories: ['Lainnya'] });

  it('refuse weights not adding up to 100, a repeated key and an unknown figure, naming the row', () => {
    expectAppError(
      () =>
        saveEvaluationSettings(
          db,
          admin,
          settings([
            { key: 'p2k2', label: 'P2K2', weight: 50, figure: 'p2k2_held' },
            { key: 'sikap', label: 'Sikap', weight: 40, figure: null },
          ]),
        ),
      'INVALID_INPUT',
      undefined,
      { indicators: 'Jumlah bobot indikator harus 100; sekarang 90.' },
    );
    expectAppError(
      () =>
        saveEvaluationSettings(
          db,
          admin,
          settings([
            { key: 'a', label: 'A', weight: 50, figure: 'families' },
            { key: 'a', label: 'B', weight: 50, figure: null },
          ]),
        ),
      'INVALID_INPUT',
      undefined,
      {
        'indicators.0.figure': 'Angka "families" tidak dikenal (baris 1).',
        'indicators.1.key': 'Kode "a" dipakai dua kali (baris 2).',
      },
    );
    expect(() => evaluationSettingsSchema.parse({ indicators: [], complaintCategories: [] })).toThrow();
  });

  it('save weights adding up to 100, only by the administrator, and score the month by them', () => {
    const input = settings([
      { key: 'p2k2', label: 'Pelaksanaan P2K2', weight: 60, figure: 'p2k2_held' },
      { key: 'graduasi', label: 'Graduasi', weight: 40, figure: 'graduations' },
    ]);
    const pimpinan = userActor(db, admin, 'pimpinan', 'kabid');
    expectAppError(() => saveEvaluationSettings(db, pimpinan, input), 'FORBIDDEN');
    saveEvaluationSettings(db, admin, input);
    const rina = evaluationMonth(db, admin, '2026-03').rows.find((r) => r.pendampingId === seed.rina) as EvaluationRow;
    expect(rina.total).toBe(Math.round(((60 * 66.7 + 40 * 50) / 100) * 10) / 10);
    saveEvaluationSettings(db, admin, {
      indicators: DEFAULT_INDICATORS,
      complaintCategories: DEFAULT_COMPLAINT_CATEGORIES,
    });
    expect(getEvaluationSettings(db).indicators).toEqual(DEFAULT_INDICATORS);
  });
});

describe("the koordinator's evaluation", () => {
  it('records a score per indicator, refuses a missing one by name, and replaces the figure scores', () => {
    const kabid = userActor(db, admin, 'pimpinan', 'koordinator');
    const scores = Object.fromEntries(DEFAULT_INDICATORS.map((i) => [i.key, 80]));
    const { sikap: _left, ...missing } = scores;
    expectAppError(
      () => recordEvaluation(db, kabid, { pendampingId: seed.dedi, month: '2026-03', scores: missing, notes: '' }),
      'INVALID_INPUT',
      undefined,
      { 'scores.sikap': 'Isi nilai indikator "Sikap kerja dan kedisiplinan".' },
    );
    const operator = userActor(db, admin, 'operator', 'operator1');
    expectAppError(
      () => recordEvaluation(db, operator, { pendampingId: seed.dedi, month: '2026-03', scores, notes: '' }),
      'FORBIDDEN',
    );
    const { total } = recordEvaluation(db, kabid, {
      pendampingId: seed.dedi,
      month: '2026-03',
      scores: { ...scores, sikap: 30 },
      notes: 'Perlu meningkatkan kunjungan.',
    });
    expect(total).toBe(75);
    const dedi = evaluationMonth(db, admin, '2026-03').rows.find((r) => r.pendampingId === seed.dedi) as EvaluationRow;
    expect(dedi).toMatchObject({ total: 75, evaluation: { notes: 'Perlu meningkatkan kunjungan.' } });
    expect(dedi.scores.sikap).toBe(30);
    // another month is not evaluated
    expect(evaluationMonth(db, admin, '2026-04').rows.find((r) => r.pendampingId === seed.dedi)?.evaluation).toBeNull();
  });
});

describe('the monthly report files', () => {
  it('prints an A4 portrait PDF with the figures, the notes, the pendamping and "Mengetahui"', async () => {
    saveMonthNotes(db, seed.rinaActor, {
      pendampingId: seed.rina,
      month: '2026-03',
      notes: 'Dua KPM pindah domisili.',
    });
    const pdf = await monthReportPdf(db, seed.rinaActor, { pendampingId: seed.rina, month: '2026-03' }, '2026-04-02');
    const file = pdfFile(pdf.base64);
    const [first] = pageSizes(file);
    expect(first.height).toBeGreaterThan(first.width);
    const text = pdfFlatText(file);
    expect(text).toContain('LAPORAN KINERJA BULANAN PENDAMPING PKH');
    expect(text).toContain('Bulan Maret 2026');
    expect(text).toMatch(/Sesi P2K2 terlaksana \/ direncanakan \(sesi\) 2 3 66,7%/);
    expect(text).toContain('Dua KPM pindah domisili.');
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('RINA SETIAWATI');
    expect(pdf.fileName).toBe('laporan-bulanan-RINA-SETIAWATI-2026-03.pdf');
  });

  it('writes the same tables as xlsx', async () => {
    const file = await monthReportXlsx(db, admin, { pendampingId: seed.rina, month: '2026-03' });
    const book = await readWorkbook(Buffer.from(file.base64, 'base64'));
    const sheet = book.getWorksheet('Capaian');
    const rows: string[] = [];
    sheet?.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1).join('|'));
    });
    expect(rows.some((r) => r.startsWith('Graduasi ditetapkan s.d. bulan ini / target tahunan (KPM)|4|8|50%'))).toBe(
      true,
    );
    expect(rows.length).toBeGreaterThanOrEqual(PENDAMPING_FIGURES.length);
  });
});

describe("a pendamping account's scope, per method", () => {
  it('complaints.list: only its own families', () => {
    const own = listComplaints(db, seed.rinaActor, { page: 1, pageSize: 50, state: 'semua' });
    expect(own.total).toBe(4);
    expect(own.items.every((c) => c.pendampingId === seed.rina)).toBe(true);
    expect(listComplaints(db, admin, { page: 1, pageSize: 50, state: 'semua' }).total).toBe(6);
    expect(
      listComplaints(db, seed.rinaActor, { kpmId: seed.dediFamilies[0], page: 1, pageSize: 50, state: 'semua' }).total,
    ).toBe(0);
    expect(listComplaints(db, admin, { month: '2026-03', state: 'terbuka', page: 1, pageSize: 50 }).total).toBe(1);
  });

  it("complaints.save: another pendamping's family or case is not found", () => {
    const input = complaintSaveSchema.parse({
      kpmId: seed.dediFamilies[2],
      date: '2026-03-02',
      issue: 'Data anak belum diperbarui',
      category: 'Data keluarga tidak sesuai',
    });
    expectAppError(() => saveComplaint(db, seed.rinaActor, input, '2026-04-01'), 'NOT_FOUND');
    const dediCase = listComplaints(db, admin, { kpmId: seed.dediFamilies[0], page: 1, pageSize: 5, state: 'semua' })
      .items[0];
    expectAppError(
      () => saveComplaint(db, seed.rinaActor, { ...input, id: dediCase.id, kpmId: seed.rinaFamilies[0] }, '2026-04-01'),
      'NOT_FOUND',
    );
    const own = saveComplaint(db, seed.rinaActor, { ...input, kpmId: seed.rinaFamilies[5] }, '2026-04-01');
    expect(own.createdByName).toBe('rina');
    db.$client.prepare('DELETE FROM complaints WHERE id = ?').run(own.id);
    expectAppError(
      () => saveComplaint(db, admin, { ...input, category: 'Tidak ada' }, '2026-04-01'),
      'INVALID_INPUT',
      undefined,
      { category: 'Pilih kategori dari daftar.' },
    );
  });

  it('evaluation.month: only its own row, with its rank among all', () => {
    const all = evaluationMonth(db, admin, '2026-03');
    const own = evaluationMonth(db, seed.rinaActor, '2026-03');
    expect(own.rows.map((r) => r.pendampingId)).toEqual([seed.rina]);
    expect(own.rows[0].rank).toBe(all.rows.find((r) => r.pendampingId === seed.rina)?.rank);
  });

  it('evaluation.report, reportPdf, reportXlsx and saveNotes: another pendamping is refused', async () => {
    const other = { pendampingId: seed.dedi, month: '2026-03' };
    expectAppError(() => pendampingMonth(db, seed.rinaActor, seed.dedi, '2026-03'), 'FORBIDDEN');
    await expect(monthReportPdf(db, seed.rinaActor, other, '2026-04-01')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(monthReportXlsx(db, seed.rinaActor, other)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expectAppError(() => saveMonthNotes(db, seed.rinaActor, { ...other, notes: 'x' }), 'FORBIDDEN');
    expect(pendampingMonth(db, seed.rinaActor, seed.rina, '2026-03').pendamping.name).toBe('RINA SETIAWATI');
  });

  it('evaluation.record and saveSettings: never a pendamping; evaluation.settings: readable', () => {
    const scores = Object.fromEntries(DEFAULT_INDICATORS.map((i) => [i.key, 100]));
    expectAppError(
      () => recordEvaluation(db, seed.rinaActor, { pendampingId: seed.rina, month: '2026-03', scores, notes: '' }),
      'FORBIDDEN',
    );
    expectAppError(
      () =>
        saveEvaluationSettings(db, seed.rinaActor, {
          indicators: DEFAULT_INDICATORS,
          complaintCategories: ['Lainnya'],
        }),
      'FORBIDDEN',
    );
    expect(getEvaluationSettings(db).indicators.length).toBe(DEFAULT_INDICATORS.length);
  });

  it('a pendamping account without a linked record sees nothing', () => {
    const unlinked: Actor = { id: null, username: 'baru', role: 'pendamping', pendampingId: null };
    expectAppError(() => evaluationMonth(db, unlinked, '2026-03'), 'FORBIDDEN');
    expectAppError(() => listComplaints(db, unlinked, { page: 1, pageSize: 5, state: 'semua' }), 'FORBIDDEN');
  });
});
