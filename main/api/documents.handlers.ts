// TEMPORARY during issue 8 development: every method refuses until its service lands (replaced before resolve).
import { AppError } from '../domain/errors';
import type { documentsContract } from './documents.contract';
import type { HandlersOf } from './handlers';

const notYet = (): never => {
  throw new AppError('INTERNAL', 'Fitur dokumen sedang dibangun.');
};

export const documentsHandlers = {
  'documents.settings': notYet,
  'documents.saveSettings': notYet,
  'documents.saveTemplate': notYet,
  'documents.saveSignatory': notYet,
  'documents.kopPreview': notYet,
  'documents.forFamily': notYet,
  'documents.issue': notYet,
  'documents.issueList': notYet,
  'documents.batchStart': notYet,
  'documents.batchProgress': notYet,
  'documents.batchCancel': notYet,
  'documents.batchResult': notYet,
  'documents.print': notYet,
  'documents.printBatch': notYet,
  'documents.register': notYet,
  'documents.registerXlsx': notYet,
  'documents.void': notYet,
  'documents.verify': notYet,
  'documents.keys': notYet,
  'documents.exportKey': notYet,
  'documents.importKey': notYet,
} satisfies HandlersOf<typeof documentsContract>;
