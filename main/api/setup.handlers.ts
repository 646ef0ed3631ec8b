import type { Db } from '../../db/open';
import { AppError } from '../domain/errors';
import { listAllRegencies } from '../services/regions';
import { completeSetup, getOffice, isSetupDone } from '../services/setup';
import type { HandlersOf } from './handlers';
import type { setupContract } from './setup.contract';

export const setupHandlers = {
  'setup.status': ({ db }) => ({ done: isSetupDone(db) }),
  'setup.regencies': () => listAllRegencies(),
  'setup.complete': async ({ db }, input) => {
    await completeSetup(db, input);
    return { done: true };
  },
} satisfies HandlersOf<typeof setupContract>;

/** The office, for calls that need a set-up app. */
export function officeOf(db: Db) {
  const office = getOffice(db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
  return office;
}
