import { createKpm, deactivateKpm, getKpm, updateKpm } from '../services/kpm';
import { searchKpm } from '../services/kpm-search';
import type { HandlersOf } from './handlers';
import type { kpmContract } from './kpm.contract';

export const kpmHandlers = {
  'kpm.search': ({ db }, input) => searchKpm(db, input),
  'kpm.get': ({ db }, input) => getKpm(db, input.id),
  'kpm.create': ({ db, actor }, input) => createKpm(db, actor, input),
  'kpm.update': ({ db, actor }, input) => updateKpm(db, actor, input.id, input.data),
  'kpm.deactivate': ({ db, actor }, input) => {
    deactivateKpm(db, actor, input.id, input.reason, input.date);
    return { done: true };
  },
} satisfies HandlersOf<typeof kpmContract>;
