/**
 * The building blocks of the contract files: `method<Output>()(inputSchema, options)` declares one method.
 * Kept apart from contract.ts so the per-domain contract files can use them without an import cycle.
 */
import { z } from 'zod';
import { type DutyName, rolesOf } from '../domain/duties';
import type { Role } from '../domain/enums';
import type { BackupReason } from '../services/backup/types';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Callable without a logged-in user. */
  public: boolean;
  /** The duty a caller needs, from the domain's table of duties (main/domain/duties.ts); null when public. */
  duty: DutyName | null;
  /** Roles allowed: the duty's entry in its table (a public method has none). */
  roles: readonly Role[];
  /** The largest request this method takes, in bytes (the JSON body in browser mode, the input over IPC). */
  maxBodyBytes: number;
  /**
   * The automatic backup taken before the method runs, once the caller's role and input have passed: a
   * refused call never writes a copy (each is the size of the database, and copies push older ones out).
   */
  backupBefore?: BackupReason;
  /** Answered while the database file is not usable (recovery mode): read or write nothing else then. */
  answersInRecovery: boolean;
  /**
   * Callable by a user whose password an administrator reset: a temporary password opens nothing but the change
   * of it (and the public methods, such as logging out).
   */
  allowedBeforePasswordChange: boolean;
  /** For a method whose output carries a file's bytes: whether the file is in the export log (null: no file). */
  file: FileOutput | null;
  /** Phantom: carries the output type only. */
  output?: O;
}

/**
 * A file the app hands out: 'logged' when the method writes its export log row (UU 27/2022: every file with
 * personal data), or the reason it has none (a sample page, the office's public key, counts without names).
 */
export type FileOutput = 'logged' | { unlogged: string };

type Base64File = { base64: string };
/** An output that is a file ({ base64 }) or holds one in a property ({ pdf: { base64 } }). */
export type CarriesFile<O> = O extends Base64File
  ? true
  : true extends { [K in keyof O]-?: NonNullable<O[K]> extends Base64File ? true : false }[keyof O]
    ? true
    : false;

/**
 * Every method says who may call it: `public: true` (no login), or the duty it needs (`'awards.plan'`), whose
 * roles are read from the domain's table of duties, never restated here. Its other policies sit
 * beside: `backupBefore`, `answersInRecovery` (public methods only: nobody can log in to a broken file) and
 * `allowedBeforePasswordChange` (logged-in methods only: the public ones are always allowed).
 */
export type MethodOptions = { maxBodyBytes?: number; backupBefore?: BackupReason } & (
  | { public: true; duty?: never; answersInRecovery?: true; allowedBeforePasswordChange?: never }
  | { public?: false; duty: DutyName; answersInRecovery?: never; allowedBeforePasswordChange?: true }
);
/** A method returning a file must say whether it is logged: compiling fails without `file`. */
type OptionsFor<O> = CarriesFile<O> extends true ? MethodOptions & { file: FileOutput } : MethodOptions;

export function method<O>() {
  return <I extends z.ZodType>(input: I, options: OptionsFor<O>): MethodSpec<I, O> => {
    const given: MethodOptions & { file?: FileOutput } = options;
    const isPublic = given.public ?? false;
    return {
      input,
      public: isPublic,
      duty: given.duty ?? null,
      roles: given.duty ? rolesOf(given.duty) : [],
      maxBodyBytes: given.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      file: given.file ?? null,
      ...(given.backupBefore ? { backupBefore: given.backupBefore } : {}),
      answersInRecovery: given.answersInRecovery ?? false,
      allowedBeforePasswordChange: isPublic || (given.allowedBeforePasswordChange ?? false),
    };
  };
}

export const MB = 1024 * 1024;
/**
 * Forms, filters and lists of ids fit in far less; a method that takes a file says its own limit. Checked
 * before a body is read: otherwise a stranger without a session could make the app read 250 MB first.
 */
export const DEFAULT_MAX_BODY_BYTES = 1 * MB;

/** Input of a method that takes nothing. */
export const none = z.object({}).default({});
/** Input of a method that takes one record's id. */
export const id = z.object({ id: z.number().int().positive() });
