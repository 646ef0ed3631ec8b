/**
 * What each export kind reads, in SQL: the rows (FROM ... JOIN), the order, the expression of every catalogue
 * column, and the columns its filters apply to; and the export's count and streamed rows, narrowed by the
 * filters (status, stage, period, kecamatan, desa, pendamping). The values come out as stored: the export
 * service labels codes and writes the cells, and checks the filters and columns before they reach here.
 */
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { ExportColumn, ExportFilters, ExportKind, ProposalOutcome, VisitStage } from '../../main/domain/exports';
import { KPM_FIELD_KEYS } from '../../main/domain/field-views';
import { DRAFT_PROPOSAL } from '../../main/domain/graduation';
import type { Db } from '../open';
import { kpm } from '../schema';
import { notCancelled, notReplaced } from './awards';
import { APPROVED_ITEM, REJECTED_ITEM, WITHDRAWN } from './graduation';
import { quotedList } from './sql-text';

const KPM_COLUMN: Record<string, { name: string }> = getTableColumns(kpm);

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
  /** Each catalogue column's SQL expression. */
  columns: Record<string, string>;
}

const FAMILY_JOINS = `
  JOIN regions d ON d.code = k.district_code
  JOIN regions v ON v.code = k.village_code`;

/**
 * The family's columns, the same in every kind: each family field from its own column (the table's names), and
 * the row's number, the place and the pendamping by name (EXPORT_FAMILY_VIEW).
 */
const FAMILY: Record<string, string> = {
  ...Object.fromEntries(
    KPM_FIELD_KEYS.filter((key) => Object.hasOwn(KPM_COLUMN, key)).map((key) => [key, `k.${KPM_COLUMN[key].name}`]),
  ),
  no: 'NULL',
  desa: 'v.name',
  kecamatan: 'd.name',
  kabupaten: '(SELECT r.name FROM regions r WHERE r.code = substr(k.district_code, 1, 4))',
  provinsi: '(SELECT r.name FROM regions r WHERE r.code = substr(k.district_code, 1, 2))',
  pendamping: 'p.name',
};

/**
 * The join finds the proposal's unreversed decision; a reversal clears the items' decisions, so an approved or
 * rejected item always has one. A candidacy withdrawn while proposed is 'cancelled'; one in a draft is not
 * proposed yet.
 */
const outcome = (value: ProposalOutcome) => quotedList([value]);
const visit = (value: VisitStage) => quotedList([value]);
const OUTCOME = `CASE
    WHEN pr.id IS NULL OR pr.status = ${quotedList([DRAFT_PROPOSAL])} THEN NULL
    WHEN c.stage = ${WITHDRAWN} THEN ${outcome('cancelled')}
    WHEN dc.id IS NOT NULL AND pi.decision = ${APPROVED_ITEM} THEN ${outcome('approved')}
    WHEN dc.id IS NOT NULL AND pi.decision = ${REJECTED_ITEM} THEN ${outcome('rejected')}
    ELSE ${outcome('proposed')} END`;

/** The decree's number and date belong to the families it approved, not to those it rejected. */
const approved = (sql: string) => `CASE WHEN dc.id IS NOT NULL AND pi.decision = ${APPROVED_ITEM} THEN ${sql} END`;

const GRADUATION: KindSql = {
  from: `graduation_candidates c
  JOIN kpm k ON k.id = c.kpm_id ${FAMILY_JOINS}
  LEFT JOIN pendamping p ON p.id = coalesce(c.pendamping_id, k.pendamping_id)
  LEFT JOIN proposal_items pi ON pi.candidate_id = c.id
  LEFT JOIN proposals pr ON pr.id = pi.proposal_id
  LEFT JOIN decisions dc ON dc.proposal_id = pi.proposal_id AND dc.reversed_at IS NULL AND pi.decision IS NOT NULL`,
  base: `c.stage <> ${WITHDRAWN}`,
  orderBy: 'd.name, v.name, k.nama, c.id',
  // The decree's date once decided, else the day the proposal went out, else the day the candidacy began.
  date: 'coalesce(dc.sk_date, substr(pr.submitted_at, 1, 10), substr(c.created_at, 1, 10))',
  pendamping: 'coalesce(c.pendamping_id, k.pendamping_id)',
  stage: 'c.stage = ?',
  outcome: OUTCOME,
  columns: {
    ...FAMILY,
    jenisGraduasi: 'c.kind',
    alasan: 'c.reasons',
    tahap: 'c.stage',
    nomorUsulan: 'pr.number',
    tanggalUsulan: 'substr(pr.submitted_at, 1, 10)',
    statusUsulan: OUTCOME,
    // The graduation's date once approved, else the day the proposal went out, else the day the candidacy began.
    tanggal: `coalesce(${approved('dc.sk_date')}, substr(pr.submitted_at, 1, 10), substr(c.created_at, 1, 10))`,
    nomorSk: approved('dc.sk_number'),
    tanggalSk: approved('dc.sk_date'),
    alasanDitolak: 'pi.reject_reason',
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
    keys: new Set(['hubungan', 'artNik', 'artNisn', 'artNama', 'artTanggalLahir', 'artJenisKelamin', 'artKomponen']),
    join: 'LEFT JOIN art a ON a.kpm_id = k.id',
    orderBy: 'k.id, a.id',
  },
  date: 'k.status_date',
  pendamping: 'k.pendamping_id',
  stage: FAMILY_STAGE,
  columns: {
    ...FAMILY,
    hubungan: 'a.hubungan',
    artNik: 'a.nik',
    artNisn: 'a.nisn',
    artNama: 'a.nama',
    artTanggalLahir: 'a.tanggal_lahir',
    artJenisKelamin: 'a.jenis_kelamin',
    artKomponen: 'a.komponen',
  },
};

const AWARDS: KindSql = {
  from: `awards aw
  JOIN award_programs ap ON ap.id = aw.program_id
  JOIN kpm k ON k.id = aw.kpm_id ${FAMILY_JOINS}
  LEFT JOIN pendamping p ON p.id = k.pendamping_id`,
  // A corrected award no longer counts: its correction does.
  base: `${notCancelled('aw')} AND ${notReplaced('aw')}`,
  orderBy: 'ap.year, ap.name, d.name, v.name, k.nama, aw.id',
  date: 'coalesce(aw.handover_date, substr(aw.planned_at, 1, 10))',
  pendamping: 'k.pendamping_id',
  stage: 'aw.stage = ?',
  columns: {
    ...FAMILY,
    program: 'ap.name',
    tahunProgram: 'ap.year',
    jenisUsaha: 'aw.business_type',
    tahapBantuan: 'aw.stage',
    tunai: 'aw.cash',
    nilai: 'aw.total',
    tanggalSerah: 'aw.handover_date',
    penerima: 'aw.receiver_name',
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
  stage: `CASE WHEN fv.visited_date IS NOT NULL THEN ${visit('visited')}
    WHEN fv.due_date < date('now', 'localtime') THEN ${visit('overdue')} ELSE ${visit('pending')} END = ?`,
  columns: {
    ...FAMILY,
    nomorSk: 'dc.sk_number',
    tanggalSk: 'dc.sk_date',
    bulanKe: 'fv.months_after',
    jatuhTempo: 'fv.due_date',
    tanggalKunjungan: 'fv.visited_date',
    petugas: 'fv.visitor_name',
    usahaBerjalan: 'fv.business_running',
    penghasilan: 'fv.income_band',
    kembaliMiskin: 'fv.slipped_back',
    catatanKunjungan: 'fv.notes',
  },
};

const KIND_SQL: Record<ExportKind, KindSql> = {
  graduation: GRADUATION,
  registry: REGISTRY,
  awards: AWARDS,
  visits: VISITS,
};

/** The kind's catalogue keys that have SQL (every catalogue column must). */
export const exportColumnKeys = (kind: ExportKind): ReadonlySet<string> => new Set(Object.keys(KIND_SQL[kind].columns));

/** Whether the kind can be filtered by where its proposal stands (the graduation export). */
export const takesOutcome = (kind: ExportKind): boolean => KIND_SQL[kind].outcome !== undefined;

/** The filters as one WHERE clause; the service has checked them (stage known, outcome for this kind). */
function whereOf(kind: ExportKind, filters: ExportFilters): { sql: string; params: unknown[] } {
  const k = KIND_SQL[kind];
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.stage) {
    parts.push(k.stage);
    params.push(filters.stage);
  } else if (!filters.outcome?.length) {
    parts.push(k.base);
  }
  if (filters.outcome?.length) {
    // The outcome decides alone which candidacies count: 'cancelled' asks for withdrawn ones, left out otherwise.
    if (!k.outcome) throw new Error(`export ${kind} has no proposal outcome`);
    parts.push(`${k.outcome} IN (${filters.outcome.map(() => '?').join(', ')})`);
    params.push(...filters.outcome);
  }
  if (filters.status && filters.status.length > 0) {
    parts.push(`k.status IN (${filters.status.map(() => '?').join(', ')})`);
    params.push(...filters.status);
  }
  if (filters.periodFrom) {
    parts.push(`${k.date} >= ?`);
    params.push(filters.periodFrom);
  }
  if (filters.periodTo) {
    parts.push(`${k.date} <= ?`);
    params.push(filters.periodTo);
  }
  if (filters.kecamatanCode) {
    parts.push('k.district_code = ?');
    params.push(filters.kecamatanCode);
  }
  if (filters.desaCode) {
    parts.push('k.village_code = ?');
    params.push(filters.desaCode);
  }
  if (filters.pendampingId !== undefined) {
    parts.push(`${k.pendamping} = ?`);
    params.push(filters.pendampingId);
  }
  return { sql: parts.map((p) => `(${p})`).join(' AND '), params };
}

/** FROM and ORDER BY for these columns: the registry joins its members only when a member column is chosen. */
function sourceOf(kind: ExportKind, columns: readonly ExportColumn[]): { from: string; orderBy: string } {
  const k = KIND_SQL[kind];
  const perMember = k.perMember;
  if (perMember && columns.some((c) => perMember.keys.has(c.key))) {
    return { from: `${k.from} ${perMember.join}`, orderBy: perMember.orderBy };
  }
  return { from: k.from, orderBy: k.orderBy };
}

/** How many rows the export would write now. */
export function countExportRows(
  db: Db,
  kind: ExportKind,
  columns: readonly ExportColumn[],
  filters: ExportFilters,
): number {
  const where = whereOf(kind, filters);
  const row = db.$client
    .prepare(`SELECT count(*) AS n FROM ${sourceOf(kind, columns).from} WHERE ${where.sql}`)
    .get(...where.params) as { n: number };
  return row.n;
}

/** The rows as arrays of raw values (column order of the template), streamed from SQLite. */
export function iterateExportRows(
  client: Database.Database,
  kind: ExportKind,
  columns: readonly ExportColumn[],
  filters: ExportFilters,
): IterableIterator<unknown[]> {
  const source = sourceOf(kind, columns);
  const where = whereOf(kind, filters);
  const select = columns
    .map((column) => {
      const sql = KIND_SQL[kind].columns[column.key];
      if (sql === undefined) throw new Error(`export ${kind} has no column ${column.key}`);
      return sql;
    })
    .join(', ');
  const statement = client.prepare(
    `SELECT ${select} FROM ${source.from} WHERE ${where.sql} ORDER BY ${source.orderBy}`,
  );
  return statement.raw(true).iterate(...where.params) as IterableIterator<unknown[]>;
}
