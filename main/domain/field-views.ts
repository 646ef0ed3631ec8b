/**
 * A list of the family's fields as one place shows them (the import's mapping, an export's columns, the family
 * page, the family data report): the fields in the registry's order (KPM_FIELDS), each by the place's own rows
 * when it names the field, else by its standard row. A field the place leaves out, or shows inside another
 * field's row (tempat and tanggal lahir in one), is named with no rows. So a field added to fields.ts appears in
 * every list by itself, in its place, and a list names only the fields it shows in its own way.
 */
import { type FieldSpec, KPM_FIELDS, type KpmField } from './fields';
import { formatTanggal } from './format';

/** The place's own rows per field; [] for a field it leaves out or shows in another field's row. */
export type FieldView<R> = { readonly [K in KpmField]?: readonly R[] };

export const KPM_FIELD_KEYS = Object.keys(KPM_FIELDS) as KpmField[];

/** The rows of every field in the registry's order: the view's own, else standard's (none when it gives null). */
export function viewRows<R>(view: FieldView<R>, standard: (key: KpmField, spec: FieldSpec) => R | null): R[] {
  const rows: R[] = [];
  for (const key of KPM_FIELD_KEYS) {
    const own = view[key];
    if (own) {
      rows.push(...own);
      continue;
    }
    const row = standard(key, KPM_FIELDS[key]);
    if (row !== null) rows.push(row);
  }
  return rows;
}

/** A stored value as text for people: a date as "5 Juli 1985", nothing as ''. */
export function fieldText(spec: FieldSpec, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (spec.kind === 'date') return formatTanggal(String(value));
  return String(value);
}

/**
 * A field's label inside a sentence ("berbeda: alamat, nama"): without "pengurus" (the sentence is about the
 * pengurus's row already) and with an ordinary first word in lower case; abbreviations (NIK, RT, No. KK) stay.
 */
export function labelInSentence(spec: FieldSpec): string {
  const label = spec.label.replace(/ pengurus$/, '');
  return /^[A-Z][a-z]+(?=[ /]|$)/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
