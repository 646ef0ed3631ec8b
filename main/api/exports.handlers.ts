/** Exports: catalogue, templates, counting and running an export, and the export log. */
import { EXPORT_CATALOGUE, EXPORT_KIND_LABEL, EXPORT_KINDS, EXPORT_STAGES } from '../domain/exports';
import { listExportLog } from '../services/exports/log';
import { countExport, runExport } from '../services/exports/run';
import { deleteTemplate, listTemplates, saveTemplate } from '../services/exports/templates';
import { seesFullNik } from '../services/security-settings';
import type { exportsContract } from './exports.contract';
import type { HandlersOf } from './handlers';

export const exportsHandlers = {
  'exports.catalogue': ({ db, actor }) => ({
    kinds: EXPORT_KINDS.map((kind) => ({
      kind,
      label: EXPORT_KIND_LABEL[kind],
      columns: EXPORT_CATALOGUE[kind].map((c) => ({ ...c })),
      stages: Object.entries(EXPORT_STAGES[kind]).map(([value, label]) => ({ value, label })),
    })),
    allowedNikModes: seesFullNik(db, actor.role) ? ['full', 'masked'] : ['masked'],
  }),
  'exports.templates': ({ db }) => listTemplates(db),
  'exports.count': ({ db }, input) => countExport(db, input),
  'exports.saveTemplate': ({ db, actor }, input) => saveTemplate(db, actor, input),
  'exports.deleteTemplate': ({ db, actor }, input) => deleteTemplate(db, actor, input.id),
  'exports.run': async ({ db, actor }, input) => {
    const file = await runExport(db, actor, input, { via: 'aplikasi' });
    const { bytes, ...rest } = file;
    return { ...rest, base64: bytes.toString('base64') };
  },
  'exports.log': ({ db }, input) => listExportLog(db, input),
} satisfies HandlersOf<typeof exportsContract>;
