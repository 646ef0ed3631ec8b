/**
 * The problem rows of an import as an .xlsx the office can fix and import again: the original header and
 * cells, plus what happened to the row and what is wrong with it. Written with ExcelJS's streaming writer;
 * the source rows are streamed again from the uploaded file, so nothing big is kept in memory.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatTanggal } from '../../domain/format';
import { cellText, type RawCell } from '../../domain/normalize';
import { SEVERITY_LABEL } from '../../domain/problem-severity';
import type { Actor } from '../actor';
import { inlineText } from '../xlsx-writer';
import type { ImportJobs } from './job-store';
import type { ImportJob } from './jobs';
import { ACTION_LABEL } from './labels';
import { decodeItems } from './plan-items';
import { allProblems, type ImportReport, importReport } from './report';
import type { ImportProblem } from './types';
import { yieldNow } from './yield';

const TEXT_FIELDS = new Set(['nik', 'noKk', 'artNik', 'idKpm', 'idDtks', 'phone', 'rt', 'rw', 'rtRw']);

/** A cell as it was read; identifiers as inline strings (see inlineText), so the fixed file imports them whole. */
function outputCell(value: RawCell, asText: boolean): string | number | boolean | ExcelJS.CellRichTextValue | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10).split('-').reverse().join('-');
  if (asText) return inlineText(cellText(value));
  return value;
}

export async function problemsXlsx(
  jobs: ImportJobs,
  actor: Actor,
  jobId: string,
): Promise<{ fileName: string; bytes: Buffer; rows: number }> {
  const job = jobs.get(actor, jobId);
  const parsed = job.parsed;
  if (!parsed) return { fileName: 'masalah-impor.xlsx', bytes: await emptyWorkbook(), rows: 0 };
  const problems = allProblems(job);
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) {
    if (p.row <= 0) continue;
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  const statusOfRow = new Map<number, string>();
  for (const chunk of job.plan?.items ?? []) {
    for (const item of decodeItems(chunk)) for (const row of item.rows) statusOfRow.set(row, ACTION_LABEL[item.action]);
    await yieldNow();
  }

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Baris bermasalah', { views: [{ state: 'frozen', ySplit: 1 }] });
  const textColumns = new Set(
    Object.entries(parsed.mapping)
      .filter(([field]) => TEXT_FIELDS.has(field))
      .map(([, column]) => column as number),
  );
  const columns = [
    ...parsed.headers.map((h, i) => ({ header: h || `Kolom ${i + 1}`, text: textColumns.has(i) })),
    { header: 'BARIS ASAL', text: false },
    { header: 'STATUS IMPOR', text: false },
    { header: 'MASALAH', text: false },
  ];
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: i === columns.length - 1 ? 90 : Math.min(40, Math.max(10, c.header.length + 2)),
    style: c.text ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  let written = 0;
  const iterator = job.opened.rows(parsed.sheet);
  try {
    for await (const batch of iterator) {
      for (const r of batch) {
        const list = byRow.get(r.row);
        if (!list) continue;
        const values = parsed.headers.map((_, i) => outputCell(r.cells[i] ?? null, textColumns.has(i)));
        const status = statusOfRow.get(r.row) ?? 'Dilewati';
        const message = list.map((p) => `${SEVERITY_LABEL[p.severity]}: ${p.message}`).join('\n');
        const row = sheet.addRow([...values, r.row, status, message]);
        row.getCell(columns.length).alignment = { wrapText: true, vertical: 'top' };
        row.commit();
        written++;
      }
    }
  } finally {
    await iterator.return(undefined);
  }
  // Problems of the file as a whole (row 0) and of rows that no longer exist are listed at the end.
  for (const p of problems.filter((q) => q.row <= 0)) {
    sheet.addRow([...parsed.headers.map(() => null), null, 'Berkas', p.message]).commit();
  }
  sheet.commit();

  addSummary(workbook, job, importReport(jobs, actor, jobId, { problems: 0, duplicates: 0 }));
  await workbook.commit();
  await finished;
  const base = job.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-masalah.xlsx`, bytes: Buffer.concat(chunks), rows: written };
}

async function emptyWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Baris bermasalah').addRow(['Tidak ada baris bermasalah.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The counts of the dry run, as a second sheet. */
function addSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, job: ImportJob, report: ImportReport): void {
  const summary = workbook.addWorksheet('Ringkasan');
  summary.columns = [
    { header: 'Keterangan', key: 'k', width: 50 },
    { header: 'Jumlah', key: 'v', width: 14 },
  ];
  const line = (k: string, v: string | number) => summary.addRow([k, v]).commit();
  line('Berkas', job.fileName);
  if (job.parsed?.sheet) line('Lembar', job.parsed?.sheet.name);
  line('Tanggal pemeriksaan', formatTanggal(new Date().toISOString()));
  line('Baris data', report.rows.data);
  line('Keluarga', report.counts.families);
  line('Ditambahkan', report.counts.add);
  line('Diperbarui', report.counts.update);
  line('Tanpa perubahan', report.counts.unchanged);
  line('Dilewati', report.counts.skip + report.counts.merged);
  line('Tidak diimpor karena galat', report.counts.error);
  for (const c of report.problemCounts) line(`${c.severity === 'error' ? 'Galat' : 'Peringatan'}: ${c.label}`, c.count);
  summary.commit();
}
