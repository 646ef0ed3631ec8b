/**
 * Issue 10 point 3: a registry exported with the default template and imported again changes nothing; the
 * import's dry run reports every family unchanged, from the .xlsx and from the CSV (;) alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport } from '../../main/services/import/jobs';
import { importReport } from '../../main/services/import/report';
import { type ExportDb, exportDb, runBuiltIn, TODAY } from '../support/exports';
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
