import type { LogFormat, LogNikMode } from '../../../main/domain/export-log';
import {
  EXPORT_STAGES,
  type ExportKind,
  type NikMode,
  PROPOSAL_OUTCOME_LABEL,
  PROPOSAL_OUTCOMES,
} from '../../../main/domain/exports';

/** Short names of the formats for tables and segmented controls (EXPORT_FORMAT_LABEL in main/domain/exports.ts is for the picker). */
export const FORMAT_SHORT_LABEL: Record<LogFormat, string> = {
  xlsx: 'Excel',
  csv_semicolon: 'CSV ;',
  csv_comma: 'CSV ,',
  pdf: 'PDF',
};

export const NIK_MODE_LABEL: Record<NikMode, string> = {
  full: 'NIK lengkap',
  masked: 'NIK disamarkan',
};

/** The Log ekspor's NIK column: how NIKs appear in the file, or that it has none. */
export const LOG_NIK_LABEL: Record<LogNikMode, string> = {
  full: 'Lengkap',
  masked: 'Disamarkan',
  none: 'Tanpa NIK',
};

/** The stage filter's choices for a kind (what a stage means per kind is EXPORT_STAGES' to say). */
export function stageOptions(kind: ExportKind): { value: string; label: string }[] {
  return Object.entries(EXPORT_STAGES[kind]).map(([value, label]) => ({ value, label }));
}

/** The graduation filter's choices: where a proposed family's proposal stands. */
export const outcomeOptions = PROPOSAL_OUTCOMES.map((value) => ({ value, label: PROPOSAL_OUTCOME_LABEL[value] }));

/** The template that opens with the page: the office's most common file, the approved graduations for upload. */
export const DEFAULT_TEMPLATE_KEY = 'bawaan:penetapan';
