/**
 * The verification page written to a folder after a letter is voided, so the office website (published from
 * that folder, or synced from it) shows the voiding without the administrator downloading the page again.
 * Written after the void's transaction committed: the voiding stands whatever happens to the file, and a
 * failure to write is returned to be shown, never thrown. Written to a temporary file and renamed, so a web
 * server or a sync tool never reads half a page.
 */
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Db } from '../../../db/open';
import { formatNumber } from '../../domain/format';
import { verificationPageHtml } from '../../verification-page/html';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { getDocumentSettings } from './settings';
import { VERIFICATION_PAGE_FILE_NAME, verificationPageData } from './verification-page';

/** Why a typed folder cannot take the page (Indonesian), or null when it can (or is empty). */
export function folderProblem(folder: string): string | null {
  if (!folder) return null;
  if (!isAbsolute(folder))
    return `Tulis folder lengkap dari awal, misalnya D:\\laman\\verifikasi; "${folder}" bukan alamat folder lengkap.`;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return `Folder ${folder} tidak ditemukan di komputer yang menyimpan basis data. Buat dulu foldernya, atau kosongkan isian ini.`;
  }
  return null;
}

/** Where the page was written, or why it was not; null when no folder is set. */
export type PagePublished = { file: string; problem: null } | { file: string; problem: string };

export function publishVerificationPage(db: Db, actor: Actor, now: Date): PagePublished | null {
  const folder = getDocumentSettings(db).verificationFolder;
  if (!folder) return null;
  const file = join(folder, VERIFICATION_PAGE_FILE_NAME);
  try {
    const data = verificationPageData(db, now);
    const temporary = `${file}.${process.pid}.sementara`;
    writeFileSync(temporary, verificationPageHtml(data));
    renameSync(temporary, file);
    writeAudit(db, actor, {
      action: 'documents.verificationPage',
      entity: 'document',
      entityId: null,
      summary: `Halaman verifikasi ditulis ulang ke ${file} (${formatNumber(data.voided.length)} surat dibatalkan)`,
      after: { file, voided: data.voided.length, generatedAt: data.generatedAt },
    });
    return { file, problem: null };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    return {
      file,
      problem:
        `Halaman verifikasi tidak dapat ditulis ke ${file}${reason}. Pembatalan tetap tersimpan; periksa folder ` +
        'di Pengaturan > Dokumen, atau unduh halaman dari Verifikasi dokumen dan unggah sendiri ke laman kantor.',
    };
  }
}
