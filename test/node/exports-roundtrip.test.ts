/**
 * Export and import agree: a registry exported with the default template and imported again changes nothing; the
 * import's dry run reports every family unchanged, from the .xlsx and from the CSV (;) alike, members' NISNs
 * included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, chooseImport, commitImport } from '../../main/services/import/jobs';
import { importReport } from '../../main/services/import/report';
import { type ExportDb, exportDb, readWorkbook, runBuiltIn, sheetRows, TODAY } from '../support/exports';
import { addPendamping } from '../support/graduation';

let t: ExportDb;
let families: number;
beforeAll(async () => {
  t = await exportDb();
  // A pendamping for some families, a family with every optional field, a member without NIK.
  const pendampingId = addPendamping(t.db, 'DEWI LESTARI, S.Sos');
  t.db.$client
    .prepare('UPDATE kpm SET pendamping_id = ? WHERE id IN (?, ?)')
    .run(pendampingId, t.familyId, t.graduatedIds[0]);
  t.db.$client
    .prepare(
      "UPDATE kpm SET id_dtks = '3375010101000123', notes = 'Pindah dari RT 1', komponen = 'lanjut_usia' WHERE id = ?",
    )
    .run(t.graduatedIds[1]);
  // A NISN with the leading zeros of a pupil born from 2000: written as text, read back as text.
  t.db.$client.prepare("UPDATE art SET nisn = '0191234567' WHERE nama = 'AYU LESTARI'").run();
  families = (t.db.$client.prepare('SELECT count(*) AS n FROM kpm').get() as { n: number }).n;
});
afterAll(() => t.db.$client.close());

async function dryRun(fileName: string, bytes: Buffer) {
  const jobs = new ImportJobs();
  const job = await checkImport(jobs, t.db, t.admin, { fileName, bytes, today: TODAY });
  return importReport(jobs, t.admin, job.id);
}

describe('registry round trip', () => {
  it('the default template, as .xlsx, imports with every family unchanged', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry');
    const report = await dryRun(file.fileName, file.bytes);
    expect(report.fatal).toBeNull();
    expect(report.layout).toBe('keluarga_anggota');
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.counts).toMatchObject({ families, add: 0, update: 0, unchanged: families, skip: 0, error: 0 });
  });

  it('the same as CSV with ; (UTF-8 with BOM) and with a title row', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry', { format: 'csv_semicolon', titleRow: 'DATA KPM' });
    const report = await dryRun(file.fileName, file.bytes);
    expect(report.file.encoding).toBe('UTF-8 (BOM)');
    expect(report.counts).toMatchObject({ families, add: 0, update: 0, unchanged: families, skip: 0, error: 0 });
  });

  it('a changed export is not unchanged (the dry run can tell)', async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry', { format: 'csv_comma' });
    const text = file.bytes.toString('utf8').replace('Jl. Merdeka Gg. 3', 'Jl. Merdeka Gg. 4');
    const report = await dryRun('ubah.csv', Buffer.from(text, 'utf8'));
    expect(report.counts.unchanged).toBe(families - 1);
  });
});

/** The file's bytes with one cell changed: the cell in `column` on the row where `matchColumn` is `match`. */
async function editXlsx(bytes: Buffer, matchColumn: string, match: string, column: string, value: string) {
  const workbook = await readWorkbook(bytes);
  const sheet = workbook.worksheets[0];
  const row = sheetRows(sheet).find((r) => r[matchColumn].text === match);
  if (!row) throw new Error(`${matchColumn} = ${match} not in the file`);
  row[column].value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('members and names round trip', () => {
  it("members' komponen read back from the labels the export writes; a changed komponen is a change", async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry');
    const same = await dryRun(file.fileName, file.bytes);
    expect(same.problems).toEqual([]);

    const edited = await editXlsx(file.bytes, 'NAMA ANGGOTA', 'AYU LESTARI', 'KOMPONEN ANGGOTA', 'Anak SMP/sederajat');
    const jobs = new ImportJobs();
    const job = await checkImport(jobs, t.db, t.admin, { fileName: 'ubah-komponen.xlsx', bytes: edited, today: TODAY });
    const report = importReport(jobs, t.admin, job.id);
    expect(report.problems.filter((p) => p.field === 'artKomponen' || p.field === 'komponen')).toEqual([]);
    expect(report.counts).toMatchObject({ unchanged: families - 1, skip: 1 });
    const changed = report.duplicates.find((d) => d.existing?.id === t.familyId);
    expect(changed?.differences).toEqual([
      { label: 'anggota keluarga', registered: '2 anggota', file: '1 anggota diubah' },
      { label: 'komponen anggota AYU LESTARI', registered: 'Anak SD/sederajat', file: 'Anak SMP/sederajat' },
    ]);

    const chosen = await chooseImport(jobs, t.admin, job.id, { defaults: { db: 'update' } });
    expect(chosen.counts).toMatchObject({ update: 1, unchanged: families - 1 });
    await commitImport(jobs, t.db, t.admin, job.id, chosen.planId as string);
    const ayu = t.db.$client.prepare("SELECT komponen FROM art WHERE nama = 'AYU LESTARI'").get();
    expect(ayu).toEqual({ komponen: 'anak_smp' });
  });

  it("a member's NISN is read back with its zeros; a changed one is a change", async () => {
    const file = await runBuiltIn(t.db, t.admin, 'registry');
    const edited = await editXlsx(file.bytes, 'NAMA ANGGOTA', 'AYU LESTARI', 'NISN', '0191234568');
    const report = await dryRun('ubah-nisn.xlsx', edited);
    expect(report.counts).toMatchObject({ unchanged: families - 1, skip: 1 });
    expect(report.duplicates.find((d) => d.existing?.id === t.familyId)?.differences).toEqual([
      { label: 'anggota keluarga', registered: '2 anggota', file: '1 anggota diubah' },
      { label: 'NISN AYU LESTARI', registered: '0191234567', file: '0191234568' },
    ]);
  });

  it('a name starting with an apostrophe comes back with it, from .xlsx and CSV', async () => {
    t.db.$client.prepare("UPDATE kpm SET nama = '''ANI' WHERE id = ?").run(t.graduatedIds[2]);
    t.db.$client
      .prepare("UPDATE art SET nama = '''BUDI SANTOSO' WHERE kpm_id = ? AND nama = 'BUDI SANTOSO'")
      .run(t.familyId);
    try {
      for (const format of ['xlsx', 'csv_semicolon'] as const) {
        const file = await runBuiltIn(t.db, t.admin, 'registry', { format });
        const report = await dryRun(file.fileName, file.bytes);
        expect(report.counts, format).toMatchObject({ families, unchanged: families, skip: 0, error: 0 });
      }
    } finally {
      t.db.$client.prepare("UPDATE kpm SET nama = 'ANI' WHERE id = ?").run(t.graduatedIds[2]);
      t.db.$client.prepare("UPDATE art SET nama = 'BUDI SANTOSO' WHERE nama = '''BUDI SANTOSO'").run();
    }
  });
});
