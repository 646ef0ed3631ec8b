import type { Db } from '../../db/open';
import { AppError } from '../domain/errors';
import type { Actor } from '../services/actor';
import { createUser, listUsers, login, type PublicUser, setUserActive } from '../services/auth';
// --- import (issue 3) ---
import type { ImportJobs } from '../services/import/job-store';
import {
  cancelImport,
  chooseImport,
  commitImport,
  configureImport,
  importProgress,
  startImport,
} from '../services/import/jobs';
import { deleteMapping, listMappings, mappingByHeader, saveMapping } from '../services/import/mapping';
import { duplicatesPage, importReport, problemsPage } from '../services/import/report';
import { problemsXlsx } from '../services/import/report-xlsx';
import { listBatches, undoBatch } from '../services/import/undo';
import { createKpm, deactivateKpm, getBenefitAmounts, getKpm, updateKpm } from '../services/kpm';
import { searchKpm } from '../services/kpm-search';
import { createPendamping, getPendamping, listPendamping, reassignKpm, updatePendamping } from '../services/pendamping';
import { listAllRegencies, listRegions } from '../services/regions';
import { updateBenefitAmounts, updateOffice } from '../services/settings';
import { completeSetup, getOffice, isSetupDone } from '../services/setup';
import type { MethodName, OutputOf, ParsedInputOf } from './contract';

/** What a handler knows about the call: the database, the app instance's import jobs, the session and its user. */
export interface HandlerContext {
  db: Db;
  importJobs: ImportJobs;
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

  'users.list': ({ db }) => listUsers(db),
  'users.create': ({ db, actor }, input) => createUser(db, actor, input),
  'users.setActive': ({ db, actor }, input) => setUserActive(db, actor, input.id, input.active),

  'office.get': ({ db }) => officeOf(db),
  'office.update': ({ db, actor }, input) => updateOffice(db, actor, input),
  'settings.benefitAmounts': ({ db }) => getBenefitAmounts(db),
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
  'import.start': ({ db, importJobs, actor }, { fileName, fileBase64, ...options }) => ({
    jobId: startImport(importJobs, db, actor, {
      fileName,
      bytes: Buffer.from(fileBase64.replace(/^data:[^,]*,/, ''), 'base64'),
      ...options,
    }).id,
  }),
  'import.progress': ({ importJobs, actor }, input) => importProgress(importJobs, actor, input.jobId),
  'import.report': ({ importJobs, actor }, input) => importReport(importJobs, actor, input.jobId, input),
  'import.problems': ({ importJobs, actor }, input) => problemsPage(importJobs, actor, input.jobId, input),
  'import.duplicates': ({ importJobs, actor }, input) => duplicatesPage(importJobs, actor, input.jobId, input),
  'import.configure': ({ importJobs, actor }, { jobId, ...options }) => ({
    jobId: configureImport(importJobs, actor, jobId, options).id,
  }),
  'import.choose': ({ importJobs, actor }, { jobId, ...choices }) => chooseImport(importJobs, actor, jobId, choices),
  'import.commit': ({ db, importJobs, actor }, input) => commitImport(importJobs, db, actor, input.jobId, input.planId),
  'import.cancel': ({ importJobs, actor }, input) => cancelImport(importJobs, actor, input.jobId),
  'import.problemsXlsx': async ({ importJobs, actor }, input) => {
    const file = await problemsXlsx(importJobs, actor, input.jobId);
    return { fileName: file.fileName, base64: file.bytes.toString('base64'), rows: file.rows };
  },
  'import.batches': ({ db }, input) => listBatches(db, input.limit),
  'import.undo': ({ db, actor }, input) => undoBatch(db, actor, input.batchId),
  'import.mappings': ({ db }) => listMappings(db),
  'import.saveMapping': ({ db, importJobs, actor }, input) => {
    if (input.jobId) {
      const parsed = importJobs.get(actor, input.jobId).parsed;
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
