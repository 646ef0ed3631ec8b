/**
 * The building blocks of the contract files: `method<Output>()(inputSchema, options)` declares one method.
 * Kept apart from contract.ts so the per-domain contract files can use them without an import cycle.
 */
import { z } from 'zod';
import type { Role } from '../domain/enums';
import type { BackupReason } from '../services/backup/types';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Callable without a logged-in user. */
  public: boolean;
  /** Roles allowed (a public method has none). */
  roles: readonly Role[];
  /** The largest request this method takes, in bytes (the JSON body in browser mode, the input over IPC). */
  maxBodyBytes: number;
  /**
   * The automatic backup taken before the method runs, once the caller's role and input have passed: a
   * refused call never writes a copy (each is the size of the database, and copies push older ones out).
   */
  backupBefore?: BackupReason;
  /** Phantom: carries the output type only. */
  output?: O;
}

/**
 * Every method says who may call it: `public: true` (no login), or its roles (`ROLES` for every logged-in
 * user), so a reader of the contract never has to guess what an absent list means.
 */
export type MethodOptions = { maxBodyBytes?: number; backupBefore?: BackupReason } & (
  | { public: true; roles?: never }
  | { public?: false; roles: readonly Role[] }
);

export function method<O>() {
  return <I extends z.ZodType>(input: I, options: MethodOptions): MethodSpec<I, O> => ({
    input,
    public: options.public ?? false,
    roles: options.roles ?? [],
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    ...(options.backupBefore ? { backupBefore: options.backupBefore } : {}),
  });
}

export const MB = 1024 * 1024;
/**
 * Forms, filters and lists of ids fit in far less; a method that takes a file says its own limit. Checked
 * before a body is read (issue 11: a 250 MB body used to be read before the session was checked).
 */
export const DEFAULT_MAX_BODY_BYTES = 1 * MB;

/** Input of a method that takes nothing. */
export const none = z.object({}).default({});
/** Input of a method that takes one record's id. */
export const id = z.object({ id: z.number().int().positive() });
