/**
 * A family as JSON built in SQL (camelCase, as the services write audit images): the before/after images of
 * families an import updates, which are also what an undo restores.
 */
import type { KpmValues } from './plan-base';

/** kpm value -> column. */
export const COLUMN_OF: Record<keyof KpmValues, string> = {
  idKpm: 'id_kpm',
  idDtks: 'id_dtks',
  noKk: 'no_kk',
  nik: 'nik',
  nama: 'nama',
  tempatLahir: 'tempat_lahir',
  tanggalLahir: 'tanggal_lahir',
  jenisKelamin: 'jenis_kelamin',
  komponen: 'komponen',
  alamat: 'alamat',
  rt: 'rt',
  rw: 'rw',
  districtCode: 'district_code',
  villageCode: 'village_code',
  phone: 'phone',
  tahunBergabung: 'tahun_bergabung',
  pendampingId: 'pendamping_id',
  notes: 'notes',
  komponenMask: 'komponen_mask',
};

const KPM_FIELDS: [string, string][] = [
  ['id', 'id'],
  ...(Object.entries(COLUMN_OF) as [string, string][]),
  ['status', 'status'],
  ['statusReason', 'status_reason'],
  ['statusDate', 'status_date'],
  ['importBatchId', 'import_batch_id'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];

const ART_FIELDS: [string, string][] = [
  ['id', 'id'],
  ['nik', 'nik'],
  ['nama', 'nama'],
  ['hubungan', 'hubungan'],
  ['tanggalLahir', 'tanggal_lahir'],
  ['jenisKelamin', 'jenis_kelamin'],
  ['komponen', 'komponen'],
];

/** The arguments of json_object() for the whole kpm row `alias`, camelCase as the services write it. */
function kpmJsonFields(alias: string): string {
  return KPM_FIELDS.map(([key, column]) => `'${key}', ${alias}.${column}`).join(', ');
}

/** The members of kpm row `alias` as a JSON array. */
function membersJson(alias: string): string {
  return `(SELECT json_group_array(json_object(${ART_FIELDS.map(([key, column]) => `'${key}', a.${column}`).join(', ')}))
    FROM art a WHERE a.kpm_id = ${alias}.id)`;
}

/** A family before or after a change: { kpm, members }, as undo reads it back. */
export function familyJson(alias: string): string {
  return `json_object('kpm', json_object(${kpmJsonFields(alias)}), 'members', ${membersJson(alias)})`;
}

/** The kpm columns restored by an undo, with their keys in the images. */
export const RESTORE_FIELDS: [string, string][] = KPM_FIELDS.filter(([key]) => key !== 'id');
