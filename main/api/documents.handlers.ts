/** Documents: settings, issuing, the wisuda batch, printing, the register and verification. */
import { DOCUMENT_KIND_LABEL } from '../domain/documents';
import { fileFilters } from '../domain/export-log';
import { batchProgress, batchResult, cancelBatch, planBatch, startBatch } from '../services/documents/batch';
import { documentsForFamily } from '../services/documents/family';
import { issueFamilyDocument, issueListDocument } from '../services/documents/issue';
import { exportPublicKey, importPublicKey, listKeys } from '../services/documents/key-exchange';
import { kopPreview } from '../services/documents/pdf';
import { reprintBatch, reprintDocument } from '../services/documents/print';
import { listRegister, registerXlsx, voidDocument } from '../services/documents/register';
import { documentSetup, saveDocumentSettings, saveSignatory, saveTemplate } from '../services/documents/settings';
import { publishVerificationPage } from '../services/documents/verification-folder';
import { downloadVerificationPage } from '../services/documents/verification-page';
import { verifyDocumentCode } from '../services/documents/verify';
import { logged } from '../services/exports/log';
import type { documentsContract } from './documents.contract';
import type { HandlersOf } from './handlers';

export const documentsHandlers = {
  'documents.settings': ({ db }) => documentSetup(db),
  'documents.saveSettings': ({ db, actor }, input) => saveDocumentSettings(db, actor, input),
  'documents.saveTemplate': ({ db, actor }, input) => saveTemplate(db, actor, input),
  'documents.saveSignatory': ({ db, actor }, input) => saveSignatory(db, actor, input),
  'documents.kopPreview': ({ db }, input) => kopPreview(db, input.paper),
  'documents.forFamily': ({ db }, input) => documentsForFamily(db, input.kpmId),
  'documents.issue': ({ db, actor }, input) => issueFamilyDocument(db, actor, input),
  'documents.issueList': ({ db, actor }, input) => issueListDocument(db, actor, input),
  'documents.batchPlan': ({ db }, input) => planBatch(db, input),
  'documents.batchStart': ({ db, batchJobs, actor }, input) => startBatch(batchJobs, db, actor, input),
  'documents.batchProgress': ({ batchJobs, actor }, input) => batchProgress(batchJobs, actor, input.jobId),
  'documents.batchCancel': ({ batchJobs, actor }, input) => cancelBatch(batchJobs, actor, input.jobId),
  'documents.batchResult': ({ db, batchJobs, actor }, input) => batchResult(batchJobs, db, actor, input.jobId),
  'documents.print': ({ db, actor }, input) => reprintDocument(db, actor, input.id),
  'documents.printBatch': ({ db, actor }, input) => reprintBatch(db, actor, input.id),
  'documents.register': ({ db }, input) => listRegister(db, input),
  'documents.registerXlsx': async ({ db, actor }, input) => {
    const file = await registerXlsx(db, input);
    return logged(db, actor, file, {
      templateKey: 'documents.registerXlsx',
      templateName: 'Agenda surat keluar',
      kind: 'document_register',
      filters: fileFilters({
        cari: input.q,
        jenis: input.kind && DOCUMENT_KIND_LABEL[input.kind],
        tahun: input.year,
        keadaan: input.state,
      }),
      rows: file.rows,
      nikMode: 'none',
    });
  },
  'documents.void': ({ db, actor, clock }, input) => {
    const document = voidDocument(db, actor, input);
    // After the void's own transaction: the voiding stands even when the page cannot be written.
    return { document, verificationPage: publishVerificationPage(db, actor, clock.now()) };
  },
  'documents.verify': ({ db, actor }, input) => verifyDocumentCode(db, actor, input.code),
  'documents.keys': ({ db }) => listKeys(db),
  'documents.exportKey': ({ db }) => exportPublicKey(db),
  'documents.verificationPage': ({ db, actor, clock }) => downloadVerificationPage(db, actor, clock.now()),
  'documents.importKey': ({ db, actor }, input) => importPublicKey(db, actor, input.fileBase64),
} satisfies HandlersOf<typeof documentsContract>;
