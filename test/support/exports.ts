/**
 * A database for the export tests: the test office (Kota Pekalongan) with graduated families (a decision with
 * its SK and follow-up visits, one rejected), a family with members, an award handed over and one planned.
 * Synthetic data only.
 */
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/open';
import { type ExportTemplateInput, findBuiltIn } from '../../main/domain/exports';
import type { Actor } from '../../main/services/actor';
import { type ExportedFile, runExport } from '../../main/services/exports/run';
import { createKpm } from '../../main/services/kpm';
import { familyInput, setUpOffice } from '../node/helpers';
import { insertAward, insertItem, insertProgram } from './award-rows';
import { markHandedOver } from './awards';
import { decideGraduations, insertFamily } from './graduation';

export const TODAY = new Date('2026-11-30T08:00:00Z');

export interface ExportDb {
  db: Db;
  file: string;
  admin: Actor;
  /** The family with two members (Siti Wulandari). */
  familyId: number;
  graduatedIds: number[];
}

export async function exportDb(): Promise<ExportDb> {
  const { db, file, admin } = await setUpOffice();
  const saved = createKpm(
    db,
    admin,
    familyInput({ phone: '081234567890', tahunBergabung: 2015, acceptWarnings: true }),
  );
  if (saved.status !== 'saved') throw new Error(JSON.stringify(saved));
  const graduatedIds = [11, 12, 13].map((n) => insertFamily(db, admin, n));
  const rejected = insertFamily(db, admin, 14);
  decideGraduations(db, { kpmIds: graduatedIds, skDate: '2026-10-15', rejectedKpmIds: [rejected] });
  db.$client
    .prepare(`UPDATE graduation_candidates SET reasons = '["usaha","rumah_layak"]' WHERE kpm_id = ?`)
    .run(graduatedIds[0]);
  const programId = insertProgram(db);
  const itemId = insertItem(db, 'Etalase kaca', 'unit', 1_250_000);
  const handed = insertAward(db, {
    programId,
    kpmId: graduatedIds[0],
    lines: [{ itemId, quantity: 2 }],
    cash: 500_000,
  });
  markHandedOver(db, handed);
  insertAward(db, { programId, kpmId: graduatedIds[1], cash: 2_000_000, stage: 'planned' });
  return { db, file, admin, familyId: saved.id, graduatedIds };
}

/** A built-in template by its short key ('penetapan', 'usulan', 'registry', ...; 'graduation' is 'penetapan'). */
export function builtIn(key: string, overrides: Partial<ExportTemplateInput> = {}): ExportTemplateInput {
  const template = findBuiltIn(key);
  if (!template) throw new Error(key);
  const { key: _key, fileName: _fileName, ...input } = template;
  return { ...input, columns: input.columns.map((c) => ({ ...c })), ...overrides };
}

export function runBuiltIn(
  db: Db,
  actor: Actor,
  key: string,
  overrides: Partial<ExportTemplateInput> = {},
  nikMode: 'full' | 'masked' = 'full',
  maxRowsPerSheet?: number,
): Promise<ExportedFile> {
  return runExport(
    db,
    actor,
    { templateKey: `bawaan:${key}`, template: builtIn(key, overrides), nikMode },
    { via: 'aplikasi', today: TODAY, maxRowsPerSheet },
  );
}

/** The header row's texts and the data rows of a sheet as objects by header. */
export function sheetRows(sheet: ExcelJS.Worksheet, headerRow = 1): Record<string, ExcelJS.Cell>[] {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, c) => [h, row.getCell(c + 1)])));
  }
  return rows;
}

export { formulaStringCells, readWorkbook } from './xlsx-read';
