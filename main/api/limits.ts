/**
 * Request limits shared by both transports: the body size per method, and the answer
 * when the database is held by an import being saved.
 */
import { AppError } from '../domain/errors';
import { contract } from './contract';

export { isSqliteBusy } from '../services/sqlite-errors';

import { DEFAULT_MAX_BODY_BYTES, MB } from './method';

/** The method's body limit; an unknown method gets the default (it is refused after a small read). */
export function bodyLimitOf(method: string): number {
  return Object.hasOwn(contract, method)
    ? contract[method as keyof typeof contract].maxBodyBytes
    : DEFAULT_MAX_BODY_BYTES;
}

export function tooLarge(limit: number): AppError {
  const mb = Math.max(1, Math.round(limit / MB));
  return new AppError('TOO_LARGE', `Data yang dikirim terlalu besar (maks. ${mb} MB).`);
}

/**
 * The size of an input as JSON would carry it, counted without serialising it (an import's input holds a
 * 200 MB string: copying it once more only to measure it would be waste). Close enough for a limit: an escape
 * or a multi-byte character counts as one.
 */
export function inputSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const next = stack.pop();
    if (typeof next === 'string') size += next.length + 2;
    else if (Array.isArray(next)) {
      size += 2 + next.length;
      for (const inner of next) stack.push(inner);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        size += key.length + 4;
        stack.push(inner);
      }
    } else size += 8;
  }
  return size;
}

export const IMPORT_SAVING_MESSAGE = 'Sedang menyimpan impor, coba lagi sebentar.';

/** Locked by our own import: say so; locked by another program (a second PC on a share): say that. */
export function busyError(importSaving: boolean): AppError {
  return new AppError(
    'BUSY',
    importSaving ? IMPORT_SAVING_MESSAGE : 'Database sedang dipakai proses lain, coba lagi sebentar.',
  );
}
