/**
 * Planning pass 1, the file against itself: a family given twice (same NIK or ID KPM) is skipped when the
 * rows are identical and otherwise follows the user's choice; a second family of one No. KK is asked about.
 * Only families without errors claim their keys, so a corrected row after a broken one still counts.
 */
import { ALLOWED_CHOICES, type DuplicateItem, type Effective, type PlanNotes, type PlannedFamily } from './plan-base';
import type { ValueNames } from './plan-registry';
import { rowDifferences, sameValue } from './plan-values';
import type { FamilyRecord, FamilyValues, MemberRecord } from './types';

export interface FilePass {
  /** Families that go on to be planned against the registry, with their effective values. */
  effective: Map<PlannedFamily, Effective>;
  /** The family of each pengurus NIK in the file. */
  byNik: Map<string, PlannedFamily>;
}

function memberSignature(m: MemberRecord) {
  return [m.nik ?? '', m.nisn ?? '', m.nama, m.hubungan, m.tanggalLahir ?? '', m.jenisKelamin, m.komponen ?? ''];
}

function sameFamilyContent(a: FamilyRecord, b: FamilyRecord): boolean {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]) as Set<keyof FamilyValues>;
  for (const k of keys) if (!sameValue(a.values[k], b.values[k])) return false;
  if ((a.pendamping?.key ?? '') !== (b.pendamping?.key ?? '')) return false;
  return JSON.stringify(a.members.map(memberSignature)) === JSON.stringify(b.members.map(memberSignature));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeMemberRecords(a: readonly MemberRecord[], b: readonly MemberRecord[]): MemberRecord[] {
  const out = [...a];
  for (const m of b) {
    const i = out.findIndex((x) => (m.nik && x.nik === m.nik) || (!m.nik && !x.nik && x.nama === m.nama));
    if (i >= 0) out[i] = { ...out[i], ...definedOnly(m) };
    else out.push(m);
  }
  return out;
}

export function planFileDuplicates(items: PlannedFamily[], notes: PlanNotes, names: ValueNames): FilePass {
  const effective = new Map<PlannedFamily, Effective>();
  const byNik = new Map<string, PlannedFamily>();
  const byIdKpm = new Map<string, PlannedFamily>();
  const byKk = new Map<string, PlannedFamily>();
  for (const item of items) {
    if (item.action === 'error') continue;
    const v = item.family.values;
    const gN = v.nik ? byNik.get(v.nik) : undefined;
    const gI = v.idKpm ? byIdKpm.get(v.idKpm) : undefined;
    if (gN && gI && gN !== gI) {
      item.action = 'error';
      notes.problem(
        item.family,
        'nik',
        v.nik ?? '',
        'FILE_KEY_CONFLICT',
        'error',
        `NIK sama dengan baris ${gN.family.row} tetapi ID KPM sama dengan baris ${gI.family.row}; periksa kedua baris itu.`,
        'NIK dan ID KPM milik keluarga yang sama',
      );
      continue;
    }
    const earlier = gN ?? gI;
    if (earlier) {
      sameKey(item, earlier, gN ? 'NIK' : 'ID KPM', { effective, notes, names });
      continue;
    }
    const sameKk = v.noKk ? byKk.get(v.noKk) : undefined;
    if (sameKk && sameKk.family.values.nik !== v.nik && sameKkSkipped(item, sameKk, notes, names)) continue;
    if (v.nik) byNik.set(v.nik, item);
    if (v.idKpm) byIdKpm.set(v.idKpm, item);
    if (v.noKk && !byKk.has(v.noKk)) byKk.set(v.noKk, item);
    effective.set(item, { values: v, members: item.family.members, pendamping: item.family.pendamping });
  }
  return { effective, byNik };
}

/** A later row with the NIK or ID KPM of an earlier one: skipped, or laid over the earlier one. */
function sameKey(
  item: PlannedFamily,
  earlier: PlannedFamily,
  key: 'NIK' | 'ID KPM',
  { effective, notes, names }: { effective: Map<PlannedFamily, Effective>; notes: PlanNotes; names: ValueNames },
): void {
  const f = item.family;
  const v = f.values;
  const value = (key === 'NIK' ? v.nik : v.idKpm) as string;
  if (sameFamilyContent(earlier.family, f)) {
    item.action = 'skip';
    item.note = `sama persis dengan baris ${earlier.family.row}`;
    notes.problem(
      f,
      key === 'NIK' ? 'nik' : 'idKpm',
      value,
      'FILE_DUPLICATE_SAME',
      'warning',
      `baris ini sama persis dengan baris ${earlier.family.row} (${key} ${value}); dilewati.`,
      'setiap keluarga satu kali',
    );
    return;
  }
  const choice = notes.choose(f, 'file');
  notes.duplicates.push(duplicate(f, 'file', key, value, earlier.family, choice, names));
  if (choice === 'update') {
    const target = effective.get(earlier) as Effective;
    target.values = { ...target.values, ...v };
    target.members = mergeMemberRecords(target.members, f.members);
    target.pendamping = f.pendamping ?? target.pendamping;
    item.action = 'merged';
    item.note = `menimpa data baris ${earlier.family.row}`;
  } else {
    item.action = 'skip';
    item.note = `${key} sama dengan baris ${earlier.family.row}`;
  }
}

/** Another pengurus with the No. KK of an earlier row: true when the user chose to skip it. */
function sameKkSkipped(item: PlannedFamily, sameKk: PlannedFamily, notes: PlanNotes, names: ValueNames): boolean {
  const f = item.family;
  const choice = notes.choose(f, 'file_kk');
  notes.duplicates.push(duplicate(f, 'file_kk', 'No. KK', f.values.noKk as string, sameKk.family, choice, names));
  if (choice !== 'skip') return false;
  item.action = 'skip';
  item.note = `No. KK sama dengan baris ${sameKk.family.row}`;
  return true;
}

function duplicate(
  f: FamilyRecord,
  kind: 'file' | 'file_kk',
  key: DuplicateItem['key'],
  value: string,
  other: FamilyRecord,
  choice: DuplicateItem['choice'],
  names: ValueNames,
): DuplicateItem {
  const differences = rowDifferences(other.values, f.values, names);
  return {
    row: f.row,
    kind,
    key,
    value,
    otherRows: [other.row],
    existing: null,
    changes: differences.map((d) => d.label),
    differences,
    allowed: ALLOWED_CHOICES[kind],
    choice,
  };
}
