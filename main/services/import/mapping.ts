/** Finding the header row under title rows, mapping its columns to fields, and named mappings saved for reuse. */

import { asc, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { type ImportMapping, importMappings } from '../../../db/schema';
import { IMPORT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import {
  autoMap,
  type ColumnMapping,
  fieldForHeader,
  headerKey,
  IMPORT_FIELD_KEYS,
  IMPORT_FIELD_LABEL,
  type ImportField,
  isKnownIgnoredHeader,
} from '../../domain/import-fields';
import { cleanText, type RawCell } from '../../domain/normalize';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

const KEY_FIELDS: ImportField[] = ['nik', 'noKk', 'idKpm', 'nama', 'artNik', 'artNama'];

/** How header-like a row is: the number of distinct fields its cells name (known ignored headers count half). */
export function headerScore(cells: readonly RawCell[]): { score: number; hasKey: boolean } {
  const fields = new Set<ImportField>();
  let ignored = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const hit = fieldForHeader(cell);
    if (hit) fields.add(hit.field);
    else if (isKnownIgnoredHeader(cell)) ignored++;
  }
  return { score: fields.size + ignored / 2, hasKey: KEY_FIELDS.some((f) => fields.has(f)) };
}

/** The index (in rows) of the most header-like row among the first ones, or -1. */
export function detectHeaderRow(rows: readonly { row: number; cells: readonly RawCell[] }[]): number {
  let best = -1;
  let bestScore = 0.5;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const { score, hasKey } = headerScore(r.cells);
    if (hasKey && score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

export function headerTexts(cells: readonly RawCell[]): string[] {
  return Array.from({ length: cells.length }, (_, i) => cleanText(cells[i] ?? null));
}

export interface MappingResult {
  mapping: ColumnMapping;
  /** Fields of a saved mapping whose header is not in this file. */
  missing: ImportField[];
}

/** Applies a saved mapping (field -> header key) to this file's headers. */
export function applySavedMapping(headers: readonly string[], fields: Record<string, string>): MappingResult {
  const keys = headers.map(headerKey);
  const mapping: ColumnMapping = {};
  const missing: ImportField[] = [];
  for (const [field, key] of Object.entries(fields)) {
    if (!(IMPORT_FIELD_KEYS as readonly string[]).includes(field)) continue;
    const column = keys.indexOf(key);
    if (column >= 0) mapping[field as ImportField] = column;
    else missing.push(field as ImportField);
  }
  return { mapping, missing };
}

export { autoMap };

/** A mapping the user edited: columns must exist and no column may feed two fields. */
export function validateMapping(mapping: Partial<Record<string, number | null>>, columnCount: number): ColumnMapping {
  const result: ColumnMapping = {};
  const used = new Map<number, string>();
  const fields: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (column === null || column === undefined) continue;
    if (!(IMPORT_FIELD_KEYS as readonly string[]).includes(field)) {
      fields[field] = 'Kolom tujuan tidak dikenal.';
      continue;
    }
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) {
      fields[field] = 'Kolom tidak ada di berkas.';
      continue;
    }
    const other = used.get(column);
    if (other) {
      fields[field] = `Kolom yang sama sudah dipakai untuk ${IMPORT_FIELD_LABEL[other as ImportField]}.`;
      continue;
    }
    used.set(column, field);
    result[field as ImportField] = column;
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('INVALID_INPUT', 'Pemetaan kolom tidak sah. Periksa kolom yang ditandai.', { fields });
  }
  return result;
}

/** The mapping as field -> header text, the form stored with a batch and a saved mapping. */
export function mappingByHeader(mapping: ColumnMapping, headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) if (column !== undefined) out[field] = headers[column] ?? '';
  return out;
}

// --- saved mappings -----------------------------------------------------------------------------------------------

export function listMappings(db: Db): ImportMapping[] {
  return db.select().from(importMappings).orderBy(asc(importMappings.name)).all();
}

export function findMapping(db: Db, name: string): ImportMapping | null {
  const wanted = name.trim().toLowerCase();
  return listMappings(db).find((m) => m.name.toLowerCase() === wanted) ?? null;
}

/** Saves (or replaces, by name) a mapping given as field -> header text. */
export function saveMapping(db: Db, actor: Actor, name: string, fieldHeaders: Record<string, string>): ImportMapping {
  requireRole(actor, IMPORT_DUTIES.run);
  const trimmed = name.trim();
  if (!trimmed)
    throw new AppError('INVALID_INPUT', 'Beri nama pemetaan.', { fields: { name: 'Nama pemetaan wajib diisi.' } });
  const fields: Record<string, string> = {};
  for (const [field, header] of Object.entries(fieldHeaders)) {
    if ((IMPORT_FIELD_KEYS as readonly string[]).includes(field) && headerKey(header))
      fields[field] = headerKey(header);
  }
  if (Object.keys(fields).length === 0) {
    throw new AppError('INVALID_INPUT', 'Pemetaan kosong: petakan paling sedikit satu kolom.');
  }
  const now = new Date().toISOString();
  return inTransaction(db, () => {
    const existing = findMapping(db, trimmed);
    const saved = existing
      ? db
          .update(importMappings)
          .set({ fields, updatedAt: now })
          .where(eq(importMappings.id, existing.id))
          .returning()
          .get()
      : db
          .insert(importMappings)
          .values({ name: trimmed, fields, createdBy: actor.username, createdAt: now, updatedAt: now })
          .returning()
          .get();
    writeAudit(db, actor, {
      action: existing ? 'update' : 'create',
      entity: 'import_mapping',
      entityId: saved.id,
      summary: `Pemetaan kolom impor "${saved.name}" ${existing ? 'diperbarui' : 'disimpan'}`,
      before: existing ?? null,
      after: saved,
    });
    return saved;
  });
}

export function deleteMapping(db: Db, actor: Actor, id: number): void {
  requireRole(actor, IMPORT_DUTIES.run);
  inTransaction(db, () => {
    const existing = db.select().from(importMappings).where(eq(importMappings.id, id)).get();
    if (!existing) throw new AppError('NOT_FOUND', 'Pemetaan tidak ditemukan.');
    db.delete(importMappings).where(eq(importMappings.id, id)).run();
    writeAudit(db, actor, {
      action: 'delete',
      entity: 'import_mapping',
      entityId: id,
      summary: `Pemetaan kolom impor "${existing.name}" dihapus`,
      before: existing,
    });
  });
}
