/**
 * Verifikasi komitmen: the school form in both CSV flavours and xlsx, students matched by NIK then NISN, unmatched
 * rows listed with their number, the threshold's edges, quarters, health visits, the scoping of a pendamping
 * account on every method, and the commit that writes all or nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { AppError } from '../../main/domain/errors';
import { currentQuarter, quarterOf } from '../../main/domain/verkom';
import type { Actor } from '../../main/services/actor';
import { historyOf } from '../../main/services/audit';
import { nonComplianceXlsx } from '../../main/services/verkom/files';
import { importHealthSheet, recordHealth } from '../../main/services/verkom/health';
import { familyCommitments, quarterNonCompliance, verkomMonthlyByPendamping } from '../../main/services/verkom/quarter';
import { parseSchoolForm, readSchoolForm, readSheet, WORKER_BYTES } from '../../main/services/verkom/school-form';
import { commitSchoolForm, previewSchoolForm } from '../../main/services/verkom/school-import';
import { getVerkomSettings, updateVerkomSettings } from '../../main/services/verkom/settings';
import { schoolFormCsv, schoolFormXlsx, syntheticStudent } from '../fixtures/school-form';
import { addFamilies, addPendamping } from '../support/graduation';
import { addChildren, asInput, csvInput, formOf, QUARTER_1 } from '../support/verkom';
import { setUpOffice } from './helpers';

process.env.TZ = 'Asia/Jakarta';

const OPERATOR: Actor = { id: null, username: 'operator', role: 'operator' };
const NOW = new Date('2026-04-02T03:00:00Z');

async function office() {
  const { db, admin } = await setUpOffice();
  const rina = addPendamping(db, 'RINA');
  const budi = addPendamping(db, 'BUDI');
  const rinaFamilies = addFamilies(db, { count: 4, pendampingId: rina, districtCode: '337501' });
  const budiFamilies = addFamilies(db, { count: 2, pendampingId: budi, districtCode: '337501' });
  const children = addChildren(db, [...rinaFamilies, ...budiFamilies]);
  const rinaAccount: Actor = { id: null, username: 'rina', role: 'pendamping', pendampingId: rina };
  return { db, admin, rina, budi, rinaFamilies, budiFamilies, children, rinaAccount };
}

/** Six students of the office's six children, every month 95% unless given, and one row matching nobody. */
function students(percents: Record<number, (number | string)[]> = {}) {
  const rows = Array.from({ length: 6 }, (_x, i) => {
    const s = syntheticStudent(i, 3);
    const p = percents[i] ?? [95, 95, 95];
    return { ...s, months: s.months.map((m, k) => (m ? { ...m, percent: p[k] } : m)) };
  });
  rows.push(syntheticStudent(900, 3));
  return rows;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}
async function asyncRefusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

const count = (db: Db, table: string) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('reading the school form', () => {
  it('matches the same students from a "," CSV, a ";" CSV with a sep= line and an xlsx with merged headers', async () => {
    const { db } = await office();
    const spec = formOf(students({ 1: [84.99, 85, 85.01] }));
    const files = [
      schoolFormCsv(spec, { delimiter: ',' }),
      schoolFormCsv(spec, { delimiter: ';', sepLine: true }),
      await schoolFormXlsx(spec),
    ];
    const previews = [];
    for (const bytes of files) previews.push(await previewSchoolForm(db, OPERATOR, asInput(bytes)));
    for (const p of previews) {
      expect([p.npsn, p.schoolName, p.rows, p.matched, p.belowThreshold]).toEqual([
        '20301234',
        'SD NEGERI 1 UJI',
        7,
        6,
        1,
      ]);
      expect(p.unmatched).toHaveLength(1);
      expect(p.unmatched[0].message).toContain('NIK siswa 3201010101000900 tidak terdaftar');
    }
    // Row numbers as the file shows them: the sep= line is the file's first line.
    expect(previews.map((p) => p.unmatched[0].row)).toEqual([13, 14, 13]);
    expect(count(db, 'verkom_education')).toBe(0);
  });

  it('matches by NISN when the NIK is blank or unknown, and says why a row matches nobody', async () => {
    const { db } = await office();
    const rows = [
      { ...syntheticStudent(0, 3), nikSiswa: '' },
      { ...syntheticStudent(1, 3), nikSiswa: '3201019999999999' },
      { ...syntheticStudent(2, 3), nikSiswa: '', nisn: '' },
    ];
    const p = await previewSchoolForm(db, OPERATOR, csvInput(formOf(rows), ';'));
    expect(p.matched).toBe(2);
    expect(p.unmatched).toEqual([{ row: 9, message: 'NIK siswa dan NISN kosong.' }]);
  });

  it('refuses a form whose month names are not the chosen quarter, naming both', async () => {
    const { db } = await office();
    const bytes = schoolFormCsv(formOf(students(), ['2026-04', '2026-05', '2026-06']), { delimiter: ',' });
    const error = await asyncRefusal(() => previewSchoolForm(db, OPERATOR, asInput(bytes, 2026, 1)));
    expect(error.message).toContain('APRIL');
    expect(error.message).toContain('JANUARI');
  });
});

describe('a big form', () => {
  it('is read in the worker, giving what reading it here gives, and its refusals keep their message', async () => {
    const rows = Array.from({ length: 2500 }, (_x, i) => syntheticStudent(i, 3));
    const bytes = schoolFormCsv(formOf(rows), { delimiter: ';', sepLine: true });
    expect(bytes.length).toBeGreaterThan(WORKER_BYTES);
    const inWorker = await readSchoolForm(bytes, QUARTER_1);
    expect(inWorker.rows).toHaveLength(2500);
    expect(inWorker).toEqual(parseSchoolForm(await readSheet(bytes), QUARTER_1));
    const noNpsn = schoolFormCsv({ ...formOf(rows), npsn: '' }, { delimiter: ',' });
    await expect(readSchoolForm(noNpsn, QUARTER_1)).rejects.toThrow('NPSN sekolah tidak ditemukan');
  });
});

describe('the attendance threshold', () => {
  it('misses a month at 84.99%, meets it at 85% and 85.01%, and takes JML 0 with % blank as full attendance', async () => {
    const { db, admin, children } = await office();
    const rows = students({ 0: [84.99, 85, 85.01] });
    rows[1] = { ...rows[1], months: [{ alpa: 0, izin: 0, sakit: 0, jml: 0, percent: '' }, null, rows[1].months[2]] };
    const input = csvInput(formOf(rows), ';');
    const preview = await previewSchoolForm(db, OPERATOR, input);
    await commitSchoolForm(db, OPERATOR, { ...input, sha256: preview.sha256 }, NOW);
    const first = familyCommitments(db, OPERATOR, { kpmId: children[0].kpmId }).education;
    expect(first.map((e) => [e.month, e.attendanceBp, e.met])).toEqual([
      ['2026-03', 8501, true],
      ['2026-02', 8500, true],
      ['2026-01', 8499, false],
    ]);
    const second = familyCommitments(db, OPERATOR, { kpmId: children[1].kpmId }).education;
    // February left blank is not recorded; January's JML 0 is 100%.
    expect(second.map((e) => [e.month, e.attendanceBp, e.met])).toEqual([
      ['2026-03', expect.any(Number), true],
      ['2026-01', 10000, true],
    ]);
    const q = quarterNonCompliance(db, OPERATOR, { year: 2026, quarter: 1 });
    expect(q.families.map((f) => [f.kpmId, f.educationMissed, f.months])).toEqual([[children[0].kpmId, 1, '2026-01']]);
    // The setting re-judges what was imported: at 45% nobody misses.
    updateVerkomSettings(db, admin, { thresholdPercent: 45 });
    expect(getVerkomSettings(db, OPERATOR)).toEqual({ thresholdPercent: 45 });
    expect(quarterNonCompliance(db, OPERATOR, { year: 2026, quarter: 1 }).families).toEqual([]);
  });

  it('lists a month whose % cannot be read as a problem of its row, keeping the others', async () => {
    const { db } = await office();
    const p = await previewSchoolForm(db, OPERATOR, csvInput(formOf(students({ 2: ['abc', 90, 90] }))));
    expect(p.problems).toEqual([{ row: 9, message: 'JANUARI: persen kehadiran "abc" tidak terbaca (isi 0-100).' }]);
    expect(p.matched).toBe(6);
  });
});

describe('committing the form', () => {
  it('writes the matched months with an audit, and re-importing replaces them', async () => {
    const { db } = await office();
    const input = csvInput(formOf(students()));
    const preview = await previewSchoolForm(db, OPERATOR, input);
    const done = await commitSchoolForm(db, OPERATOR, { ...input, sha256: preview.sha256 }, NOW);
    expect([done.matched, done.unmatched, done.monthsWritten]).toEqual([6, 1, 18]);
    expect(historyOf(db, 'verkom_import', done.importId)[0].summary).toContain('6 siswa cocok, 1 tidak cocok');
    await commitSchoolForm(db, OPERATOR, { ...input, sha256: preview.sha256 }, NOW);
    expect(count(db, 'verkom_education')).toBe(18);
  });

  it('refuses a file other than the previewed one and writes nothing', async () => {
    const { db } = await office();
    const input = csvInput(formOf(students()));
    const error = await asyncRefusal(() => commitSchoolForm(db, OPERATOR, { ...input, sha256: '0'.repeat(64) }, NOW));
    expect(error.code).toBe('CONFLICT');
    expect([count(db, 'verkom_imports'), count(db, 'verkom_education')]).toEqual([0, 0]);
  });

  it('rolls the whole form back when one write fails, and when the written months do not count back', async () => {
    const { db, children } = await office();
    const input = csvInput(formOf(students()));
    const preview = await previewSchoolForm(db, OPERATOR, input);
    db.$client.exec(`CREATE TRIGGER fail_one BEFORE INSERT ON verkom_education WHEN NEW.art_id = ${children[4].artId}
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(commitSchoolForm(db, OPERATOR, { ...input, sha256: preview.sha256 }, NOW)).rejects.toThrow();
    expect([count(db, 'verkom_imports'), count(db, 'verkom_education')]).toEqual([0, 0]);
    db.$client.exec(`DROP TRIGGER fail_one; CREATE TRIGGER lose_one AFTER INSERT ON verkom_education
      WHEN NEW.art_id = ${children[5].artId} BEGIN DELETE FROM verkom_education WHERE id = NEW.id; END`);
    const error = await asyncRefusal(() => commitSchoolForm(db, OPERATOR, { ...input, sha256: preview.sha256 }, NOW));
    expect(error.message).toContain('keutuhan');
    expect([count(db, 'verkom_imports'), count(db, 'verkom_education'), historyOf(db, 'verkom_import', 1)]).toEqual([
      0,
      0,
      [],
    ]);
  });
});

describe('quarters', () => {
  it('puts a month in its quarter: March in the first, April in the second', async () => {
    const { db, rinaFamilies } = await office();
    for (const month of ['2025-12', '2026-03', '2026-04']) {
      recordHealth(
        db,
        OPERATOR,
        { kpmId: rinaFamilies[0], memberId: null, month, kind: 'posyandu', attended: false },
        NOW,
      );
    }
    const months = (year: number, quarter: number) =>
      quarterNonCompliance(db, OPERATOR, { year, quarter }).families.map((f) => f.months);
    expect([months(2025, 4), months(2026, 1), months(2026, 2)]).toEqual([['2025-12'], ['2026-03'], ['2026-04']]);
  });

  it("takes the current quarter from the office's calendar day in Asia/Jakarta", () => {
    // 31 March 17:30 UTC is already 1 April 00:30 in Jakarta.
    expect(currentQuarter(new Date('2026-03-31T16:59:59Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(currentQuarter(new Date('2026-03-31T17:30:00Z'))).toEqual({ year: 2026, quarter: 2 });
    expect(currentQuarter(new Date('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, quarter: 1 });
    expect([quarterOf('2026-06-30'), quarterOf('2026-07-01')]).toEqual([
      { year: 2026, quarter: 2 },
      { year: 2026, quarter: 3 },
    ]);
  });
});

describe('health commitments', () => {
  it('reads the sheet NIK, BULAN, JENIS, HADIR all or nothing, naming each bad row', async () => {
    const { db, rinaFamilies, children } = await office();
    const nik = (db.$client.prepare('SELECT nik FROM kpm WHERE id = ?').get(rinaFamilies[1]) as { nik: string }).nik;
    const sheet = (rows: string[]) => ({
      base64: Buffer.from(['NIK;BULAN;JENIS;HADIR', ...rows].join('\n')).toString('base64'),
    });
    const bad = await asyncRefusal(() =>
      importHealthSheet(
        db,
        OPERATOR,
        sheet([
          `${nik};2026-02;kehamilan;ya`,
          '3201000000000000;2026-02;posyandu;tidak',
          `${children[0].nik};13-2026;posyandu;mungkin`,
        ]),
        NOW,
      ),
    );
    expect(bad.message).toContain('baris 3: NIK 3201000000000000 tidak terdaftar');
    expect(bad.message).toContain('baris 4: bulan "13-2026" tidak terbaca; HADIR "mungkin" harus ya atau tidak');
    expect(count(db, 'verkom_health')).toBe(0);
    const ok = await importHealthSheet(
      db,
      OPERATOR,
      sheet([`${nik};Februari 2026;kehamilan;ya`, `${children[0].nik};02-2026;posyandu;tidak`]),
      NOW,
    );
    expect(ok.records).toBe(2);
    const record = familyCommitments(db, OPERATOR, { kpmId: children[0].kpmId }).health;
    expect(record.map((h) => [h.artId, h.month, h.kind, h.attended])).toEqual([
      [children[0].artId, '2026-02', 'posyandu', 0],
    ]);
  });
});

describe('a pendamping account', () => {
  it('sees and records only its own families, and neither imports forms nor sets the threshold', async () => {
    const { db, rinaFamilies, budiFamilies, children, rinaAccount } = await office();
    for (const kpmId of [rinaFamilies[0], budiFamilies[0]]) {
      recordHealth(db, OPERATOR, { kpmId, memberId: null, month: '2026-02', kind: 'lansia', attended: false }, NOW);
    }
    expect(quarterNonCompliance(db, OPERATOR, { year: 2026, quarter: 1 }).families).toHaveLength(2);
    expect(quarterNonCompliance(db, rinaAccount, { year: 2026, quarter: 1 }).families.map((f) => f.kpmId)).toEqual([
      rinaFamilies[0],
    ]);
    const xlsx = await nonComplianceXlsx(db, rinaAccount, { year: 2026, quarter: 1 });
    expect(xlsx.rows).toBe(1);
    expect(familyCommitments(db, rinaAccount, { kpmId: rinaFamilies[0] }).health).toHaveLength(1);
    expect(refusal(() => familyCommitments(db, rinaAccount, { kpmId: budiFamilies[0] })).code).toBe('NOT_FOUND');
    const health = { memberId: null, month: '2026-03', kind: 'lansia' as const, attended: true };
    recordHealth(db, rinaAccount, { ...health, kpmId: rinaFamilies[1] }, NOW);
    expect(refusal(() => recordHealth(db, rinaAccount, { ...health, kpmId: budiFamilies[1] }, NOW)).code).toBe(
      'NOT_FOUND',
    );
    const other = {
      base64: Buffer.from(`NIK,BULAN,JENIS,HADIR\n${children[5].nik},2026-03,posyandu,ya\n`).toString('base64'),
    };
    expect((await asyncRefusal(() => importHealthSheet(db, rinaAccount, other, NOW))).message).toContain(
      'bukan dampingan Anda',
    );
    const form = csvInput(formOf(students()));
    expect((await asyncRefusal(() => previewSchoolForm(db, rinaAccount, form))).code).toBe('FORBIDDEN');
    expect(
      (await asyncRefusal(() => commitSchoolForm(db, rinaAccount, { ...form, sha256: '0'.repeat(64) }, NOW))).code,
    ).toBe('FORBIDDEN');
    expect(refusal(() => updateVerkomSettings(db, rinaAccount, { thresholdPercent: 50 })).code).toBe('FORBIDDEN');
    expect(getVerkomSettings(db, rinaAccount)).toEqual({ thresholdPercent: 85 });
    const unlinked: Actor = { ...rinaAccount, pendampingId: null };
    expect(refusal(() => quarterNonCompliance(db, unlinked, { year: 2026, quarter: 1 })).code).toBe('FORBIDDEN');
  });
});

describe('the month per pendamping, for the evaluation', () => {
  it('counts members and families checked and the non-compliant families, as counted independently', async () => {
    const { db, rina, budi, rinaFamilies, children } = await office();
    const input = csvInput(formOf(students({ 0: [50, 95, 95], 5: [60, 95, 95] })));
    const preview = await previewSchoolForm(db, OPERATOR, input);
    await commitSchoolForm(db, OPERATOR, { ...input, sha256: preview.sha256 }, NOW);
    // Rina's first family: the child (below) and the pengurus's visit; her second: a visit missed only.
    recordHealth(
      db,
      OPERATOR,
      { kpmId: rinaFamilies[0], memberId: null, month: '2026-01', kind: 'lansia', attended: true },
      NOW,
    );
    recordHealth(
      db,
      OPERATOR,
      { kpmId: rinaFamilies[1], memberId: children[1].artId, month: '2026-01', kind: 'posyandu', attended: false },
      NOW,
    );
    const january = verkomMonthlyByPendamping(db, '2026-01');
    // Rina: four children checked plus her first pengurus = 5 people in 4 families; families 0 and 1 missed.
    // Budi: two children in 2 families; the second (index 5) below.
    expect(january).toEqual([
      { pendampingId: rina, membersChecked: 5, familiesChecked: 4, nonCompliantFamilies: 2 },
      { pendampingId: budi, membersChecked: 2, familiesChecked: 2, nonCompliantFamilies: 1 },
    ]);
    expect(verkomMonthlyByPendamping(db, '2026-02').map((r) => r.nonCompliantFamilies)).toEqual([0, 0]);
    expect(verkomMonthlyByPendamping(db, '2026-04')).toEqual([]);
  });
});
