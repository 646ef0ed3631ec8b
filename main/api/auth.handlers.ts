import { login } from '../services/auth';
import { changeOwnPassword } from '../services/passwords';
import type { authContract } from './auth.contract';
import type { HandlersOf } from './handlers';
import { officeOf } from './setup.handlers';

export const authHandlers = {
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
} satisfies HandlersOf<typeof authContract>;
