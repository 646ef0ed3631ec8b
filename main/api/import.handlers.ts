import { AppError } from '../domain/errors';
import { pageWindow } from '../domain/paging';
import {
  cancelImport,
  chooseImport,
  commitImport,
  configureImport,
  duplicatesPage,
  getJob,
  importProgress,
  importReport,
  problemsPage,
  startImport,
} from '../services/import/jobs';
import { deleteMapping, listMappings, mappingByHeader, saveMapping } from '../services/import/mapping';
import { problemsXlsx } from '../services/import/report-xlsx';
import { countBatches, listBatches, undoBatch } from '../services/import/undo';
import type { HandlersOf } from './handlers';
import type { importContract } from './import.contract';

export const importHandlers = {
  'import.start': ({ db, actor }, { fileName, fileBase64, ...options }) => ({
    jobId: startImport(db, actor, {
      fileName,
      bytes: Buffer.from(fileBase64.replace(/^data:[^,]*,/, ''), 'base64'),
      ...options,
    }).id,
  }),
  'import.progress': ({ actor }, input) => importProgress(actor, input.jobId),
  'import.report': ({ actor }, input) => importReport(actor, input.jobId, input),
  'import.problems': ({ actor }, { jobId, page, pageSize, ...filters }) => ({
    ...problemsPage(actor, jobId, { ...pageWindow({ page, pageSize }), ...filters }),
    page,
    pageSize,
  }),
  'import.duplicates': ({ actor }, { jobId, page, pageSize, kind }) => ({
    ...duplicatesPage(actor, jobId, { ...pageWindow({ page, pageSize }), kind }),
    page,
    pageSize,
  }),
  'import.configure': ({ actor }, { jobId, ...options }) => ({ jobId: configureImport(actor, jobId, options).id }),
  'import.choose': ({ actor }, { jobId, ...choices }) => chooseImport(actor, jobId, choices),
  'import.commit': ({ db, actor }, input) => commitImport(db, actor, input.jobId, input.planId),
  'import.cancel': ({ actor }, input) => cancelImport(actor, input.jobId),
  'import.problemsXlsx': async ({ actor }, input) => {
    const file = await problemsXlsx(actor, input.jobId);
    return { fileName: file.fileName, base64: file.bytes.toString('base64'), rows: file.rows };
  },
  'import.batches': ({ db }, input) => {
    const { offset, limit } = pageWindow(input);
    return { items: listBatches(db, limit, offset), total: countBatches(db), ...input };
  },
  'import.undo': ({ db, actor }, input) => undoBatch(db, actor, input.batchId),
  'import.mappings': ({ db }) => listMappings(db),
  'import.saveMapping': ({ db, actor }, input) => {
    if (input.jobId) {
      const parsed = getJob(actor, input.jobId).parsed;
      if (!parsed) throw new AppError('CONFLICT', 'Pemeriksaan berkas belum selesai.');
      return saveMapping(db, actor, input.name, mappingByHeader(parsed.mapping, parsed.headers));
    }
    return saveMapping(db, actor, input.name, input.fields ?? {});
  },
  'import.deleteMapping': ({ db, actor }, input) => {
    deleteMapping(db, actor, input.id);
    return { done: true };
  },
} satisfies HandlersOf<typeof importContract>;
