import { useCallback, useRef, useState } from 'react';
import type { InputOf } from '../../../main/api/contract';
import { call } from '../../api';
import { fileToBase64 } from './files';
import { CANCELLED, type ImportJobCore, type ImportJobState, INITIAL, remembered } from './import-job-state';
import { useImportCommit } from './use-import-commit';
import { useImportPolling } from './use-import-polling';
import { useResumeImportJob } from './use-import-resume';

export { type ImportJobState, type ImportStage, importErrorMessage, remembered } from './import-job-state';

/**
 * One import job on the server, followed by polling its progress. Every operation bumps a generation so a
 * loop left over from an earlier file (or an unmounted page) stops quietly.
 */
export function useImportJob() {
  const [state, setState] = useState<ImportJobState>(INITIAL);
  const generation = useRef(0);
  const jobRef = useRef<string | null>(null);

  const patch = useCallback((next: Partial<ImportJobState>) => setState((s) => ({ ...s, ...next })), []);
  const core: ImportJobCore = { state, setState, patch, generation, jobRef };

  const { settle, fail } = useImportPolling(core);

  const start = useCallback(
    async (file: File, mappingName: string | null): Promise<boolean> => {
      const gen = ++generation.current;
      jobRef.current = null;
      setState({ ...INITIAL, stage: 'reading' });
      try {
        const fileBase64 = await fileToBase64(file);
        if (gen !== generation.current) return false;
        const { jobId } = await call('import.start', { fileName: file.name, fileBase64, mappingName });
        if (gen !== generation.current) {
          // The user moved on while the file was uploading: stop the job nobody watches.
          call('import.cancel', { jobId }).catch(() => undefined);
          return false;
        }
        jobRef.current = jobId;
        remembered.set(jobId);
        patch({ jobId });
        return await settle(jobId, gen, true);
      } catch (error) {
        fail(gen, error, { ...INITIAL });
        return false;
      }
    },
    [settle, fail, patch],
  );

  const configure = useCallback(
    async (options: Omit<InputOf<'import.configure'>, 'jobId'>): Promise<boolean> => {
      const jobId = jobRef.current;
      if (!jobId) return false;
      const gen = ++generation.current;
      patch({ stage: 'reading', error: null, notice: null, progress: null });
      try {
        await call('import.configure', { jobId, ...options });
        return await settle(jobId, gen, false);
      } catch (error) {
        fail(gen, error, { stage: 'ready' });
        return false;
      }
    },
    [settle, fail, patch],
  );

  const choose = useCallback(
    async (input: Omit<InputOf<'import.choose'>, 'jobId'>) => {
      const jobId = jobRef.current;
      if (!jobId) return;
      const gen = generation.current;
      patch({ choosing: true, error: null });
      try {
        const report = await call('import.choose', { jobId, ...input });
        if (gen !== generation.current) return;
        patch({ report, choosing: false });
      } catch (error) {
        fail(gen, error, {});
      }
    },
    [fail, patch],
  );

  const commit = useImportCommit(core);

  const cancel = useCallback(async () => {
    const jobId = jobRef.current;
    if (jobId) await call('import.cancel', { jobId }).catch(() => undefined);
    else if (state.stage === 'reading') {
      // Still uploading: forget the upload.
      generation.current++;
      setState({ ...INITIAL, notice: CANCELLED });
    }
  }, [state.stage]);

  /** Forgets the job (a new file, or after saving). */
  const reset = useCallback(() => {
    generation.current++;
    jobRef.current = null;
    remembered.set(null);
    setState(INITIAL);
  }, []);

  useResumeImportJob(core, settle);

  return { state, start, configure, choose, commit, cancel, reset };
}

export type ImportJobApi = ReturnType<typeof useImportJob>;
