/**
 * The values a plan writes: a new family's complete row from the file, and a registered family with the
 * file's values laid over it (only what differs, blank cells never erase).
 */
import { labelInSentence } from '../../domain/field-views';
import { KPM_FIELDS, type KpmField } from '../../domain/fields';
import { parseNik } from '../../domain/identity';
import type { ImportField } from '../../domain/import-fields';
import { type Komponen, komponenMask } from '../../domain/komponen';
import { KPM_WRITE_KEYS } from './kpm-columns';
import { memberDifferences } from './member-differences';
import type { Difference, KpmValues, MemberWrite } from './plan-base';
import { EXISTING_INDEX, type ExistingArt, type ExistingRow, existingValues, type ValueNames } from './plan-registry';
import type { FamilyRecord, FamilyValues, MemberRecord } from './types';

/** Each value as the report's differences name it, from its field (the komponen mask follows the komponen). */
export const VALUE_LABEL = Object.fromEntries(
  KPM_WRITE_KEYS.map((key) => [key, labelInSentence(KPM_FIELDS[key === 'komponenMask' ? 'komponen' : key])]),
) as Record<keyof KpmValues, string>;

/** Which field of the mapping carries each value (for the column of a problem). */
const VALUE_FIELD: Partial<Record<keyof FamilyValues, ImportField>> = {
  idKpm: 'idKpm',
  noKk: 'noKk',
  nik: 'nik',
  nama: 'nama',
  districtCode: 'kecamatan',
  villageCode: 'desa',
};

/**
 * Whether two values are the same for the registry: text that differs only in letter case or in spaces around
 * it is the same ("Siti Aminah " = "SITI AMINAH"), so it is neither reported nor written.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return a.trim().toUpperCase() === b.trim().toUpperCase();
  return (a ?? null) === (b ?? null);
}

/** Nothing registered: filling it in loses nothing. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

export function memberWrite(m: MemberRecord): MemberWrite {
  return {
    nik: m.nik ?? null,
    nisn: m.nisn ?? null,
    nama: m.nama,
    hubungan: m.hubungan,
    tanggalLahir: m.tanggalLahir ?? null,
    jenisKelamin: m.jenisKelamin,
    komponen: m.komponen ?? null,
  };
}

type NewValues =
  | { ok: true; value: KpmValues }
  | { ok: false; field: ImportField | null; code: string; message: string; expected: string };

/** NIK and No. KK identify a family; the ID KPM is filled in later when the file has none (DTKS exports). */
/** What a new family cannot be registered without (ID KPM may come later: DTKS files have none). */
const REQUIRED_FOR_NEW = ['nik', 'noKk', 'nama'] as const satisfies readonly (keyof FamilyValues & KpmField)[];

/** A new family's row from the file; what a new family must have and lacks is the reason it is refused. */
export function newFamilyValues(
  f: FamilyRecord,
  v: FamilyValues,
  members: readonly MemberRecord[],
  pendampingId: number | null,
  today: Date,
): NewValues {
  for (const key of REQUIRED_FOR_NEW) {
    if (!v[key]) {
      const { label } = KPM_FIELDS[key];
      return {
        ok: false,
        field: VALUE_FIELD[key] ?? null,
        code: 'NEW_FAMILY_INCOMPLETE',
        message: `${label} wajib diisi.`,
        expected: `${label} terisi`,
      };
    }
  }
  if (!v.villageCode || !v.districtCode) {
    return {
      ok: false,
      field: 'desa',
      code: 'NEW_FAMILY_INCOMPLETE',
      message: f.districtOnly
        ? 'desa/kelurahan kosong; keluarga baru wajib punya desa/kelurahan.'
        : 'kecamatan dan desa/kelurahan kosong; keluarga baru wajib punya alamat wilayah.',
      expected: 'nama atau kode desa/kelurahan',
    };
  }
  const nik = v.jenisKelamin ? null : parseNik(v.nik as string, today);
  const komponen = v.komponen ?? null;
  const given: Record<string, unknown> = {};
  for (const [key, blank] of BLANKS) given[key] = (v as Record<string, unknown>)[key] ?? blank;
  return {
    ok: true,
    value: {
      ...(given as unknown as KpmValues),
      jenisKelamin: v.jenisKelamin ?? (nik?.ok ? nik.value.sex : 'P'),
      pendampingId,
      komponenMask: komponenMask([komponen, ...members.map((m) => m.komponen ?? null)]),
    },
  };
}

/** What a new family keeps of a field the file leaves blank: '' for text the table keeps as text, else null. */
function blankOf(key: keyof KpmValues): '' | null {
  if (key === 'komponenMask') return null;
  return ['name', 'text', 'digits', 'phone'].includes(KPM_FIELDS[key].kind) ? '' : null;
}

/** Each written key with its blank, worked out once: per family, the lookups took a third of the plan's time. */
const BLANKS: readonly (readonly [keyof KpmValues, '' | null])[] = KPM_WRITE_KEYS.map((key) => [key, blankOf(key)]);

/** A member's values the import writes, compared one by one (a blank cell keeps the registered value). */
const MEMBER_KEYS = ['nik', 'nisn', 'nama', 'hubungan', 'tanggalLahir', 'jenisKelamin', 'komponen'] as const;

/**
 * The file's members matched to the registered ones (by NIK, else by NISN, else by name): the new and changed
 * members to write, and every member's komponen afterwards (for the family's komponen mask).
 */
function mergeMembers(fileMembers: readonly MemberRecord[], existingMembers: ExistingArt[]): MergedMembers {
  const members: MemberWrite[] = [];
  const finalKomponen = new Map<number | string, Komponen | null>();
  let changed = false;
  let fillsOnly = true;
  if (fileMembers.length === 0) return { members, finalKomponen, changed, fillsOnly };
  for (const m of existingMembers) finalKomponen.set(m.id, m.komponen);
  const used = new Set<number>();
  fileMembers.forEach((m, i) => {
    const found = existingMembers.find(
      (x) =>
        !used.has(x.id) &&
        ((m.nik && x.nik === m.nik) ||
          (!m.nik && m.nisn && x.nisn === m.nisn) ||
          (!m.nik && sameValue(x.nama, m.nama)) ||
          (m.nik && !x.nik && sameValue(x.nama, m.nama))),
    );
    if (!found) {
      members.push(memberWrite(m));
      finalKomponen.set(`new${i}`, m.komponen ?? null);
      changed = true;
      return;
    }
    used.add(found.id);
    const next: MemberWrite = {
      id: found.id,
      nik: m.nik ?? found.nik,
      nisn: m.nisn ?? found.nisn,
      nama: sameValue(m.nama, found.nama) ? found.nama : m.nama,
      hubungan: m.hubungan,
      tanggalLahir: m.tanggalLahir ?? found.tanggalLahir,
      jenisKelamin: m.jenisKelamin,
      komponen: m.komponen ?? found.komponen,
    };
    if (MEMBER_KEYS.some((k) => next[k] !== found[k])) {
      members.push(next);
      finalKomponen.set(found.id, next.komponen);
      changed = true;
      const overwrites = MEMBER_KEYS.some((k) => next[k] !== found[k] && !isEmpty(found[k]));
      if (overwrites) fillsOnly = false;
    }
  });
  return { members, finalKomponen, changed, fillsOnly };
}

interface MergedMembers {
  members: MemberWrite[];
  finalKomponen: Map<number | string, Komponen | null>;
  changed: boolean;
  /** Only new members, or members' empty values filled in. */
  fillsOnly: boolean;
}

export interface Merged {
  values: KpmValues;
  members: MemberWrite[];
  changes: string[];
  changedKeys: (keyof KpmValues)[];
  /** Every change fills in what is empty in the registry: nothing registered is overwritten. */
  fillsOnly: boolean;
}

/**
 * The registered family with the file's values laid over it; blank cells never erase registered data. Only
 * what the file gives is compared, and the merged values are built only for a family that changes: a re-import
 * of 100,000 unchanged families then allocates almost nothing.
 */
export function mergeIntoExisting(
  existing: ExistingRow,
  v: FamilyValues,
  fileMembers: readonly MemberRecord[],
  existingMembers: ExistingArt[],
  pendamping: { id: number | null | undefined; newKey: string | null },
): Merged {
  const changedKeys: (keyof KpmValues)[] = [];
  for (const key of Object.keys(v) as (keyof FamilyValues)[]) {
    if (v[key] !== undefined && !sameValue(v[key], existing[EXISTING_INDEX[key]])) changedKeys.push(key);
  }
  if (
    pendamping.id !== undefined &&
    pendamping.id !== null &&
    pendamping.id !== existing[EXISTING_INDEX.pendampingId]
  ) {
    changedKeys.push('pendampingId');
  }
  const merged = mergeMembers(fileMembers, existingMembers);
  const { members, finalKomponen, changed: memberChanged } = merged;
  if (changedKeys.length === 0 && !memberChanged && !pendamping.newKey) {
    return { values: NO_VALUES, members, changes: [], changedKeys, fillsOnly: true };
  }
  const fillsOnly =
    merged.fillsOnly &&
    changedKeys.every((key) => isEmpty(existing[EXISTING_INDEX[key]])) &&
    (!pendamping.newKey || isEmpty(existing[EXISTING_INDEX.pendampingId]));
  const current = existingValues(existing);
  const values: KpmValues = { ...current };
  for (const key of changedKeys)
    (values as unknown as Record<string, unknown>)[key] =
      key === 'pendampingId' ? pendamping.id : v[key as keyof FamilyValues];
  const changes = changedKeys.map((k) => VALUE_LABEL[k]);
  if (pendamping.newKey) changes.push('pendamping (baru)');
  if (memberChanged) changes.push('anggota keluarga');
  // The komponen mask follows the komponen; it is recomputed only when they change, so a re-import of the
  // same data leaves it as the registry keeps it.
  if (memberChanged || changedKeys.includes('komponen')) {
    if (!memberChanged) {
      for (const m of existingMembers) finalKomponen.set(m.id, m.komponen);
    }
    values.komponenMask = komponenMask([values.komponen, ...finalKomponen.values()]);
    if (values.komponenMask !== current.komponenMask) changedKeys.push('komponenMask');
  }
  if (pendamping.newKey) changedKeys.push('pendampingId');
  return { values, members, changes, changedKeys, fillsOnly };
}

/** Stands for "no values" when a family is unchanged. */
const NO_VALUES = Object.freeze({}) as KpmValues;

/** Each value a registered family would change, registered against the file's, as the report shows them. */
export function registryDifferences(
  existing: ExistingRow,
  merged: Merged,
  existingMembers: readonly ExistingArt[],
  newPendamping: string | null,
  names: ValueNames,
): Difference[] {
  const out: Difference[] = [];
  for (const key of new Set(merged.changedKeys)) {
    if (key === 'komponenMask') continue;
    const file =
      key === 'pendampingId' && newPendamping ? `${newPendamping} (baru)` : names.show(key, merged.values[key]);
    out.push({ label: VALUE_LABEL[key], registered: names.show(key, existing[EXISTING_INDEX[key]]), file });
  }
  if (merged.members.length > 0) {
    const updated = merged.members.filter((m) => m.id).length;
    const added = merged.members.length - updated;
    const parts = [added > 0 ? `${added} anggota baru` : '', updated > 0 ? `${updated} anggota diubah` : ''];
    out.push({
      label: 'anggota keluarga',
      registered: `${existingMembers.length} anggota`,
      file: parts.filter(Boolean).join(', '),
    });
    out.push(...memberDifferences(merged.members, existingMembers, names));
  }
  return out;
}

/** Each value a later row of the file gives differently from the earlier row with the same key. */
export function rowDifferences(earlier: FamilyValues, later: FamilyValues, names: ValueNames): Difference[] {
  const keys = new Set([...Object.keys(earlier), ...Object.keys(later)]) as Set<keyof FamilyValues>;
  return [...keys]
    .filter((k) => later[k] !== undefined && !sameValue(earlier[k], later[k]))
    .map((k) => ({ label: VALUE_LABEL[k], registered: names.show(k, earlier[k]), file: names.show(k, later[k]) }));
}
