/**
 * Reports per kecamatan, desa and pendamping on a real SQLite file: each figure against an
 * independent count of the same rows, the period filter, agreement with Beranda's progress and the award report,
 * the pendamping's own report, the xlsx read back with ExcelJS and the PDFs with pdftotext.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher } from '../../main/api/dispatch';
import { komponenMask } from '../../main/domain/komponen';
import { type AreaReportInput, areaReportSchema } from '../../main/domain/reports';
import { awardReport } from '../../main/services/awards/reports';
import { graduationDashboard } from '../../main/services/graduation/progress';
import { type AreaRow, areaReport } from '../../main/services/reports/area';
import { areaReportPdf, areaReportXlsx, pendampingReportPdf } from '../../main/services/reports/files';
import { pendampingReport } from '../../main/services/reports/pendamping';
import { insertAward, insertProgram } from '../support/award-rows';
import { expectAppError, expectFailure, expectOk } from '../support/errors';
import { formulaStringCells, readWorkbook } from '../support/exports';
import { addCandidates, addFamilies, addPendamping, decideGraduations, reverseDecision } from '../support/graduation';
import { ADMIN } from '../support/office';
import { addGroup, addMeeting, topicId } from '../support/p2k2-rows';
import { pageSizes, pdfFile, pdfFlatText } from '../support/pdf';
import { setUpOffice } from './helpers';

const BARAT = '337501';
const TIMUR = '337502';

let db: Db;
let rina: number;
let dedi: number;
let rinaFamilies: number[];
let dediFamilies: number[];

const report = (input: Partial<AreaReportInput> & { group: AreaReportInput['group'] }) =>
  areaReport(db, areaReportSchema.parse({ year: 2026, ...input }));
const rowOf = (rows: AreaRow[], label: string) => {
  const row = rows.find((r) => r.label === label);
  if (!row) throw new Error(`no row ${label} in ${rows.map((r) => r.label).join(', ')}`);
  return row;
};
const count = (sql: string, ...params: (string | number)[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;

beforeAll(async () => {
  ({ db } = await setUpOffice());
  rina = addPendamping(db, 'RINA SETIAWATI', [BARAT]);
  dedi = addPendamping(db, 'DEDI KURNIAWAN', [TIMUR]);
  rinaFamilies = addFamilies(db, { count: 12, pendampingId: rina, districtCode: BARAT });
  dediFamilies = addFamilies(db, { count: 8, pendampingId: dedi, districtCode: TIMUR });
  addFamilies(db, { count: 3, pendampingId: null, districtCode: TIMUR });
  // komponen: two families with an SD child and a toddler, one with an elderly member, the rest none
  const setMask = db.$client.prepare('UPDATE kpm SET komponen_mask = ? WHERE id = ?');
  for (const id of rinaFamilies.slice(8, 10)) setMask.run(komponenMask(['anak_sd', 'anak_usia_dini']), id);
  setMask.run(komponenMask(['lanjut_usia']), dediFamilies[7]);
  // graduations: 3 mandiri in February and 1 alamiah in May (RINA), 2 mandiri in May (DEDI), one reversed in
  // March (DEDI), one of 2025 (RINA)
  decideGraduations(db, { kpmIds: rinaFamilies.slice(0, 3), skDate: '2026-02-10' });
  decideGraduations(db, { kpmIds: [rinaFamilies[3]], skDate: '2026-05-03', kind: 'alamiah' });
  decideGraduations(db, { kpmIds: dediFamilies.slice(0, 2), skDate: '2026-05-20' });
  reverseDecision(db, decideGraduations(db, { kpmIds: [dediFamilies[2]], skDate: '2026-03-01' }).decisionId);
  decideGraduations(db, { kpmIds: [rinaFamilies[4]], skDate: '2025-11-01' });
  // other exits: one in April 2026 (RINA, Barat), one in 2025
  addFamilies(db, { count: 1, pendampingId: rina, districtCode: BARAT, status: 'keluar', statusDate: '2026-04-02' });
  addFamilies(db, { count: 1, pendampingId: dedi, districtCode: TIMUR, status: 'keluar', statusDate: '2025-06-02' });
  // pipeline: 2 candidate and 1 verified (RINA), 1 proposed (DEDI)
  addCandidates(db, rinaFamilies.slice(5, 7), 'candidate');
  addCandidates(db, [rinaFamilies[7]], 'verified');
  addCandidates(db, [dediFamilies[3]], 'proposed', 'alamiah');
  // one of the three visits due on 10 May 2026 made
  db.$client
    .prepare("UPDATE follow_up_visits SET visited_date = '2026-05-12' WHERE kpm_id = ? AND months_after = 3")
    .run(rinaFamilies[0]);
  // awards of 2026: handed over and planned (Barat), cancelled (Timur: no money); one of 2025
  const program = insertProgram(db, { year: 2026 });
  insertAward(db, { programId: program, kpmId: rinaFamilies[0], stage: 'handed_over', cash: 3_000_000 });
  insertAward(db, { programId: program, kpmId: rinaFamilies[1], stage: 'planned', cash: 2_000_000 });
  insertAward(db, { programId: program, kpmId: dediFamilies[0], stage: 'cancelled', cash: 2_500_000 });
  const old = insertProgram(db, { year: 2025, name: 'Bantuan 2025' });
  insertAward(db, { programId: old, kpmId: rinaFamilies[4], stage: 'handed_over', cash: 4_000_000 });
});

describe('report per kecamatan', () => {
  it('counts active families and their komponen as the registry holds them', () => {
    const { rows, total } = report({ group: 'kecamatan' });
    expect(rows.map((r) => r.label)).toEqual(['Pekalongan Barat', 'Pekalongan Timur']);
    for (const [label, code] of [
      ['Pekalongan Barat', BARAT],
      ['Pekalongan Timur', TIMUR],
    ]) {
      const row = rowOf(rows, label);
      expect(row.families).toBe(count("SELECT count(*) FROM kpm WHERE status = 'aktif' AND district_code = ?", code));
      expect(row.komponen.anak_sd).toBe(
        count("SELECT count(*) FROM kpm WHERE status = 'aktif' AND district_code = ? AND komponen_mask & 4", code),
      );
    }
    // Barat: 12 - 4 graduated in 2026 - 1 in 2025 = 7 active; Timur: 8 - 2 graduated + 3 without pendamping = 9
    expect(
      rows.map((r) => [r.families, r.komponen.anak_sd, r.komponen.anak_usia_dini, r.komponen.lanjut_usia]),
    ).toEqual([
      [7, 2, 2, 0],
      [9, 0, 0, 1],
    ]);
    expect(rows.map((r) => r.withoutKomponen)).toEqual([5, 8]);
    expect(total.families).toBe(count("SELECT count(*) FROM kpm WHERE status = 'aktif'"));
  });

  it("counts decided graduations by type against the year's target, as Beranda does", () => {
    const { rows, total, months } = report({ group: 'kecamatan' });
    expect(rows.map((r) => [r.label, r.mandiri, r.alamiah, r.graduated, r.keluar, r.target, r.percent])).toEqual([
      ['Pekalongan Barat', 3, 1, 4, 1, 10, 40],
      ['Pekalongan Timur', 2, 0, 2, 0, 10, 20],
    ]);
    const dashboard = graduationDashboard(db, 2026);
    expect(rows.map((r) => [r.key, r.graduated, r.target])).toEqual(
      dashboard.kecamatan.map((k) => [k.code, k.graduated, k.target]),
    );
    expect(total).toMatchObject({ graduated: dashboard.office.graduated, target: 20, percent: 30 });
    expect(months.map((m) => [m.label, m.mandiri, m.alamiah, m.keluar]).filter(([, a, b, c]) => a || b || c)).toEqual([
      ['Februari', 3, 0, 0],
      ['April', 0, 0, 1],
      ['Mei', 2, 1, 0],
    ]);
    expect(months).toHaveLength(12);
  });

  it('counts the candidates in the pipeline, the visits due and the awards per kecamatan', () => {
    const { rows, total } = report({ group: 'kecamatan', fromMonth: 1, toMonth: 6 });
    expect(rows.map((r) => [r.pipeline.candidate, r.pipeline.verified, r.pipeline.proposed])).toEqual([
      [2, 1, 0],
      [0, 0, 1],
    ]);
    const open = graduationDashboard(db, 2026).pipeline;
    expect(total.pipeline).toEqual({ candidate: open.candidate, verified: open.verified, proposed: open.proposed });
    // due January-June in Barat: the three 3-month visits of the February decision and the 3- and 6-month visits
    // of the November 2025 one; in Timur none (the reversed March decision's visit is not due)
    expect(rows.map((r) => [r.visitsDue, r.visitsDone])).toEqual([
      [5, 1],
      [0, 0],
    ]);
    expect(total.visitsDue).toBe(
      count(
        `SELECT count(*) FROM follow_up_visits v JOIN decisions d ON d.id = v.decision_id
         WHERE d.reversed_at IS NULL AND v.due_date BETWEEN '2026-01-01' AND '2026-06-30'`,
      ),
    );
    expect(rows.map((r) => [r.awards, r.amount, r.handedOver])).toEqual([
      [2, 5_000_000, 3_000_000],
      [0, 0, 0],
    ]);
    const awards = awardReport(db, { year: 2026 }).byDistrict;
    expect(awards.map((a) => [a.key, a.planned + a.approved + a.handedOver])).toEqual([[BARAT, rows[0].amount]]);
  });

  it('filters by period: months of the year, and another year', () => {
    const spring = report({ group: 'kecamatan', fromMonth: 3, toMonth: 4 });
    expect(spring.periodLabel).toBe('Maret - April 2026');
    expect(spring.rows.map((r) => [r.mandiri, r.alamiah, r.keluar])).toEqual([
      [0, 0, 1],
      [0, 0, 0],
    ]);
    expect(spring.months.map((m) => m.label)).toEqual(['Maret', 'April']);
    const february = report({ group: 'kecamatan', fromMonth: 2, toMonth: 2 });
    expect(february.rows.map((r) => r.mandiri)).toEqual([3, 0]);
    const lastYear = report({ group: 'kecamatan', year: 2025 });
    expect(lastYear.rows.map((r) => [r.mandiri, r.keluar, r.amount])).toEqual([
      [1, 0, 4_000_000],
      [0, 1, 0],
    ]);
    expect(
      areaReportSchema.safeParse({ year: 2026, group: 'desa', fromMonth: 5, toMonth: 3 }).error?.issues[0],
    ).toMatchObject({ path: ['toMonth'], message: 'Bulan awal tidak boleh sesudah bulan akhir.' });
  });
});

describe('report per desa and per pendamping', () => {
  it('lists the desa of one kecamatan with the same figures as the kecamatan, and no target', () => {
    const desa = report({ group: 'desa', districtCode: BARAT });
    const barat = rowOf(report({ group: 'kecamatan' }).rows, 'Pekalongan Barat');
    expect(desa.districtName).toBe('Pekalongan Barat');
    expect(desa.rows.every((r) => r.parent === 'Pekalongan Barat' && r.target === null)).toBe(true);
    for (const field of ['families', 'mandiri', 'alamiah', 'keluar', 'visitsDue', 'amount'] as const)
      expect(desa.total[field]).toBe(barat[field]);
    const all = report({ group: 'desa' });
    expect(all.total.families).toBe(count("SELECT count(*) FROM kpm WHERE status = 'aktif'"));
  });

  it("counts per pendamping with each one's target; families without a pendamping apart", () => {
    const { rows } = report({ group: 'pendamping' });
    expect(rows.map((r) => [r.label, r.families, r.graduated, r.target, r.percent, r.pipeline.candidate])).toEqual([
      ['DEDI KURNIAWAN', 6, 2, 10, 20, 0],
      ['RINA SETIAWATI', 7, 4, 10, 40, 2],
      ['Tanpa pendamping', 3, 0, null, null, 0],
    ]);
    const dashboard = graduationDashboard(db, 2026).pendamping;
    for (const p of dashboard) expect(rowOf(rows, p.name)).toMatchObject({ graduated: p.graduated, target: p.target });
  });

  it("gives a pendamping's own report the same figures as their row, and refuses an unknown pendamping", () => {
    const own = pendampingReport(db, { year: 2026, fromMonth: 1, toMonth: 6, pendampingId: rina });
    const row = rowOf(report({ group: 'pendamping', fromMonth: 1, toMonth: 6 }).rows, 'RINA SETIAWATI');
    expect(own.row).toEqual(row);
    expect(own.pendamping).toMatchObject({ name: 'RINA SETIAWATI', districts: ['Pekalongan Barat'] });
    expect(own.months.map((m) => [m.label, m.mandiri, m.alamiah, m.keluar])).toEqual([
      ['Januari', 0, 0, 0],
      ['Februari', 3, 0, 0],
      ['Maret', 0, 0, 0],
      ['April', 0, 0, 1],
      ['Mei', 0, 1, 0],
      ['Juni', 0, 0, 0],
    ]);
    expectAppError(
      () => pendampingReport(db, { year: 2026, fromMonth: 1, toMonth: 12, pendampingId: 999 }),
      'NOT_FOUND',
      'Pendamping nomor 999 tidak ditemukan.',
    );
    expect(dedi).toBeGreaterThan(0);
  });
});

describe('report files', () => {
  it('writes the kecamatan report as an xlsx: numbers as numbers, header bold and frozen, a total row', async () => {
    const file = await areaReportXlsx(db, areaReportSchema.parse({ year: 2026, group: 'kecamatan' }));
    expect(file.fileName).toBe('laporan-per-kecamatan-2026.xlsx');
    const bytes = Buffer.from(file.base64, 'base64');
    expect(formulaStringCells(bytes)).toEqual([]);
    const book = await readWorkbook(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Graduasi dan target',
      'KPM aktif',
      'Calon kunjungan bantuan',
      'Per bulan',
    ]);
    const sheet = book.getWorksheet('Graduasi dan target');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Kecamatan',
      'Graduasi mandiri',
      'Graduasi alamiah',
      'Jumlah graduasi',
      'Target 2026',
      'Capaian (%)',
      'Keluar',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([undefined, 'Pekalongan Barat', 3, 1, 4, 10, 40, 1]);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Jumlah', 5, 1, 6, 20, 30, 1]);
    const money = book.getWorksheet('Calon kunjungan bantuan')?.getRow(2);
    expect(money?.getCell(8).value).toBe(5_000_000);
    expect(money?.getCell(8).numFmt).toBe('"Rp"#,##0');
  });

  it('prints the bar chart of the screen above the tables', async () => {
    const pdf = await areaReportPdf(db, areaReportSchema.parse({ year: 2026, group: 'kecamatan' }), '2026-11-30');
    const file = pdfFile(pdf.base64);
    const text = pdfFlatText(file);
    const chart = text.indexOf('Graduasi dan target per kecamatan');
    expect(chart).toBeGreaterThan(0);
    expect(chart).toBeLessThan(text.indexOf('Graduasi menurut jenis dan target'));
    // The legend and the slanted area names are drawn text.
    const drawn = text.slice(chart, text.indexOf('Graduasi menurut jenis dan target'));
    expect(drawn).toContain('Target');
    expect(drawn).toContain('Pekalongan Barat');
  });

  it('prints the area report A4 landscape under the kop', async () => {
    const pdf = await areaReportPdf(
      db,
      areaReportSchema.parse({ year: 2026, group: 'desa', districtCode: BARAT }),
      '2026-11-30',
    );
    expect(pdf.fileName).toBe('laporan-per-desa-Pekalongan-Barat-2026.pdf');
    const file = pdfFile(pdf.base64);
    const [first] = pageSizes(file);
    expect(first.width).toBeGreaterThan(first.height);
    const text = pdfFlatText(file);
    expect(text).toContain('PEMERINTAH KOTA PEKALONGAN');
    expect(text).toContain('LAPORAN GRADUASI PKH PER DESA/KELURAHAN');
    expect(text).toContain('Periode Tahun 2026, Kecamatan Pekalongan Barat');
    expect(text).toContain('Graduasi menurut jenis dan target');
    expect(text).toContain('Rp5.000.000');
  });

  it("prints the pendamping's report A4 portrait with their signature and the Kepala Dinas's", async () => {
    const village = count('SELECT village_code FROM kpm WHERE id = ?', rinaFamilies[0]) as unknown as string;
    const groupId = addGroup(db, {
      name: 'MAWAR',
      villageCode: village,
      pendampingId: rina,
      kpmIds: rinaFamilies.slice(0, 4),
    });
    const marks = rinaFamilies
      .slice(0, 4)
      .map((kpmId, i) => ({ kpmId, status: i < 3 ? ('hadir' as const) : ('alfa' as const) }));
    addMeeting(db, { groupId, topicId: topicId(db, 'Memulai Usaha'), heldOn: '2026-03-10' }, marks);
    expect(pendampingReport(db, { year: 2026, fromMonth: 1, toMonth: 6, pendampingId: rina }).p2k2.total).toMatchObject(
      {
        held: 1,
        hadir: 3,
        alfa: 1,
        rate: 75,
      },
    );
    const pdf = await pendampingReportPdf(
      db,
      { year: 2026, fromMonth: 1, toMonth: 6, pendampingId: rina },
      '2026-07-01',
    );
    const file = pdfFile(pdf.base64);
    const [first] = pageSizes(file);
    expect(first.height).toBeGreaterThan(first.width);
    const text = pdfFlatText(file);
    expect(text).toContain('LAPORAN KINERJA PENDAMPING PKH');
    expect(text).toContain('Pendamping: RINA SETIAWATI');
    expect(text).toContain('Periode Januari - Juni 2026');
    expect(text).toMatch(/Target graduasi tahun 2026 10/);
    expect(text).toMatch(/Jumlah graduasi 4/);
    expect(text).not.toContain('Data P2K2 belum tersedia.');
    expect(text).toMatch(/Sesi P2K2 dan kehadiran per kelompok .* MAWAR Medono .* 0 1 4 3 0 0 1 75 1/);
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('Dra. SRI WAHYUNI, M.Si.');
    expect(text).toContain('Pekalongan, 1 Juli 2026');
    expect(pdf.fileName).toBe('laporan-pendamping-RINA-SETIAWATI-2026.pdf');
  });

  it('answers through the contract for every role and refuses a bad period with its message', async () => {
    const api = createDispatcher(db, () => {});
    const login = await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
    const token = expectOk<{ sessionToken: string }>(login).sessionToken;
    const area = expectOk<{ rows: unknown[] }>(
      await api.call('reports.area', { year: 2026, group: 'kecamatan' }, token),
    );
    expect(area.rows).toHaveLength(2);
    expectFailure(
      await api.call('reports.area', { year: 2026, group: 'kecamatan', fromMonth: 9, toMonth: 2 }, token),
      'INVALID_INPUT',
      undefined,
      { toMonth: 'Bulan awal tidak boleh sesudah bulan akhir.' },
    );
  });
});
