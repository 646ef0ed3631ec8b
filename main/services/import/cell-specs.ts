/**
 * Which field definition (fields.ts) an import column is checked against, as the form checks the field: a
 * member's column by the member field, any other by the family field of its name, with its limits, range and
 * label.
 */
import {
  type DateSpec,
  type FieldSpec,
  KPM_FIELDS,
  type KpmField,
  MEMBER_FIELDS,
  type TextSpec,
} from '../../domain/fields';
import type { ImportField } from '../../domain/import-fields';

/** A text column's definition (the import reads only text fields' columns as text). */
export function textSpecOf(field: ImportField): TextSpec {
  return field === 'artNama' ? MEMBER_FIELDS.nama : (KPM_FIELDS[field as KpmField] as TextSpec);
}

/** A date column's definition: the member's birth date, a family date field, or the pengurus's birth date. */
export function dateSpecOf(field: ImportField): DateSpec {
  if (field === 'artTanggalLahir') return MEMBER_FIELDS.tanggalLahir;
  const spec: FieldSpec | undefined = KPM_FIELDS[field as KpmField];
  return spec?.kind === 'date' ? spec : KPM_FIELDS.tanggalLahir;
}
