/**
 * One step of the import benchmark, run in its own process so its peak RSS is its own:
 *   tsx test/bench/import-worker.ts prepare <dir> <count>   -> template.db and kpm.xlsx in dir
 *   tsx test/bench/import-worker.ts worker <dir>            -> the import's worker file built as the app ships it
 *   tsx test/bench/import-worker.ts import <dir>            -> the app's import, dry run then commit
 *   tsx test/bench/import-worker.ts baseline <dir>          -> streaming read + plain prepared inserts
 * Each prints one JSON line on stdout.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { ImportJobs } from '../../main/services/import/job-store';
import { checkImport, commitImport } from '../../main/services/import/jobs';
import { openFile } from '../../main/services/import/read';
import { importReport } from '../../main/services/import/report';
import { withSearchIndexPaused } from '../../main/services/kpm-search';
import { listRegions } from '../../main/services/regions';
import { LongJobs } from '../../main/workers/long-jobs';
import { withLongJobs } from '../../main/workers/scope';
import { generateFamilies } from '../fixtures/generate';
import { ensureSyntheticOffice } from '../fixtures/seed';

const ADMIN: Actor = { id: 1, username: 'admin', role: 'admin' };
const REGENCY = '3528';
const HEADER = [
  'NO',
  'ID KPM',
  'ID DTKS',
  'NO KK',
  'NIK PENGURUS',
  'NAMA PENGURUS',
  'TEMPAT LAHIR',
  'TANGGAL LAHIR',
  'JENIS KELAMIN',
  'ALAMAT',
  'RT',
  'RW',
  'KECAMATAN',
  'DESA/KELURAHAN',
  'NAMA PENDAMPING',
  'NO HP',
  'TAHUN BERGABUNG',
];

const root = resolve(fileURLToPath(import.meta.url), '../../..');
/** Inside the repository, so that the bundle's bare imports (better-sqlite3, piscina) resolve as they do in out/main. */
const WORKER_DIR = join(root, 'out', 'bench-import-worker');

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function prepare(dir: string, count: number) {
  const file = join(dir, 'template.db');
  const db = openDatabase(file);
  await ensureSyntheticOffice(db, REGENCY);
  const districts = listRegions(db, 'district').map((d) => ({
    code: d.code,
    name: d.name,
    villages: listRegions(db, 'village', d.code),
  }));
  const data = generateFamilies({
    count,
    seed: 7,
    regencyCode: REGENCY,
    regencyName: 'Kabupaten Pamekasan',
    districts: districts.map((d) => ({ code: d.code, villages: d.villages.map((v) => v.code) })),
  });
  // The office already keeps its pendamping; families are imported and matched to them by name.
  const now = new Date().toISOString();
  const insert = db.$client.prepare(
    'INSERT INTO pendamping (name, nip, phone, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
  );
  db.$client.transaction(() => {
    for (const p of data.pendamping) insert.run(p.name, p.nip, p.phone, now, now);
  })();
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();

  const names = new Map<string, string>();
  for (const d of districts) {
    names.set(d.code, d.name.toUpperCase());
    for (const v of d.villages) names.set(v.code, v.name.toUpperCase());
  }
  // Written the way Excel writes: shared strings, a title row above the header.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Data KPM');
  sheet.addRow([`DATA KPM PKH KABUPATEN PAMEKASAN (${count} KELUARGA, SINTETIS)`]).commit();
  sheet.addRow(HEADER).commit();
  data.families.forEach((f, i) => {
    const [y, m, d] = f.tanggalLahir.split('-');
    sheet
      .addRow([
        i + 1,
        f.idKpm,
        f.idDtks,
        f.noKk,
        f.nik,
        f.nama,
        f.tempatLahir,
        `${d}-${m}-${y}`,
        f.jenisKelamin,
        f.alamat,
        f.rt,
        f.rw,
        names.get(f.districtCode),
        names.get(f.villageCode),
        data.pendamping[f.pendampingIndex].name,
        f.phone,
        f.tahunBergabung,
      ])
      .commit();
  });
  sheet.commit();
  await workbook.commit();
  await ended;
  writeFileSync(join(dir, 'kpm.xlsx'), Buffer.concat(chunks));
  return { families: count, bytes: Buffer.concat(chunks).length };
}

/**
 * The import's worker file bundled the way electron.vite.config.ts bundles it for the app (one file, packages
 * left to node_modules): run from source, every worker loaded its modules through tsx, about 0.8 s of each
 * import that no user waits for.
 */
async function buildWorker() {
  // Loaded here only: vite and its bundler add 170 MB to the resident memory of the process that imports them.
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      ssr: true,
      outDir: WORKER_DIR,
      emptyOutDir: true,
      rollupOptions: {
        input: { 'long-jobs-import': join(root, 'main/workers/import-entry.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  return { file: join(WORKER_DIR, 'long-jobs-import.js') };
}

async function runImport(dir: string) {
  const file = join(dir, 'import.db');
  copyFileSync(join(dir, 'template.db'), file);
  const db = openDatabase(file);
  const jobs = new ImportJobs();
  const workers = new LongJobs({ entry: { filename: join(WORKER_DIR, 'long-jobs-import.js'), execArgv: [] } });
  try {
    return await withLongJobs(workers, () => importInto(dir, db, jobs));
  } finally {
    await workers.close();
  }
}

async function importInto(dir: string, db: ReturnType<typeof openDatabase>, jobs: ImportJobs) {
  const started = performance.now();
  const bytes = readFileSync(join(dir, 'kpm.xlsx'));
  const job = await checkImport(jobs, db, ADMIN, { fileName: 'kpm.xlsx', bytes });
  const checked = performance.now();
  const report = importReport(jobs, ADMIN, job.id, { problems: 5, duplicates: 0 });
  const outcome = await commitImport(jobs, db, ADMIN, job.id, report.planId as string);
  const finished = performance.now();
  const rows = (db.$client.prepare('SELECT count(*) AS n FROM kpm').get() as { n: number }).n;
  db.$client.close();
  return {
    seconds: (finished - started) / 1000,
    checkSeconds: (checked - started) / 1000,
    commitSeconds: (finished - checked) / 1000,
    peakRssMb: mb(),
    added: outcome.added,
    errors: report.counts.error,
    problems: report.problemsTotal,
    sample: report.problems.map((p) => p.message),
    rows,
  };
}

/** What the import is measured against: the same file read plainly, its rows inserted plainly. */
async function runBaseline(dir: string) {
  const file = join(dir, 'baseline.db');
  copyFileSync(join(dir, 'template.db'), file);
  const db = openDatabase(file);
  const regionCode = new Map(
    (
      db.$client
        .prepare("SELECT code, upper(name) AS name, level FROM regions WHERE level IN ('district', 'village')")
        .all() as { code: string; name: string; level: string }[]
    ).map((r) => [`${r.level}:${r.name}`, r.code]),
  );
  const started = performance.now();
  const bytes = readFileSync(join(dir, 'kpm.xlsx'));
  const opened = openFile(bytes);
  const insert = db.$client.prepare(
    `INSERT INTO kpm (id_kpm, id_dtks, no_kk, nik, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, alamat, rt, rw,
      district_code, village_code, phone, tahun_bergabung, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  let rows = 0;
  const readStart = performance.now();
  const all: unknown[][] = [];
  for await (const batch of opened.rows(null)) {
    for (const r of batch) if (r.row > 2) all.push(r.cells);
  }
  const readSeconds = (performance.now() - readStart) / 1000;
  db.$client.exec('BEGIN');
  // The registry's own bulk-load path (search index filled once at the end), so the baseline is a fair one.
  withSearchIndexPaused(db, () => {
    for (const c of all) {
      insert.run(
        c[1],
        c[2],
        c[3],
        c[4],
        c[5],
        c[6],
        c[7],
        c[8],
        c[9],
        c[10],
        c[11],
        regionCode.get(`district:${c[12]}`),
        regionCode.get(`village:${c[13]}`),
        c[15],
        c[16],
        now,
        now,
      );
      rows++;
    }
  });
  db.$client.exec('COMMIT');
  const finished = performance.now();
  db.$client.close();
  return {
    seconds: (finished - started) / 1000,
    readSeconds,
    insertSeconds: (finished - started) / 1000 - readSeconds,
    rows,
    peakRssMb: mb(),
  };
}

async function main() {
  const [mode, dir, count] = process.argv.slice(2);
  let result: unknown;
  if (mode === 'prepare') result = await prepare(dir, Number(count));
  else if (mode === 'worker') result = await buildWorker();
  else if (mode === 'import') result = await runImport(dir);
  else if (mode === 'baseline') result = await runBaseline(dir);
  else throw new Error(`mode tidak dikenal: ${mode}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
