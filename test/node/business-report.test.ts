import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { businessSaveSchema, candidateListSchema } from '../../main/domain/business';
import { candidateList, candidateListXlsx } from '../../main/services/business/lists';
import { addPena, addTraining, saveBusiness } from '../../main/services/business/records';
import { businessReport } from '../../main/services/business/report';
import { businessReportPdf } from '../../main/services/business/report-files';
import { setUmk } from '../../main/services/business/settings';
import { insertAward, insertProgram } from '../support/award-rows';
import { type BusinessOffice, businessOffice, TODAY } from '../support/business';
import { addFamilies, decideGraduations } from '../support/graduation';
import { pageSizes, pdfFile, pdfText, squash } from '../support/pdf';
import { readWorkbook } from '../support/xlsx-read';

const UMK = 2_000_000;

/** A small deterministic generator (mulberry32), so the seed is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Planned {
  kpmId: number;
  district: string;
  entries: { income: number; running: boolean }[] | null;
  aktifAgain: boolean;
  programs: number[];
}

/** 40 more graduates over two kecamatan, each with 0-3 entries around the UMK, some aktif again, some awarded. */
function seed(o: BusinessOffice): { plan: Planned[]; programs: number[] } {
  const next = random(20);
  const programs = [insertProgram(o.db, { name: 'Bantuan Usaha A' }), insertProgram(o.db, { name: 'Bantuan Usaha B' })];
  const plan: Planned[] = [];
  for (const district of ['337501', '337502']) {
    const ids = addFamilies(o.db, {
      count: 20,
      pendampingId: district === '337501' ? o.rina : o.dedi,
      districtCode: district,
    });
    decideGraduations(o.db, { kpmIds: ids, skDate: '2026-01-31' });
    for (const kpmId of ids) {
      const n = Math.floor(next() * 4);
      const entries =
        n === 0 && next() < 0.5
          ? null
          : Array.from({ length: n }, () => ({
              // Exactly the UMK now and then: the edge counts as above.
              income: next() < 0.15 ? UMK : Math.round(next() * 4_000_000),
              running: next() < 0.8,
            }));
      const programsOf = programs.filter(() => next() < 0.3);
      plan.push({ kpmId, district, entries, aktifAgain: false, programs: programsOf });
    }
  }
  for (const p of plan) {
    if (p.entries) {
      for (const [i, e] of (p.entries.length ? p.entries : [null]).entries()) {
        const entry = e
          ? { entryDate: `2026-0${i + 3}-15`, running: e.running, turnover: e.income * 2, income: e.income, notes: '' }
          : undefined;
        saveBusiness(
          o.db,
          o.admin,
          businessSaveSchema.parse({ kpmId: p.kpmId, type: 'jasa', startDate: '2026-02-01', entry }),
          TODAY,
        );
      }
    }
    for (const programId of p.programs) insertAward(o.db, { programId, kpmId: p.kpmId });
  }
  // Every seventh family with a business is an aktif KPM again.
  for (const p of plan.filter((x) => x.entries).filter((_, i) => i % 7 === 3)) {
    p.aktifAgain = true;
    o.db.$client.prepare("UPDATE kpm SET status = 'aktif' WHERE id = ?").run(p.kpmId);
  }
  return { plan, programs };
}

/** The figures as the README defines them, counted straight from the seed plan. */
function expected(plan: Planned[]) {
  let graduates = 0;
  let withBusiness = 0;
  let running = 0;
  let aboveUmk = 0;
  let slippedBack = 0;
  for (const p of plan) {
    if (!p.aktifAgain) graduates++;
    if (p.entries) withBusiness++;
    const list = p.entries ?? [];
    const last = list[list.length - 1];
    if (!p.aktifAgain && last?.running) running++;
    if (!p.aktifAgain && last && last.income >= UMK) aboveUmk++;
    const before = list.slice(0, -1);
    const slipped =
      p.aktifAgain ||
      (last !== undefined && !last.running && before.some((e) => e.running)) ||
      (last !== undefined && last.income < UMK && before.some((e) => e.income >= UMK));
    if (p.entries && slipped) slippedBack++;
  }
  return { graduates, withBusiness, running, aboveUmk, slippedBack };
}

async function seededOffice() {
  const o = await businessOffice();
  setUmk(o.db, o.admin, UMK);
  // Only the seeded families: the office's own twelve graduates get no business and would only add graduates.
  const { plan, programs } = seed(o);
  const base = [...o.rinaGrads, ...o.dediGrads].map((kpmId) => ({
    kpmId,
    district: o.rinaGrads.includes(kpmId) ? '337501' : '337502',
    entries: null,
    aktifAgain: false,
    programs: [],
  }));
  return { o, plan: [...plan, ...base], programs };
}

describe('the business report', () => {
  it('matches counts made independently from the seed, in total, per kecamatan and per programme', async () => {
    const { o, plan, programs } = await seededOffice();
    const report = businessReport(o.db, o.admin, {});
    expect(report.total).toEqual(expected(plan));
    expect(report.total.slippedBack).toBeGreaterThan(2);
    expect(report.total.aboveUmk).toBeGreaterThan(2);
    for (const row of report.byKecamatan)
      expect(row, row.label).toMatchObject(expected(plan.filter((p) => p.district === row.key)));
    expect(report.byKecamatan.map((r) => r.key).sort()).toEqual(['337501', '337502']);
    for (const [i, programId] of programs.entries()) {
      const row = report.byProgram.find((r) => r.key === String(programId));
      expect(row?.label).toBe(`Bantuan Usaha ${'AB'[i]}`);
      expect(row).toMatchObject(expected(plan.filter((p) => p.programs.includes(programId))));
    }
    const filtered = businessReport(o.db, o.admin, { districtCode: '337502', programId: programs[1] });
    expect(filtered.total).toEqual(
      expected(plan.filter((p) => p.district === '337502' && p.programs.includes(programs[1]))),
    );
    expect(report.slipped.map((s) => s.kpmId).sort()).toEqual(
      plan
        .filter((p) => p.entries && expected([p]).slippedBack === 1)
        .map((p) => p.kpmId)
        .sort(),
    );
  });

  it('shows a pendamping account only its own families', async () => {
    const { o, plan } = await seededOffice();
    const own = businessReport(o.db, o.rinaAccount, {});
    expect(own.total).toEqual(expected(plan.filter((p) => p.district === '337501')));
    expect(own.byKecamatan.map((r) => r.key)).toEqual(['337501']);
  });
});

describe('the printed business report', () => {
  it('is an A4 report under the kop with the figures per kecamatan, per programme and the slipped-back families', async () => {
    const { o, plan } = await seededOffice();
    const pdf = await businessReportPdf(o.db, o.admin, {}, '2026-06-20');
    const file = pdfFile(Buffer.from(pdf.base64, 'base64'));
    const text = squash(pdfText(file));
    const all = expected(plan);
    expect(text).toContain('DINAS SOSIAL KOTA PEKALONGAN');
    expect(text).toContain('LAPORAN USAHA KELUARGA GRADUASI PKH');
    expect(text).toContain('Pendapatan di atas UMK');
    expect(text).toContain('UMK Rp2.000.000 per bulan');
    expect(text).toContain('Keadaan per 20 Juni 2026');
    expect(text).toContain('Per kecamatan');
    expect(text).toContain(
      `Jumlah ${all.graduates} ${all.withBusiness} ${all.running} ${all.aboveUmk} ${all.slippedBack}`,
    );
    expect(text).toContain('Bantuan Usaha A');
    expect(text).toContain('Kembali menjadi KPM aktif');
    const sizes = pageSizes(file);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    // A4 either way round.
    expect([
      Math.round(Math.min(sizes[0].width, sizes[0].height)),
      Math.round(Math.max(sizes[0].width, sizes[0].height)),
    ]).toEqual([595, 842]);
  });
});

describe('the BLK and PENA lists', () => {
  async function listOffice() {
    const o = await businessOffice();
    const save = (kpmId: number, type: string) =>
      saveBusiness(o.db, o.admin, businessSaveSchema.parse({ kpmId, type, startDate: '2026-02-01' }), TODAY);
    save(o.rinaGrads[0], 'jasa');
    save(o.rinaGrads[1], 'kerajinan');
    save(o.rinaGrads[2], 'jasa');
    save(o.dediGrads[0], 'jasa');
    const training = { course: 'Menjahit', institution: 'BLK Kota', startDate: '2026-03-01', endDate: '2026-03-10' };
    addTraining(
      o.db,
      o.admin,
      { kpmId: o.rinaGrads[0], ...training, completed: true, certificate: false, certificateNumber: '' },
      TODAY,
    );
    addPena(
      o.db,
      o.admin,
      { kpmId: o.rinaGrads[2], scheme: 'Modal usaha', amount: 3_500_000, date: '2026-04-01' },
      TODAY,
    );
    return o;
  }
  const ids = (db: Db, o: BusinessOffice, input: Record<string, unknown>, actor = o.admin) =>
    candidateList(db, actor, candidateListSchema.parse(input)).map((r) => r.kpmId);

  it('filter by kecamatan, type and no training yet; a PENA list leaves out families already in PENA', async () => {
    const o = await listOffice();
    expect(ids(o.db, o, { purpose: 'blk' })).toEqual([...o.rinaGrads.slice(0, 3), o.dediGrads[0]]);
    expect(ids(o.db, o, { purpose: 'blk', districtCode: '337502' })).toEqual([o.dediGrads[0]]);
    expect(ids(o.db, o, { purpose: 'blk', type: 'kerajinan' })).toEqual([o.rinaGrads[1]]);
    expect(ids(o.db, o, { purpose: 'blk', noTrainingYet: true })).toEqual([
      o.rinaGrads[1],
      o.rinaGrads[2],
      o.dediGrads[0],
    ]);
    expect(ids(o.db, o, { purpose: 'pena' })).toEqual([o.rinaGrads[0], o.rinaGrads[1], o.dediGrads[0]]);
    expect(ids(o.db, o, { purpose: 'pena' }, o.rinaAccount)).toEqual([o.rinaGrads[0], o.rinaGrads[1]]);
  });

  it('writes the list as xlsx with a header, one row per family and the NIK masked when asked', async () => {
    const o = await listOffice();
    const filter = candidateListSchema.parse({ purpose: 'blk', noTrainingYet: true });
    const file = await candidateListXlsx(o.db, o.admin, filter, (nik) => `${nik.slice(0, 6)}**********`);
    expect([file.fileName, file.rows]).toEqual(['calon-peserta-BLK.xlsx', 3]);
    const sheet = (await readWorkbook(Buffer.from(file.base64, 'base64'))).worksheets[0];
    expect(sheet.name).toBe('Calon peserta BLK');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'No',
      'NIK',
      'Nama',
      'Alamat',
      'Desa/Kelurahan',
      'Kecamatan',
      'Jenis usaha',
      'Mulai usaha',
      'Omzet per bulan',
      'Pendapatan per bulan',
      'Pelatihan',
    ]);
    expect(sheet.actualRowCount).toBe(4);
    const nama = o.db.$client.prepare('SELECT nama FROM kpm WHERE id = ?').pluck().get(o.rinaGrads[1]);
    expect([sheet.getCell('B2').value, sheet.getCell('G2').value]).toEqual(['337501**********', 'Kerajinan']);
    expect(sheet.getCell('C2').value).toBe(nama);
  });
});
