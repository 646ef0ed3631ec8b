/**
 * The DTSEN welfare decile (desil 1-10, blank when unknown) was added as one entry in fields.ts and one table
 * column: the form, the import (column DESIL), the registry export, the history and the family data report
 * take it from there, and 0, 11 and "lima" get one message in the form and in the import.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { kpmSchema, kpmSearchSchema } from '../../main/domain/schemas';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, commitImport } from '../../main/services/import/jobs';
import { importReport, problemsPage } from '../../main/services/import/report';
import { createKpm, getKpm, updateKpm } from '../../main/services/kpm';
import { searchKpm } from '../../main/services/kpm-search';
import { familyTable } from '../../main/services/privacy/family-report-tables';
import { diffSnapshots } from '../../renderer/features/kpm/history-diff';
import { csvFile } from '../fixtures/messy-files';
import { exportDb, readWorkbook, runBuiltIn, sheetRows } from '../support/exports';
import { familyInput, setUpOffice } from './helpers';
import { ADMIN, freshDb, placesOf } from './import-db';

const TODAY = new Date('2026-11-22T00:00:00Z');
const HEADERS = ['NO KK', 'NIK', 'NAMA', 'KECAMATAN', 'DESA', 'DESIL'];
const refusal = (typed: string) => `Desil berupa angka bulat 1 sampai 10 (terisi "${typed}").`;

let db: Db | undefined;
afterEach(() => db?.$client.close());

function formVerdict(desil: unknown): { value: number | null } | { message: string } {
  const result = kpmSchema.safeParse({ ...familyInput(), desil });
  if (result.success) return { value: result.data.desil };
  const issue = result.error.issues.find((i) => i.path.join('.') === 'desil');
  return { message: issue?.message ?? JSON.stringify(result.error.issues) };
}

async function importRows(database: Db, jobs: ImportJobs, desil: string[]) {
  const place = placesOf(database)[0];
  const rows = desil.map((value, i) => {
    const serial = String(i + 1).padStart(4, '0');
    return [
      `352802010110${serial}`,
      `352802450785${serial}`,
      `Dewi Lestari ${i}`,
      place.district.name,
      place.village.name,
      value,
    ];
  });
  return checkImport(jobs, database, ADMIN, {
    fileName: 'desil.csv',
    bytes: csvFile([HEADERS, ...rows]),
    today: TODAY,
  });
}

describe('desil in the form', () => {
  it('takes 1 to 10, typed or as a number, and blank as unknown', () => {
    expect(formVerdict('7')).toEqual({ value: 7 });
    expect(formVerdict(10)).toEqual({ value: 10 });
    expect(formVerdict('')).toEqual({ value: null });
    expect(formVerdict(null)).toEqual({ value: null });
  });

  it('refuses 0, 11 and "lima" with the field name and what was typed', () => {
    expect(formVerdict('0')).toEqual({ message: refusal('0') });
    expect(formVerdict(11)).toEqual({ message: refusal('11') });
    expect(formVerdict('lima')).toEqual({ message: refusal('lima') });
    expect(formVerdict('2.5')).toEqual({ message: refusal('2.5') });
  });
});

describe('desil through the import', () => {
  it('says row and column of 0, 11 and "lima" in the words of the form', async () => {
    const fresh = await freshDb();
    db = fresh.db;
    const jobs = new ImportJobs();
    const job = await importRows(db, jobs, ['7', '', '0', '11', 'lima']);
    const desil = problemsPage(jobs, ADMIN, job.id, { limit: 100 }).items.filter((p) => p.field === 'desil');
    expect(desil.map((p) => [p.row, p.column, p.severity, p.message])).toEqual([
      [4, 'F', 'error', `Baris 4, kolom DESIL: ${refusal('0').replace(/^D/, 'd')}`],
      [5, 'F', 'error', `Baris 5, kolom DESIL: ${refusal('11').replace(/^D/, 'd')}`],
      [6, 'F', 'error', `Baris 6, kolom DESIL: ${refusal('lima').replace(/^D/, 'd')}`],
    ]);
    for (const [typed, problem] of [
      ['0', desil[0]],
      ['11', desil[1]],
      ['lima', desil[2]],
    ] as const) {
      const words = problem.message.replace(/^Baris \d+, kolom DESIL: /, '');
      expect({ message: words.charAt(0).toUpperCase() + words.slice(1) }).toEqual(formVerdict(typed));
    }
  });

  it('writes a valid desil and leaves a blank one unknown', async () => {
    const fresh = await freshDb();
    db = fresh.db;
    const jobs = new ImportJobs();
    const job = await importRows(db, jobs, ['7', '']);
    expect(problemsPage(jobs, ADMIN, job.id, { limit: 100 }).items.filter((p) => p.severity === 'error')).toEqual([]);
    await commitImport(jobs, db, ADMIN, job.id, importReport(jobs, ADMIN, job.id).planId as string);
    const stored = db.$client.prepare('SELECT nik, desil FROM kpm ORDER BY nik').all();
    expect(stored).toEqual([
      { nik: '3528024507850001', desil: 7 },
      { nik: '3528024507850002', desil: null },
    ]);
  });
});

describe('desil in the export, the history, the family data report and the list', () => {
  it('exports the registry with a DESIL column that the import reads back', async () => {
    const t = await exportDb();
    db = t.db;
    const saved = updateKpm(t.db, t.admin, t.familyId, familyInput({ desil: '4', acceptWarnings: true }));
    expect(saved.status).toBe('saved');
    const file = await runBuiltIn(t.db, t.admin, 'registry');
    const rows = sheetRows((await readWorkbook(file.bytes)).worksheets[0]);
    const family = rows.filter((r) => String(r['NAMA PENGURUS']?.value) === 'SITI WULANDARI');
    expect(family.length).toBeGreaterThan(0);
    expect(family.map((r) => r.DESIL.value)).toEqual(family.map(() => 4));
  });

  it('shows a change of desil in the history, the report and the KPM list filter', async () => {
    const office = await setUpOffice();
    db = office.db;
    const created = createKpm(db, office.admin, familyInput({ desil: 3 }));
    if (created.status !== 'saved') throw new Error('not saved');
    updateKpm(db, office.admin, created.id, familyInput({ desil: 5, acceptWarnings: true }));

    const detail = getKpm(db, created.id);
    expect(detail.kpm.desil).toBe(5);
    const update = detail.history.find((entry) => entry.action === 'update');
    const shown = diffSnapshots(update?.before, update?.after, detail.historyNames);
    expect(shown.find((row) => row.label === 'Desil')).toMatchObject({ before: '3', after: '5' });

    expect(familyTable(db, detail).rows).toContainEqual(['Desil', '5']);

    const list = (desil: number) => searchKpm(db as Db, kpmSearchSchema.parse({ desil })).items.map((row) => row.id);
    expect(list(5)).toEqual([created.id]);
    expect(list(3)).toEqual([]);
  });
});
