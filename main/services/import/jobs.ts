/**
 * Import jobs: a file is read and checked in the background (progress, cancel), the resulting plan is kept
 * in memory with the file's hash until the user commits it, changes the mapping or choices, or leaves.
 * What the report showed is what commit writes: commit names the plan it was shown.
 */

import { createHash, randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { importBatches } from '../../../db/schema';
import { AppError, type AppErrorData } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { type ColumnMapping, headerKey, IMPORT_FIELD_LABEL, type ImportField } from '../../domain/import-fields';
import { createRegionMatcher, displayValue, type RegionEntry } from '../../domain/normalize';
import { type Actor, requireRole, WRITE_ROLES } from '../actor';
import { getOffice } from '../setup';
import { commitPlan, PlanChangedError } from './commit';
import { PROBLEM_LABEL } from './labels';
import {
  applySavedMapping,
  autoMap,
  detectHeaderRow,
  findMapping,
  HEADER_SEARCH_ROWS,
  headerTexts,
  mappingByHeader,
  validateMapping,
} from './mapping';
import {
  ALLOWED_CHOICES,
  buildPlan,
  type Choice,
  type ChoiceDefaults,
  type Choices,
  DEFAULT_CHOICES,
  type DuplicateItem,
  type Plan,
  type PlanCounts,
  type UnknownPendamping,
} from './plan';
import { type FileKind, type OpenedFile, openFile } from './read';
import { FamilyCollector, RowChecker } from './rows';
import { type FamilyRecord, type ImportLayout, type ImportProblem, LAYOUT_LABEL } from './types';
import { columnLetter, type SheetInfo, type SheetRow } from './xlsx';
import { yieldNow } from './yield';

export type JobStatus = 'berjalan' | 'siap' | 'menyimpan' | 'selesai' | 'gagal' | 'dibatalkan';
export type JobPhase = 'membaca' | 'memeriksa' | 'menyimpan';

export interface ImportProgress {
  jobId: string;
  status: JobStatus;
  phase: JobPhase;
  done: number;
  total: number;
  /** 0-100 over the current phase. */
  percent: number;
  error: AppErrorData | null;
  planId: string | null;
  batchId: number | null;
}

export interface ImportOptions {
  sheet?: string | null;
  /** Row number of the header (as Excel shows it); found automatically when absent. */
  headerRow?: number | null;
  /** A saved mapping's name. */
  mappingName?: string | null;
  /** field -> 0-based column, as corrected by the user. */
  mapping?: Partial<Record<string, number | null>> | null;
  /** For tests: the day birth dates are checked against. */
  today?: Date;
}

export interface StartInput extends ImportOptions {
  fileName: string;
  bytes: Buffer;
}

interface Parsed {
  sheet: SheetInfo | null;
  headerRow: number;
  titleRows: number;
  headers: string[];
  mapping: ColumnMapping;
  mappingSource: 'otomatis' | 'tersimpan' | 'pengguna';
  mappingName: string | null;
  missingFromSavedMapping: ImportField[];
  layout: ImportLayout;
  families: FamilyRecord[];
  rowProblems: ImportProblem[];
  rowsRead: number;
  dataRows: number;
  blankRows: number;
  repeatedHeaders: number;
  skippedRows: number;
  fatal: string | null;
}

export interface ImportJob {
  id: string;
  db: Db;
  userId: number | null;
  fileName: string;
  bytes: Buffer;
  hash: string;
  kind: FileKind;
  opened: OpenedFile;
  options: ImportOptions;
  choices: Choices;
  status: JobStatus;
  phase: JobPhase;
  done: number;
  total: number;
  error: AppErrorData | null;
  generation: number;
  cancelRequested: boolean;
  parsed: Parsed | null;
  plan: Plan | null;
  batchId: number | null;
  running: Promise<void>;
  touchedAt: number;
  sortedProblems: { planId: string; list: ImportProblem[] } | null;
  /** The first rows of the sheet as text, for choosing the header row. */
  preview: { row: number; cells: string[] }[];
}

const PREVIEW_COLUMNS = 60;

function emptyParsed(sheet: SheetInfo | null, fatal: string): Parsed {
  return {
    sheet,
    headerRow: 0,
    titleRows: 0,
    headers: [],
    mapping: {},
    mappingSource: 'otomatis',
    mappingName: null,
    missingFromSavedMapping: [],
    layout: 'keluarga',
    families: [],
    rowProblems: [],
    rowsRead: 0,
    dataRows: 0,
    blankRows: 0,
    repeatedHeaders: 0,
    skippedRows: 0,
    fatal,
  };
}

const MAX_JOBS = 8;
const JOB_TTL_MS = 3 * 60 * 60 * 1000;
const jobs = new Map<string, ImportJob>();

function cancelled(): AppError {
  return new AppError('CANCELLED', 'Impor dibatalkan. Tidak ada data yang disimpan.');
}

function prune() {
  const now = Date.now();
  for (const [id, job] of jobs) {
    if (now - job.touchedAt > JOB_TTL_MS && job.status !== 'berjalan' && job.status !== 'menyimpan') jobs.delete(id);
  }
  if (jobs.size < MAX_JOBS) return;
  const idle = [...jobs.values()]
    .filter((j) => j.status !== 'berjalan' && j.status !== 'menyimpan')
    .sort((a, b) => a.touchedAt - b.touchedAt);
  while (jobs.size >= MAX_JOBS && idle.length > 0) jobs.delete((idle.shift() as ImportJob).id);
}

export function getJob(actor: Actor, jobId: string): ImportJob {
  const job = jobs.get(jobId);
  if (!job || job.userId !== actor.id) {
    throw new AppError(
      'NOT_FOUND',
      'Pekerjaan impor tidak ditemukan (mungkin sudah kedaluwarsa). Pilih berkasnya lagi.',
    );
  }
  job.touchedAt = Date.now();
  return job;
}

/** Opens the file (refusing what is not a spreadsheet at once) and starts reading and checking it. */
export function startImport(db: Db, actor: Actor, input: StartInput): ImportJob {
  requireRole(actor, WRITE_ROLES);
  if (!getOffice(db)) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
  const opened = openFile(input.bytes);
  // One import at a time per user: a new file replaces the user's idle jobs (a 100,000-row job holds ~130 MB).
  for (const [id, other] of jobs) {
    if (other.userId === actor.id && other.status !== 'berjalan' && other.status !== 'menyimpan') jobs.delete(id);
  }
  prune();
  const { fileName, bytes, ...options } = input;
  const job: ImportJob = {
    id: randomBytes(12).toString('base64url'),
    db,
    userId: actor.id,
    fileName,
    bytes,
    hash: createHash('sha256').update(bytes).digest('hex'),
    kind: opened.kind,
    opened,
    options,
    choices: { defaults: { ...DEFAULT_CHOICES }, overrides: {}, createPendamping: [] },
    status: 'berjalan',
    phase: 'membaca',
    done: 0,
    total: 0,
    error: null,
    generation: 0,
    cancelRequested: false,
    parsed: null,
    plan: null,
    batchId: null,
    running: Promise.resolve(),
    touchedAt: Date.now(),
    sortedProblems: null,
    preview: [],
  };
  jobs.set(job.id, job);
  launch(job);
  return job;
}

function launch(job: ImportJob) {
  job.generation++;
  const generation = job.generation;
  job.cancelRequested = false;
  job.status = 'berjalan';
  job.phase = 'membaca';
  job.done = 0;
  job.total = 0;
  job.error = null;
  job.plan = null;
  job.parsed = null;
  job.sortedProblems = null;
  job.preview = [];
  job.running = runCheck(job, generation).then(
    () => {
      if (job.generation !== generation) return;
      job.status = 'siap';
      job.done = job.total;
    },
    (error: unknown) => {
      if (job.generation !== generation) return;
      const data = toErrorData(error);
      job.status = data.code === 'CANCELLED' ? 'dibatalkan' : 'gagal';
      job.error = data;
    },
  );
}

function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  console.error('[impor] gagal:', error instanceof Error ? (error.stack ?? error.message) : error);
  return { code: 'INTERNAL', message: 'Terjadi kesalahan saat memeriksa berkas. Coba lagi atau hubungi admin.' };
}

/** Starts a job and waits until its report is ready (command line and tests). */
export async function checkImport(db: Db, actor: Actor, input: StartInput): Promise<ImportJob> {
  const job = startImport(db, actor, input);
  await job.running;
  if (job.status !== 'siap')
    throw new AppError(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Pemeriksaan gagal.');
  return job;
}

function regionMatcherFor(db: Db) {
  const office = getOffice(db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
  const entries = db.$client
    .prepare("SELECT code, level, parent_code AS parentCode, name FROM regions WHERE level IN ('district', 'village')")
    .all() as RegionEntry[];
  return createRegionMatcher(office.regencyCode, entries);
}

async function firstRows(opened: OpenedFile, sheet: SheetInfo | null): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const iterator = opened.rows(sheet);
  try {
    for await (const batch of iterator) {
      rows.push(...batch);
      if (rows.length >= HEADER_SEARCH_ROWS) break;
    }
  } finally {
    await iterator.return(undefined);
  }
  return rows.slice(0, HEADER_SEARCH_ROWS);
}

async function chooseSheet(job: ImportJob): Promise<SheetInfo | null> {
  const { opened } = job;
  if (opened.kind !== 'xlsx') return null;
  if (job.options.sheet) {
    const found = opened.sheets.find((s) => s.name === job.options.sheet);
    if (!found) {
      throw new AppError(
        'INVALID_INPUT',
        `Lembar "${job.options.sheet}" tidak ada di berkas ini. Lembar yang ada: ${opened.sheets.map((s) => s.name).join(', ')}.`,
      );
    }
    return found;
  }
  const visible = opened.sheets.filter((s) => !s.hidden);
  for (const sheet of visible) {
    if (detectHeaderRow(await firstRows(opened, sheet)) >= 0) return sheet;
  }
  return visible[0] ?? opened.sheets[0];
}

function rowWithMostHeaders(rows: SheetRow[], keys: string[]): number {
  const wanted = new Set(keys);
  let best = -1;
  let bestCount = 0;
  rows.forEach((r, i) => {
    const found = new Set(
      r.cells
        .filter((c): c is string => typeof c === 'string')
        .map(headerKey)
        .filter((k) => wanted.has(k)),
    );
    if (found.size > bestCount) {
      best = i;
      bestCount = found.size;
    }
  });
  return best;
}

async function runCheck(job: ImportJob, generation: number): Promise<void> {
  const stale = () => job.generation !== generation;
  const check = () => {
    if (job.cancelRequested) throw cancelled();
  };
  const { db, opened, options } = job;
  const today = options.today ?? new Date();
  const regions = regionMatcherFor(db);
  const sheet = await chooseSheet(job);
  if (stale()) return;
  job.total = opened.size(sheet);

  const buffered: SheetRow[] = [];
  let noHeader: string | null = null;
  const rowProblems: ImportProblem[] = [];
  let checker: RowChecker | null = null;
  let collector: FamilyCollector | null = null;
  let parsed: Parsed | null = null;
  let rowsRead = 0;

  const decideHeader = (): void => {
    let index: number;
    if (options.headerRow) {
      index = buffered.findIndex((r) => r.row === options.headerRow);
      if (index < 0) {
        throw new AppError(
          'IMPORT_NO_HEADER',
          `Baris ${options.headerRow} tidak ada di ${HEADER_SEARCH_ROWS} baris pertama; pilih baris judul kolom yang lain.`,
        );
      }
    } else {
      index = -1;
      if (options.mappingName && !options.mapping) {
        // A saved mapping knows its headers: the row holding most of them is the header.
        const saved = findMapping(db, options.mappingName);
        if (saved) index = rowWithMostHeaders(buffered, Object.values(saved.fields));
      }
      if (index < 0) index = detectHeaderRow(buffered);
      if (index < 0 && options.mapping) index = buffered.findIndex((r) => r.cells.some((c) => c !== null && c !== ''));
      if (index < 0) {
        const where = sheet ? `lembar "${sheet.name}"` : 'berkas';
        noHeader =
          `Baris judul kolom tidak ditemukan di ${HEADER_SEARCH_ROWS} baris pertama ${where}. Pastikan ada satu baris berisi judul ` +
          'seperti NIK, NO KK, NAMA PENGURUS, atau pilih sendiri baris judulnya.';
        return;
      }
    }
    const header = buffered[index];
    const headers = headerTexts(header.cells);
    let mapping: ColumnMapping;
    let mappingSource: Parsed['mappingSource'] = 'otomatis';
    let mappingName: string | null = null;
    let missing: ImportField[] = [];
    if (options.mapping) {
      mapping = validateMapping(options.mapping, headers.length);
      mappingSource = 'pengguna';
    } else if (options.mappingName) {
      const saved = findMapping(db, options.mappingName);
      if (!saved) throw new AppError('NOT_FOUND', `Pemetaan kolom "${options.mappingName}" tidak ditemukan.`);
      ({ mapping, missing } = applySavedMapping(headers, saved.fields));
      mappingSource = 'tersimpan';
      mappingName = saved.name;
    } else {
      mapping = autoMap(headers);
    }
    const identity = mapping.nik !== undefined || mapping.noKk !== undefined || mapping.idKpm !== undefined;
    checker = new RowChecker(mapping, headers, { regions, today, date1904: opened.date1904 }, rowProblems);
    collector = new FamilyCollector(checker);
    parsed = {
      sheet,
      headerRow: header.row,
      titleRows: buffered.slice(0, index).filter((r) => r.cells.some((c) => c !== null && c !== '')).length,
      headers,
      mapping,
      mappingSource,
      mappingName,
      missingFromSavedMapping: missing,
      layout: checker.layout,
      families: [],
      rowProblems,
      rowsRead: 0,
      dataRows: 0,
      blankRows: 0,
      repeatedHeaders: 0,
      skippedRows: 0,
      fatal: identity
        ? null
        : 'Kolom NIK, No. KK atau ID KPM belum dipetakan, sehingga keluarga tidak dapat dikenali. Petakan paling sedikit salah satunya.',
    };
    for (const r of buffered.slice(index + 1)) feed(r);
  };
  const feed = (r: SheetRow) => {
    if (parsed?.fatal) return;
    const result = (checker as RowChecker).check(r);
    if (result) {
      (collector as FamilyCollector).add(result);
      (parsed as Parsed).dataRows++;
    }
  };

  const iterator = opened.rows(sheet, (done) => {
    job.done = done;
  });
  try {
    for await (const batch of iterator) {
      if (stale()) return;
      check();
      for (const r of batch) {
        rowsRead = Math.max(rowsRead, r.row);
        if (checker) feed(r);
        else if (!noHeader) {
          buffered.push(r);
          if (buffered.length >= HEADER_SEARCH_ROWS) decideHeader();
        }
      }
      if (noHeader) break;
      await yieldNow();
    }
  } finally {
    await iterator.return(undefined);
  }
  opened.release();
  if (stale()) return;
  job.preview = buffered.slice(0, HEADER_SEARCH_ROWS).map((r) => ({
    row: r.row,
    cells: r.cells.slice(0, PREVIEW_COLUMNS).map((c) => displayValue(c)),
  }));
  if (!checker && !noHeader) {
    if (buffered.length === 0) {
      throw new AppError(
        'FILE_EMPTY',
        sheet ? `Lembar "${sheet.name}" kosong. Pilih lembar yang berisi data KPM.` : 'Berkas tidak berisi baris data.',
      );
    }
    decideHeader();
  }
  if (noHeader) {
    // Not a failure: the report shows the first rows so the user can point at the header row.
    job.parsed = emptyParsed(sheet, noHeader);
    job.plan = await planFor(job, db.$client, false, generation);
    return;
  }
  const p = parsed as unknown as Parsed;
  const c = checker as unknown as RowChecker;
  p.rowsRead = rowsRead;
  p.blankRows = c.blankRows;
  p.repeatedHeaders = c.repeatedHeaders;
  p.skippedRows = c.skippedRows;

  job.phase = 'memeriksa';
  job.done = 0;
  p.families = (collector as unknown as FamilyCollector).finish();
  job.total = p.families.length;
  if (p.families.length === 0 && !p.fatal) {
    p.fatal = 'Tidak ada baris data di bawah baris judul kolom.';
  }
  job.parsed = p;
  job.plan = await planFor(job, db.$client, false, generation);
}

async function planFor(
  job: ImportJob,
  conn: Parameters<typeof buildPlan>[1]['conn'],
  synchronous: boolean,
  generation = job.generation,
): Promise<Plan> {
  const parsed = job.parsed as Parsed;
  return buildPlan(parsed.families, {
    conn,
    choices: job.choices,
    today: job.options.today ?? new Date(),
    synchronous,
    columnOf: (field) => {
      const column = parsed.mapping[field];
      return column === undefined
        ? { header: IMPORT_FIELD_LABEL[field], column: '' }
        : { header: parsed.headers[column] || IMPORT_FIELD_LABEL[field], column: columnLetter(column) };
    },
    onProgress: (done, total) => {
      job.done = done;
      job.total = total;
      if (job.generation !== generation) throw cancelled();
      if (job.cancelRequested && job.status === 'berjalan') throw cancelled();
    },
  });
}

export function importProgress(actor: Actor, jobId: string): ImportProgress {
  const job = getJob(actor, jobId);
  return {
    jobId: job.id,
    status: job.status,
    phase: job.phase,
    done: job.done,
    total: job.total,
    percent:
      job.status === 'siap' || job.status === 'selesai'
        ? 100
        : job.total > 0
          ? Math.min(99, Math.floor((job.done / job.total) * 100))
          : 0,
    error: job.error,
    planId: job.plan?.id ?? null,
    batchId: job.batchId,
  };
}

/** Cancels reading, checking or saving; saving rolls back. */
export function cancelImport(actor: Actor, jobId: string): { cancelled: boolean } {
  const job = getJob(actor, jobId);
  if (job.status !== 'berjalan' && job.status !== 'menyimpan') return { cancelled: false };
  job.cancelRequested = true;
  return { cancelled: true };
}

/** Reads the file again with another sheet, header row or mapping. */
export function configureImport(actor: Actor, jobId: string, options: ImportOptions): ImportJob {
  const job = getJob(actor, jobId);
  if (job.status === 'menyimpan' || job.status === 'selesai') {
    throw new AppError(
      'CONFLICT',
      'Impor ini sudah disimpan atau sedang disimpan; pilih berkasnya lagi untuk impor baru.',
    );
  }
  const next: ImportOptions = { ...job.options };
  if (options.sheet !== undefined) {
    next.sheet = options.sheet;
    // A mapping by column number belongs to the previous sheet.
    if (options.mapping === undefined) next.mapping = null;
    if (options.headerRow === undefined) next.headerRow = null;
  }
  if (options.headerRow !== undefined) next.headerRow = options.headerRow;
  if (options.mappingName !== undefined) {
    next.mappingName = options.mappingName;
    if (options.mapping === undefined) next.mapping = null;
  }
  if (options.mapping !== undefined) next.mapping = options.mapping;
  job.options = next;
  launch(job);
  return job;
}

export interface ChoicesInput {
  defaults?: Partial<ChoiceDefaults>;
  overrides?: Record<string, Choice>;
  createPendamping?: string[];
}

/** Applies the user's choices for duplicates and unknown pendamping; returns the new report. */
export async function chooseImport(actor: Actor, jobId: string, input: ChoicesInput): Promise<ImportReport> {
  const job = getJob(actor, jobId);
  if (job.status !== 'siap' || !job.parsed || !job.plan) {
    throw new AppError('CONFLICT', 'Pemeriksaan berkas belum selesai.');
  }
  const defaults = { ...job.choices.defaults, ...(input.defaults ?? {}) };
  const overrides = { ...job.choices.overrides, ...(input.overrides ?? {}) };
  const kinds = new Map(job.plan.duplicates.map((d) => [String(d.row), d.kind]));
  const invalid: Record<string, string> = {};
  for (const [row, choice] of Object.entries(input.overrides ?? {})) {
    const kind = kinds.get(row);
    if (!kind) invalid[`overrides.${row}`] = `Baris ${row} bukan data ganda yang perlu dipilih.`;
    else if (!ALLOWED_CHOICES[kind].includes(choice))
      invalid[`overrides.${row}`] = `Pilihan "${choice}" tidak berlaku untuk baris ${row}.`;
  }
  if (Object.keys(invalid).length > 0)
    throw new AppError('INVALID_INPUT', 'Ada pilihan yang tidak berlaku.', { fields: invalid });
  const known = new Set(job.plan.unknownPendamping.map((u) => u.key));
  const createPendamping = input.createPendamping
    ? input.createPendamping.map((name) => name.trim()).filter((key) => known.has(key))
    : job.choices.createPendamping;
  job.choices = { defaults, overrides, createPendamping };
  job.plan = await planFor(job, job.db.$client, false);
  job.sortedProblems = null;
  return importReport(actor, jobId);
}

export interface CommitOutcome {
  batchId: number | null;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  message: string;
}

/** Writes the plan the user saw (named by planId), all or nothing. */
export async function commitImport(
  db: Db,
  actor: Actor,
  jobId: string,
  planId: string,
  hooks: { afterChunk?: (done: number, total: number) => void } = {},
): Promise<CommitOutcome> {
  requireRole(actor, WRITE_ROLES);
  const job = getJob(actor, jobId);
  if (job.db !== db) throw new AppError('NOT_FOUND', 'Pekerjaan impor tidak ditemukan.');
  if (job.status === 'selesai') throw new AppError('CONFLICT', `Impor ini sudah disimpan (impor #${job.batchId}).`);
  if (job.status !== 'siap' || !job.plan || !job.parsed)
    throw new AppError('CONFLICT', 'Pemeriksaan berkas belum selesai.');
  if (job.plan.id !== planId) {
    throw new AppError(
      'CONFLICT',
      'Laporan yang Anda lihat sudah diganti dengan pemeriksaan yang lebih baru. Periksa laporan terbaru, lalu simpan.',
    );
  }
  if (job.parsed.fatal) throw new AppError('INVALID_INPUT', job.parsed.fatal);
  const plan = job.plan;
  const outcome = (batchId: number | null, message: string): CommitOutcome => ({
    batchId,
    added: plan.counts.add,
    updated: plan.counts.update,
    unchanged: plan.counts.unchanged,
    skipped: plan.counts.skip + plan.counts.merged,
    errors: plan.counts.error,
    message,
  });
  if (plan.counts.add + plan.counts.update === 0 && plan.pendampingToCreate.length === 0) {
    return outcome(
      null,
      'Tidak ada data yang perlu disimpan: semua keluarga sudah terdaftar dengan data yang sama, dilewati, atau bermasalah.',
    );
  }
  job.status = 'menyimpan';
  job.phase = 'menyimpan';
  job.done = 0;
  job.total = plan.counts.add + plan.counts.update;
  job.cancelRequested = false;
  try {
    const result = await commitPlan({
      db,
      actor,
      plan,
      fileName: job.fileName,
      fileHash: job.hash,
      sheet: job.parsed.sheet?.name ?? null,
      mapping: mappingByHeader(job.parsed.mapping, job.parsed.headers),
      rows: job.parsed.dataRows,
      replan: (conn) => planFor(job, conn, true),
      isCancelled: () => job.cancelRequested,
      onProgress: (done, total) => {
        job.done = done;
        job.total = total;
      },
      afterChunk: hooks.afterChunk,
    });
    job.plan = result.plan;
    job.status = 'selesai';
    job.batchId = result.batchId;
    return outcome(
      result.batchId,
      `Impor #${result.batchId} tersimpan: ${formatNumber(result.counts.added)} KPM ditambah, ${formatNumber(result.counts.updated)} diperbarui.`,
    );
  } catch (error) {
    job.status = 'siap';
    job.phase = 'memeriksa';
    job.cancelRequested = false;
    if (error instanceof PlanChangedError) {
      job.plan = error.newPlan;
      job.sortedProblems = null;
    }
    throw error;
  }
}

// --- report ---------------------------------------------------------------------------------------------------------

export interface ReportColumn {
  index: number;
  letter: string;
  header: string;
  field: ImportField | null;
  fieldLabel: string | null;
}

export interface ProblemCount {
  code: string;
  severity: 'error' | 'warning';
  label: string;
  count: number;
}

export interface ImportReport {
  jobId: string;
  planId: string | null;
  status: JobStatus;
  file: {
    name: string;
    size: number;
    hash: string;
    kind: FileKind;
    encoding: string | null;
    delimiter: string | null;
    sheet: string | null;
    sheets: { name: string; hidden: boolean }[];
  };
  header: { row: number; titleRows: number; columns: ReportColumn[] } | null;
  /** The first rows as text (up to 30 rows, 60 columns), for choosing the header row and checking the mapping. */
  preview: { row: number; cells: string[] }[];
  mapping: Partial<Record<ImportField, number>>;
  mappingSource: 'otomatis' | 'tersimpan' | 'pengguna' | null;
  mappingName: string | null;
  missingFromSavedMapping: string[];
  layout: ImportLayout | null;
  layoutLabel: string | null;
  rows: { read: number; data: number; blank: number; repeatedHeaders: number; skipped: number };
  counts: PlanCounts;
  problemCounts: ProblemCount[];
  problemsTotal: { error: number; warning: number };
  problems: ImportProblem[];
  duplicatesTotal: number;
  duplicateCounts: { kind: DuplicateItem['kind']; count: number; byChoice: Record<string, number> }[];
  duplicates: DuplicateItem[];
  choices: Choices;
  unknownPendamping: UnknownPendamping[];
  previousBatches: { id: number; createdAt: string; username: string; status: string }[];
  fatal: string | null;
  canCommit: boolean;
  batchId: number | null;
}

const EMPTY_COUNTS: PlanCounts = {
  families: 0,
  add: 0,
  update: 0,
  unchanged: 0,
  skip: 0,
  merged: 0,
  error: 0,
  membersAdded: 0,
  membersUpdated: 0,
};

/** Every problem of the job (rows, then plan), sorted by row and column; cached per plan. */
export function allProblems(job: ImportJob): ImportProblem[] {
  const planId = job.plan?.id ?? '';
  if (job.sortedProblems && job.sortedProblems.planId === planId) return job.sortedProblems.list;
  const list = [...(job.parsed?.rowProblems ?? []), ...(job.plan?.problems ?? [])];
  list.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  job.sortedProblems = { planId, list };
  return list;
}

export function importReport(
  actor: Actor,
  jobId: string,
  options: { problems?: number; duplicates?: number } = {},
): ImportReport {
  const job = getJob(actor, jobId);
  const parsed = job.parsed;
  const plan = job.plan;
  const problems = allProblems(job);
  const countMap = new Map<string, ProblemCount>();
  let errors = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    const key = `${p.severity}:${p.code}`;
    const entry = countMap.get(key) ?? {
      code: p.code,
      severity: p.severity,
      label: PROBLEM_LABEL[p.code] ?? p.code,
      count: 0,
    };
    entry.count++;
    countMap.set(key, entry);
  }
  const duplicates = plan?.duplicates ?? [];
  const dupCounts = new Map<
    DuplicateItem['kind'],
    { kind: DuplicateItem['kind']; count: number; byChoice: Record<string, number> }
  >();
  for (const d of duplicates) {
    const entry = dupCounts.get(d.kind) ?? { kind: d.kind, count: 0, byChoice: {} };
    entry.count++;
    entry.byChoice[d.choice] = (entry.byChoice[d.choice] ?? 0) + 1;
    dupCounts.set(d.kind, entry);
  }
  const previousBatches = job.db
    .select({
      id: importBatches.id,
      createdAt: importBatches.createdAt,
      username: importBatches.username,
      status: importBatches.status,
    })
    .from(importBatches)
    .where(eq(importBatches.fileHash, job.hash))
    .orderBy(desc(importBatches.id))
    .all();
  const fatal = parsed?.fatal ?? null;
  const counts = plan?.counts ?? EMPTY_COUNTS;
  return {
    jobId: job.id,
    planId: plan?.id ?? null,
    status: job.status,
    file: {
      name: job.fileName,
      size: job.bytes.length,
      hash: job.hash,
      kind: job.kind,
      encoding: job.opened.encoding,
      delimiter: job.opened.delimiter,
      sheet: parsed?.sheet?.name ?? null,
      sheets: job.opened.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
    },
    preview: job.preview,
    header:
      parsed && parsed.headerRow > 0
        ? {
            row: parsed.headerRow,
            titleRows: parsed.titleRows,
            columns: parsed.headers.map((header, index) => {
              const field = (Object.entries(parsed.mapping).find(([, c]) => c === index)?.[0] ??
                null) as ImportField | null;
              return {
                index,
                letter: columnLetter(index),
                header,
                field,
                fieldLabel: field ? IMPORT_FIELD_LABEL[field] : null,
              };
            }),
          }
        : null,
    mapping: parsed?.mapping ?? {},
    mappingSource: parsed?.mappingSource ?? null,
    mappingName: parsed?.mappingName ?? null,
    missingFromSavedMapping: (parsed?.missingFromSavedMapping ?? []).map((f) => IMPORT_FIELD_LABEL[f]),
    layout: parsed?.layout ?? null,
    layoutLabel: parsed ? LAYOUT_LABEL[parsed.layout] : null,
    rows: {
      read: parsed?.rowsRead ?? 0,
      data: parsed?.dataRows ?? 0,
      blank: parsed?.blankRows ?? 0,
      repeatedHeaders: parsed?.repeatedHeaders ?? 0,
      skipped: parsed?.skippedRows ?? 0,
    },
    counts,
    problemCounts: [...countMap.values()].sort((a, b) =>
      a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1,
    ),
    problemsTotal: { error: errors, warning: problems.length - errors },
    problems: problems.slice(0, options.problems ?? 200),
    duplicatesTotal: duplicates.length,
    duplicateCounts: [...dupCounts.values()],
    duplicates: duplicates.slice(0, options.duplicates ?? 200),
    choices: job.choices,
    unknownPendamping: plan?.unknownPendamping ?? [],
    previousBatches,
    fatal,
    canCommit:
      job.status === 'siap' &&
      !fatal &&
      plan !== null &&
      (counts.add + counts.update > 0 || plan.pendampingToCreate.length > 0),
    batchId: job.batchId,
  };
}

export interface PageInput {
  offset?: number;
  limit?: number;
  severity?: 'error' | 'warning' | null;
  code?: string | null;
}

export function problemsPage(actor: Actor, jobId: string, input: PageInput): { total: number; items: ImportProblem[] } {
  const job = getJob(actor, jobId);
  let list = allProblems(job);
  if (input.severity) list = list.filter((p) => p.severity === input.severity);
  if (input.code) list = list.filter((p) => p.code === input.code);
  const offset = input.offset ?? 0;
  return { total: list.length, items: list.slice(offset, offset + (input.limit ?? 100)) };
}

export function duplicatesPage(
  actor: Actor,
  jobId: string,
  input: { offset?: number; limit?: number; kind?: DuplicateItem['kind'] | null },
) {
  const job = getJob(actor, jobId);
  let list = job.plan?.duplicates ?? [];
  if (input.kind) list = list.filter((d) => d.kind === input.kind);
  const offset = input.offset ?? 0;
  return { total: list.length, items: list.slice(offset, offset + (input.limit ?? 100)) };
}

/** Forgets jobs (tests). */
export function clearImportJobs(): void {
  jobs.clear();
}
