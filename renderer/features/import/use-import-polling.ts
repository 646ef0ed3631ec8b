import { useCallback } from 'react';
import { call } from '../../api';
import {
  CANCELLED,
  type ImportJobCore,
  type ImportJobState,
  type ImportProgress,
  INITIAL,
  importErrorMessage,
  POLL_MS,
  remembered,
  running,
  sleep,
} from './import-job-state';

/** Following a job's progress until it stops, then settling on its report or on the reason it stopped. */
export function useImportPolling({ generation, jobRef, patch }: ImportJobCore) {
  /** Polls until the job stops running; null when a newer operation took over. */
  const follow = useCallback(
    async (jobId: string, gen: number): Promise<ImportProgress | null> => {
      for (;;) {
        const progress = await call('import.progress', { jobId });
        if (gen !== generation.current) return null;
        patch({ progress });
        if (!running(progress)) return progress;
        await sleep(POLL_MS);
        if (gen !== generation.current) return null;
      }
    },
    [patch, generation],
  );

  /** After reading: the report when it is ready, else the reason. `first` is the very first read of a file. */
  const settle = useCallback(
    async (jobId: string, gen: number, first: boolean): Promise<boolean> => {
      const progress = await follow(jobId, gen);
      if (!progress) return false;
      if (progress.status === 'ready') {
        const report = await call('import.report', { jobId, problems: 0, duplicates: 0 });
        if (gen !== generation.current) return false;
        patch({ stage: 'ready', report, error: null });
        return true;
      }
      const cancelled = progress.status === 'cancelled';
      const message = progress.error?.message ?? 'Pemeriksaan berkas gagal. Coba lagi.';
      if (first || cancelled) {
        // Nothing usable is left of the job: start again from the file.
        jobRef.current = null;
        remembered.set(null);
        patch({
          ...INITIAL,
          error: cancelled ? null : message,
          notice: cancelled ? CANCELLED : null,
        });
      } else {
        // A new sheet or header row could not be read: keep the page, show why, let the user try another.
        const report = await call('import.report', { jobId, problems: 0, duplicates: 0 }).catch(() => null);
        if (gen !== generation.current) return false;
        patch({ stage: 'ready', report, error: message });
      }
      return false;
    },
    [follow, patch, generation, jobRef],
  );

  const fail = useCallback(
    (gen: number, error: unknown, next: Partial<ImportJobState>) => {
      if (gen !== generation.current) return;
      patch({ ...next, error: importErrorMessage(error), choosing: false });
    },
    [patch, generation],
  );

  return { follow, settle, fail };
}
