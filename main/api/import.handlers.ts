import { AppError } from '../domain/errors';
import { pageWindow } from '../domain/paging';
import { logged } from '../services/exports/log';
import {
  cancelImport,
  chooseImport,
  commitImport,
  configureImport,
  importProgress,
  startImport,
} from '../services/import/jobs';
import { deleteMapping, listMappings, mappingByHeader, saveMapping } from '../services/import/mapping';
import { duplicatesPage, importReport, problemsPage } from '../services/import/report';
import { problemsXlsx } from '../services/import/report-xlsx';
import { countBatches, listBatches, undoBatch } from '../services/import/undo';
import type { HandlersOf } from './handlers';
import type { importContract } from './import.contract';

export const importHandlers = {
  'import.start': ({ db, importJobs, actor }, { fileName, fileBase64, ...options }) => ({
    jobId: startImport(importJobs, db, actor, {
      fileName,
      bytes: Buffer.from(fileBase64.replace(/^data:[^,]*,/, ''), 'base64'),
      ...options,
    }).id,
  }),
  'import.progress': ({ importJobs, actor }, input) => importProgress(importJobs, actor, input.jobId),
  'import.report': ({ importJobs, actor }, input) => importReport(importJobs, actor, input.jobId, input),
  'import.problems': ({ importJobs, actor }, { jobId, page, pageSize, ...filters }) => ({
    ...problemsPage(importJobs, actor, jobId, { ...pageWindow({ page, pageSize }), ...filters }),
    page,
    pageSize,
  }),
  'import.duplicates': ({ importJobs, actor }, { jobId, page, pageSize, kind }) => ({
    ...duplicatesPage(importJobs, actor, jobId, { ...pageWindow({ page, pageSize }), kind }),
    page,
    pageSize,
  }),
  'import.configure': ({ importJobs, actor }, { jobId, ...options }) => ({
    jobId: configureImport(importJobs, actor, jobId, options).id,
  }),
  'import.choose': ({ importJobs, actor }, { jobId, ...choices }) => chooseImport(importJobs, actor, jobId, choices),
  'import.commit': ({ db, importJobs, actor }, input) => commitImport(importJobs, db, actor, input.jobId, input.planId),
  'import.cancel': ({ importJobs, actor }, input) => cancelImport(importJobs, actor, input.jobId),
  'import.problemsXlsx': async ({ db, importJobs, actor }, input) => {
    const made = await problemsXlsx(importJobs, actor, input.jobId);
    const file = { fileName: made.fileName, base64: made.bytes.toString('base64'), rows: made.rows };
    // The problem rows are the imported file's own rows, NIKs as they were written.
    return logged(db, actor, file, {
      templateKey: 'import.problemsXlsx',
      templateName: 'Baris bermasalah impor',
      kind: 'import_problems',
      filters: { berkas: made.fileName.replace(/-masalah\.xlsx$/, '') },
      rows: made.rows,
      nikMode: 'full',
    });
  },
  'import.batches': ({ db }, input) => {
    const { offset, limit } = pageWindow(input);
    return { items: listBatches(db, limit, offset), total: countBatches(db), ...input };
  },
  'import.undo': ({ db, actor }, input) => undoBatch(db, actor, input.batchId),
  'import.mappings': ({ db }) => listMappings(db),
  'import.saveMapping': ({ db, importJobs, actor }, input) => {
    if (input.jobId) {
      const parsed = importJobs.get(actor, input.jobId).parsed;
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
