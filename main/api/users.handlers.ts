import { createUser, listUsers, setUserActive } from '../services/auth';
import type { HandlersOf } from './handlers';
import type { usersContract } from './users.contract';

export const usersHandlers = {
  'users.list': ({ db }) => listUsers(db),
  'users.create': ({ db, actor }, input) => createUser(db, actor, input),
  'users.setActive': ({ db, actor }, input) => setUserActive(db, actor, input.id, input.active),
} satisfies HandlersOf<typeof usersContract>;
