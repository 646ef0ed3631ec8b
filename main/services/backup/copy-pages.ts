/**
 * The page copy of a backup, run in the long-jobs worker from a connection of its own: SQLite's online backup
 * API into `<name>.tmp`. On the main thread the copy's last step (the copy's commit: its last dirty pages
 * written and the whole 134 MB file flushed, synchronous FULL) held the event loop for about 140 ms at 100,000
 * families, and its 100-page steps for a few ms each, thousands of times.
 */
import Database from 'better-sqlite3';

/** Pages copied per step: a restart after another connection's write costs at most this much. */
const PAGES_PER_STEP = 100;
/** Copy everything in one step (one read transaction) once another connection's write restarted the copy. */
const ALL_PAGES = 0x7fffffff;

export type CopyProgress = (done: number, total: number) => void;

/**
 * Copies the database file `source` (opened read-only when the caller's connection was) into `temp`. Every
 * commit of another connection, the app's own included, restarts a step-wise copy from the first page; after
 * a restart the rest goes in one step, so a busy writer cannot keep the copy from finishing. Progress is
 * reported after every step, or every few steps so the main thread receives about 100 messages, and at every
 * restart.
 */
export async function copyDatabaseFile(
  source: string,
  temp: string,
  readonly: boolean,
  onProgress?: CopyProgress,
): Promise<void> {
  const sqlite = new Database(source, { readonly, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    let lastRemaining = Number.POSITIVE_INFINITY;
    let steps = 0;
    let reported = 0;
    const { totalPages } = await sqlite.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        const done = totalPages - remainingPages;
        const stepsPerReport = Math.max(1, Math.floor(totalPages / (100 * PAGES_PER_STEP)));
        if (done < reported || ++steps % stepsPerReport === 0) {
          reported = done;
          onProgress?.(done, totalPages);
        }
        // More pages left than after the last step: restarted. As many: the step found the file busy (another
        // connection checkpointing) and is tried again as it was.
        const restarted = remainingPages > lastRemaining;
        lastRemaining = remainingPages;
        return restarted ? ALL_PAGES : PAGES_PER_STEP;
      },
    });
    onProgress?.(totalPages, totalPages);
  } finally {
    sqlite.close();
  }
}
