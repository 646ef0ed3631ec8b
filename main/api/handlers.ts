/**
 * The handlers of every contract method, merged from one file per domain (`<domain>.handlers.ts`) and checked
 * against the whole contract: a method without a handler, or a handler with the wrong types, fails typecheck.
 */
import type { Db } from '../../db/open';
import type { AppDatabase } from '../app-database';
import type { OfficeServerControl } from '../server/office-server-control';
import type { Actor } from '../services/actor';
import type { PublicUser } from '../services/auth';
import type { BatchJobs } from '../services/documents/batch-jobs';
import type { ImportJobs } from '../services/import/job-store';
import type { LoginClock } from '../services/login';
import { authHandlers } from './auth.handlers';
import { awardsHandlers } from './awards.handlers';
import { backupHandlers } from './backup.handlers';
import { businessHandlers } from './business.handlers';
import type { MethodName, OutputOf, ParsedInputOf } from './contract';
import { documentsHandlers } from './documents.handlers';
import { evaluationHandlers } from './evaluation.handlers';
import { exportsHandlers } from './exports.handlers';
import { graduationHandlers } from './graduation.handlers';
import { importHandlers } from './import.handlers';
import { kpmHandlers } from './kpm.handlers';
import { p2k2Handlers } from './p2k2.handlers';
import { p2k2ReportsHandlers } from './p2k2-reports.handlers';
import { p2k2SheetHandlers } from './p2k2-sheet.handlers';
import { pendampingHandlers } from './pendamping.handlers';
import { progressHandlers } from './progress.handlers';
import { proposalHandlers } from './proposal.handlers';
import { regionsHandlers } from './regions.handlers';
import { reportsHandlers } from './reports.handlers';
import { securityHandlers } from './security.handlers';
import { serverHandlers } from './server.handlers';
import type { SessionStore } from './sessions';
import { settingsHandlers } from './settings.handlers';
import { setupHandlers } from './setup.handlers';
import { statementHandlers } from './statement.handlers';
import { usersHandlers } from './users.handlers';
import { verificationHandlers } from './verification.handlers';
import { verkomHandlers } from './verkom.handlers';
import { workPlanHandlers } from './workplan.handlers';

/** What a handler knows about the call: the database, the app instance's import jobs, the session and its user. */
export interface HandlerContext {
  /** The open database of this call (after a restore, the restored one). */
  db: Db;
  /** The holder of the database: its health, backup folder and schedule, restore. */
  database: AppDatabase;
  importJobs: ImportJobs;
  /** The wisuda batch printing jobs (main/services/documents/batch.ts). */
  batchJobs: BatchJobs;
  user: PublicUser | null;
  actor: Actor;
  /** Where the call comes from (browser address or 'lokal'), for login throttling. */
  source: string;
  clock: LoginClock;
  /** The logged-in sessions of this app instance (the administrator sees and ends them). */
  sessions: SessionStore;
  /** Server mode's switch; null where the app cannot serve (tests without a server, tools). */
  officeServer: OfficeServerControl | null;
  /** Why the caller's session ended (idle, deactivated, password changed), when it just did. */
  sessionEnded: string | null;
  startSession(user: PublicUser): string;
  /** Keeps the caller's session after the user changed their own password (their other sessions end). */
  renewSession(user: PublicUser): void;
  endSession(): void;
}

export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: ParsedInputOf<M>,
) => OutputOf<M> | Promise<OutputOf<M>>;

/**
 * A handler with a read-only check of everything its service would refuse, for a method that takes a backup
 * before it runs (`backupBefore`): the dispatcher runs `check`, then the backup, then `run`, so a refused call
 * costs no copy (each is the size of the database, and copies push older ones out). `check` throws the same
 * AppError the service would.
 */
export interface CheckedHandler<M extends MethodName> {
  check: (ctx: HandlerContext, input: ParsedInputOf<M>) => void;
  run: Handler<M>;
}

export type HandlerEntry<M extends MethodName> = Handler<M> | CheckedHandler<M>;

export type Handlers = { [M in MethodName]: HandlerEntry<M> };

/** The handlers of one domain's contract file: `satisfies HandlersOf<typeof kpmContract>`. */
export type HandlersOf<C> = { [M in keyof C & MethodName]: HandlerEntry<M> };

export const handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...regionsHandlers,
  ...kpmHandlers,
  ...pendampingHandlers,
  ...importHandlers,
  ...graduationHandlers,
  ...progressHandlers,
  ...verificationHandlers,
  ...statementHandlers,
  ...proposalHandlers,
  ...documentsHandlers,
  ...awardsHandlers,
  ...securityHandlers,
  ...serverHandlers,
  ...backupHandlers,
  ...reportsHandlers,
  ...exportsHandlers,
  ...p2k2Handlers,
  ...p2k2SheetHandlers,
  ...verkomHandlers,
  ...p2k2ReportsHandlers,
  ...evaluationHandlers,
  ...workPlanHandlers,
  ...businessHandlers,
} satisfies Handlers;
