import type { z } from 'zod';
import type { Db } from '../../db/open';
import { AppDatabase } from '../app-database';
import { AppError, type Result } from '../domain/errors';
import { type Actor, SYSTEM_ACTOR } from '../services/actor';
import { actorOf } from '../services/auth';
import { BatchJobs } from '../services/documents/batch-jobs';
import { requireDuty } from '../services/graduation/duties';
import { ImportJobs } from '../services/import/job-store';
import { LOCAL_SOURCE, type LoginClock, REAL_CLOCK } from '../services/login';
import { maskNikFields } from '../services/privacy/mask';
import { seesFullNik } from '../services/security-settings';
import { ALLOWED_BEFORE_PASSWORD_CHANGE } from './auth.contract';
import { RECOVERY_METHODS } from './backup.contract';
import { contract, type MethodName } from './contract';
import { type Guard, guards, type HandlerContext, handlers } from './handlers';
import { busyError, inputSize, isSqliteBusy, tooLarge } from './limits';
import { NO_SESSION_MESSAGE, SessionStore } from './sessions';

/** zod issues -> { 'members.0.nik': 'message' }, the shape forms use for field errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export interface CallOptions {
  /** Where the call comes from, for login throttling: the browser's address, or 'lokal' (the default). */
  source?: string;
}

export interface Dispatcher {
  call(method: string, input: unknown, sessionToken: string | null, options?: CallOptions): Promise<Result<unknown>>;
  /** Whether a call could get past the session check: the browser transport asks before reading a body. */
  admits(method: string, sessionToken: string | null): boolean;
}

export interface DispatcherOptions {
  /** The clock of sessions and logins and the pause after a failed login; tests pass a fake one. */
  clock?: LoginClock;
  /** The import jobs to use (a test that pauses an import commit passes its own). */
  importJobs?: ImportJobs;
}

/**
 * Validates, authorises and runs one call; both transports (Electron IPC and the browser bridge) use it.
 * Sessions live in memory (sessions.ts): restarting the app logs everyone out.
 */
export function createDispatcher(
  source: Db | AppDatabase,
  log: (message: string) => void = console.error,
  options: DispatcherOptions = {},
): Dispatcher {
  // The holder is read per call: a restore swaps the database under a running app.
  const database = source instanceof AppDatabase ? source : AppDatabase.wrap(source);
  const clock = options.clock ?? REAL_CLOCK;
  const sessions = new SessionStore(database, clock.now);
  // The import jobs of this app instance: each dispatcher (window, browser server, test) has its own.
  const importJobs = options.importJobs ?? new ImportJobs();
  const batchJobs = new BatchJobs();
  // While an import is being written on its own connection, a write here would wait on the same thread the
  // import needs to finish: give up at once (BUSY) instead of blocking everything for busy_timeout.
  let waitMs = 5000;
  const setBusyTimeout = () => {
    const wanted = importJobs.isSaving() ? 0 : 5000;
    if (wanted !== waitMs) database.db.$client.pragma(`busy_timeout = ${wanted}`);
    waitMs = wanted;
  };
  database.onReplaced((reason) => {
    // A restored (or other) database has its own users: everybody logs in again, told why.
    sessions.endAll(reason);
    // The new connection starts with openDatabase's busy_timeout.
    waitMs = 5000;
  });

  return {
    admits(method, sessionToken) {
      if (!Object.hasOwn(contract, method) || contract[method as MethodName].public) return true;
      return sessionToken !== null && sessions.has(sessionToken);
    },
    async call(method, rawInput, sessionToken, callOptions = {}) {
      try {
        if (!Object.hasOwn(contract, method)) {
          throw new AppError('UNKNOWN_METHOD', `Perintah tidak dikenal: ${method}`);
        }
        const name = method as MethodName;
        const spec = contract[name];
        // Recovery mode: a file that is not usable is never read or written past these two methods.
        if (!database.isOpen && !RECOVERY_METHODS.includes(name)) database.requireOpen();
        const { user, ended } = database.isOpen ? sessions.resolve(sessionToken) : { user: null, ended: null };
        if (!spec.public && !user) throw new AppError('UNAUTHENTICATED', ended ?? NO_SESSION_MESSAGE);
        // Enforced here, not in the renderer: a temporary password opens nothing but the change of it.
        if (user?.mustChangePassword && !spec.public && !ALLOWED_BEFORE_PASSWORD_CHANGE.includes(name)) {
          throw new AppError(
            'PASSWORD_CHANGE_REQUIRED',
            'Kata sandi Anda diatur ulang oleh administrator. Ganti dulu dengan kata sandi baru sebelum melanjutkan.',
          );
        }
        // The refusal names who may (as the services' own duty checks do).
        if (user && spec.roles.length > 0) requireDuty(user, spec.roles, 'melakukan tindakan ini');
        // The same limit as the browser transport's body, for Electron IPC (there the input arrives whole).
        if (inputSize(rawInput, spec.maxBodyBytes) > spec.maxBodyBytes) throw tooLarge(spec.maxBodyBytes);
        const parsed = spec.input.safeParse(rawInput ?? {});
        if (!parsed.success) {
          throw new AppError('INVALID_INPUT', 'Periksa kembali kolom yang ditandai.', {
            fields: fieldErrors(parsed.error),
          });
        }
        const actor: Actor = user ? actorOf(user) : SYSTEM_ACTOR;
        const ctx: HandlerContext = {
          get db() {
            return database.db;
          },
          database,
          importJobs,
          batchJobs,
          user,
          actor,
          source: callOptions.source ?? LOCAL_SOURCE,
          clock,
          sessionEnded: ended,
          startSession: (newUser) => sessions.start(newUser),
          renewSession(renewed) {
            if (sessionToken) sessions.renew(sessionToken, renewed);
          },
          endSession() {
            if (sessionToken) sessions.end(sessionToken);
          },
        };
        // Only now, with the role and the input checked: a refused call must not cost a backup (method.ts).
        if (spec.backupBefore) {
          (guards[name] as Guard<MethodName> | undefined)?.(ctx, parsed.data as never);
          await database.backupBefore(spec.backupBefore);
        }
        const handler = handlers[name] as (ctx: HandlerContext, input: unknown) => unknown;
        if (database.isOpen) setBusyTimeout();
        const value = await database.withLongJobs(() => handler(ctx, parsed.data));
        // Every answer, one rule: a role outside fullNikRoles never receives a full NIK or No. KK.
        return { ok: true, value: user && seesFullNik(database.db, user.role) ? value : maskNikFields(value) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        if (isSqliteBusy(error)) return { ok: false, error: busyError(importJobs.isSaving()).toData() };
        // The details stay in the log; the user gets a message without internals.
        log(`[api] ${method} gagal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada aplikasi. Coba lagi atau hubungi admin.' },
        };
      }
    },
  };
}
