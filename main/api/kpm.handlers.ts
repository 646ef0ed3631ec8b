import { createKpm, updateKpm } from '../services/kpm';
import { searchKpm } from '../services/kpm-search';
import { familyDataReport } from '../services/privacy/family-report';
import { viewKpm } from '../services/privacy/nik-view';
import type { HandlersOf } from './handlers';
import type { kpmContract } from './kpm.contract';

export const kpmHandlers = {
  'kpm.search': ({ db }, input) => searchKpm(db, input),
  'kpm.get': ({ db, actor }, input) => viewKpm(db, actor, input.id),
  'kpm.privacyReport': ({ db, actor }, input) => familyDataReport(db, actor, input.id),
  'kpm.create': ({ db, actor }, input) => createKpm(db, actor, input),
  'kpm.update': ({ db, actor }, input) => updateKpm(db, actor, input.id, input.data),
} satisfies HandlersOf<typeof kpmContract>;
