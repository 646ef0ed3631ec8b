/**
 * Who may do what with documents and awards (DOMAIN.md's tables), beside graduation's GRADUATION_DUTIES; the
 * services enforce these lists and the users page describes each role from them.
 */
import { GRADUATION_DUTIES } from './decision';
import type { Role } from './enums';

export const DOCUMENT_DUTIES = {
  issue: ['admin', 'operator', 'pimpinan'],
  void: ['admin', 'pimpinan'],
} as const satisfies Record<string, readonly Role[]>;

export const AWARD_DUTIES = {
  plan: ['admin', 'operator'],
  approve: ['admin', 'pimpinan'],
  cancel: ['admin', 'operator', 'pimpinan'],
} as const satisfies Record<string, readonly Role[]>;

/** The duties a role description names, each with the table it is read from. */
const DESCRIBED: { roles: readonly Role[]; text: string }[] = [
  { roles: GRADUATION_DUTIES.verify, text: 'memverifikasi calon graduasi' },
  { roles: GRADUATION_DUTIES.propose, text: 'menyusun dan mengajukan usulan graduasi' },
  {
    roles: GRADUATION_DUTIES.decide,
    text: 'menetapkan dan membatalkan keputusan graduasi (bukan usulan yang disusunnya atau keluarga yang diverifikasinya)',
  },
  { roles: DOCUMENT_DUTIES.issue, text: 'menerbitkan dan mencetak surat' },
  { roles: DOCUMENT_DUTIES.void, text: 'membatalkan surat' },
  { roles: AWARD_DUTIES.plan, text: 'merencanakan bantuan usaha' },
  { roles: AWARD_DUTIES.approve, text: 'menyetujui bantuan usaha (bukan yang direncanakannya)' },
];

/** "Menetapkan ...; membatalkan surat; ..." for one role, from the tables above; empty when it has none. */
export function roleDutiesText(role: Role): string {
  // A role holding every duty (the administrator) reads better as "all of them", with the limits that remain.
  if (DESCRIBED.every((d) => d.roles.includes(role))) {
    return (
      'Dapat menjalankan semua tugas graduasi, surat dan bantuan usaha (menetapkan dan membatalkan keputusan, ' +
      'membatalkan surat, menyetujui bantuan), kecuali menetapkan usulan yang disusunnya atau keluarga yang ' +
      'diverifikasinya dan menyetujui bantuan yang direncanakannya.'
    );
  }
  const duties = DESCRIBED.filter((d) => d.roles.includes(role)).map((d) => d.text);
  if (duties.length === 0) return '';
  const text = duties.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
