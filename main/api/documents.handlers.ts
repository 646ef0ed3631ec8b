// TEMPORARY during issue 8 development: every method refuses until its service lands (replaced before resolve).
import { AppError } from '../domain/errors';
import { exportPublicKey, importPublicKey, listKeys } from '../services/documents/key-exchange';
import { verifyDocumentCode } from '../services/documents/verify';
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
  'documents.verify': ({ db, actor }, input) => verifyDocumentCode(db, actor, input.code),
  'documents.keys': ({ db }) => listKeys(db),
  'documents.exportKey': ({ db }) => exportPublicKey(db),
  'documents.importKey': ({ db, actor }, input) => importPublicKey(db, actor, input.fileBase64),
} satisfies HandlersOf<typeof documentsContract>;
