/**
 * A list of mandiri candidates from a spreadsheet: NIK or ID KPM, a reason, optional notes.
 * The file is read by the import's reader stage (import/read.ts, xlsx or delimited text); each row is then
 * checked here. preview is the dry run: every problem with its row, column and value. commit checks again and
 * adds all rows in one transaction, or none.
 */

import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { type FamilyLookup, familyByNikOrIdKpm } from '../../../db/queries/candidates';
import { CANDIDATE_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { MANDIRI_REASON_LABEL, MANDIRI_REASONS, type MandiriReason } from '../../domain/graduation';
import { cellText } from '../../domain/normalize';
import { type Actor, requireRole } from '../actor';
import { openFile } from '../import/read';
import { candidateRefusal, insertCandidates, type NewCandidate } from './candidates';

export interface ListProblem {
  /** Row number as the spreadsheet shows it. */
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ListPreview {
  rows: number;
  problems: ListProblem[];
  /** The families that would be added, for the user to check. */
  ready: { row: number; kpmId: number; nama: string; reasons: MandiriReason[] }[];
}

const IDENTITY_HEADER = /^(nik|id ?kpm)/i;
const REASON_HEADER = /^alasan/i;
const NOTES_HEADER = /^catatan/i;

/** Reason text (one or more, split by comma, semicolon or new line) to MANDIRI_REASONS by code or label. */
function parseReasons(text: string): { reasons: MandiriReason[]; unknown: string[] } {
  const byName = new Map<string, MandiriReason>();
  for (const code of MANDIRI_REASONS) {
    byName.set(code, code);
    byName.set(MANDIRI_REASON_LABEL[code].toLowerCase(), code);
  }
  const reasons: MandiriReason[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const key = part.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!key) continue;
    const code = byName.get(key) ?? byName.get(key.replace(/ /g, '_'));
    if (code) reasons.includes(code) || reasons.push(code);
    else unknown.push(part.trim());
  }
  return { reasons, unknown };
}

async function readRows(fileBase64: string): Promise<{ row: number; cells: string[] }[]> {
  const file = openFile(Buffer.from(fileBase64, 'base64'));
  const rows: { row: number; cells: string[] }[] = [];
  try {
    for await (const batch of file.rows(file.sheets[0] ?? null)) {
      for (const r of batch) {
        const cells = r.cells.map((c) => cellText(c).trim());
        if (cells.some((c) => c !== '')) rows.push({ row: r.row, cells });
      }
    }
  } finally {
    file.release();
  }
  return rows;
}

function findFamily(db: Db, value: string): FamilyLookup | undefined {
  return familyByNikOrIdKpm(db, value.replace(/[\s.]/g, '').toUpperCase());
}

/** Reads and checks the whole list; nothing is written. */
export async function previewCandidateList(
  db: Db,
  fileBase64: string,
): Promise<ListPreview & { items: NewCandidate[] }> {
  const rows = await readRows(fileBase64);
  const header = rows.shift();
  const find = (pattern: RegExp) => header?.cells.findIndex((c) => pattern.test(c)) ?? -1;
  const idColumn = find(IDENTITY_HEADER);
  const reasonColumn = find(REASON_HEADER);
  const notesColumn = find(NOTES_HEADER);
  if (!header || idColumn < 0 || reasonColumn < 0) {
    throw new AppError(
      'IMPORT_NO_HEADER',
      'Baris judul tidak ditemukan: baris pertama harus berisi kolom "NIK" atau "ID KPM" dan kolom "Alasan".',
    );
  }
  const idName = header.cells[idColumn];
  const reasonName = header.cells[reasonColumn];
  const problems: ListProblem[] = [];
  const ready: ListPreview['ready'] = [];
  const items: NewCandidate[] = [];
  const seen = new Map<number, number>();
  for (const { row, cells } of rows) {
    const value = cells[idColumn] ?? '';
    const problem = (column: string, v: string, message: string) => problems.push({ row, column, value: v, message });
    const family = value ? findFamily(db, value) : undefined;
    const refusal = !value
      ? 'NIK atau ID KPM kosong.'
      : !family
        ? 'Tidak ada KPM dengan NIK atau ID KPM ini.'
        : seen.has(family.id)
          ? `KPM ini sudah ada di baris ${seen.get(family.id)}.`
          : candidateRefusal(family, family.openStage as never);
    if (refusal) problem(idName, value, refusal);
    const reasonText = cells[reasonColumn] ?? '';
    const { reasons, unknown } = parseReasons(reasonText);
    if (unknown.length > 0) {
      problem(
        reasonName,
        reasonText,
        `Alasan tidak dikenal: ${unknown.join(', ')}. Pilihan: ${MANDIRI_REASONS.map((r) => MANDIRI_REASON_LABEL[r]).join(', ')}.`,
      );
    } else if (reasons.length === 0) problem(reasonName, reasonText, 'Alasan wajib diisi.');
    if (!family || refusal || unknown.length > 0 || reasons.length === 0) continue;
    seen.set(family.id, row);
    ready.push({ row, kpmId: family.id, nama: family.nama, reasons });
    items.push({
      kpmId: family.id,
      kind: 'mandiri',
      reasons,
      notes: notesColumn < 0 ? '' : (cells[notesColumn] ?? ''),
    });
  }
  return { rows: rows.length, problems, ready, items };
}

export async function previewCandidateImport(db: Db, actor: Actor, fileBase64: string): Promise<ListPreview> {
  requireRole(actor, CANDIDATE_DUTIES.edit);
  const { items: _items, ...preview } = await previewCandidateList(db, fileBase64);
  return preview;
}

/** All or nothing: refused while any row has a problem; otherwise every row is added in one transaction. */
export async function commitCandidateImport(db: Db, actor: Actor, fileBase64: string): Promise<{ added: number }> {
  requireRole(actor, CANDIDATE_DUTIES.edit);
  const preview = await previewCandidateList(db, fileBase64);
  if (preview.problems.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Daftar masih memiliki ${preview.problems.length} masalah; tidak ada yang disimpan.`,
    );
  }
  if (preview.items.length === 0) throw new AppError('INVALID_INPUT', 'Daftar tidak berisi baris data.');
  return inTransaction(db, () => {
    insertCandidates(db, actor, preview.items, 'dari daftar');
    return { added: preview.items.length };
  });
}
