import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, OutputOf } from '../../../main/api/contract';
import { ApiError, call } from '../../api';
import { errorMessage } from '../shared/errors';
import { fileToBase64 } from './files';

type CommitOutcome = OutputOf<'import.commit'>;
type ImportProgress = OutputOf<'import.progress'>;
type ImportReport = OutputOf<'import.report'>;

/** Where the import stands: nothing yet, reading/checking, report on screen, saving, saved. */
export type ImportStage = 'idle' | 'reading' | 'ready' | 'saving' | 'done';

export interface ImportJobState {
  jobId: string | null;
  stage: ImportStage;
  progress: ImportProgress | null;
  report: ImportReport | null;
  outcome: CommitOutcome | null;
  /** What went wrong, as the server said it (shown in red). */
  error: string | null;
  /** A neutral message, e.g. after the user cancelled. */
  notice: string | null;
  /** A choice for duplicates or pendamping is being applied. */
  choosing: boolean;
}

const INITIAL: ImportJobState = {
  jobId: null,
  stage: 'idle',
  progress: null,
  report: null,
  outcome: null,
  error: null,
  notice: null,
  choosing: false,
};

const POLL_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const running = (p: ImportProgress) => p.status === 'running' || p.status === 'saving';

/**
 * The server's message; for a refused input its field messages, which say what is wrong
 * (e.g. "Berkas kosong.") where the general message only says to check the fields.
 */
export function importErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'INVALID_INPUT') {
    const fields = Object.values(error.fields);
    if (fields.length > 0) return fields.join(' ');
  }
  return errorMessage(error);
}

const CANCELLED = 'Impor dibatalkan. Tidak ada data yang disimpan.';

/**
 * The job being worked on, kept for this tab: the user may open a family from the report (or any other page)
 * and come back to the same report. The server keeps the job for hours; a job of another user is not found.
 */
const JOB_KEY = 'graduasi.importJob';
export const remembered = {
  get: () => sessionStorage.getItem(JOB_KEY),
  set: (jobId: string | null) => (jobId ? sessionStorage.setItem(JOB_KEY, jobId) : sessionStorage.removeItem(JOB_KEY)),
};

/**
 * One import job on the server, followed by polling its progress. Every operation bumps a generation so a
 * loop left over from an earlier file (or an unmounted page) stops quietly.
 */
export function useImportJob() {
  const [state, setState] = useState<ImportJobState>(INITIAL);
  const generation = useRef(0);
  const jobRef = useRef<string | null>(null);
  const queryClient = useQueryClient();

  const patch = useCallback((next: Partial<ImportJobState>) => setState((s) => ({ ...s, ...next })), []);

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
    [patch],
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
    [follow, patch],
  );

  const fail = useCallback(
    (gen: number, error: unknown, next: Partial<ImportJobState>) => {
      if (gen !== generation.current) return;
      patch({ ...next, error: importErrorMessage(error), choosing: false });
    },
    [patch],
  );

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
  }, [state.report, patch, queryClient]);

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
  }, [settle]);

  return { state, start, configure, choose, commit, cancel, reset };
}

export type ImportJobApi = ReturnType<typeof useImportJob>;
