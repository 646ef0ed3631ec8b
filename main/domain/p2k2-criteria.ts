/**
 * Verification criteria answered from P2K2 instead of by the verifikator: the office may weigh, like any other
 * criterion, whether a family attended every session of a module (e.g. Pengelolaan Keuangan dan Perencanaan
 * Usaha's three) or came to at least a share of its marked meetings over the last months. Such a criterion has two
 * options, met ('ya') and not met ('tidak'), whose scores the administrator sets; the service answers it.
 */
import { z } from 'zod';

export const p2k2SourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('p2k2_module'), moduleId: z.number().int().positive() }),
  z.object({
    kind: z.literal('p2k2_rate'),
    minPercent: z.number().int().min(1, 'Persen kehadiran 1-100.').max(100, 'Persen kehadiran 1-100.'),
    months: z.number().int().min(1, 'Jangka 1-24 bulan.').max(24, 'Jangka 1-24 bulan.').default(12),
  }),
]);
export type P2k2Source = z.output<typeof p2k2SourceSchema>;

/** The option codes of a P2K2 criterion. */
export const P2K2_MET = 'ya';
export const P2K2_NOT_MET = 'tidak';

/** The default options of a new P2K2 criterion. */
export const P2K2_OPTIONS = [
  { code: P2K2_MET, label: 'Ya', score: 100 },
  { code: P2K2_NOT_MET, label: 'Tidak', score: 0 },
];

/** Why a P2K2 criterion's options do not fit, or null. */
export function p2k2OptionsProblem(options: readonly { code: string }[]): string | null {
  const codes = options.map((o) => o.code);
  return codes.length === 2 && codes.includes(P2K2_MET) && codes.includes(P2K2_NOT_MET)
    ? null
    : `Kriteria dari P2K2 memakai tepat dua pilihan berkode "${P2K2_MET}" dan "${P2K2_NOT_MET}".`;
}
