/**
 * Writing .xlsx files the app hands out (the register, the award report): ExcelJS's streaming writer (the
 * in-memory workbook took 1.35 GB for 100k rows), collected into bytes for the contract.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** '2026-11-30' as a date cell at midnight UTC, so Excel shows 30/11/2026 in every time zone. */
export const dateCell = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * A text cell as an inline string (`t="inlineStr"`). Without a shared-string table (which would hold every
 * distinct text of 100,000 rows in memory until the end) ExcelJS writes a plain string as `t="str"`, the type of
 * a formula's cached result: readers that honour the type may treat a NIK there as something to recalculate.
 * A single unformatted run is what ExcelJS can write inline.
 */
export function inlineText(text: string): ExcelJS.CellRichTextValue {
  return { richText: [{ text }] };
}

/** A row's values with every string as an inline string (inlineText); other values as they are. */
export function inlineRow<T>(values: readonly T[]): (T | ExcelJS.CellRichTextValue)[] {
  return values.map((v) => (typeof v === 'string' ? inlineText(v) : v));
}

/**
 * Runs `fill` on a streaming workbook (sheets added and committed in order) and returns the file as base64.
 * A long fill may be async and yield now and then (the exports do), so the zip drains while rows are added.
 */
export async function writeXlsx(
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>,
): Promise<string> {
  return (await writeXlsxBytes(fill)).toString('base64');
}

/** writeXlsx's bytes, for callers that hash or write them before they cross the contract. */
export async function writeXlsxBytes(
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  await fill(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
