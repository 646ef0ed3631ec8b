/**
 * The kpm columns an import writes, named once: the family's fields as fields.ts defines them (without the
 * status, which only an exit or a decision changes, and the members, which live in art) and the komponen
 * mask kept in step with them. Column names come from the table definition, values are taken by name, so a
 * new field cannot land in another field's column.
 */
import { kpm } from '../../../db/schema';
import { KPM_FIELDS, type KpmField } from '../../domain/fields';
import type { KpmValues } from './plan-base';

const NOT_WRITTEN: readonly KpmField[] = ['status', 'statusReason', 'statusDate', 'members'];

export const KPM_WRITE_KEYS: readonly (keyof KpmValues)[] = [
  ...(Object.keys(KPM_FIELDS) as KpmField[]).filter(
    (key): key is KpmField & keyof KpmValues => !NOT_WRITTEN.includes(key),
  ),
  'komponenMask',
];

/** kpm value -> its column in the table. */
export const COLUMN_OF = Object.fromEntries(KPM_WRITE_KEYS.map((key) => [key, kpm[key].name])) as Record<
  keyof KpmValues,
  string
>;

export const KPM_WRITE_COLUMNS: readonly string[] = KPM_WRITE_KEYS.map((key) => COLUMN_OF[key]);

/** A family's values for a statement over KPM_WRITE_COLUMNS, each taken by its name. */
export function kpmParams(v: KpmValues, pendampingId: number | null): unknown[] {
  return KPM_WRITE_KEYS.map((key) => (key === 'pendampingId' ? pendampingId : v[key]));
}
