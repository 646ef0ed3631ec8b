import type { HeadSignatory, Signatory } from '../../../main/api/documents.contract';

/** Select value of the Kepala Dinas (signatoryId null in the contract); other signatories are their id. */
export const HEAD = 'kepala';

export const signatoryValue = (id: number | null) => (id === null ? HEAD : String(id));
export const signatoryId = (value: string | null) => (!value || value === HEAD ? null : Number(value));

/** Options of a signatory select: the Kepala Dinas first, then the active signatories (and `keep`, if inactive). */
export function signatoryOptions(head: HeadSignatory, signatories: Signatory[], keep: number | null = null) {
  return [
    { value: HEAD, label: `${head.position || 'Kepala Dinas'}${head.name ? ` (${head.name})` : ''}` },
    ...signatories
      .filter((s) => s.active || s.id === keep)
      .map((s) => ({
        value: String(s.id),
        label: `${s.onBehalfOf ? `${s.onBehalfOf}, ` : ''}${s.position} (${s.name})${s.active ? '' : ' – nonaktif'}`,
      })),
  ];
}
