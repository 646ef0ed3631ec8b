/**
 * Columns of Kemendagri region codes, found from what they hold rather than from their header: SIKS-NG and DTKS
 * exports give the kecamatan and desa as codes (35.28.01, 3528012001) under headers of their own (KD_WIL,
 * KODE_WIL_KEC). Such a column is offered as kecamatan or desa when that field has no column yet; every column
 * of codes gets a note for the mapping step, whatever it is mapped to.
 */
import type { ColumnMapping } from '../../domain/import-fields';
import { cleanText, type RawCell, type RegionMatcher } from '../../domain/normalize';

const FIELD_OF_LEVEL = { district: 'kecamatan', village: 'desa' } as const;
const NOTE_OF_LEVEL = {
  district: 'Berisi kode kecamatan Kemendagri',
  village: 'Berisi kode desa/kelurahan Kemendagri',
} as const;

export interface CodeColumns {
  /** The mapping with the code columns added where their field was free. */
  mapping: ColumnMapping;
  /** Column index -> what it holds, for the mapping step. */
  notes: Record<number, string>;
}

/**
 * A column holds codes of one level when every non-blank sample is a code of that level of a known kabupaten/kota
 * and at least one is the office's own: a column of six-digit amounts (352890) is not taken for kecamatan codes.
 */
function levelOf(samples: RawCell[], regions: RegionMatcher): 'district' | 'village' | null {
  let level: 'district' | 'village' | null = null;
  let own = false;
  for (const value of samples) {
    const code = regions.codeOf(value);
    if (!code || (level && code.level !== level)) return null;
    level = code.level;
    own ||= code.own;
  }
  return own ? level : null;
}

/** The code columns among the header's columns, from the rows under the header; `offer` adds them to the mapping. */
export function findCodeColumns(
  headers: readonly string[],
  rows: readonly { cells: readonly RawCell[] }[],
  mapping: ColumnMapping,
  regions: RegionMatcher,
  offer: boolean,
): CodeColumns {
  const result: ColumnMapping = { ...mapping };
  const mapped = new Set(Object.values(mapping));
  const notes: Record<number, string> = {};
  headers.forEach((_header, column) => {
    const samples = rows.map((r) => r.cells[column] ?? null).filter((v) => cleanText(v) !== '');
    const level = samples.length > 0 ? levelOf(samples, regions) : null;
    if (!level) return;
    notes[column] = NOTE_OF_LEVEL[level];
    const field = FIELD_OF_LEVEL[level];
    if (offer && !mapped.has(column) && result[field] === undefined) {
      result[field] = column;
      mapped.add(column);
    }
  });
  return { mapping: result, notes };
}
