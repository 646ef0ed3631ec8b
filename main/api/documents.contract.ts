/**
 * Documents (issue 8): settings (kop, paper, numbering, templates, signatories), issuing and printing letters
 * and lists, wisuda batches, the register, and verification by QR code. PDFs are made in the main process and
 * cross as bytes (base64); the same bytes are previewed, printed and saved.
 */
import { z } from 'zod';
import type { DocumentSettings, DocumentTemplate, Signatory } from '../../db/schema';
import {
  batchSchema,
  documentSettingsSchema,
  issueFamilySchema,
  issueListSchema,
  PAPERS,
  registerFilterSchema,
  signatorySchema,
  templateSchema,
  voidSchema,
} from '../domain/documents';
import { DOCUMENT_DUTIES } from '../domain/duties';
import { type Page, pagingSchema } from '../domain/paging';
import type {
  BatchProgress,
  FamilyDocuments,
  HeadSignatory,
  KeyView,
  PdfFile,
  RegisterRow,
  VerifyResult,
} from '../services/documents/types';
import { id, method, none } from './method';

export type { DocumentSettings, DocumentTemplate, Signatory } from '../../db/schema';
export type * from '../services/documents/types';

/** Who issues, prints and voids: the office staff who prepare letters and the head who signs them. */
const ISSUERS = DOCUMENT_DUTIES.issue;
const jobRef = z.object({ jobId: z.string().min(1).max(64) });
const registerSchema = pagingSchema.extend(registerFilterSchema.shape);

export const documentsContract = {
  'documents.settings': method<{
    settings: DocumentSettings;
    templates: DocumentTemplate[];
    signatories: Signatory[];
    head: HeadSignatory;
  }>()(none),
  'documents.saveSettings': method<DocumentSettings>()(documentSettingsSchema, { roles: ['admin'] }),
  'documents.saveTemplate': method<DocumentTemplate>()(templateSchema, { roles: ['admin'] }),
  'documents.saveSignatory': method<Signatory>()(signatorySchema, { roles: ['admin'] }),
  /** The kop as it will print, on the chosen paper (a one-page sample letter). */
  'documents.kopPreview': method<PdfFile>()(z.object({ paper: z.enum(PAPERS).optional() })),

  'documents.forFamily': method<FamilyDocuments>()(z.object({ kpmId: z.number().int().positive() })),
  'documents.issue': method<{ document: RegisterRow; pdf: PdfFile }>()(issueFamilySchema, { roles: ISSUERS }),
  'documents.issueList': method<{ document: RegisterRow; pdf: PdfFile }>()(issueListSchema, { roles: ISSUERS }),
  /** Starts a wisuda batch; poll documents.batchProgress, then fetch documents.batchResult. */
  'documents.batchStart': method<{ jobId: string }>()(batchSchema, { roles: ISSUERS }),
  'documents.batchProgress': method<BatchProgress>()(jobRef, { roles: ISSUERS }),
  'documents.batchCancel': method<{ cancelled: boolean }>()(jobRef, { roles: ISSUERS }),
  'documents.batchResult': method<PdfFile>()(jobRef, { roles: ISSUERS }),
  /** Prints an issued document again from what it printed (SALINAN when the office wants it). */
  'documents.print': method<PdfFile>()(id, { roles: ISSUERS }),
  'documents.printBatch': method<PdfFile>()(id, { roles: ISSUERS }),
  'documents.register': method<Page<RegisterRow>>()(registerSchema),
  'documents.registerXlsx': method<{ fileName: string; base64: string; rows: number }>()(registerFilterSchema),
  'documents.void': method<RegisterRow>()(voidSchema, { roles: DOCUMENT_DUTIES.void }),

  'documents.verify': method<VerifyResult>()(z.object({ code: z.string().max(1000) })),
  'documents.keys': method<KeyView[]>()(none),
  /** The office's public key as a file another office can import. */
  'documents.exportKey': method<{ fileName: string; base64: string }>()(none),
  'documents.importKey': method<KeyView>()(z.object({ fileBase64: z.string().min(1).max(100_000) }), {
    roles: ['admin'],
  }),
} as const;
