import { createUser, listUsers, setUserActive } from '../services/auth';
import { listHolds, releaseHold } from '../services/login-holds';
import { resetPassword } from '../services/passwords';
import { updateUser } from '../services/user-edit';
import type { HandlersOf } from './handlers';
import type { usersContract } from './users.contract';

export const usersHandlers = {
  'users.list': ({ db }) => listUsers(db),
  'users.create': ({ db, actor }, input) => createUser(db, actor, input),
  'users.setActive': ({ db, actor }, input) => setUserActive(db, actor, input.id, input.active),
  'users.update': ({ db, actor }, input) => updateUser(db, actor, input),
  'users.holds': ({ db, clock }) => listHolds(db, clock.now()),
  'users.releaseHold': ({ db, actor, clock }, input) => releaseHold(db, actor, input.key, clock.now()),
  'users.resetPassword': ({ db, actor }, input) => resetPassword(db, actor, input.id),
} satisfies HandlersOf<typeof usersContract>;
