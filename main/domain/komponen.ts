/** PKH components (komponen) and the yearly benefit they imply. Defaults from DOMAIN.md; amounts are settings. */

export const KOMPONEN = [
  'ibu_hamil',
  'anak_usia_dini',
  'anak_sd',
  'anak_smp',
  'anak_sma',
  'disabilitas_berat',
  'lanjut_usia',
] as const;
export type Komponen = (typeof KOMPONEN)[number];

export const KOMPONEN_LABEL: Record<Komponen, string> = {
  ibu_hamil: 'Ibu hamil/nifas',
  anak_usia_dini: 'Anak usia dini (0-6)',
  anak_sd: 'Anak SD/sederajat',
  anak_smp: 'Anak SMP/sederajat',
  anak_sma: 'Anak SMA/sederajat',
  disabilitas_berat: 'Penyandang disabilitas berat',
  lanjut_usia: 'Lanjut usia (70+)',
};

export const DEFAULT_YEARLY_BENEFIT: Record<Komponen, number> = {
  ibu_hamil: 3_000_000,
  anak_usia_dini: 3_000_000,
  anak_sd: 900_000,
  anak_smp: 1_500_000,
  anak_sma: 2_000_000,
  disabilitas_berat: 2_400_000,
  lanjut_usia: 2_400_000,
};

/** At most this many components count towards a family's benefit. */
export const MAX_COUNTED_KOMPONEN = 4;
export const TAHAP_PER_YEAR = 4;

/** One bit per komponen, so a family's set of components fits one indexed integer column. */
export function komponenBit(k: Komponen): number {
  return 1 << KOMPONEN.indexOf(k);
}

export function komponenMask(list: Iterable<Komponen | null | undefined>): number {
  let mask = 0;
  for (const k of list) if (k) mask |= komponenBit(k);
  return mask;
}

export interface BenefitLine {
  komponen: Komponen;
  memberName: string;
  yearly: number;
  counted: boolean;
}

export interface FamilyBenefit {
  lines: BenefitLine[];
  yearlyTotal: number;
  perTahap: number;
  componentCount: number;
  warnings: string[];
}

/**
 * The family's yearly benefit: every member with a komponen is a line; only the four highest-paid
 * lines count, which is how the cap of four is applied in favour of the family.
 */
export function familyBenefit(
  members: { name: string; komponen: Komponen | null }[],
  amounts: Record<Komponen, number>,
): FamilyBenefit {
  const lines: BenefitLine[] = members
    .filter((m): m is { name: string; komponen: Komponen } => m.komponen !== null)
    .map((m) => ({ komponen: m.komponen, memberName: m.name, yearly: amounts[m.komponen], counted: false }));
  const ranked = [...lines].sort((a, b) => b.yearly - a.yearly);
  for (const line of ranked.slice(0, MAX_COUNTED_KOMPONEN)) line.counted = true;
  const yearlyTotal = lines.filter((l) => l.counted).reduce((sum, l) => sum + l.yearly, 0);
  const warnings: string[] = [];
  if (lines.length > MAX_COUNTED_KOMPONEN) {
    warnings.push(
      `Keluarga ini memiliki ${lines.length} komponen; hanya ${MAX_COUNTED_KOMPONEN} komponen yang dihitung dalam bantuan.`,
    );
  }
  if (lines.length === 0) {
    warnings.push('Tidak ada anggota yang memenuhi komponen PKH: keluarga ini calon graduasi alamiah.');
  }
  return {
    lines,
    yearlyTotal,
    perTahap: Math.round(yearlyTotal / TAHAP_PER_YEAR),
    componentCount: lines.length,
    warnings,
  };
}
