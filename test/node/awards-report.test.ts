/**
 * Award reports: figures per stage and programme, cancelled awards carry no money, a
 * corrected award counts once (as corrected), grouping by kecamatan, desa, funding source and business type,
 * the year's budget use; the xlsx read back with ExcelJS and the PDF with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher } from '../../main/api/dispatch';
import { type AwardStage, correctionSchema, planAwardsSchema } from '../../main/domain/awards';
import type { Actor } from '../../main/services/actor';
import { budgetFigures } from '../../main/services/awards/budget';
import { correctAward } from '../../main/services/awards/correction';
import { planAwards } from '../../main/services/awards/plan';
import { awardReportPdf } from '../../main/services/awards/report-pdf';
import { awardReportXlsx } from '../../main/services/awards/report-xlsx';
import { awardReport, budgetUse, reportRecipients } from '../../main/services/awards/reports';
import { approveAwards, cancelAward } from '../../main/services/awards/stages';
import { insertDocuments } from '../../main/services/documents/issue';
import { inWriteTransaction } from '../../main/services/documents/numbering';
import { insertAward, insertItem, insertProgram } from '../support/award-rows';
import { catalogue, createProgram, graduate, markHandedOver, staff } from '../support/awards';
import { plainDraft } from '../support/documents-db';
import { expectAppError, expectOk } from '../support/errors';
import { formulaStringCells, readWorkbook } from '../support/exports';
import { insertFamily } from '../support/graduation';
import { ADMIN } from '../support/office';
import { setUpOffice, tempDbFile } from './helpers';

let db: Db;
let admin: Actor;
let ids: Awards;

/** Families in their kecamatan/desa of Kota Pekalongan (test office), by number. */
const PLACES: Record<number, [string, string]> = {
  1: ['337501', '3375011002'], // Pekalongan Barat, Medono
  2: ['337501', '3375011003'], // Pekalongan Barat, Podosugih
  3: ['337502', '3375021004'], // Pekalongan Timur, Kauman
  4: ['337502', '3375021004'], // Pekalongan Timur, Kauman
  5: ['337503', '3375031002'], // Pekalongan Utara, Krapyak
  6: ['337504', '3375041002'], // Pekalongan Selatan, Banyurip
};

interface Awards {
  mandiri: number;
  csr: number;
  lastYear: number;
  kpm: Record<number, number>;
  bastNumber: string;
}

/** Handover data as handover.ts writes it (date and BAST); the reports read only these two. */
function handedOver(awardId: number, date: string, bastDocumentId: number | null): void {
  db.$client
    .prepare('UPDATE awards SET handover_date = ?, bast_document_id = ? WHERE id = ?')
    .run(date, bastDocumentId, awardId);
}

/**
 * Bantuan Usaha Mandiri 2026 (APBD, Rp20.000.000): planned, approved, handed over (with goods and a BAST),
 * cancelled, and one handed over then corrected (Rp5.000.000 'Kue' replaced by Rp4.500.000 'Katering').
 * CSR PT Sinar Jaya 2026 (Rp10.000.000): one cash award. A 2025 APBN programme outside the year.
 */
function seedAwards(): Awards {
  const kpm: Record<number, number> = {};
  for (const [n, [district, village]] of Object.entries(PLACES)) {
    kpm[Number(n)] = insertFamily(db, admin, Number(n));
    db.$client
      .prepare('UPDATE kpm SET district_code = ?, village_code = ? WHERE id = ?')
      .run(district, village, kpm[Number(n)]);
  }
  const bast = inWriteTransaction(db, () =>
    insertDocuments(db, admin, [plainDraft('2026-10-20', 'BAST Keluarga Uji 3')]),
  )[0];
  const mandiri = insertProgram(db, { name: 'Bantuan Usaha Mandiri', budget: 20_000_000 });
  const csr = insertProgram(db, {
    name: 'Peduli Graduasi',
    budget: 10_000_000,
    fundingSource: 'CSR',
    sponsorName: 'PT Sinar Jaya',
  });
  const lastYear = insertProgram(db, { name: 'Bantuan 2025', year: 2025, budget: 5_000_000, fundingSource: 'APBN' });
  const mesin = insertItem(db, 'Mesin jahit', 'unit', 1_500_000);
  const obras = insertItem(db, 'Mesin obras', 'unit', 2_000_000);
  const award = (programId: number, n: number, stage: AwardStage, cash: number, businessType: string) =>
    insertAward(db, { programId, kpmId: kpm[n], stage, cash, businessType });
  award(mandiri, 1, 'planned', 3_000_000, 'Warung');
  award(mandiri, 2, 'approved', 2_500_000, ' warung ');
  const jahit = insertAward(db, {
    programId: mandiri,
    kpmId: kpm[3],
    stage: 'handed_over',
    businessType: 'Jahit',
    lines: [
      { itemId: mesin, quantity: 1 },
      { itemId: obras, quantity: 1 },
    ],
  });
  handedOver(jahit, '2026-10-20', bast.id);
  award(mandiri, 4, 'cancelled', 4_000_000, 'Jahit');
  const wrong = award(mandiri, 5, 'handed_over', 5_000_000, 'Kue');
  handedOver(wrong, '2026-10-21', null);
  const corrected = insertAward(db, {
    programId: mandiri,
    kpmId: kpm[5],
    stage: 'handed_over',
    cash: 4_500_000,
    businessType: 'Katering',
    correctsAwardId: wrong,
  });
  handedOver(corrected, '2026-10-21', null);
  award(csr, 1, 'handed_over', 2_000_000, 'Warung');
  award(lastYear, 6, 'handed_over', 1_000_000, 'Bengkel');
  return { mandiri, csr, lastYear, kpm, bastNumber: bast.number };
}

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  ids = seedAwards();
});
afterEach(() => db.$client.close());

const noneCancelled = { planned: 0, approved: 0, handed_over: 0, cancelled: 0 };
const money = (g: { label: string; families: number; planned: number; approved: number; handedOver: number }) => [
  g.label,
  g.families,
  g.planned,
  g.approved,
  g.handedOver,
];

describe('award report figures', () => {
  it('sums each programme per stage; a cancelled award carries no money and a corrected one counts once', () => {
    const report = awardReport(db, { year: 2026 });
    expect(report.programs.map((p) => p.name)).toEqual(['Bantuan Usaha Mandiri', 'Peduli Graduasi']);
    const [mandiri, csr] = report.programs;
    expect(mandiri).toMatchObject({
      id: ids.mandiri,
      budget: 20_000_000,
      planned: 3_000_000,
      approved: 2_500_000,
      handedOver: 8_000_000,
      remaining: 6_500_000,
      counts: { planned: 1, approved: 1, handed_over: 2, cancelled: 1 },
    });
    expect(csr).toMatchObject({
      budget: 10_000_000,
      handedOver: 2_000_000,
      remaining: 8_000_000,
      counts: { ...noneCancelled, handed_over: 1 },
    });
    expect(report.totals).toEqual({
      budget: 30_000_000,
      planned: 3_000_000,
      approved: 2_500_000,
      handedOver: 10_000_000,
      remaining: 14_500_000,
      counts: { planned: 1, approved: 1, handed_over: 3, cancelled: 1 },
    });
  });

  it('groups by kecamatan, desa, funding source and business type (families with money only)', () => {
    const report = awardReport(db, { year: 2026 });
    expect(report.byDistrict.map(money)).toEqual([
      ['Pekalongan Barat', 2, 3_000_000, 2_500_000, 2_000_000],
      ['Pekalongan Timur', 1, 0, 0, 3_500_000],
      ['Pekalongan Utara', 1, 0, 0, 4_500_000],
    ]);
    expect(report.byVillage.map((g) => [g.district, ...money(g)])).toEqual([
      ['Pekalongan Barat', 'Medono', 1, 3_000_000, 0, 2_000_000],
      ['Pekalongan Barat', 'Podosugih', 1, 0, 2_500_000, 0],
      ['Pekalongan Timur', 'Kauman', 1, 0, 0, 3_500_000],
      ['Pekalongan Utara', 'Krapyak', 1, 0, 0, 4_500_000],
    ]);
    expect(report.bySource.map(money)).toEqual([
      ['APBD', 4, 3_000_000, 2_500_000, 8_000_000],
      ['CSR (tanggung jawab sosial perusahaan)', 1, 0, 0, 2_000_000],
    ]);
    // ' warung ' is the same business as 'Warung'; 'Kue' was corrected away
    expect(report.byBusiness.map(money)).toEqual([
      ['Jahit', 1, 0, 0, 3_500_000],
      ['Katering', 1, 0, 0, 4_500_000],
      ['Warung', 2, 3_000_000, 2_500_000, 2_000_000],
    ]);
  });

  it('filters by programme and by year; the home page budget use is the year total', () => {
    const csrOnly = awardReport(db, { programId: ids.csr });
    expect(csrOnly.programs.map((p) => p.name)).toEqual(['Peduli Graduasi']);
    expect(csrOnly.byDistrict.map(money)).toEqual([['Pekalongan Barat', 1, 0, 0, 2_000_000]]);
    expect(csrOnly.bySource.map((g) => g.key)).toEqual(['CSR']);
    expect(awardReport(db, { year: 2025 }).byDistrict.map(money)).toEqual([['Pekalongan Selatan', 1, 0, 0, 1_000_000]]);
    expect(awardReport(db, { programId: ids.csr, year: 2025 }).programs).toEqual([]);
    expectAppError(
      () => awardReport(db, { programId: 999 }),
      'NOT_FOUND',
      'Program bantuan nomor 999 tidak ditemukan.',
    );
    expect(awardReport(db, {}).programs).toHaveLength(3);

    const { programs, ...use } = budgetUse(db, 2026);
    expect(programs).toBe(2);
    expect(use).toEqual(awardReport(db, { year: 2026 }).totals);
    expect(budgetUse(db, 2025)).toMatchObject({ programs: 1, budget: 5_000_000, handedOver: 1_000_000 });
    expect(budgetUse(db, 2030)).toMatchObject({ programs: 0, budget: 0, remaining: 0 });
  });

  it('lists the recipients whose awards use the budget, with the package and the BAST', () => {
    const rows = reportRecipients(db, { programId: ids.mandiri });
    expect(rows.map((r) => [r.kecamatan, r.desa, r.nama, r.stage, r.total])).toEqual([
      ['Pekalongan Barat', 'Medono', 'KELUARGA UJI 1', 'planned', 3_000_000],
      ['Pekalongan Barat', 'Podosugih', 'KELUARGA UJI 2', 'approved', 2_500_000],
      ['Pekalongan Timur', 'Kauman', 'KELUARGA UJI 3', 'handed_over', 3_500_000],
      ['Pekalongan Utara', 'Krapyak', 'KELUARGA UJI 5', 'handed_over', 4_500_000],
    ]);
    expect(rows[2]).toMatchObject({
      packageText: '1 x Mesin jahit; 1 x Mesin obras',
      handoverDate: '2026-10-20',
      bastNumber: ids.bastNumber,
      nik: '3375014507850003',
    });
  });

  it('answers through the contract', async () => {
    const api = createDispatcher(db, () => {});
    const login = await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
    const token = expectOk<{ sessionToken: string }>(login).sessionToken;
    const use = expectOk<{ programs: number; handedOver: number }>(
      await api.call('awards.budgetUse', { year: 2026 }, token),
    );
    expect(use).toMatchObject({ programs: 2, handedOver: 10_000_000 });
    const report = expectOk<{ programs: unknown[] }>(await api.call('awards.report', { programId: ids.csr }, token));
    expect(report.programs).toHaveLength(1);
  });
});

describe('award report over the awards services', () => {
  it('reports what planning, approval, cancellation, handover and correction wrote, as the budget guard sums it', () => {
    const { operator, pimpinan } = staff(db, admin);
    const items = catalogue(db, admin);
    const { kpmIds } = graduate(db, admin, [11, 12, 13, 14]);
    const program = createProgram(db, admin, { budget: 20_000_000 });
    const pkg = { lines: [{ itemId: items.etalase.id, quantity: 1 }], cash: 500_000 };
    planAwards(
      db,
      operator,
      planAwardsSchema.parse({ programId: program.id, kpmIds, package: pkg, businessType: 'Es batu' }),
    );
    const [a, b, c] = db.$client
      .prepare('SELECT id FROM awards WHERE program_id = ? ORDER BY id')
      .pluck()
      .all(program.id) as number[];
    approveAwards(db, pimpinan, { awardIds: [a, b] });
    cancelAward(db, operator, { awardId: c, reason: 'KPM menolak bantuan' });
    markHandedOver(db, a);
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
    const report = awardReport(db, { programId: program.id });
    expect(report.programs[0]).toMatchObject({
      planned: 1_750_000,
      approved: 1_750_000,
      handedOver: 1_900_000,
      remaining: 14_600_000,
      counts: { planned: 1, approved: 1, handed_over: 1, cancelled: 1 },
    });
    expect(report.totals).toEqual(budgetFigures(db, program.id));
    expect(report.byBusiness.map(money)).toEqual([
      ['Es batu', 2, 1_750_000, 1_750_000, 0],
      ['Warung makan', 1, 0, 0, 1_900_000],
    ]);
    expect(reportRecipients(db, { programId: program.id }).map((r) => [r.nama, r.packageText, r.total])).toEqual([
      ['KELUARGA UJI 11', '2 x Kompor gas 2 tungku; uang tunai Rp1.000.000', 1_900_000],
      ['KELUARGA UJI 12', '1 x Etalase kaca; uang tunai Rp500.000', 1_750_000],
      ['KELUARGA UJI 14', '1 x Etalase kaca; uang tunai Rp500.000', 1_750_000],
    ]);
  });
});

describe('award report files', () => {
  it('writes an xlsx: one sheet per table, header bold and frozen, NIK as text, money numbers, real dates', async () => {
    const file = await awardReportXlsx(db, { year: 2026 });
    expect(file.fileName).toBe('laporan-bantuan-2026.xlsx');
    expect(file.rows).toBe(5);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(formulaStringCells(bytes)).toEqual([]);
    const book = await readWorkbook(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Ringkasan',
      'Per kecamatan',
      'Per desa',
      'Sumber dana',
      'Jenis usaha',
      'Penerima',
    ]);
    const summary = book.getWorksheet('Ringkasan');
    if (!summary) throw new Error('no Ringkasan');
    expect(summary.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.getRow(2).values).toEqual([
      undefined,
      'Bantuan Usaha Mandiri',
      2026,
      'APBD',
      'Aktif',
      20_000_000,
      3_000_000,
      2_500_000,
      8_000_000,
      6_500_000,
      1,
      1,
      2,
      1,
    ]);
    expect(summary.getRow(4).getCell(1).value).toBe('Jumlah');
    expect(summary.getRow(4).getCell(9).value).toBe(14_500_000);
    expect(summary.getRow(2).getCell(5).numFmt).toBe('"Rp"#,##0');
    expect(summary.getColumn(1).width).toBeGreaterThanOrEqual('Bantuan Usaha Mandiri'.length);

    const recipients = book.getWorksheet('Penerima');
    if (!recipients) throw new Error('no Penerima');
    const header = (recipients.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      'No',
      'Program',
      'Nama',
      'NIK',
      'Desa',
      'Kecamatan',
      'Jenis usaha',
      'Paket',
      'Nilai',
      'Tahap',
      'Tanggal serah',
      'Nomor BAST',
    ]);
    // programme, kecamatan, desa, name: row 4 is the third family of Bantuan Usaha Mandiri
    const jahit = recipients.getRow(4);
    expect(jahit.getCell(3).value).toBe('KELUARGA UJI 3');
    expect(jahit.getCell(4).value).toBe('3375014507850003');
    expect(jahit.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(jahit.getCell(8).value).toBe('1 x Mesin jahit; 1 x Mesin obras');
    expect(jahit.getCell(9).value).toBe(3_500_000);
    expect(jahit.getCell(11).value).toEqual(new Date('2026-10-20T00:00:00Z'));
    expect(jahit.getCell(11).numFmt).toBe('dd/mm/yyyy');
    expect(jahit.getCell(12).value).toBe(ids.bastNumber);
    expect(recipients.getRow(2).getCell(11).value).toBeNull();
    expect(recipients.getRow(5).getCell(8).value).toBe('uang tunai Rp4.500.000');
    expect(recipients.getRow(6).getCell(2).value).toBe('Peduli Graduasi');
  });

  it('prints the same figures under the kop, A4 landscape', async () => {
    const pdf = await awardReportPdf(db, { programId: ids.mandiri }, '2026-11-30');
    expect(pdf.fileName).toBe('laporan-bantuan-Bantuan-Usaha-Mandiri-2026.pdf');
    const file = tempDbFile('laporan.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('DINAS SOSIAL');
    expect(flat).toContain('LAPORAN BANTUAN BAGI KPM GRADUASI');
    expect(flat).toContain('Program Bantuan Usaha Mandiri (2026)');
    expect(flat).toContain('Keadaan per 30 November 2026');
    for (const heading of ['Ringkasan per program', 'Per kecamatan', 'Per desa/kelurahan', 'Per jenis usaha']) {
      expect(flat).toContain(heading);
    }
    expect(text).toMatch(
      /2026\s+APBD\s+Aktif\s+Rp20\.000\.000\s+Rp3\.000\.000\s+Rp2\.500\.000\s+Rp8\.000\.000\s+Rp6\.500\.000/,
    );
    expect(text).toMatch(/Pekalongan Utara\s+1\s+Rp0\s+Rp0\s+Rp4\.500\.000\s+Rp4\.500\.000/);
    expect(flat).toContain('3375014507850003');
    expect(flat).toContain(ids.bastNumber);
    expect(flat).toContain('20/10/2026');
    expect(flat).not.toContain('Kue');
    expect(flat).toContain('Halaman 1 dari');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.2/);
  });
});
