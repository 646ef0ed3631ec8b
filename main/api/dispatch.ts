import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { AppDatabase } from '../app-database';
import { AppError, type Result } from '../domain/errors';
import { type Actor, SYSTEM_ACTOR } from '../services/actor';
import { actorOf, getUser, type PublicUser } from '../services/auth';
import type { BackupReason } from '../services/backup/types';
import { BatchJobs } from '../services/documents/batch-jobs';
import { ImportJobs } from '../services/import/job-store';
import { ALLOWED_BEFORE_PASSWORD_CHANGE } from './auth.contract';
import { RECOVERY_METHODS } from './backup.contract';
import { contract, type MethodName } from './contract';
import { type HandlerContext, handlers } from './handlers';

/** zod issues -> { 'members.0.nik': 'message' }, the shape forms use for field errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** The automatic backup taken before these methods run (issue 11 point 1). */
const BACKUP_BEFORE: Partial<Record<MethodName, BackupReason>> = {
  'import.commit': 'impor',
  'decision.decide': 'keputusan',
  'decision.reverse': 'keputusan',
};

export interface Dispatcher {
  call(method: string, input: unknown, sessionToken: string | null): Promise<Result<unknown>>;
}

/**
 * Validates, authorises and runs one call; both transports (Electron IPC and the browser bridge) use it.
 * Sessions live in memory: restarting the app logs everyone out.
 */
export function createDispatcher(source: Db | AppDatabase, log: (message: string) => void = console.error): Dispatcher {
  // The holder is read per call: a restore swaps the database under a running app.
  const database = source instanceof AppDatabase ? source : AppDatabase.wrap(source);
  const sessions = new Map<string, number>();
  // A restored (or other) database has its own users: everybody logs in again.
  database.onReplaced(() => sessions.clear());
  // The import jobs of this app instance: each dispatcher (window, browser server, test) has its own.
  const importJobs = new ImportJobs();
  const batchJobs = new BatchJobs();

  return {
    async call(method, rawInput, sessionToken) {
      try {
        if (!Object.hasOwn(contract, method)) {
          throw new AppError('UNKNOWN_METHOD', `Perintah tidak dikenal: ${method}`);
        }
        const name = method as MethodName;
        const spec = contract[name];
        // Recovery mode: a file that is not usable is never read or written past these two methods.
        if (!database.isOpen && !RECOVERY_METHODS.includes(name)) database.requireOpen();
        const userId = sessionToken ? sessions.get(sessionToken) : undefined;
        let user: PublicUser | null = userId === undefined || !database.isOpen ? null : getUser(database.db, userId);
        if (user && !user.active) user = null;
        if (!spec.public && !user) {
          throw new AppError('UNAUTHENTICATED', 'Sesi Anda berakhir. Silakan masuk kembali.');
        }
        // Enforced here, not in the renderer: a temporary password opens nothing but the change of it.
        if (user?.mustChangePassword && !spec.public && !ALLOWED_BEFORE_PASSWORD_CHANGE.includes(name)) {
          throw new AppError(
            'PASSWORD_CHANGE_REQUIRED',
            'Kata sandi Anda diatur ulang oleh administrator. Ganti dulu dengan kata sandi baru sebelum melanjutkan.',
          );
        }
        if (user && spec.roles.length > 0 && !spec.roles.includes(user.role)) {
          throw new AppError('FORBIDDEN', 'Anda tidak memiliki hak akses untuk tindakan ini.');
        }
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
          startSession(newUser) {
            const token = randomBytes(24).toString('base64url');
            sessions.set(token, newUser.id);
            return token;
          },
          endSession() {
            if (sessionToken) sessions.delete(sessionToken);
          },
        };
        const backupReason = BACKUP_BEFORE[name];
        if (backupReason) await database.backupBefore(backupReason);
        const handler = handlers[name] as (ctx: HandlerContext, input: unknown) => unknown;
        return { ok: true, value: await handler(ctx, parsed.data) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
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
