import type { OutputOf } from '../../../main/api/contract';
import type { KpmStatus } from '../../../main/domain/enums';
import { HUBUNGAN_LABEL, STATUS_LABEL } from '../../../main/domain/enums';
import { KPM_FIELDS } from '../../../main/domain/fields';
import { formatTanggal } from '../../../main/domain/format';
import { CANDIDATE_STAGE_LABEL, type CandidateStage } from '../../../main/domain/graduation';
import { KOMPONEN_LABEL, type Komponen } from '../../../main/domain/komponen';
import { SEX_LABEL } from './labels';

type Art = OutputOf<'kpm.get'>['members'][number];

/** The history speaks with the fields' own labels (main/domain/fields.ts). */
export const FIELD_LABEL: Record<string, string> = {
  ...Object.fromEntries(Object.entries(KPM_FIELDS).map(([key, spec]) => [key, spec.label])),
  // A family's candidacy (added, withdrawn) is written to its history with the candidacy's stage.
  stage: 'Tahap graduasi',
};

/** Bookkeeping columns that change on every save and mean nothing to the reader. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'komponenMask', 'importBatchId', 'kpmId']);

/** Audit snapshots come as a family row, or as { kpm, members }: flatten both to one record. */
function flatten(snapshot: unknown): Record<string, unknown> {
  if (!snapshot || typeof snapshot !== 'object') return {};
  const record = snapshot as Record<string, unknown>;
  if (record.kpm && typeof record.kpm === 'object') return { ...(record.kpm as object), members: record.members };
  return record;
}

/** Names by code/id for the values a history shows, sent by the server with the history (kpm.get). */
export interface NameLookup {
  regions: Record<string, string>;
  pendamping: Record<string, string>;
}

function describeMember(m: Partial<Art>): string {
  const parts = [
    m.hubungan ? HUBUNGAN_LABEL[m.hubungan] : null,
    m.nik ?? null,
    m.tanggalLahir ? formatTanggal(m.tanggalLahir) : null,
    m.komponen ? KOMPONEN_LABEL[m.komponen] : null,
  ].filter(Boolean);
  return `${m.nama ?? '?'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function formatValue(key: string, value: unknown, names: NameLookup): string {
  if (value === null || value === undefined || value === '') return '–';
  switch (key) {
    case 'tanggalLahir':
    case 'statusDate':
      return formatTanggal(String(value));
    case 'status':
      return STATUS_LABEL[value as KpmStatus] ?? String(value);
    case 'stage':
      return CANDIDATE_STAGE_LABEL[value as CandidateStage] ?? String(value);
    case 'komponen':
      return KOMPONEN_LABEL[value as Komponen] ?? String(value);
    case 'jenisKelamin':
      return SEX_LABEL[value as 'L' | 'P'] ?? String(value);
    case 'pendampingId':
      return names.pendamping[String(value)] ?? `Pendamping #${value}`;
    case 'districtCode':
    case 'villageCode':
      return names.regions[String(value)] ?? `Kode wilayah ${value}`;
    case 'members':
      return Array.isArray(value) && value.length > 0 ? value.map(describeMember).join('; ') : '–';
    default:
      return String(value);
  }
}

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** The fields that differ between two audit snapshots, formatted for people. */
export function diffSnapshots(before: unknown, after: unknown, names: NameLookup): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !IGNORED.has(k));
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  return keys
    .filter((k) => !same(a[k], b[k]))
    .sort((x, y) => order(x) - order(y))
    .map((k) => ({
      key: k,
      label: FIELD_LABEL[k] ?? k,
      before: formatValue(k, a[k], names),
      after: formatValue(k, b[k], names),
    }));
}

const KEY_ORDER = Object.keys(FIELD_LABEL);
const order = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
