/**
 * The messages between the main process and the long-jobs worker: a task `{id, kind, payload}` with a port;
 * progress comes back on the port as `{id, progress}`, the task ends with `{id, done, bytes?}` (the bytes
 * transferred, not copied) or `{id, error}`. An AppError crosses as its data: a thrown Error would lose its code.
 */
import type { MessagePort } from 'node:worker_threads';
import type { AppErrorData } from '../domain/errors';

export type LongJobKind =
  | 'render-documents'
  | 'render-kop-preview'
  | 'render-report'
  | 'render-p2k2-sheet'
  | 'render-server-sheet'
  | 'integrity'
  | 'backup-copy'
  | 'import-check'
  | 'import-plan'
  | 'read-p2k2-sheet'
  | 'read-school-form';

export interface LongJobTask {
  id: number;
  kind: LongJobKind;
  payload: unknown;
  port: MessagePort;
}

export interface LongJobProgress {
  id: number;
  progress: unknown;
  /** The worker waits for `{id, ack}` before sending more: the main thread reads one large message per turn. */
  paced?: boolean;
}

export type LongJobAnswer =
  | { id: number; done: true; bytes?: ArrayBuffer; value?: unknown }
  | { id: number; done: false; error: AppErrorData };

/** What each kind is called in a message to the user. */
export const LONG_JOB_LABEL: Record<LongJobKind, string> = {
  'render-documents': 'Pembuatan PDF',
  'render-kop-preview': 'Pembuatan contoh kop',
  'render-report': 'Pembuatan PDF laporan',
  'render-p2k2-sheet': 'Pembuatan daftar hadir P2K2',
  'render-server-sheet': 'Pembuatan lembar petunjuk server kantor',
  integrity: 'Pemeriksaan berkas cadangan',
  'backup-copy': 'Pembuatan cadangan',
  'import-check': 'Pemeriksaan berkas impor',
  'read-p2k2-sheet': 'Pembacaan pindaian daftar hadir',
  'import-plan': 'Pemeriksaan berkas impor',
  'read-school-form': 'Pembacaan daftar hadir sekolah',
};

/** The worker file of each kind: main/workers/<name>-entry.ts, built as out/main/long-jobs-<name>.js. */
export const WORKER_FILE: Record<LongJobKind, 'pdf' | 'integrity' | 'import' | 'scan'> = {
  'render-documents': 'pdf',
  'render-kop-preview': 'pdf',
  'render-report': 'pdf',
  'render-p2k2-sheet': 'pdf',
  'render-server-sheet': 'pdf',
  integrity: 'integrity',
  'backup-copy': 'integrity',
  'import-check': 'import',
  'read-p2k2-sheet': 'scan',
  'import-plan': 'import',
  'read-school-form': 'import',
};
