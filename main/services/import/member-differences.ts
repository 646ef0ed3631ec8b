/**
 * What the file changes in the registered members, one line per changed value ("komponen AYU LESTARI: Anak
 * SD/sederajat menjadi Anak SMP/sederajat"), so a registry re-imported after an edit shows what was edited. A
 * member's NIK is left to the summary line: a label naming the member would not be recognised as a NIK by the
 * masking rule (privacy/mask.ts), which knows a NIK by the name of its field. A NISN is no NIK and is shown
 * ("NISN AYU LESTARI: (kosong) menjadi 0051234567").
 */
import { HUBUNGAN_LABEL, type Hubungan } from '../../domain/enums';
import { MEMBER_FIELDS } from '../../domain/fields';
import { lowerFirst } from '../../domain/normalize';
import type { Difference, MemberWrite } from './plan-base';
import type { ExistingArt, ValueNames } from './plan-registry';

const SHOWN = ['nisn', 'nama', 'hubungan', 'tanggalLahir', 'jenisKelamin', 'komponen'] as const;

function shown(key: (typeof SHOWN)[number], value: unknown, names: ValueNames): string {
  if (key === 'hubungan') return HUBUNGAN_LABEL[value as Hubungan] ?? String(value);
  if (key === 'nisn') return (value as string | null) ?? '(kosong)';
  if (key === 'jenisKelamin') return value === 'L' ? 'Laki-laki' : value === 'P' ? 'Perempuan' : '(kosong)';
  return names.show(key, value);
}

/** The changed values of the members the file updates (those with an id), against the registered members. */
export function memberDifferences(
  writes: readonly MemberWrite[],
  existing: readonly ExistingArt[],
  names: ValueNames,
): Difference[] {
  const out: Difference[] = [];
  for (const next of writes) {
    const found = next.id ? existing.find((m) => m.id === next.id) : undefined;
    if (!found) continue;
    for (const key of SHOWN) {
      if (next[key] === found[key]) continue;
      out.push({
        label: `${lowerFirst(MEMBER_FIELDS[key].label)} ${found.nama}`,
        registered: shown(key, found[key], names),
        file: shown(key, next[key], names),
      });
    }
  }
  return out;
}
