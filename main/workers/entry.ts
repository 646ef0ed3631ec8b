/**
 * The long-jobs worker thread (piscina runs the default export once per task). Every task answers on its own
 * port, after its progress, so the main process receives them in order: progress, then `done` (the PDF's bytes
 * transferred, not copied) or `error`. Nothing here writes to the database.
 */
import type { MessagePort } from 'node:worker_threads';
import { renderDocuments, renderKopPreview } from '../documents/render';
import { type PrintedReport, renderReport } from '../documents/report';
import type { Paper } from '../domain/documents';
import { AppError } from '../domain/errors';
import type { Kop, PrintedDocument, Signature } from '../domain/printed-document';
import { fsyncFile } from '../services/backup/files';
import { integrityProblems } from '../services/backup/verify';
import { type ImportCheckPayload, runImportCheck } from '../services/import/check-worker';
import type { LongJobAnswer, LongJobKind, LongJobTask } from './messages';

type Post = (progress: unknown) => void;
/** Posts and waits until the main thread has read it (large data in chunks). */
type Paced = (progress: unknown) => Promise<void>;
type Outcome = { value?: unknown; bytes?: Buffer };

const TASKS: Record<LongJobKind, (payload: never, post: Post, paced: Paced) => Promise<Outcome>> = {
  'render-documents': async (payload: { docs: PrintedDocument[]; copy?: boolean | boolean[] }, post) => {
    const { bytes, pages } = await renderDocuments(payload.docs, {
      copy: payload.copy,
      onProgress: (done, total) => post({ done, total }),
    });
    return { bytes, value: { pages } };
  },
  'render-kop-preview': async (payload: { kop: Kop; signature: Signature; paper: Paper }) => {
    const { bytes, pages } = await renderKopPreview(payload.kop, payload.signature, payload.paper);
    return { bytes, value: { pages } };
  },
  'render-report': async (payload: { report: PrintedReport }) => {
    const { bytes, pages } = await renderReport(payload.report);
    return { bytes, value: { pages } };
  },
  integrity: async (payload: { file: string; readonly?: boolean; flush?: boolean }) => {
    const problems = integrityProblems(payload.file, { readonly: payload.readonly });
    if (payload.flush && problems.length === 0) fsyncFile(payload.file);
    return { value: problems };
  },
  'import-check': async (payload: ImportCheckPayload, post, paced) => ({
    value: await runImportCheck(payload, post, paced),
  }),
};

/** A Buffer's bytes as an ArrayBuffer of their own (a small Buffer shares Node's pool). */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function answer(port: MessagePort, message: LongJobAnswer): void {
  port.postMessage(message, message.done && message.bytes ? [message.bytes] : []);
}

export default async function runLongJob({ id, kind, payload, port }: LongJobTask): Promise<boolean> {
  try {
    const post: Post = (progress) => port.postMessage({ id, progress });
    const paced: Paced = (progress) =>
      new Promise((resolve) => {
        port.once('message', () => resolve());
        port.postMessage({ id, progress, paced: true });
      });
    const { value, bytes } = await TASKS[kind](payload as never, post, paced);
    answer(port, { id, done: true, value, bytes: bytes && ownBuffer(bytes) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    answer(port, { id, done: false, error: error.toData() });
  }
  return true;
}
