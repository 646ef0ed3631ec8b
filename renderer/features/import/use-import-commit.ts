import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, call } from '../../api';
import { CANCELLED, type ImportJobCore, importErrorMessage, POLL_MS, remembered, sleep } from './import-job-state';

/** Saving the checked plan, with its progress polled alongside the commit call. */
export function useImportCommit({ state, generation, jobRef, patch }: ImportJobCore) {
  const queryClient = useQueryClient();

  const commit = useCallback(async (): Promise<boolean> => {
    const jobId = jobRef.current;
    const planId = state.report?.planId;
    if (!jobId || !planId) return false;
    const gen = ++generation.current;
    patch({ stage: 'saving', error: null, notice: null, progress: null });
    // The commit call resolves when everything is written; progress is polled alongside it.
    const watching = (async () => {
      await sleep(POLL_MS);
      while (gen === generation.current && jobRef.current === jobId) {
        const progress = await call('import.progress', { jobId }).catch(() => null);
        if (gen !== generation.current || !progress || progress.status !== 'saving') return;
        patch({ progress });
        await sleep(POLL_MS);
      }
    })();
    try {
      const outcome = await call('import.commit', { jobId, planId });
      generation.current++;
      remembered.set(null);
      await watching;
      patch({ stage: 'done', outcome });
      // Lists, counts and pendamping all may have changed.
      await queryClient.invalidateQueries();
      return true;
    } catch (error) {
      if (gen !== generation.current) return false;
      generation.current++;
      // The plan may have been replaced (data changed meanwhile): show the newest report with the reason.
      const report = await call('import.report', { jobId, problems: 0, duplicates: 0 }).catch(() => state.report);
      const cancelled = error instanceof ApiError && error.code === 'CANCELLED';
      patch({
        stage: 'ready',
        report,
        error: cancelled ? null : importErrorMessage(error),
        notice: cancelled ? CANCELLED : null,
      });
      return false;
    }
  }, [state.report, patch, queryClient, generation, jobRef]);

  return commit;
}
