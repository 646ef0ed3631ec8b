/**
 * Masks every NIK and No. KK in an API answer for a role that may not see them in full (issue 11 point 5).
 * Applied once, in the dispatcher, to every method's output, so a list added later cannot forget it; the
 * command line uses the same function for its reports. Files (PDF, xlsx bytes) are not walked: an export
 * chooses its own NIK mode and a printed letter carries the NIK by law.
 *
 * What is a NIK is known by name, not by looks: an ID DTKS is 16 digits too.
 */
import { MEMBER_FIELDS } from '../../domain/fields';
import { maskNik } from '../../domain/identity';

/**
 * Properties that hold a NIK or No. KK (family rows, members, list rows, audit snapshots); the same names are
 * the fields import problems and column mappings name.
 */
const NIK_KEYS = new Set(['nik', 'noKk', 'artNik']);
/** Duplicates name their key, differences their label. */
const NIK_LABELS = new Set(['NIK', 'No. KK', MEMBER_FIELDS.nik.label]);

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
    out[key] = NIK_KEYS.has(key) && typeof inner === 'string' && inner !== '' ? maskNik(inner) : walk(inner);
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

/** { field: 'nik', value, message } (import problems), { key: 'NIK', value } (duplicates), differences. */
function maskDescribedValue(source: Json, out: Json) {
  const aboutNik =
    (typeof source.field === 'string' && NIK_KEYS.has(source.field)) ||
    (typeof source.key === 'string' && NIK_LABELS.has(source.key)) ||
    (typeof source.label === 'string' && NIK_LABELS.has(source.label));
  if (!aboutNik) return;
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
    .filter(([field, index]) => NIK_KEYS.has(field) && typeof index === 'number')
    .map(([, index]) => index as number);
  if (columns.length === 0) return;
  out.preview = (source.preview as { row: number; cells: string[] }[]).map((line) => ({
    ...line,
    cells: line.cells.map((cell, i) => (columns.includes(i) && cell ? maskNik(cell) : cell)),
  }));
}
