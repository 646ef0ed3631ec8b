/** The long-jobs worker file for the import's read-and-check stage. */
import { type ImportCheckPayload, runImportCheck } from '../services/import/check-worker';
import { serve } from './serve';

export default serve({
  'import-check': async (payload: ImportCheckPayload, post, paced) => ({
    value: await runImportCheck(payload, post, paced),
  }),
});
