import type { Db } from '../../db/open';
import { AppError } from '../domain/errors';
import type { Actor } from '../services/actor';
import { createUser, listUsers, login, type PublicUser, setUserActive } from '../services/auth';
import { createKpm, deactivateKpm, getBenefitAmounts, getKpm, updateKpm } from '../services/kpm';
import { searchKpm } from '../services/kpm-search';
import { createPendamping, getPendamping, listPendamping, reassignKpm, updatePendamping } from '../services/pendamping';
import { listAllRegencies, listRegions } from '../services/regions';
import { updateBenefitAmounts, updateOffice } from '../services/settings';
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
} satisfies Handlers;
