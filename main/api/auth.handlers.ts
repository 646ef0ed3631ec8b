import { AppError } from '../domain/errors';
import { login, recordLogout } from '../services/login';
import { changeOwnPassword } from '../services/passwords';
import type { authContract } from './auth.contract';
import type { HandlersOf } from './handlers';
import { officeOf } from './setup.handlers';

export const authHandlers = {
  'auth.login': async ({ db, startSession, source, clock }, input) => {
    const user = await login(db, { ...input, source }, clock);
    return { user, office: officeOf(db), sessionToken: startSession(user) };
  },
  'auth.logout': ({ db, user, endSession }) => {
    if (user) recordLogout(db, user);
    endSession();
    return { done: true };
  },
  // An ended session says why, so the renderer returns to the login page with the reason.
  'auth.session': ({ db, user, sessionEnded }) => {
    if (sessionEnded) throw new AppError('UNAUTHENTICATED', sessionEnded);
    return user ? { user, office: officeOf(db) } : null;
  },
  'auth.changePassword': async ({ db, actor, renewSession }, input) => {
    const user = await changeOwnPassword(db, actor, input);
    renewSession(user);
    return { user, office: officeOf(db) };
  },
} satisfies HandlersOf<typeof authContract>;
