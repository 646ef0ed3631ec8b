import type { z } from 'zod';
import type { Db } from '../../db/open';
import { AppDatabase } from '../app-database';
import { AppError, type Result } from '../domain/errors';
import type { OfficeServerControl } from '../server/office-server-control';
import { requireDuty, SYSTEM_ACTOR } from '../services/actor';
import type { PublicUser } from '../services/auth';
import { actorOf } from '../services/auth';
import { BatchJobs } from '../services/documents/batch-jobs';
import { ImportJobs } from '../services/import/job-store';
import { LOCAL_SOURCE, type LoginClock, REAL_CLOCK } from '../services/login';
import { maskNikFields } from '../services/privacy/mask';
import { seesFullNik } from '../services/security-settings';
import { contract, type MethodName } from './contract';
import { type HandlerContext, type HandlerEntry, handlers } from './handlers';
import { busyError, inputSize, isSqliteBusy, tooLarge } from './limits';
import type { MethodSpec } from './method';
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
  /** Server mode's switch (Pengaturan > Server kantor); absent where the app cannot serve (tests, tools). */
  officeServer?: OfficeServerControl;
}

type Spec = MethodSpec<z.ZodType, unknown>;

/** What one app instance keeps across calls: the database holder, sessions, job stores and clock. */
interface Instance {
  database: AppDatabase;
  sessions: SessionStore;
  importJobs: ImportJobs;
  batchJobs: BatchJobs;
  clock: LoginClock;
  officeServer: OfficeServerControl | null;
  /** Sets the connection's busy timeout for a call about to run (see createInstance). */
  beforeRun(): void;
}

/**
 * Validates, authorises and runs one call; both transports (Electron IPC and the browser bridge) use it.
 * Each step below reads its policy from the method's declaration (method.ts), never from its name.
 * Sessions live in memory (sessions.ts): restarting the app logs everyone out.
 */
export function createDispatcher(
  source: Db | AppDatabase,
  log: (message: string) => void = console.error,
  options: DispatcherOptions = {},
): Dispatcher {
  const app = createInstance(source, options);
  return {
    admits(method, sessionToken) {
      if (!Object.hasOwn(contract, method) || contract[method as MethodName].public) return true;
      return sessionToken !== null && app.sessions.has(sessionToken);
    },
    async call(method, rawInput, sessionToken, callOptions = {}) {
      try {
        const name = knownMethod(method);
        const spec: Spec = contract[name];
        requireUsableDatabase(app.database, spec);
        const { user, ended } = authenticate(app, spec, sessionToken);
        requirePasswordChanged(user, spec);
        requireRole(user, spec);
        const input = parseInput(spec, rawInput);
        const ctx = handlerContext(app, { user, ended, sessionToken, source: callOptions.source ?? LOCAL_SOURCE });
        const entry = handlers[name] as HandlerEntry<MethodName>;
        const value = await app.database.withLongJobs(() => run(app, spec, entry, ctx, input));
        return { ok: true, value: visibleAnswer(app.database, user, value) };
      } catch (error) {
        return failure(error, method, app.importJobs, log);
      }
    },
  };
}

function createInstance(source: Db | AppDatabase, options: DispatcherOptions): Instance {
  // The holder is read per call: a restore swaps the database under a running app.
  const database = source instanceof AppDatabase ? source : AppDatabase.wrap(source);
  const clock = options.clock ?? REAL_CLOCK;
  const sessions = new SessionStore(database, clock.now);
  // The import jobs of this app instance: each dispatcher (window, browser server, test) has its own.
  const importJobs = options.importJobs ?? new ImportJobs();
  // While an import is being written on its own connection, a write here would wait on the same thread the
  // import needs to finish: give up at once (BUSY) instead of blocking everything for busy_timeout.
  let waitMs = 5000;
  const beforeRun = () => {
    if (!database.isOpen) return;
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
  const officeServer = options.officeServer ?? null;
  return { database, sessions, importJobs, batchJobs: new BatchJobs(), clock, officeServer, beforeRun };
}

function knownMethod(method: string): MethodName {
  if (!Object.hasOwn(contract, method)) throw new AppError('UNKNOWN_METHOD', `Perintah tidak dikenal: ${method}`);
  return method as MethodName;
}

/** Recovery mode: a file that is not usable is never read or written past the methods that answer in it. */
function requireUsableDatabase(database: AppDatabase, spec: Spec): void {
  if (!database.isOpen && !spec.answersInRecovery) database.requireOpen();
}

function authenticate(app: Instance, spec: Spec, sessionToken: string | null) {
  const { user, ended } = app.database.isOpen ? app.sessions.resolve(sessionToken) : { user: null, ended: null };
  if (!spec.public && !user) throw new AppError('UNAUTHENTICATED', ended ?? NO_SESSION_MESSAGE);
  return { user, ended };
}

/** Enforced here, not in the renderer: a temporary password opens nothing but the change of it. */
function requirePasswordChanged(user: PublicUser | null, spec: Spec): void {
  if (!user?.mustChangePassword || spec.allowedBeforePasswordChange) return;
  throw new AppError(
    'PASSWORD_CHANGE_REQUIRED',
    'Kata sandi Anda diatur ulang oleh administrator. Ganti dulu dengan kata sandi baru sebelum melanjutkan.',
  );
}

/** The refusal names who may (as the services' own duty checks do). */
function requireRole(user: PublicUser | null, spec: Spec): void {
  if (user && spec.roles.length > 0) requireDuty(user, spec.roles, 'melakukan tindakan ini');
}

function parseInput(spec: Spec, rawInput: unknown): unknown {
  // The same limit as the browser transport's body, for Electron IPC (there the input arrives whole).
  if (inputSize(rawInput, spec.maxBodyBytes) > spec.maxBodyBytes) throw tooLarge(spec.maxBodyBytes);
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (parsed.success) return parsed.data;
  throw new AppError('INVALID_INPUT', 'Periksa kembali kolom yang ditandai.', { fields: fieldErrors(parsed.error) });
}

interface CallState {
  user: PublicUser | null;
  ended: string | null;
  sessionToken: string | null;
  source: string;
}

function handlerContext(app: Instance, call: CallState): HandlerContext {
  const { database, sessions } = app;
  const { user, sessionToken } = call;
  return {
    get db() {
      return database.db;
    },
    database,
    importJobs: app.importJobs,
    batchJobs: app.batchJobs,
    user,
    // The audit records the PC each change came from.
    actor: user ? { ...actorOf(user), address: call.source } : SYSTEM_ACTOR,
    source: call.source,
    clock: app.clock,
    sessions,
    officeServer: app.officeServer,
    sessionEnded: call.ended,
    startSession: (newUser) => sessions.start(newUser, call.source),
    renewSession(renewed) {
      if (sessionToken) sessions.renew(sessionToken, renewed);
    },
    endSession() {
      if (sessionToken) sessions.end(sessionToken);
    },
  };
}

/** Check, backup, run: only now, with the role and the input checked, so a refused call costs no backup. */
async function run(app: Instance, spec: Spec, entry: HandlerEntry<MethodName>, ctx: HandlerContext, input: unknown) {
  const { check, run: handler } = typeof entry === 'function' ? { check: undefined, run: entry } : entry;
  (check as ((ctx: HandlerContext, input: unknown) => void) | undefined)?.(ctx, input);
  if (spec.backupBefore) await app.database.backupBefore(spec.backupBefore);
  app.beforeRun();
  return (handler as (ctx: HandlerContext, input: unknown) => unknown)(ctx, input);
}

/** Every answer, one rule: a role outside fullNikRoles never receives a full NIK or No. KK. */
function visibleAnswer(database: AppDatabase, user: PublicUser | null, value: unknown): unknown {
  return user && seesFullNik(database.db, user.role) ? value : maskNikFields(value);
}

/** The details stay in the log; the user gets a message without internals. */
function failure(
  error: unknown,
  method: string,
  importJobs: ImportJobs,
  log: (message: string) => void,
): Result<never> {
  if (error instanceof AppError) return { ok: false, error: error.toData() };
  if (isSqliteBusy(error)) return { ok: false, error: busyError(importJobs.isSaving()).toData() };
  log(`[api] ${method} gagal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada aplikasi. Coba lagi atau hubungi admin.' },
  };
}
