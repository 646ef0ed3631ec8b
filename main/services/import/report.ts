/** Stage 8: the dry-run report of a job, and its problems and duplicates page by page. */
import { desc, eq } from 'drizzle-orm';
import { importBatches } from '../../../db/schema';
import { IMPORT_FIELD_LABEL, type ImportField } from '../../domain/import-fields';
import type { Actor } from '../actor';
import type { CheckedFile } from './check-worker';
import type { ImportJobs } from './job-store';
import type { ImportJob, JobStatus } from './jobs';
import { PROBLEM_LABEL } from './labels';
import { countActions } from './plan';
import type { Choices, DuplicateItem, PlanCounts, UnknownPendamping } from './plan-base';
import type { FileKind } from './read';
import type { RegionSuggestion } from './rows';
import { type ImportLayout, type ImportProblem, LAYOUT_LABEL } from './types';
import { columnLetter } from './xlsx-reader';

export interface ReportColumn {
  index: number;
  letter: string;
  header: string;
  field: ImportField | null;
  fieldLabel: string | null;
  /** What the column holds, when its content says so (a column of region codes). */
  note: string | null;
}

export interface ProblemCount {
  code: string;
  severity: 'error' | 'warning';
  label: string;
  count: number;
}

export interface DuplicateCount {
  kind: DuplicateItem['kind'];
  count: number;
  byChoice: Record<string, number>;
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
  duplicateCounts: DuplicateCount[];
  duplicates: DuplicateItem[];
  choices: Choices;
  unknownPendamping: UnknownPendamping[];
  /** Region names not found with a close one suggested: accept one (import.configure) for all its rows. */
  regionSuggestions: RegionSuggestion[];
  previousBatches: { id: number; createdAt: string; username: string; status: string }[];
  fatal: string | null;
  canCommit: boolean;
  batchId: number | null;
}

/** Every problem of the job (rows, then plan), sorted by row and column; cached per plan. */
export function allProblems(job: ImportJob): ImportProblem[] {
  const planId = job.plan?.id ?? '';
  if (job.sortedProblems && job.sortedProblems.planId === planId) return job.sortedProblems.list;
  const list = [...(job.parsed?.rowProblems ?? []), ...(job.plan?.problems ?? [])];
  list.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  job.sortedProblems = { planId, list };
  return list;
}

/** Problems per kind, errors first, the most frequent first. */
function problemCounts(problems: readonly ImportProblem[]): ProblemCount[] {
  const countMap = new Map<string, ProblemCount>();
  for (const p of problems) {
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
  return [...countMap.values()].sort((a, b) =>
    a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1,
  );
}

function duplicateCounts(duplicates: readonly DuplicateItem[]): DuplicateCount[] {
  const counts = new Map<DuplicateItem['kind'], DuplicateCount>();
  for (const d of duplicates) {
    const entry = counts.get(d.kind) ?? { kind: d.kind, count: 0, byChoice: {} };
    entry.count++;
    entry.byChoice[d.choice] = (entry.byChoice[d.choice] ?? 0) + 1;
    counts.set(d.kind, entry);
  }
  return [...counts.values()];
}

function headerColumns(parsed: CheckedFile): ReportColumn[] {
  return parsed.headers.map((header, index) => {
    const field = (Object.entries(parsed.mapping).find(([, c]) => c === index)?.[0] ?? null) as ImportField | null;
    return {
      index,
      letter: columnLetter(index),
      header,
      field,
      fieldLabel: field ? IMPORT_FIELD_LABEL[field] : null,
      note: parsed.columnNotes[index] ?? null,
    };
  });
}

/** Earlier imports of the very same file (by hash). */
function previousBatches(job: ImportJob): ImportReport['previousBatches'] {
  return job.db
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
}

export function importReport(
  jobs: ImportJobs,
  actor: Actor,
  jobId: string,
  options: { problems?: number; duplicates?: number } = {},
): ImportReport {
  const job = jobs.get(actor, jobId);
  const { parsed, plan } = job;
  const problems = allProblems(job);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const duplicates = plan?.duplicates ?? [];
  const fatal = parsed?.fatal ?? null;
  const counts = plan?.counts ?? countActions([]);
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
        ? { row: parsed.headerRow, titleRows: parsed.titleRows, columns: headerColumns(parsed) }
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
    problemCounts: problemCounts(problems),
    problemsTotal: { error: errors, warning: problems.length - errors },
    problems: problems.slice(0, options.problems ?? 200),
    duplicatesTotal: duplicates.length,
    duplicateCounts: duplicateCounts(duplicates),
    duplicates: duplicates.slice(0, options.duplicates ?? 200),
    choices: job.choices,
    unknownPendamping: plan?.unknownPendamping ?? [],
    regionSuggestions: parsed?.suggestions ?? [],
    previousBatches: previousBatches(job),
    fatal,
    canCommit:
      job.status === 'ready' &&
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

export function problemsPage(
  jobs: ImportJobs,
  actor: Actor,
  jobId: string,
  input: PageInput,
): { total: number; items: ImportProblem[] } {
  let list = allProblems(jobs.get(actor, jobId));
  if (input.severity) list = list.filter((p) => p.severity === input.severity);
  if (input.code) list = list.filter((p) => p.code === input.code);
  const offset = input.offset ?? 0;
  return { total: list.length, items: list.slice(offset, offset + (input.limit ?? 100)) };
}

export function duplicatesPage(
  jobs: ImportJobs,
  actor: Actor,
  jobId: string,
  input: { offset?: number; limit?: number; kind?: DuplicateItem['kind'] | null },
): { total: number; items: DuplicateItem[] } {
  let list = jobs.get(actor, jobId).plan?.duplicates ?? [];
  if (input.kind) list = list.filter((d) => d.kind === input.kind);
  const offset = input.offset ?? 0;
  return { total: list.length, items: list.slice(offset, offset + (input.limit ?? 100)) };
}
