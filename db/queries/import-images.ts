/**
 * A family as JSON built in SQL (camelCase, as the services write audit images): the before/after images of
 * families an import updates, which are also what an undo restores.
 */
import { getTableColumns } from 'drizzle-orm';
import { art, kpm } from '../schema';

/** Every kpm column with its key, as the services' images (whole rows) carry them. */
const KPM_COLUMNS: [string, string][] = Object.entries(getTableColumns(kpm)).map(([key, column]) => [key, column.name]);

/** A member's columns but its family's id, with their keys in the images. */
export const ART_COLUMNS: [string, string][] = Object.entries(getTableColumns(art))
  .filter(([key]) => key !== 'kpmId')
  .map(([key, column]) => [key, column.name]);

/** The arguments of json_object() for the whole kpm row `alias`, camelCase as the services write it. */
function kpmJsonFields(alias: string): string {
  return KPM_COLUMNS.map(([key, column]) => `'${key}', ${alias}.${column}`).join(', ');
}

/** The members of kpm row `alias` as a JSON array. */
function membersJson(alias: string): string {
  return `(SELECT json_group_array(json_object(${ART_COLUMNS.map(([key, column]) => `'${key}', a.${column}`).join(', ')}))
    FROM art a WHERE a.kpm_id = ${alias}.id)`;
}

/** A family before or after a change: { kpm, members }, as undo reads it back. */
export function familyJson(alias: string): string {
  return `json_object('kpm', json_object(${kpmJsonFields(alias)}), 'members', ${membersJson(alias)})`;
}

/** The kpm columns restored by an undo, with their keys in the images. */
export const RESTORE_FIELDS: [string, string][] = KPM_COLUMNS.filter(([key]) => key !== 'id');
