import { useEffect } from 'react';
import { call } from '../../api';
import { type ImportJobCore, INITIAL, remembered } from './import-job-state';

type Settle = (jobId: string, gen: number, first: boolean) => Promise<boolean>;

/** Picks up the job this tab left on the import page, if the server still has it and it is not saved yet. */
export function useResumeImportJob({ setState, generation, jobRef }: ImportJobCore, settle: Settle) {
  // Coming back to the page: pick up the job left here, if the server still has it and it is not saved yet.
  useEffect(() => {
    const jobId = remembered.get();
    const gen = ++generation.current;
    if (jobId) {
      jobRef.current = jobId;
      setState({ ...INITIAL, jobId, stage: 'reading' });
      call('import.progress', { jobId })
        .then((progress) => {
          if (gen !== generation.current) return;
          if (progress.status === 'running' || progress.status === 'ready') return settle(jobId, gen, true);
          throw new Error('not resumable');
        })
        .catch(() => {
          if (gen !== generation.current) return;
          jobRef.current = null;
          remembered.set(null);
          setState(INITIAL);
        });
    }
    return () => {
      generation.current++;
    };
  }, [settle, setState, generation, jobRef]);
}
