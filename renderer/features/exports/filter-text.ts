import { STATUS_LABEL } from '../../../main/domain/enums';
import {
  FILE_FILTER_LABEL,
  type FileFilters,
  isExportKind,
  type LogFilters,
  type LogKind,
} from '../../../main/domain/export-log';
import { type ExportFilters, type ExportKind, PROPOSAL_OUTCOME_LABEL } from '../../../main/domain/exports';
import { formatTanggal } from '../../../main/domain/format';
import { stageOptions } from './labels';

/** Names of the codes and ids a filter holds; a code not found stays as it is (a region since renamed). */
export interface FilterNames {
  kecamatan: (code: string) => string | undefined;
  desa: (code: string) => string | undefined;
  pendamping: (id: number) => string | undefined;
}

/** A logged file's filters as a sentence an administrator reads: "Status: Aktif · Kecamatan: Kota". */
export function describeFilters(kind: LogKind, filters: LogFilters, names: FilterNames): string {
  return isExportKind(kind)
    ? describeExportFilters(kind, filters as ExportFilters, names)
    : describeFileFilters(filters as FileFilters, names);
}

/** A report's or a letter's values, by their labels; a pendamping by name, a kecamatan by name, a family by id. */
function describeFileFilters(filters: FileFilters, names: FilterNames): string {
  const parts = Object.entries(filters).map(([key, value]) => {
    const label = FILE_FILTER_LABEL[key] ?? key;
    if (key === 'pendamping' && typeof value === 'number') return `${label}: ${names.pendamping(value) ?? `#${value}`}`;
    if (key === 'kecamatan') return `${label}: ${names.kecamatan(String(value)) ?? value}`;
    if (key === 'keluarga') return `${label}: #${value}`;
    return `${label}: ${value}`;
  });
  return parts.length ? parts.join(' · ') : 'Semua data';
}

function describeExportFilters(kind: ExportKind, filters: ExportFilters, names: FilterNames): string {
  const parts: string[] = [];
  if (filters.status?.length) parts.push(`Status: ${filters.status.map((s) => STATUS_LABEL[s]).join(', ')}`);
  if (filters.stage) {
    const stage = stageOptions(kind).find((o) => o.value === filters.stage)?.label ?? filters.stage;
    parts.push(`Tahap: ${stage}`);
  }
  if (filters.outcome?.length) {
    parts.push(`Status usulan: ${filters.outcome.map((o) => PROPOSAL_OUTCOME_LABEL[o] ?? o).join(', ')}`);
  }
  if (filters.periodFrom || filters.periodTo) {
    const from = filters.periodFrom ? formatTanggal(filters.periodFrom) : '…';
    const to = filters.periodTo ? formatTanggal(filters.periodTo) : '…';
    parts.push(`Periode: ${from} – ${to}`);
  }
  if (filters.kecamatanCode) {
    parts.push(`Kecamatan: ${names.kecamatan(filters.kecamatanCode) ?? filters.kecamatanCode}`);
  }
  if (filters.desaCode) parts.push(`Desa: ${names.desa(filters.desaCode) ?? filters.desaCode}`);
  if (filters.pendampingId) {
    parts.push(`Pendamping: ${names.pendamping(filters.pendampingId) ?? `#${filters.pendampingId}`}`);
  }
  return parts.length ? parts.join(' · ') : 'Semua data';
}
