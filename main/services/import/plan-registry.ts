/**
 * Planning pass 2, the file against the registry: what is registered under the file's keys (NIK, ID KPM,
 * No. KK, member NIKs, pendamping names), read once per plan, and which registered family each family of
 * the file is.
 */

import type Database from 'better-sqlite3';
import {
  anyMemberRegistered,
  familyRowsByIds,
  membersOfFamilies,
  membersWithNiks,
  membersWithNisns,
  type NameLookups,
  type NisnHolder,
  prepareNameLookups,
  type RegisteredPendamping,
  registeredFamilyKeys,
  registeredPendamping,
} from '../../../db/queries/import';
import { KPM_FIELDS } from '../../domain/fields';
import { KOMPONEN_LABEL, type Komponen } from '../../domain/komponen';
import { personKey } from '../../domain/normalize';
import { COLUMN_OF, KPM_WRITE_KEYS } from './kpm-columns';
import type { Effective, KpmValues, MemberWrite, PlanNotes, PlannedFamily } from './plan-base';

/** A registered kpm row as read for matching: [id, ...values in EXISTING_KEYS order] (arrays: 100,000 of them). */
export type ExistingRow = unknown[];

/** The family's own columns as the field definitions list them (status and members are not imported). */
const EXISTING_KEYS = KPM_WRITE_KEYS;
/** Where each value sits in an ExistingRow. */
export const EXISTING_INDEX = Object.fromEntries(EXISTING_KEYS.map((key, i) => [key, i + 1])) as Record<
  keyof KpmValues,
  number
>;

export function existingValues(row: ExistingRow): KpmValues {
  return Object.fromEntries(EXISTING_KEYS.map((key, i) => [key, row[i + 1]])) as unknown as KpmValues;
}

export interface ExistingArt extends MemberWrite {
  id: number;
  kpmId: number;
}

/** The columns of an ExistingRow after its id. */
const EXISTING_COLUMNS = EXISTING_KEYS.map((key) => COLUMN_OF[key]);

export type MatchVia = 'NIK' | 'ID KPM' | 'No. KK';
export interface Match {
  id: number;
  via: MatchVia;
}

/** The registry's keys, read once per plan. */
export class Registry {
  readonly byNik = new Map<string, number>();
  readonly byIdKpm = new Map<string, number>();
  readonly byKk = new Map<string, number[]>();
  /** Member NIKs of the file that are registered, with their family. */
  readonly artByNik = new Map<string, number>();
  /** Member NISNs of the file that are registered, with their member and family. */
  readonly artByNisn = new Map<string, NisnHolder>();
  readonly pendampingByKey = new Map<string, RegisteredPendamping[]>();
  readonly pendampingById = new Map<number, RegisteredPendamping>();
  /** The full rows and members of the matched families (see loadMatched). */
  readonly existingById = new Map<number, ExistingRow>();
  readonly membersByKpm = new Map<number, ExistingArt[]>();

  constructor(
    private readonly conn: Database.Database,
    effective: Map<PlannedFamily, Effective>,
  ) {
    const kpmKeys = registeredFamilyKeys(conn);
    for (const [id, nik, idKpm, noKk] of kpmKeys) {
      this.byNik.set(nik, id);
      if (idKpm !== null) this.byIdKpm.set(idKpm, id);
      const list = this.byKk.get(noKk);
      if (list) list.push(id);
      else this.byKk.set(noKk, [id]);
    }
    this.loadMemberKeys(effective);
    const pendampingRows = registeredPendamping(conn);
    for (const p of pendampingRows) {
      const key = personKey(p.name);
      this.pendampingByKey.set(key, [...(this.pendampingByKey.get(key) ?? []), p]);
      this.pendampingById.set(p.id, p);
    }
  }

  /** The file's NIKs and member NISNs that are registered on members: one query each, whatever the file's size. */
  private loadMemberKeys(effective: Map<PlannedFamily, Effective>) {
    if (!anyMemberRegistered(this.conn)) return;
    const fileNiks: string[] = [];
    const fileNisns: string[] = [];
    for (const [, e] of effective) {
      if (e.values.nik) fileNiks.push(e.values.nik);
      for (const m of e.members) {
        if (m.nik) fileNiks.push(m.nik);
        if (m.nisn) fileNisns.push(m.nisn);
      }
    }
    const rows = membersWithNiks(this.conn, fileNiks);
    for (const [nik, kpmId] of rows) this.artByNik.set(nik, kpmId);
    if (fileNisns.length === 0) return;
    for (const holder of membersWithNisns(this.conn, fileNisns)) this.artByNisn.set(holder.nisn, holder);
  }

  /** The registered family of each family of the file: by NIK, ID KPM, else a No. KK held by one family. */
  match(effective: Map<PlannedFamily, Effective>, notes: PlanNotes): Map<PlannedFamily, Match> {
    const matched = new Map<PlannedFamily, Match>();
    for (const [item, e] of effective) {
      const v = e.values;
      const idN = v.nik ? this.byNik.get(v.nik) : undefined;
      const idI = v.idKpm ? this.byIdKpm.get(v.idKpm) : undefined;
      if (idN !== undefined && idI !== undefined && idN !== idI) {
        item.action = 'error';
        notes.problem(
          item.family,
          'idKpm',
          v.idKpm as string,
          'DB_KEY_CONFLICT',
          'error',
          `NIK ${v.nik} terdaftar pada satu keluarga, sedangkan ID KPM ${v.idKpm} terdaftar pada keluarga lain; periksa keduanya di daftar KPM.`,
          'NIK dan ID KPM milik keluarga yang sama',
        );
        continue;
      }
      if (idN !== undefined || idI !== undefined) {
        matched.set(item, { id: (idN ?? idI) as number, via: idN !== undefined ? 'NIK' : 'ID KPM' });
        continue;
      }
      if (!v.noKk) continue;
      const ids = this.byKk.get(v.noKk) ?? [];
      if (ids.length > 1) {
        item.action = 'error';
        notes.problem(
          item.family,
          'noKk',
          v.noKk,
          'DB_KK_AMBIGUOUS',
          'error',
          `No. KK ${v.noKk} cocok dengan ${ids.length} keluarga terdaftar; isi NIK atau ID KPM agar jelas keluarga mana yang dimaksud.`,
          'NIK atau ID KPM yang terdaftar',
        );
      } else if (ids.length === 1) {
        matched.set(item, { id: ids[0], via: 'No. KK' });
      }
    }
    this.loadMatched(matched);
    return matched;
  }

  /** Reads the full rows and the members of the matched families (a few queries, whatever their number). */
  private loadMatched(matched: Map<PlannedFamily, Match>) {
    const ids = [...new Set([...matched.values()].map((m) => m.id))];
    if (ids.length === 0) return;
    for (const row of familyRowsByIds(this.conn, EXISTING_COLUMNS, ids)) this.existingById.set(row[0] as number, row);
    const artRows: ExistingArt[] = membersOfFamilies(this.conn, ids);
    for (const a of artRows) this.membersByKpm.set(a.kpmId, [...(this.membersByKpm.get(a.kpmId) ?? []), a]);
  }
}

const isDateField = (key: keyof KpmValues) => key !== 'komponenMask' && KPM_FIELDS[key].kind === 'date';

/** Registered values as the user reads them in the report's differences: names for codes, dd-mm-yyyy dates. */
export class ValueNames {
  private readonly regions = new Map<string, string>();
  private readonly pendamping = new Map<number, string>();
  private readonly names: NameLookups;

  constructor(conn: Database.Database) {
    this.names = prepareNameLookups(conn);
  }

  show(key: keyof KpmValues, value: unknown): string {
    if (value === null || value === undefined || value === '') return '(kosong)';
    if (key === 'districtCode' || key === 'villageCode') return this.region(String(value));
    if (key === 'pendampingId') return this.pendampingOf(Number(value));
    if (key === 'komponen') return KOMPONEN_LABEL[value as Komponen] ?? String(value);
    if (isDateField(key) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return value.split('-').reverse().join('-');
    return String(value);
  }

  private region(code: string): string {
    let name = this.regions.get(code);
    if (name === undefined) {
      name = this.names.regionName(code)?.toUpperCase() ?? code;
      this.regions.set(code, name);
    }
    return name;
  }

  private pendampingOf(id: number): string {
    let name = this.pendamping.get(id);
    if (name === undefined) {
      name = this.names.pendampingName(id) ?? `#${id}`;
      this.pendamping.set(id, name);
    }
    return name;
  }
}
