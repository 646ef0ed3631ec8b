/**
 * One run of the exports benchmark in its own process (its peak RSS is its own): either the app's export of
 * the registry, one row per family, with the built-in template's family columns (`export`), or a plain ExcelJS
 * streaming write of the same rows and columns (`plain`: the same SQL, values written as they come, no
 * styles, widths, labels, masking or neutralising). Prints one JSON line.
 *   tsx test/bench/exports-worker.ts <database> export|plain
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../db/open';
import { BUILT_IN_TEMPLATES } from '../../main/domain/exports';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { iterateRows, openReader } from '../../main/services/exports/query';
import { runExport } from '../../main/services/exports/run';

const [file, mode] = process.argv.slice(2);
const registry = BUILT_IN_TEMPLATES.find((t) => t.key === 'registry');
if (!registry) throw new Error('registry template missing');
const MEMBER_KEYS = new Set(['hubungan', 'artNik', 'artNama', 'artTanggalLahir', 'artJenisKelamin', 'artKomponen']);
/** The registry template's family columns: one row per family. */
const BENCH_TEMPLATE = {
  ...registry,
  columns: registry.columns.filter((c) => !MEMBER_KEYS.has(c.key)),
};

async function plain(): Promise<{ rows: number; bytes: number }> {
  const db = openDatabase(file);
  const reader = openReader(db);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(BENCH_TEMPLATE.columns.map((c) => c.header)).commit();
  let rows = 0;
  for (const row of iterateRows(reader.client, 'registry', BENCH_TEMPLATE.columns, {})) {
    sheet.addRow(row).commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  await done;
  reader.close();
  db.$client.close();
  return { rows, bytes: Buffer.concat(chunks).length };
}

async function exported(): Promise<{ rows: number; bytes: number }> {
  const db = openDatabase(file);
  const { key: _key, ...template } = BENCH_TEMPLATE;
  const result = await runExport(
    db,
    SYSTEM_ACTOR,
    { templateKey: 'bawaan:registry', template, nikMode: 'full' },
    { via: 'cli' },
  );
  db.$client.close();
  return { rows: result.rows, bytes: result.bytes.length };
}

const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const result = mode === 'plain' ? await plain() : await exported();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
// CPU seconds beside the wall clock: on a machine shared with other work the wall clock is theirs as much as ours.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({ mode, seconds, cpuSeconds, ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
