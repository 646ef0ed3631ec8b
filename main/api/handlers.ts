import type { Db } from '../../db/open';
import { AppError } from '../domain/errors';
import type { Actor } from '../services/actor';
import { createUser, listUsers, login, type PublicUser, setUserActive } from '../services/auth';
// --- import (issue 3) ---
import {
  cancelImport,
  chooseImport,
  commitImport,
  configureImport,
  duplicatesPage,
  getJob,
  importProgress,
  importReport,
  problemsPage,
  startImport,
} from '../services/import/jobs';
import { deleteMapping, listMappings, mappingByHeader, saveMapping } from '../services/import/mapping';
import { problemsXlsx } from '../services/import/report-xlsx';
import { listBatches, undoBatch } from '../services/import/undo';
import { createKpm, deactivateKpm, getBenefitAmounts, getKpm, updateKpm } from '../services/kpm';
import { searchKpm } from '../services/kpm-search';
import { changeOwnPassword, resetPassword } from '../services/passwords';
import { createPendamping, getPendamping, listPendamping, reassignKpm, updatePendamping } from '../services/pendamping';
import { listAllRegencies, listRegions } from '../services/regions';
import { benefitChangeImpact, updateBenefitAmounts, updateOffice } from '../services/settings';
import { completeSetup, getOffice, isSetupDone } from '../services/setup';
import type { MethodName, OutputOf, ParsedInputOf } from './contract';

/** What a handler knows about the call: the database, the session and its user. */
export interface HandlerContext {
  db: Db;
  user: PublicUser | null;
  actor: Actor;
  startSession(user: PublicUser): string;
  endSession(): void;
}

export type Handlers = {
  [M in MethodName]: (ctx: HandlerContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

function officeOf(db: Db) {
  const office = getOffice(db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
  return office;
}

export const handlers = {
  'setup.status': ({ db }) => ({ done: isSetupDone(db) }),
  'setup.regencies': () => listAllRegencies(),
  'setup.complete': async ({ db }, input) => {
    await completeSetup(db, input);
    return { done: true };
  },

  'auth.login': ({ db, startSession }, input) => {
    const user = login(db, input.username, input.password);
    return { user, office: officeOf(db), sessionToken: startSession(user) };
  },
  'auth.logout': ({ endSession }) => {
    endSession();
    return { done: true };
  },
  'auth.session': ({ db, user }) => (user ? { user, office: officeOf(db) } : null),
  'auth.changePassword': ({ db, actor }, input) => ({
    user: changeOwnPassword(db, actor, input),
    office: officeOf(db),
  }),

  'users.list': ({ db }) => listUsers(db),
  'users.create': ({ db, actor }, input) => createUser(db, actor, input),
  'users.setActive': ({ db, actor }, input) => setUserActive(db, actor, input.id, input.active),
  'users.resetPassword': ({ db, actor }, input) => resetPassword(db, actor, input.id),

  'office.get': ({ db }) => officeOf(db),
  'office.update': ({ db, actor }, input) => updateOffice(db, actor, input),
  'settings.benefitAmounts': ({ db }) => getBenefitAmounts(db),
  'settings.benefitChangeImpact': ({ db }, input) => benefitChangeImpact(db, input.amounts),
  'settings.updateBenefitAmounts': ({ db, actor }, input) => updateBenefitAmounts(db, actor, input.amounts),

  'regions.districts': ({ db }) => listRegions(db, 'district'),
  'regions.villages': ({ db }, input) => listRegions(db, 'village', input.districtCode),

  'kpm.search': ({ db }, input) => searchKpm(db, input),
  'kpm.get': ({ db }, input) => getKpm(db, input.id),
  'kpm.create': ({ db, actor }, input) => createKpm(db, actor, input),
  'kpm.update': ({ db, actor }, input) => updateKpm(db, actor, input.id, input.data),
  'kpm.deactivate': ({ db, actor }, input) => {
    deactivateKpm(db, actor, input.id, input.reason, input.date);
    return { done: true };
  },

  'pendamping.list': ({ db }) => listPendamping(db),
  'pendamping.get': ({ db }, input) => getPendamping(db, input.id),
  'pendamping.create': ({ db, actor }, input) => ({ id: createPendamping(db, actor, input).id }),
  'pendamping.update': ({ db, actor }, input) => ({ id: updatePendamping(db, actor, input.id, input.data).id }),
  'pendamping.reassign': ({ db, actor }, input) => reassignKpm(db, actor, input),

  // --- import (issue 3) ---
  'import.start': ({ db, actor }, { fileName, fileBase64, ...options }) => ({
    jobId: startImport(db, actor, {
      fileName,
      bytes: Buffer.from(fileBase64.replace(/^data:[^,]*,/, ''), 'base64'),
      ...options,
    }).id,
  }),
  'import.progress': ({ actor }, input) => importProgress(actor, input.jobId),
  'import.report': ({ actor }, input) => importReport(actor, input.jobId, input),
  'import.problems': ({ actor }, input) => problemsPage(actor, input.jobId, input),
  'import.duplicates': ({ actor }, input) => duplicatesPage(actor, input.jobId, input),
  'import.configure': ({ actor }, { jobId, ...options }) => ({ jobId: configureImport(actor, jobId, options).id }),
  'import.choose': ({ actor }, { jobId, ...choices }) => chooseImport(actor, jobId, choices),
  'import.commit': ({ db, actor }, input) => commitImport(db, actor, input.jobId, input.planId),
  'import.cancel': ({ actor }, input) => cancelImport(actor, input.jobId),
  'import.problemsXlsx': async ({ actor }, input) => {
    const file = await problemsXlsx(actor, input.jobId);
    return { fileName: file.fileName, base64: file.bytes.toString('base64'), rows: file.rows };
  },
  'import.batches': ({ db }, input) => listBatches(db, input.limit),
  'import.undo': ({ db, actor }, input) => undoBatch(db, actor, input.batchId),
  'import.mappings': ({ db }) => listMappings(db),
  'import.saveMapping': ({ db, actor }, input) => {
    if (input.jobId) {
      const parsed = getJob(actor, input.jobId).parsed;
      if (!parsed) throw new AppError('CONFLICT', 'Pemeriksaan berkas belum selesai.');
      return saveMapping(db, actor, input.name, mappingByHeader(parsed.mapping, parsed.headers));
    }
    return saveMapping(db, actor, input.name, input.fields ?? {});
  },
  'import.deleteMapping': ({ db, actor }, input) => {
    deleteMapping(db, actor, input.id);
    return { done: true };
  },
} satisfies Handlers;
