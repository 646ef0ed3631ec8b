/**
 * What each export kind reads, in SQL: the rows (FROM ... JOIN), the order, the expression of every catalogue
 * column, and the columns its filters apply to. The values come out as stored; cells.ts turns codes into the
 * labels people read (komponen, status, stage) and writes the cells.
 */
import { getTableColumns } from 'drizzle-orm';
import { kpm } from '../../../db/schema';
import { AWARD_STAGE_LABEL } from '../../domain/awards';
import { HUBUNGAN_LABEL, type Hubungan, type KpmStatus, STATUS_LABEL } from '../../domain/enums';
import { EXPORT_CATALOGUE, type ExportKind, PROPOSAL_OUTCOME_LABEL, type ProposalOutcome } from '../../domain/exports';
import { NUMBER_FIELDS } from '../../domain/fields';
import {
  CANDIDATE_STAGE_LABEL,
  type CandidateStage,
  INCOME_BAND_LABEL,
  type IncomeBand,
  MANDIRI_REASON_LABEL,
} from '../../domain/graduation';
import { KOMPONEN_LABEL, type Komponen } from '../../domain/komponen';

const KPM_COLUMN: Record<string, { name: string }> = getTableColumns(kpm);

/** One column: its SQL expression and, for codes, the label written instead. */
export interface ColumnSql {
  sql: string;
  label?: (value: unknown) => unknown;
}

export interface KindSql {
  /** FROM and JOINs; `k` is the family, `d`/`v` its kecamatan/desa, `p` its pendamping. */
  from: string;
  /** Rows every export of the kind leaves out unless the stage filter asks for them (withdrawn, cancelled). */
  base: string;
  orderBy: string;
  /**
   * Rows per member (the registry): joined only when the template has one of these columns, so a template of
   * family columns alone has one row per family.
   */
  perMember?: { keys: ReadonlySet<string>; join: string; orderBy: string };
  /** The date the period filter applies to, as yyyy-mm-dd. */
  date: string;
  pendamping: string;
  /** The stage filter's condition (one `?`); the stages it accepts are EXPORT_STAGES. */
  stage: string;
  /** Graduation: where the family's proposal stands (PROPOSAL_OUTCOMES), NULL while it is in no submitted one. */
  outcome?: string;
  columns: Record<string, ColumnSql>;
}

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

const FAMILY_JOINS = `
  JOIN regions d ON d.code = k.district_code
  JOIN regions v ON v.code = k.village_code`;

/** The family's columns, the same in every kind. */
const FAMILY: Record<string, ColumnSql> = {
  no: { sql: 'NULL' },
  idDtks: { sql: 'k.id_dtks' },
  idKpm: { sql: 'k.id_kpm' },
  nik: { sql: 'k.nik' },
  noKk: { sql: 'k.no_kk' },
  nama: { sql: 'k.nama' },
  tempatLahir: { sql: 'k.tempat_lahir' },
  tanggalLahir: { sql: 'k.tanggal_lahir' },
  jenisKelamin: { sql: 'k.jenis_kelamin' },
  komponen: { sql: 'k.komponen', label: labelOf<Komponen>(KOMPONEN_LABEL) },
  alamat: { sql: 'k.alamat' },
  rt: { sql: 'k.rt' },
  rw: { sql: 'k.rw' },
  desa: { sql: 'v.name' },
  kecamatan: { sql: 'd.name' },
  kabupaten: { sql: '(SELECT r.name FROM regions r WHERE r.code = substr(k.district_code, 1, 4))' },
  provinsi: { sql: '(SELECT r.name FROM regions r WHERE r.code = substr(k.district_code, 1, 2))' },
  phone: { sql: 'k.phone' },
  tahunBergabung: { sql: 'k.tahun_bergabung' },
  ...Object.fromEntries(NUMBER_FIELDS.map((key) => [key, { sql: `k.${KPM_COLUMN[key].name}` }])),
  status: { sql: 'k.status', label: labelOf<KpmStatus>(STATUS_LABEL) },
  statusDate: { sql: 'k.status_date' },
  pendamping: { sql: 'p.name' },
};

/**
 * The join finds the proposal's unreversed decision; a reversal clears the items' decisions, so an approved or
 * rejected item always has one. A candidacy withdrawn while proposed is 'dibatalkan'; one in a draft is not
 * proposed yet.
 */
const OUTCOME = `CASE
    WHEN pr.id IS NULL OR pr.status = 'draft' THEN NULL
    WHEN c.stage = 'dibatalkan' THEN 'dibatalkan'
    WHEN dc.id IS NOT NULL AND pi.decision = 'disetujui' THEN 'disetujui'
    WHEN dc.id IS NOT NULL AND pi.decision = 'ditolak' THEN 'ditolak'
    ELSE 'diusulkan' END`;

/** The decree's number and date belong to the families it approved, not to those it rejected. */
const approved = (sql: string) => `CASE WHEN dc.id IS NOT NULL AND pi.decision = 'disetujui' THEN ${sql} END`;

const GRADUATION: KindSql = {
  from: `graduation_candidates c
  JOIN kpm k ON k.id = c.kpm_id ${FAMILY_JOINS}
  LEFT JOIN pendamping p ON p.id = coalesce(c.pendamping_id, k.pendamping_id)
  LEFT JOIN proposal_items pi ON pi.candidate_id = c.id
  LEFT JOIN proposals pr ON pr.id = pi.proposal_id
  LEFT JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL AND pi.decision IS NOT NULL`,
  base: "c.stage <> 'dibatalkan'",
  orderBy: 'd.name, v.name, k.nama, c.id',
  // The decree's date once decided, else the day the proposal went out, else the day the candidacy began.
  date: 'coalesce(dc.sk_date, substr(pr.submitted_at, 1, 10), substr(c.created_at, 1, 10))',
  pendamping: 'coalesce(c.pendamping_id, k.pendamping_id)',
  stage: 'c.stage = ?',
  outcome: OUTCOME,
  columns: {
    ...FAMILY,
    jenisGraduasi: {
      sql: 'c.kind',
      label: (kind) => STATUS_LABEL[`graduasi_${kind}` as KpmStatus] ?? kind,
    },
    alasan: { sql: 'c.reasons', label: reasons },
    tahap: { sql: 'c.stage', label: labelOf<CandidateStage>(CANDIDATE_STAGE_LABEL) },
    nomorUsulan: { sql: 'pr.number' },
    tanggalUsulan: { sql: 'substr(pr.submitted_at, 1, 10)' },
    statusUsulan: { sql: OUTCOME, label: labelOf<ProposalOutcome>(PROPOSAL_OUTCOME_LABEL) },
    // The graduation's date once approved, else the day the proposal went out, else the day the candidacy began.
    tanggal: {
      sql: `coalesce(${approved('dc.sk_date')}, substr(pr.submitted_at, 1, 10), substr(c.created_at, 1, 10))`,
    },
    nomorSk: { sql: approved('dc.sk_number') },
    tanggalSk: { sql: approved('dc.sk_date') },
    alasanDitolak: { sql: 'pi.reject_reason' },
  },
};

/** A candidacy stage of the family (open or decided), for the registry's stage filter. */
const FAMILY_STAGE = 'EXISTS (SELECT 1 FROM graduation_candidates gc WHERE gc.kpm_id = k.id AND gc.stage = ?)';

const REGISTRY: KindSql = {
  from: `kpm k ${FAMILY_JOINS}
  LEFT JOIN pendamping p ON p.id = k.pendamping_id`,
  base: '1',
  orderBy: 'k.id',
  // With member columns: one row per member; a family without members has one row, its member columns empty.
  perMember: {
    keys: new Set(['hubungan', 'artNik', 'artNama', 'artTanggalLahir', 'artJenisKelamin', 'artKomponen']),
    join: 'LEFT JOIN art a ON a.kpm_id = k.id',
    orderBy: 'k.id, a.id',
  },
  date: 'k.status_date',
  pendamping: 'k.pendamping_id',
  stage: FAMILY_STAGE,
  columns: {
    ...FAMILY,
    notes: { sql: 'k.notes' },
    hubungan: { sql: 'a.hubungan', label: (h) => (typeof h === 'string' ? HUBUNGAN_LABEL[h as Hubungan] : h) },
    artNik: { sql: 'a.nik' },
    artNama: { sql: 'a.nama' },
    artTanggalLahir: { sql: 'a.tanggal_lahir' },
    artJenisKelamin: { sql: 'a.jenis_kelamin' },
    artKomponen: { sql: 'a.komponen', label: labelOf<Komponen>(KOMPONEN_LABEL) },
  },
};

const AWARDS: KindSql = {
  from: `awards aw
  JOIN award_programs ap ON ap.id = aw.program_id
  JOIN kpm k ON k.id = aw.kpm_id ${FAMILY_JOINS}
  LEFT JOIN pendamping p ON p.id = k.pendamping_id`,
  // A corrected award no longer counts: its correction does.
  base: "aw.stage <> 'dibatalkan' AND NOT EXISTS (SELECT 1 FROM awards x WHERE x.corrects_award_id = aw.id)",
  orderBy: 'ap.year, ap.name, d.name, v.name, k.nama, aw.id',
  date: 'coalesce(aw.handover_date, substr(aw.planned_at, 1, 10))',
  pendamping: 'k.pendamping_id',
  stage: 'aw.stage = ?',
  columns: {
    ...FAMILY,
    program: { sql: 'ap.name' },
    tahunProgram: { sql: 'ap.year' },
    jenisUsaha: { sql: 'aw.business_type' },
    tahapBantuan: { sql: 'aw.stage', label: labelOf(AWARD_STAGE_LABEL) },
    tunai: { sql: 'aw.cash' },
    nilai: { sql: 'aw.total' },
    tanggalSerah: { sql: 'aw.handover_date' },
    penerima: { sql: 'aw.receiver_name' },
  },
};

const VISITS: KindSql = {
  from: `follow_up_visits fv
  JOIN decisions dc ON dc.id = fv.decision_id AND dc.reversed_at IS NULL
  JOIN kpm k ON k.id = fv.kpm_id ${FAMILY_JOINS}
  LEFT JOIN pendamping p ON p.id = k.pendamping_id`,
  base: '1',
  orderBy: 'fv.due_date, d.name, v.name, k.nama, fv.id',
  date: 'fv.due_date',
  pendamping: 'k.pendamping_id',
  stage: `CASE WHEN fv.visited_date IS NOT NULL THEN 'sudah'
    WHEN fv.due_date < date('now', 'localtime') THEN 'terlambat' ELSE 'belum' END = ?`,
  columns: {
    ...FAMILY,
    nomorSk: { sql: 'dc.sk_number' },
    tanggalSk: { sql: 'dc.sk_date' },
    bulanKe: { sql: 'fv.months_after' },
    jatuhTempo: { sql: 'fv.due_date' },
    tanggalKunjungan: { sql: 'fv.visited_date' },
    petugas: { sql: 'fv.visitor_name' },
    usahaBerjalan: { sql: 'fv.business_running', label: yesNo },
    penghasilan: { sql: 'fv.income_band', label: labelOf<IncomeBand>(INCOME_BAND_LABEL) },
    kembaliMiskin: { sql: 'fv.slipped_back', label: yesNo },
    catatanKunjungan: { sql: 'fv.notes' },
  },
};

export const KIND_SQL: Record<ExportKind, KindSql> = {
  graduation: GRADUATION,
  registry: REGISTRY,
  awards: AWARDS,
  visits: VISITS,
};

// Every catalogue column has its SQL (checked once when the module loads, and by the tests).
for (const [kind, entries] of Object.entries(EXPORT_CATALOGUE)) {
  for (const entry of entries) {
    if (!KIND_SQL[kind as ExportKind].columns[entry.key]) throw new Error(`Kolom ${kind}.${entry.key} tanpa SQL.`);
  }
}
