import type { Dispatch, MutableRefObject, SetStateAction } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { ApiError } from '../../api';
import { errorMessage } from '../shared/errors';

export type CommitOutcome = OutputOf<'import.commit'>;
export type ImportProgress = OutputOf<'import.progress'>;
export type ImportReport = OutputOf<'import.report'>;

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

export const INITIAL: ImportJobState = {
  jobId: null,
  stage: 'idle',
  progress: null,
  report: null,
  outcome: null,
  error: null,
  notice: null,
  choosing: false,
};

export const POLL_MS = 300;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const running = (p: ImportProgress) => p.status === 'running' || p.status === 'saving';

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

export const CANCELLED = 'Impor dibatalkan. Tidak ada data yang disimpan.';

/**
 * The job being worked on, kept for this tab: the user may open a family from the report (or any other page)
 * and come back to the same report. The server keeps the job for hours; a job of another user is not found.
 */
const JOB_KEY = 'graduasi.importJob';
export const remembered = {
  get: () => sessionStorage.getItem(JOB_KEY),
  set: (jobId: string | null) => (jobId ? sessionStorage.setItem(JOB_KEY, jobId) : sessionStorage.removeItem(JOB_KEY)),
};

/** What the pieces of one import job share: its state, the running generation and the job being followed. */
export interface ImportJobCore {
  state: ImportJobState;
  setState: Dispatch<SetStateAction<ImportJobState>>;
  patch: (next: Partial<ImportJobState>) => void;
  generation: MutableRefObject<number>;
  jobRef: MutableRefObject<string | null>;
}
