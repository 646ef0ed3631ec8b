/** The long-jobs worker file for a backup's copy and SQLite's integrity check (and the copy's flush to the disk). */
import { copyDatabaseFile } from '../services/backup/copy-pages';
import { fsyncFile } from '../services/backup/files';
import { type CopyOutcome, integrityProblems } from '../services/backup/verify';
import { serve } from './serve';

export default serve({
  integrity: async (payload: { file: string; readonly?: boolean }) => {
    return { value: integrityProblems(payload.file, { readonly: payload.readonly }) };
  },
  'backup-copy': async (payload: { source: string; readonly: boolean; temp: string }, post) => {
    try {
      await copyDatabaseFile(payload.source, payload.temp, payload.readonly, (done, total) => post({ done, total }));
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      return { value: { copyError: { code, message } } satisfies CopyOutcome };
    }
    const problems = integrityProblems(payload.temp, { seal: true });
    // Flushed here when sound: the fsync of a 134 MB copy held the main thread for seconds, and the rename's
    // own fsync then finds nothing left to write.
    if (problems.length === 0) fsyncFile(payload.temp);
    return { value: { problems } satisfies CopyOutcome };
  },
});
