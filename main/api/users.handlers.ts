import { createUser, listUsers, setUserActive } from '../services/auth';
import { resetPassword } from '../services/passwords';
import type { HandlersOf } from './handlers';
import type { usersContract } from './users.contract';

export const usersHandlers = {
  'users.list': ({ db }) => listUsers(db),
  'users.create': ({ db, actor }, input) => createUser(db, actor, input),
  'users.setActive': ({ db, actor }, input) => setUserActive(db, actor, input.id, input.active),
  'users.resetPassword': ({ db, actor }, input) => resetPassword(db, actor, input.id),
} satisfies HandlersOf<typeof usersContract>;
