/** The long-jobs worker file for scans: reading printed P2K2 attendance sheets back from their scanned pages. */
import { readScans, type ScanFile } from '../services/p2k2-sheet/scan/read-files';
import { serve } from './serve';

export default serve({
  'read-p2k2-sheet': async (payload: { files: ScanFile[] }) => ({ value: await readScans(payload.files) }),
});
