/** The long-jobs worker file for SQLite's integrity check of a backup (and its flush to the disk). */
import { fsyncFile } from '../services/backup/files';
import { integrityProblems } from '../services/backup/verify';
import { serve } from './serve';

export default serve({
  integrity: async (payload: { file: string; readonly?: boolean; seal?: boolean; flush?: boolean }) => {
    const problems = integrityProblems(payload.file, { readonly: payload.readonly, seal: payload.seal });
    if (payload.flush && problems.length === 0) fsyncFile(payload.file);
    return { value: problems };
  },
});
