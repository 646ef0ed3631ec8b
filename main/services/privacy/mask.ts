/**
 * Masks every NIK and No. KK in an API answer for a role that may not see them in full.
 * Applied once, in the dispatcher, to every method's output, so a list added later cannot forget it; the
 * command line uses the same function for its reports. Files (PDF, xlsx bytes) are not walked: an export
 * chooses its own NIK mode and a printed letter carries the NIK by law.
 *
 * What is a NIK is known by name, not by looks (an ID DTKS is 16 digits too), through one rule: namesNik.
 */
import { maskNik } from '../../domain/identity';
import { fieldForHeader, type ImportField } from '../../domain/import-fields';

/** The fields that hold a NIK or No. KK: the pengurus's NIK, the family card, a member's NIK. */
const NIK_FIELDS: ReadonlySet<string> = new Set<ImportField>(['nik', 'noKk', 'artNik']);

/**
 * The one rule for what names a NIK or No. KK, wherever the name stands: a property (`nik`, `noKk`, `artNik`),
 * an import problem's field, a duplicate's key ("NIK"), a difference's label ("No. KK", "NIK anggota"), or the
 * column header a file used ("NIK_PENGURUS", "nik kpm", "NOMOR KK"). Names other than the field keys are read
 * as the import reads a header (case, spaces, dots and underscores do not matter), so any name the import would
 * take for a NIK column is one here too.
 */
export function namesNik(name: unknown): boolean {
  if (typeof name !== 'string' || name === '') return false;
  if (NIK_FIELDS.has(name)) return true;
  let known = NAMES_SEEN.get(name);
  if (known === undefined) {
    const hit = fieldForHeader(name);
    known = hit !== null && NIK_FIELDS.has(hit.field);
    // Every property of every answer passes here: the names repeat, the header normalisation need not.
    if (NAMES_SEEN.size >= 5000) NAMES_SEEN.clear();
    NAMES_SEEN.set(name, known);
  }
  return known;
}

const NAMES_SEEN = new Map<string, boolean>();

type Json = Record<string, unknown>;

/** A copy of `value` with NIKs and No. KKs masked; the input is never changed (answers may be cached). */
export function maskNikFields<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(walk);
  if (!isPlainObject(value)) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = namesNik(key) && typeof inner === 'string' && inner !== '' ? maskNik(inner) : walk(inner);
  }
  maskDescribedValue(value, out);
  maskPreviewCells(value, out);
  return out;
}

function isPlainObject(value: unknown): value is Json {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * An object that describes a value and says what it is: { field: 'nik', value, message } (import problems),
 * { key: 'NIK', value } (duplicates), { label, registered, file } (differences), { column: 'NIK', value }
 * (the candidate list's problems, by the file's header), { header, value }.
 */
const DESCRIBING_KEYS = ['field', 'key', 'label', 'column', 'header'] as const;

function maskDescribedValue(source: Json, out: Json) {
  if (!DESCRIBING_KEYS.some((k) => namesNik(source[k]))) return;
  for (const key of ['value', 'registered', 'file'] as const) {
    const raw = source[key];
    if (typeof raw !== 'string' || raw === '') continue;
    const masked = maskNik(raw);
    out[key] = masked;
    // The sentence repeats the value ("nilai 3528... sudah dipakai"): it must not give it away.
    if (typeof out.message === 'string') out.message = out.message.split(raw).join(masked);
  }
}

/** The import report's first rows as typed: the cells of the columns mapped to a NIK field. */
function maskPreviewCells(source: Json, out: Json) {
  if (!Array.isArray(source.preview) || !isPlainObject(source.mapping)) return;
  const columns = Object.entries(source.mapping)
    .filter(([field, index]) => namesNik(field) && typeof index === 'number')
    .map(([, index]) => index as number);
  if (columns.length === 0) return;
  out.preview = (source.preview as { row: number; cells: string[] }[]).map((line) => ({
    ...line,
    cells: line.cells.map((cell, i) => (columns.includes(i) && cell ? maskNik(cell) : cell)),
  }));
}
