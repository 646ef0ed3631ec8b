/**
 * The worker side of a long job: piscina runs a worker file's default export once per task. Every task answers
 * on its own port, after its progress, so the main process receives them in order: progress, then `done` (the
 * PDF's bytes transferred, not copied) or `error`. Each kind has its own small worker file (messages.ts), so a
 * worker checking a backup does not load pdfmake (5 s of a cold start on a busy machine, 0.3 s without).
 */
import type { MessagePort } from 'node:worker_threads';
import { AppError } from '../domain/errors';
import type { LongJobAnswer, LongJobKind, LongJobTask } from './messages';

export type Post = (progress: unknown) => void;
/** Posts and waits until the main thread has read it (large data in chunks). */
export type Paced = (progress: unknown) => Promise<void>;
/** transfer: buffers inside value that move to the main thread instead of being copied (import plans). */
export type Outcome = { value?: unknown; bytes?: Buffer; transfer?: ArrayBuffer[] };
export type Task = (payload: never, post: Post, paced: Paced) => Promise<Outcome>;

/** A Buffer's bytes as an ArrayBuffer of their own (a small Buffer shares Node's pool). */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function answer(port: MessagePort, message: LongJobAnswer, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, message.done && message.bytes ? [message.bytes, ...transfer] : transfer);
}

/** The default export of a worker file: runs the tasks of the kinds it knows. */
export function serve(tasks: Partial<Record<LongJobKind, Task>>) {
  return async function runLongJob({ id, kind, payload, port }: LongJobTask): Promise<boolean> {
    const task = tasks[kind];
    if (!task) throw new Error(`no task ${kind} in this worker file`);
    try {
      const post: Post = (progress) => port.postMessage({ id, progress });
      const paced: Paced = (progress) =>
        new Promise((resolve) => {
          port.once('message', () => resolve());
          port.postMessage({ id, progress, paced: true });
        });
      const { value, bytes, transfer } = await task(payload as never, post, paced);
      answer(port, { id, done: true, value, bytes: bytes && ownBuffer(bytes) }, transfer);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      answer(port, { id, done: false, error: error.toData() });
    }
    return true;
  };
}
