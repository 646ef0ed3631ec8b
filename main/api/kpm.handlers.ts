import { logged } from '../services/exports/log';
import { createKpm, updateKpm } from '../services/kpm';
import { searchKpmFor } from '../services/kpm-search';
import { familyDataReport } from '../services/privacy/family-report';
import { viewKpm } from '../services/privacy/nik-view';
import type { HandlersOf } from './handlers';
import type { kpmContract } from './kpm.contract';

export const kpmHandlers = {
  'kpm.search': ({ db, actor }, input) => searchKpmFor(db, actor, input),
  'kpm.get': ({ db, actor }, input) => viewKpm(db, actor, input.id),
  'kpm.privacyReport': async ({ db, actor }, input) => {
    const file = await familyDataReport(db, actor, input.id);
    return logged(db, actor, file, {
      templateKey: 'kpm.privacyReport',
      templateName: 'Laporan data pribadi keluarga',
      kind: 'family_report',
      filters: { keluarga: input.id },
      rows: file.pages,
      nikMode: 'full',
    });
  },
  'kpm.create': ({ db, actor }, input) => createKpm(db, actor, input),
  'kpm.update': ({ db, actor }, input) => updateKpm(db, actor, input.id, input.data),
} satisfies HandlersOf<typeof kpmContract>;
