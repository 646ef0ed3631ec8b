/**
 * Command-line tools (headless, no Electron):
 *
 *   npm run cli -- import <file> --db <file> [--sheet <name>] [--mapping <name>] [--commit] [--json]
 *                 [--duplicates update|skip] [--create-pendamping] [--accept-suggestions] [--progress]
 *   npm run cli -- batches --db <file> [--json]
 *   npm run cli -- undo <batch id> --db <file> [--json]
 *   npm run cli -- reset-password <username> --db <file>
 *   npm run cli -- dokumen <nomor surat> --db <file> --out <file.pdf>
 *   npm run cli -- wisuda <id keputusan> --db <file> --out <file.pdf> [--jenis sk_graduasi,piagam] [--tanggal yyyy-mm-dd]
 *                  [--urutan keluarga|jenis] [--cetak-ulang] [--progress]
 *   npm run cli -- verifikasi <kode> --db <file> [--json]
 *   npm run cli -- export <templat> --db <file> --out <file> [--format xlsx|csv|csv-comma] [--mask-nik | --nik-lengkap]
 *
 * Without --commit the import only checks and prints the report; nothing is written. NIK and No. KK are printed
 * masked (3528********0001) unless --nik-lengkap is given: a terminal's scrollback and a saved --json report
 * are not the place for them.
 */

import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open';
import { printDocumentByNumber, printWisuda, verifyCommand } from './cli-documents';
import { exportCommand } from './cli-exports';
import { AppError } from './domain/errors';
import { formatNumber } from './domain/format';
import { IMPORT_PHASE_LABEL } from './domain/job-phases';
import { SEVERITY_LABEL } from './domain/problem-severity';
import { SYSTEM_ACTOR } from './services/actor';
import { ImportJobs } from './services/import/job-store';
import {
  checkImport,
  chooseImport,
  commitImport,
  configureImport,
  type ImportJob,
  importProgress,
} from './services/import/jobs';
import { DELIMITER_LABEL } from './services/import/read';
import { allProblems, importReport } from './services/import/report';
import { listBatches, undoBatch } from './services/import/undo';
import { resetPasswordByUsername } from './services/passwords';
import { maskNikFields } from './services/privacy/mask';
import { isSetupDone } from './services/setup';
import { closeSharedLongJobs } from './workers/scope';

const USAGE = `Pemakaian:
  npm run cli -- import <berkas> --db <database> [--sheet <nama lembar>] [--mapping <nama pemetaan>] [--commit] [--json]
                 [--duplicates update|skip] [--create-pendamping] [--accept-suggestions] [--progress] [--nik-lengkap]
  npm run cli -- batches --db <database> [--json]
  npm run cli -- undo <nomor impor> --db <database> [--json]
  npm run cli -- reset-password <nama pengguna> --db <database>
  npm run cli -- dokumen <nomor surat> --db <database> --out <berkas.pdf>
  npm run cli -- wisuda <id keputusan> --db <database> --out <berkas.pdf> [--jenis sk_graduasi,piagam] [--tanggal tttt-bb-hh]
                 [--urutan keluarga|jenis] [--cetak-ulang] [--progress]
                 urutan keluarga: dokumen tiap keluarga berurutan (SK lalu piagam); jenis (bawaan): per jenis dokumen;
                 --cetak-ulang: dokumen yang sudah pernah diterbitkan ikut dicetak ulang dalam PDF yang sama
  npm run cli -- verifikasi <kode> --db <database> [--json]
                 kode keluar: 0 asli dan berlaku; 2 tidak asli; 3 asli tetapi dibatalkan; 1 kesalahan lain
  npm run cli -- export <templat> --db <database> --out <berkas> [--format xlsx|csv|csv-comma] [--mask-nik | --nik-lengkap]
                 templat: penetapan (graduasi yang disetujui), usulan, registry, awards, visits
                 atau nama templat kantor; NIK disamarkan kecuali --nik-lengkap`;

const actor = SYSTEM_ACTOR;
/** The one run's import jobs. */
const jobs = new ImportJobs();

function print(line = '') {
  process.stdout.write(`${line}\n`);
}

function startProgress(job: () => ImportJob | null, enabled: boolean) {
  if (!enabled) return () => {};
  let last = '';
  const timer = setInterval(() => {
    const current = job();
    if (!current) return;
    const p = importProgress(jobs, actor, current.id);
    const line = `progres ${IMPORT_PHASE_LABEL[p.phase]}: ${p.done}/${p.total}`;
    if (line !== last) process.stderr.write(`${line}\n`);
    last = line;
  }, 50);
  return () => clearInterval(timer);
}

async function runImport(file: string, values: Record<string, string | boolean | undefined>) {
  const dbFile = resolve(String(values.db));
  // Opening a path that does not exist would create a new database: a typo must not leave one behind.
  if (!existsSync(dbFile)) {
    throw new AppError('NOT_FOUND', `Berkas database ${dbFile} tidak ditemukan. Periksa --db.`);
  }
  const db = openDatabase(dbFile);
  try {
    if (!isSetupDone(db))
      throw new AppError(
        'SETUP_REQUIRED',
        'Database belum disiapkan (profil dinas belum diisi). Buka aplikasi dan selesaikan penyiapan dulu.',
      );
    const bytes = readFileSync(file);
    let current: ImportJob | null = null;
    const stop = startProgress(() => current, Boolean(values.progress));
    let job: ImportJob;
    try {
      const pending = checkImport(jobs, db, actor, {
        fileName: basename(file),
        bytes,
        sheet: (values.sheet as string | undefined) ?? null,
        mappingName: (values.mapping as string | undefined) ?? null,
      });
      job = await pending;
      current = job;
      await applyChoices(job, values);
      let committed: Awaited<ReturnType<typeof commitImport>> | null = null;
      if (values.commit) {
        const report = importReport(jobs, actor, job.id, { problems: 0, duplicates: 0 });
        if (report.fatal) throw new AppError('INVALID_INPUT', report.fatal);
        committed = await commitImport(jobs, db, actor, job.id, report.planId as string);
      }
      // Masked by default; --nik-lengkap prints them as the file has them.
      const shown = values['nik-lengkap'] ? <T>(value: T) => value : maskNikFields;
      const report = shown(
        importReport(jobs, actor, job.id, { problems: Number.MAX_SAFE_INTEGER, duplicates: Number.MAX_SAFE_INTEGER }),
      );
      if (values.json) {
        print(
          JSON.stringify(
            {
              file: report.file,
              header: report.header,
              mapping: report.mapping,
              mappingSource: report.mappingSource,
              layout: report.layout,
              rows: report.rows,
              counts: report.counts,
              problemCounts: report.problemCounts,
              problems: shown(allProblems(job)).map((p) => ({
                row: p.row,
                column: p.column,
                header: p.header,
                value: p.value,
                code: p.code,
                severity: p.severity,
                message: p.message,
                expected: p.expected,
              })),
              duplicates: report.duplicates,
              unknownPendamping: report.unknownPendamping,
              regionSuggestions: report.regionSuggestions,
              previousBatches: report.previousBatches,
              fatal: report.fatal,
              committed,
            },
            null,
            2,
          ),
        );
      } else {
        printReport(report, committed);
      }
    } finally {
      stop();
    }
  } finally {
    db.$client.close();
  }
}

/** --accept-suggestions (read again with them), --duplicates and --create-pendamping. */
async function applyChoices(job: ImportJob, values: Record<string, string | boolean | undefined>) {
  const duplicates = values.duplicates as string | undefined;
  if (duplicates && duplicates !== 'update' && duplicates !== 'skip') {
    throw new AppError('INVALID_INPUT', '--duplicates harus update atau skip.');
  }
  if (values['accept-suggestions']) {
    const suggestions = importReport(jobs, actor, job.id, { problems: 0, duplicates: 0 }).regionSuggestions;
    if (suggestions.length > 0) {
      configureImport(jobs, actor, job.id, { acceptSuggestions: suggestions.map((s) => s.key) });
      await job.running;
      if (job.status !== 'ready')
        throw new AppError(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Pemeriksaan gagal.');
    }
  }
  if (!duplicates && !values['create-pendamping']) return;
  const report = importReport(jobs, actor, job.id, { problems: 0, duplicates: 0 });
  const choice = duplicates as 'update' | 'skip' | undefined;
  await chooseImport(jobs, actor, job.id, {
    defaults: choice ? { db: choice, dbFill: choice, file: choice } : undefined,
    createPendamping: values['create-pendamping'] ? report.unknownPendamping.map((u) => u.key) : undefined,
  });
}

function printSuggestions(report: ReturnType<typeof importReport>) {
  if (report.regionSuggestions.length === 0) return;
  print('\nNama wilayah yang tidak ditemukan, dengan saran (terima semua dengan --accept-suggestions):');
  for (const s of report.regionSuggestions) {
    const where = s.within ? ` di Kecamatan ${s.within}` : '';
    print(
      `  ${s.level} ${s.value}${where} -> ${s.suggestion.name}: ${s.rows} baris${s.accepted ? ' (saran diterima)' : ''}`,
    );
  }
}

function printReport(
  report: ReturnType<typeof importReport>,
  committed: Awaited<ReturnType<typeof commitImport>> | null,
) {
  const f = report.file;
  print(
    `Berkas      : ${f.name} (${f.kind.toUpperCase()}${f.encoding ? `, ${f.encoding}` : ''}${f.delimiter ? `, pemisah ${DELIMITER_LABEL[f.delimiter] ?? f.delimiter}` : ''})`,
  );
  if (f.sheet) print(`Lembar      : ${f.sheet} (dari ${f.sheets.map((s) => s.name).join(', ')})`);
  if (report.header) {
    print(
      `Judul kolom : baris ${report.header.row}${report.header.titleRows ? ` (${report.header.titleRows} baris judul di atasnya dilewati)` : ''}`,
    );
    for (const c of report.header.columns)
      print(`  ${c.letter.padEnd(3)} ${c.header.padEnd(28)} -> ${c.fieldLabel ?? '(tidak diimpor)'}`);
  }
  if (report.layoutLabel) print(`Bentuk data : ${report.layoutLabel}`);
  if (report.fatal) print(`\nTIDAK DAPAT DIIMPOR: ${report.fatal}`);
  const c = report.counts;
  print('');
  print(`Baris data ${formatNumber(report.rows.data)}, keluarga ${formatNumber(c.families)}:`);
  print(`  ditambahkan      ${formatNumber(c.add)}`);
  print(`  diperbarui       ${formatNumber(c.update)}`);
  print(`  tanpa perubahan  ${formatNumber(c.unchanged)}`);
  print(`  dilewati         ${formatNumber(c.skip + c.merged)}`);
  print(`  tidak diimpor    ${formatNumber(c.error)} (galat)`);
  if (c.membersAdded + c.membersUpdated > 0)
    print(`  anggota keluarga ${formatNumber(c.membersAdded)} baru, ${formatNumber(c.membersUpdated)} diubah`);
  if (report.previousBatches.length > 0) {
    print(
      `\nBerkas yang sama sudah pernah diimpor: ${report.previousBatches.map((b) => `#${b.id} (${b.createdAt.slice(0, 10)}, ${b.status === 'undone' ? 'dibatalkan' : b.username})`).join(', ')}.`,
    );
  }
  if (report.problemCounts.length > 0) {
    print('\nMasalah per jenis:');
    for (const p of report.problemCounts)
      print(
        `  ${SEVERITY_LABEL[p.severity].toUpperCase().padEnd(10)} ${String(p.count).padStart(6)}  ${p.label} [${p.code}]`,
      );
  }
  if (report.duplicatesTotal > 0) {
    print('\nData ganda dan kecocokan dengan database:');
    for (const d of report.duplicates) {
      const target = d.existing
        ? `KPM terdaftar ${d.existing.nama} (ID KPM ${d.existing.idKpm})`
        : `baris ${d.otherRows.join(', ')}`;
      print(`  baris ${d.row}: ${d.key} ${d.value} sama dengan ${target}; pilihan: ${d.choice}`);
      for (const x of d.differences) print(`      ${x.label}: ${x.registered} -> ${x.file}`);
    }
  }
  printSuggestions(report);
  if (report.unknownPendamping.length > 0) {
    print('\nPendamping yang belum terdaftar:');
    for (const u of report.unknownPendamping)
      print(`  ${u.name}: ${u.families} keluarga${u.create ? ' (akan dibuat)' : ''}`);
  }
  if (report.problems.length > 0) {
    print('\nDaftar masalah:');
    for (const p of report.problems)
      print(`  ${SEVERITY_LABEL[p.severity].toUpperCase().padEnd(10)} [${p.code}] ${p.message}`);
  }
  print('');
  if (committed) print(committed.message);
  else if (!report.fatal) print('Pemeriksaan saja: tidak ada yang disimpan. Tambahkan --commit untuk menyimpan.');
}

/** A forgotten administrator password: whoever holds the database file on the office PC sets a new one. */
async function runResetPassword(username: string, dbOption: string) {
  const dbFile = resolve(dbOption);
  if (!existsSync(dbFile)) throw new AppError('NOT_FOUND', `Berkas database ${dbFile} tidak ditemukan. Periksa --db.`);
  const db = openDatabase(dbFile);
  try {
    const { user, temporaryPassword } = await resetPasswordByUsername(db, actor, username);
    print(`Kata sandi pengguna ${user.username} (${user.fullName}) diatur ulang.`);
    print(`Kata sandi sementara: ${temporaryPassword}`);
    print('Masuk dengan kata sandi ini; aplikasi langsung meminta kata sandi baru.');
  } finally {
    db.$client.close();
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      sheet: { type: 'string' },
      mapping: { type: 'string' },
      commit: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
      duplicates: { type: 'string' },
      'create-pendamping': { type: 'boolean', default: false },
      'accept-suggestions': { type: 'boolean', default: false },
      'nik-lengkap': { type: 'boolean', default: false },
      out: { type: 'string' },
      jenis: { type: 'string' },
      tanggal: { type: 'string' },
      urutan: { type: 'string' },
      'cetak-ulang': { type: 'boolean', default: false },
      format: { type: 'string' },
      'mask-nik': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command) {
    print(USAGE);
    return;
  }
  if (!values.db) throw new AppError('INVALID_INPUT', `Sebutkan berkas database dengan --db <berkas>.\n${USAGE}`);
  if (command === 'import') {
    if (!arg) throw new AppError('INVALID_INPUT', `Sebutkan berkas yang diimpor.\n${USAGE}`);
    await runImport(arg, values);
    return;
  }
  if (command === 'reset-password') {
    if (!arg) throw new AppError('INVALID_INPUT', `Sebutkan nama pengguna yang kata sandinya diatur ulang.\n${USAGE}`);
    await runResetPassword(arg, values.db);
    return;
  }
  const dbFile = resolve(values.db);
  // Opening a path that does not exist would create a new database: a typo must not leave one behind.
  if (!existsSync(dbFile)) throw new AppError('NOT_FOUND', `Berkas database ${dbFile} tidak ditemukan. Periksa --db.`);
  const db = openDatabase(dbFile);
  try {
    if (command === 'dokumen') {
      if (!arg) throw new AppError('INVALID_INPUT', `Sebutkan nomor surat yang dicetak.\n${USAGE}`);
      print(await printDocumentByNumber(db, arg, values.out));
      return;
    }
    if (command === 'wisuda') {
      print(await printWisuda(db, arg, values));
      return;
    }
    if (command === 'export') {
      print(await exportCommand(db, arg, values));
      return;
    }
    if (command === 'verifikasi') {
      const { text, exitCode } = verifyCommand(db, arg, values.json);
      print(text);
      process.exitCode = exitCode;
      return;
    }
    if (command === 'batches') {
      const batches = listBatches(db);
      if (values.json) print(JSON.stringify(batches, null, 2));
      else if (batches.length === 0) print('Belum ada impor.');
      else {
        for (const b of batches) {
          const state =
            b.status === 'undone' ? 'dibatalkan' : b.undoBlockedReason ? 'tidak dapat dibatalkan' : 'dapat dibatalkan';
          print(
            `#${b.id} ${b.createdAt} ${b.fileName} oleh ${b.username}: +${b.counts.added} ~${b.counts.updated} (${state})`,
          );
        }
      }
      return;
    }
    if (command === 'undo') {
      const id = Number(arg);
      if (!Number.isInteger(id) || id < 1) throw new AppError('INVALID_INPUT', 'Sebutkan nomor impor yang dibatalkan.');
      const result = undoBatch(db, actor, id);
      if (values.json) print(JSON.stringify(result));
      else print(`Impor #${id} dibatalkan: ${result.removed} KPM dihapus, ${result.restored} dikembalikan.`);
      return;
    }
    throw new AppError('INVALID_INPUT', `Perintah tidak dikenal: ${command}\n${USAGE}`);
  } finally {
    db.$client.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  // The worker threads end with the command, so the process exits at once.
  main()
    .then(() => closeSharedLongJobs())
    .catch((error) => {
      if (error instanceof AppError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(error.code === 'CANCELLED' ? 130 : 1);
      }
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
