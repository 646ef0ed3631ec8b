import { createPendamping, getPendamping, listPendamping, reassignKpm, updatePendamping } from '../services/pendamping';
import type { HandlersOf } from './handlers';
import type { pendampingContract } from './pendamping.contract';

export const pendampingHandlers = {
  'pendamping.list': ({ db }) => listPendamping(db),
  'pendamping.get': ({ db }, input) => getPendamping(db, input.id),
  'pendamping.create': ({ db, actor }, input) => ({ id: createPendamping(db, actor, input).id }),
  'pendamping.update': ({ db, actor }, input) => ({ id: updatePendamping(db, actor, input.id, input.data).id }),
  'pendamping.reassign': ({ db, actor }, input) => reassignKpm(db, actor, input),
} satisfies HandlersOf<typeof pendampingContract>;
