/**
 * The documents from the command line: the same services and the same bytes as the app.
 *
 *   npm run cli -- dokumen <nomor surat> --db <file> --out <file.pdf>
 *   npm run cli -- wisuda <id keputusan> --db <file> --out <file.pdf> [--jenis sk_graduasi,piagam] [--tanggal yyyy-mm-dd]
 *                  [--urutan keluarga|jenis] [--cetak-ulang] [--progress]
 *   npm run cli -- verifikasi <kode> --db <file> [--json]
 */

import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { documents } from '../db/schema';
import { batchNotice } from './domain/batch-notice';
import { batchSchema, DOCUMENT_KIND_LABEL } from './domain/documents';
import { AppError } from './domain/errors';
import { formatTanggal } from './domain/format';
import { BATCH_PHASE_LABEL } from './domain/job-phases';
import { SYSTEM_ACTOR } from './services/actor';
import { batchProgress, batchResult, startBatch } from './services/documents/batch';
import { BatchJobs } from './services/documents/batch-jobs';
import { reprintDocument } from './services/documents/print';
import type { PdfFile } from './services/documents/types';
import { verifyDocumentCode } from './services/documents/verify';

const actor = SYSTEM_ACTOR;

/** Checked before anything is issued: a batch without a place to write would take numbers for nothing. */
function outFile(out: string | undefined): string {
  if (!out) throw new AppError('INVALID_INPUT', 'Sebutkan berkas PDF yang ditulis dengan --out <berkas.pdf>.');
  return out;
}

function write(out: string, pdf: PdfFile): string {
  writeFileSync(out, Buffer.from(pdf.base64, 'base64'));
  return `${out} (${pdf.pages} halaman)`;
}

/** Prints an issued document again, by its letter number, exactly as the app's reprint does. */
export async function printDocumentByNumber(db: Db, number: string, target: string | undefined): Promise<string> {
  const out = outFile(target);
  const row = db.select({ id: documents.id }).from(documents).where(eq(documents.number, number)).get();
  if (!row) throw new AppError('NOT_FOUND', `Nomor surat ${number} tidak ada di agenda surat.`);
  const pdf = await reprintDocument(db, actor, row.id, 'cli');
  return `Dokumen ${number} ditulis ke ${write(out, pdf)}.`;
}

/** The wisuda batch of a decision; progress lines on stderr with --progress. */
export async function printWisuda(
  db: Db,
  decision: string | undefined,
  options: {
    out?: string;
    jenis?: string;
    tanggal?: string;
    urutan?: string;
    'cetak-ulang'?: boolean;
    progress?: boolean;
  },
): Promise<string> {
  const out = outFile(options.out);
  const parsed = batchSchema.safeParse({
    decisionId: Number(decision),
    kinds: (options.jenis ?? 'sk_graduasi').split(',').map((k) => k.trim()),
    issuedDate: options.tanggal,
    order: options.urutan,
    reprints: options['cetak-ulang'] === true,
  });
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      'Periksa id keputusan (angka), --jenis (sk_graduasi, piagam, pernyataan_mandiri; pisahkan dengan koma), --tanggal (tahun-bulan-hari) dan --urutan (keluarga atau jenis).',
    );
  }
  const jobs = new BatchJobs();
  const { jobId } = await startBatch(jobs, db, actor, parsed.data);
  let last = '';
  for (;;) {
    const p = batchProgress(jobs, actor, jobId);
    const line = `progres ${BATCH_PHASE_LABEL[p.phase]}: ${p.done}/${p.total}`;
    if (options.progress && line !== last) process.stderr.write(`${line}\n`);
    last = line;
    if (p.state === 'done') {
      const kinds = parsed.data.kinds.map((k) => DOCUMENT_KIND_LABEL[k]).join(', ');
      const file = write(out, batchResult(jobs, db, actor, jobId, 'cli'));
      return `${kinds} ditulis ke ${file}. ${batchNotice(p.issued, p.earlier, p.reprinted)}`;
    }
    if (p.state !== 'running') throw new AppError('CONFLICT', p.message ?? 'Pembuatan dokumen gagal.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The exit codes of `verifikasi`, so a script can tell the verdicts apart: a genuine document that was voided is
 * not a forgery, but no longer in force either.
 */
export const VERIFY_EXIT = { asli: 0, tidakAsli: 2, dibatalkan: 3 } as const;

/** Checks a verification code offline, as the Verifikasi dokumen page does; the exit code says the verdict. */
export function verifyCommand(db: Db, code: string | undefined, json: boolean): { text: string; exitCode: number } {
  if (!code) throw new AppError('INVALID_INPUT', 'Sebutkan kode verifikasi (dalam tanda petik).');
  const result = verifyDocumentCode(db, actor, code);
  const exitCode =
    result.status !== 'asli'
      ? VERIFY_EXIT.tidakAsli
      : result.document?.voidedAt
        ? VERIFY_EXIT.dibatalkan
        : VERIFY_EXIT.asli;
  if (json) return { text: JSON.stringify(result, null, 2), exitCode };
  const lines = [result.message];
  if (result.code) {
    lines.push(
      `Nomor   : ${result.code.number}`,
      `Jenis   : ${DOCUMENT_KIND_LABEL[result.code.kind]}`,
      `Tanggal : ${formatTanggal(result.code.issuedDate)}`,
    );
  }
  if (result.officeName) lines.push(`Kantor  : ${result.officeName}`);
  if (result.document) lines.push(`Perihal : ${result.document.subject}`);
  return { text: lines.join('\n'), exitCode };
}
