/**
 * The contract between renderer and main: every method's name, input schema and output type, merged from
 * one file per domain (`<domain>.contract.ts`). Handlers are checked against it (handlers.ts) and the
 * renderer's client type is derived from it. A new domain adds its own contract file and one line below.
 */
import type { z } from 'zod';
import { authContract } from './auth.contract';
import { awardsContract } from './awards.contract';
import { backupContract } from './backup.contract';
import { businessContract } from './business.contract';
import { documentsContract } from './documents.contract';
import { evaluationContract } from './evaluation.contract';
import { exportsContract } from './exports.contract';
import { graduationContract } from './graduation.contract';
import { importContract } from './import.contract';
import { kpmContract } from './kpm.contract';
import { p2k2Contract } from './p2k2.contract';
import { p2k2ReportsContract } from './p2k2-reports.contract';
import { p2k2SheetContract } from './p2k2-sheet.contract';
import { pendampingContract } from './pendamping.contract';
import { progressContract } from './progress.contract';
import { proposalContract } from './proposal.contract';
import { regionsContract } from './regions.contract';
import { reportsContract } from './reports.contract';
import { securityContract } from './security.contract';
import { serverContract } from './server.contract';
import { settingsContract } from './settings.contract';
import { setupContract } from './setup.contract';
import { statementContract } from './statement.contract';
import { usersContract } from './users.contract';
import { verificationContract } from './verification.contract';
import { verkomContract } from './verkom.contract';
import { workPlanContract } from './workplan.contract';

export type { SessionInfo } from './auth.contract';
export { type MethodSpec, method } from './method';

export const contract = {
  ...setupContract,
  ...authContract,
  ...usersContract,
  ...settingsContract,
  ...serverContract,
  ...regionsContract,
  ...kpmContract,
  ...pendampingContract,
  ...importContract,
  ...graduationContract,
  ...progressContract,
  ...verificationContract,
  ...statementContract,
  ...proposalContract,
  ...documentsContract,
  ...awardsContract,
  ...securityContract,
  ...backupContract,
  ...reportsContract,
  ...exportsContract,
  ...p2k2Contract,
  ...p2k2SheetContract,
  ...verkomContract,
  ...p2k2ReportsContract,
  ...evaluationContract,
  ...workPlanContract,
  ...businessContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;
