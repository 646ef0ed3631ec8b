/**
 * What each export kind's columns write instead of the stored code: the labels people read (komponen, status,
 * stage). The rows and the columns' SQL are db/queries/exports.ts's; cells.ts writes the cells.
 */

import { exportColumnKeys } from '../../../db/queries/exports';
import { AWARD_STAGE_LABEL } from '../../domain/awards';
import { HUBUNGAN_LABEL, type Hubungan, type KpmStatus, STATUS_LABEL } from '../../domain/enums';
import { EXPORT_CATALOGUE, type ExportKind, PROPOSAL_OUTCOME_LABEL, type ProposalOutcome } from '../../domain/exports';
import {
  CANDIDATE_STAGE_LABEL,
  type CandidateStage,
  INCOME_BAND_LABEL,
  type IncomeBand,
  MANDIRI_REASON_LABEL,
} from '../../domain/graduation';
import { KOMPONEN_LABEL, type Komponen } from '../../domain/komponen';

/** One column's conversion: for codes, the label written instead. */
export interface ColumnLabel {
  label?: (value: unknown) => unknown;
}

type Label = (value: unknown) => unknown;

const labelOf =
  <T extends string>(labels: Record<T, string>) =>
  (value: unknown): unknown =>
    typeof value === 'string' ? (labels[value as T] ?? value) : value;

const yesNo = (value: unknown): unknown => (value === null || value === undefined ? null : value ? 'Ya' : 'Tidak');

/** The mandiri reasons are codes, the alamiah one a sentence: labels where there are, joined by '; '. */
function reasons(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  let codes: unknown;
  try {
    codes = JSON.parse(value);
  } catch {
    return value;
  }
  if (!Array.isArray(codes)) return value;
  return codes
    .map((code) => MANDIRI_REASON_LABEL[code as keyof typeof MANDIRI_REASON_LABEL] ?? String(code))
    .join('; ');
}

/** The family's coded columns, the same in every kind. */
const FAMILY: Record<string, Label> = {
  komponen: labelOf<Komponen>(KOMPONEN_LABEL),
  status: labelOf<KpmStatus>(STATUS_LABEL),
};

/** Per kind, the columns written as labels; every other column is written as stored. */
export const KIND_LABELS: Record<ExportKind, Record<string, Label>> = {
  graduation: {
    ...FAMILY,
    jenisGraduasi: (kind) => STATUS_LABEL[`graduasi_${kind}` as KpmStatus] ?? kind,
    alasan: reasons,
    tahap: labelOf<CandidateStage>(CANDIDATE_STAGE_LABEL),
    statusUsulan: labelOf<ProposalOutcome>(PROPOSAL_OUTCOME_LABEL),
  },
  registry: {
    ...FAMILY,
    hubungan: (h) => (typeof h === 'string' ? HUBUNGAN_LABEL[h as Hubungan] : h),
    artKomponen: labelOf<Komponen>(KOMPONEN_LABEL),
  },
  awards: { ...FAMILY, tahapBantuan: labelOf(AWARD_STAGE_LABEL) },
  visits: {
    ...FAMILY,
    usahaBerjalan: yesNo,
    penghasilan: labelOf<IncomeBand>(INCOME_BAND_LABEL),
    kembaliMiskin: yesNo,
  },
};

// Every catalogue column has its SQL (checked once when the module loads, and by the tests).
for (const [kind, entries] of Object.entries(EXPORT_CATALOGUE)) {
  const keys = exportColumnKeys(kind as ExportKind);
  for (const entry of entries) {
    if (!keys.has(entry.key)) throw new Error(`Kolom ${kind}.${entry.key} tanpa SQL.`);
  }
}
