/**
 * Verification (verifikasi ulang) scoring: each criterion has a weight and options with a score from 0 to
 * 100; the assessment's score is the weighted average of the chosen options, 0-100. Offices differ, so the
 * criteria are data the administrator edits; these are the defaults (DOMAIN.md, "The graduation path",
 * step 2). No official scoring table was found.
 */
import type { P2k2Source } from './p2k2-criteria';

export interface CriterionOption {
  code: string;
  label: string;
  /** 0 (still poor) to 100 (clearly able to stand alone). */
  score: number;
}

export interface Criterion {
  code: string;
  label: string;
  weight: number;
  required: boolean;
  options: CriterionOption[];
  /** Answered from P2K2 by the service, not by the verifikator (absent or null: the verifikator's). */
  source?: P2k2Source | null;
}

const opt = (code: string, label: string, score: number): CriterionOption => ({ code, label, score });

export const DEFAULT_CRITERIA: Criterion[] = [
  {
    code: 'penghasilan',
    label: 'Penghasilan keluarga per bulan dibanding UMK',
    weight: 25,
    required: true,
    options: [
      opt('di_bawah_50', 'Kurang dari 50% UMK', 0),
      opt('50_99', '50% sampai di bawah UMK', 50),
      opt('setara_umk', 'Setara UMK atau lebih', 100),
    ],
  },
  {
    code: 'kepemilikan_rumah',
    label: 'Kepemilikan rumah',
    weight: 10,
    required: true,
    options: [opt('menumpang', 'Menumpang', 0), opt('sewa', 'Sewa/kontrak', 40), opt('milik', 'Milik sendiri', 100)],
  },
  {
    code: 'lantai',
    label: 'Lantai rumah',
    weight: 8,
    required: false,
    options: [opt('tanah', 'Tanah', 0), opt('semen', 'Semen/plester', 60), opt('keramik', 'Keramik/ubin', 100)],
  },
  {
    code: 'dinding',
    label: 'Dinding rumah',
    weight: 8,
    required: false,
    options: [opt('bambu', 'Bambu/kayu rendah', 0), opt('kayu', 'Kayu/papan', 50), opt('tembok', 'Tembok', 100)],
  },
  {
    code: 'jamban',
    label: 'Fasilitas buang air besar',
    weight: 8,
    required: false,
    options: [
      opt('tidak_ada', 'Tidak ada/umum', 0),
      opt('bersama', 'Bersama', 50),
      opt('sendiri', 'Milik sendiri', 100),
    ],
  },
  {
    code: 'penerangan',
    label: 'Sumber penerangan',
    weight: 6,
    required: false,
    options: [
      opt('non_listrik', 'Bukan listrik', 0),
      opt('listrik_450', 'Listrik 450 VA', 50),
      opt('listrik_900', 'Listrik 900 VA atau lebih', 100),
    ],
  },
  {
    code: 'aset',
    label: 'Aset (sepeda motor dan sejenisnya)',
    weight: 10,
    required: false,
    options: [
      opt('tidak_ada', 'Tidak ada', 0),
      opt('satu', 'Satu sepeda motor', 60),
      opt('lebih', 'Lebih dari satu / aset usaha', 100),
    ],
  },
  {
    code: 'utang',
    label: 'Utang',
    weight: 10,
    required: false,
    options: [
      opt('berat', 'Utang memberatkan', 0),
      opt('ringan', 'Utang ringan/terkendali', 60),
      opt('tidak_ada', 'Tidak ada utang', 100),
    ],
  },
  {
    code: 'porsi_pangan',
    label: 'Bagian pengeluaran untuk makanan',
    weight: 15,
    required: true,
    options: [
      opt('di_atas_70', 'Lebih dari 70%', 0),
      opt('50_70', '50% sampai 70%', 50),
      opt('di_bawah_50', 'Kurang dari 50%', 100),
    ],
  },
];

export const DEFAULT_THRESHOLD = 60;

export type ScoreResult =
  | { ok: true; score: number; layak: boolean }
  | { ok: false; missing: string[]; unknown: string[] };

/**
 * The weighted score of the answers (criterion code -> option code), rounded to a whole number. A required
 * criterion without an answer, or an answer naming no option, makes the assessment incomplete; an optional
 * criterion left out does not count in the weights.
 */
export function scoreAssessment(
  criteria: readonly Criterion[],
  answers: Record<string, string>,
  threshold: number,
): ScoreResult {
  const missing: string[] = [];
  const unknown: string[] = [];
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const answer = answers[criterion.code];
    if (answer === undefined || answer === '') {
      if (criterion.required) missing.push(criterion.label);
      continue;
    }
    const option = criterion.options.find((o) => o.code === answer);
    if (!option) {
      unknown.push(criterion.label);
      continue;
    }
    weighted += option.score * criterion.weight;
    weights += criterion.weight;
  }
  if (missing.length > 0 || unknown.length > 0) return { ok: false, missing, unknown };
  const score = weights === 0 ? 0 : Math.round(weighted / weights);
  return { ok: true, score, layak: score >= threshold };
}
