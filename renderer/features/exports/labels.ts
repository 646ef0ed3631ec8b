import { AWARD_STAGE_LABEL, AWARD_STAGES } from '../../../main/domain/awards';
import type { ExportFormat, ExportKind, NikMode } from '../../../main/domain/exports';
import { CANDIDATE_STAGE_LABEL, CANDIDATE_STAGES } from '../../../main/domain/graduation';

/**
 * The formats as the picker names them. (The contract's EXPORT_FORMAT_LABEL says the same, but the renderer may
 * import main/api only as types.)
 */
export const FORMAT_LABEL: Record<ExportFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  csv_semicolon: 'CSV dengan titik koma (;) — Excel Indonesia',
  csv_comma: 'CSV dengan koma (,)',
};

/** Short names of the formats for tables and segmented controls (the contract's labels are for the picker). */
export const FORMAT_SHORT_LABEL: Record<ExportFormat, string> = {
  xlsx: 'Excel',
  csv_semicolon: 'CSV ;',
  csv_comma: 'CSV ,',
};

export const NIK_MODE_LABEL: Record<NikMode, string> = {
  full: 'NIK lengkap',
  masked: 'NIK disamarkan',
};

/**
 * The stage filter means the candidacy stage for graduations and the award's stage for awards; the registry and
 * the visits have no stage of their own.
 */
export function stageOptions(kind: ExportKind): { value: string; label: string }[] {
  if (kind === 'graduation') return CANDIDATE_STAGES.map((s) => ({ value: s, label: CANDIDATE_STAGE_LABEL[s] }));
  if (kind === 'awards') return AWARD_STAGES.map((s) => ({ value: s, label: AWARD_STAGE_LABEL[s] }));
  return [];
}

/** The template that opens with the page: the office's most common file, the graduation list for the ministry. */
export const DEFAULT_TEMPLATE_KEY = 'bawaan:graduation';
