import type { Db } from '../../db/open';
import { AppError } from '../domain/errors';
import type { PublicUser } from '../services/auth';
import { login, recordLogout } from '../services/login';
import { changeOwnPassword } from '../services/passwords';
import { getSecuritySettings } from '../services/security-settings';
import type { authContract, SessionInfo } from './auth.contract';
import type { HandlersOf } from './handlers';
import { officeOf } from './setup.handlers';

const sessionInfo = (db: Db, user: PublicUser): SessionInfo => ({
  user,
  office: officeOf(db),
  sessionIdleMinutes: getSecuritySettings(db).sessionIdleMinutes,
});

export const authHandlers = {
  'auth.login': async ({ db, startSession, source, clock }, input) => {
    const user = await login(db, { ...input, source }, clock);
    return { ...sessionInfo(db, user), sessionToken: startSession(user) };
  },
  'auth.logout': ({ db, user, actor, endSession }) => {
    if (user) recordLogout(db, actor);
    endSession();
    return { done: true };
  },
  // An ended session says why, so the renderer returns to the login page with the reason.
  'auth.session': ({ db, user, sessionEnded }) => {
    if (sessionEnded) throw new AppError('UNAUTHENTICATED', sessionEnded);
    return user ? sessionInfo(db, user) : null;
  },
  'auth.changePassword': async ({ db, actor, renewSession }, input) => {
    const user = await changeOwnPassword(db, actor, input);
    renewSession(user);
    return sessionInfo(db, user);
  },
} satisfies HandlersOf<typeof authContract>;
