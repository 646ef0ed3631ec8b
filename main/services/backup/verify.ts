/** Checking a copy before it counts: SQLite's full integrity check, read-only or on the copy itself. */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import { currentLongJobs } from '../../workers/scope';

/**
 * The problems `PRAGMA integrity_check` reports (none for a sound file), or why the file cannot be opened.
 * `seal` first makes a fresh copy one file (journal mode DELETE, no `-wal` beside it: a copy keeps its source's
 * WAL mode); opening and converting a 134 MB copy held the main thread for 100-150 ms, so it is done here too.
 */
export function integrityProblems(file: string, options: { readonly?: boolean; seal?: boolean } = {}): string[] {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: !options.seal && (options.readonly ?? true), fileMustExist: true });
    if (options.seal) sqlite.pragma('journal_mode = DELETE');
    // The check looks every row up in each of its table's indexes (kpm has 12): a page cache as large as the
    // file (up to 512 MB, freed on close) saved about 10% of its CPU time on 100,000 families. Memory-mapped
    // reads saved more but turn an I/O error (a USB drive pulled out) into a crash, so they are not used.
    sqlite.pragma(`cache_size = -${Math.min(512 * 1024, Math.ceil(statSync(file).size / 1024) + 1024)}`);
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    sqlite?.close();
  }
}

/**
 * integrityProblems in the long-jobs worker: the check reads every page of the file (about 2.5 s at 100,000
 * families), at start, every 3 hours, before every import commit and decision, and before a restore.
 */
export function integrityProblemsInWorker(file: string, options: { readonly?: boolean } = {}): Promise<string[]> {
  return currentLongJobs().run<string[]>('integrity', { file, ...options });
}

/** What the worker's copy-and-check of a backup answers: the copy's failure, or the check's problems. */
export type CopyOutcome = { copyError: { code?: string; message: string } } | { problems: string[] };

/**
 * Copies the connection's database into `temp` in the long-jobs worker (copy-pages.ts), makes the copy
 * self-contained (journal mode DELETE: one file, no `-wal` beside it) and checks it; throws when the copy fails
 * (as the copy's own error, for the backup folder's message) or is not sound, naming the first problems.
 */
export async function copyAndSealInWorker(
  sqlite: Database.Database,
  temp: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let problems: string[];
  try {
    const outcome = await currentLongJobs().run<CopyOutcome>(
      'backup-copy',
      { source: sqlite.name, readonly: sqlite.readonly, temp },
      {
        onProgress: (progress) => {
          const { done, total } = progress as { done: number; total: number };
          onProgress?.(done, total);
        },
      },
    );
    if ('copyError' in outcome) throw Object.assign(new Error(outcome.copyError.message), outcome.copyError);
    problems = outcome.problems;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems = [error.message];
  }
  if (problems.length > 0) {
    throw new AppError(
      'FILE_CORRUPT',
      `Salinan cadangan gagal diperiksa (PRAGMA integrity_check): ${problems.slice(0, 3).join('; ')}. ` +
        'Cadangan tidak disimpan; periksa ruang dan kondisi disk folder cadangan, lalu coba lagi.',
    );
  }
}
