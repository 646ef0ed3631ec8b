/**
 * Documents: settings (kop, paper, numbering, templates, signatories), issuing and printing letters
 * and lists, wisuda batches, the register, and verification by QR code. PDFs are made in the main process and
 * cross as bytes (base64); the same bytes are previewed, printed and saved.
 */
import { z } from 'zod';
import type { DocumentSettings, DocumentTemplate, Signatory } from '../../db/schema';
import {
  batchPlanSchema,
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
import { ROLES } from '../domain/enums';
import { type Page, pagingSchema } from '../domain/paging';
import type {
  BatchPlan,
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
  }>()(none, { roles: ROLES }),
  'documents.saveSettings': method<DocumentSettings>()(documentSettingsSchema, { roles: ['admin'] }),
  'documents.saveTemplate': method<DocumentTemplate>()(templateSchema, { roles: ['admin'] }),
  'documents.saveSignatory': method<Signatory>()(signatorySchema, { roles: ['admin'] }),
  /** The kop as it will print, on the chosen paper (a one-page sample letter). */
  'documents.kopPreview': method<PdfFile>()(z.object({ paper: z.enum(PAPERS).optional() }), {
    roles: ROLES,
    file: { unlogged: 'a sample letter under the kop: no family data' },
  }),

  'documents.forFamily': method<FamilyDocuments>()(z.object({ kpmId: z.number().int().positive() }), { roles: ROLES }),
  'documents.issue': method<{ document: RegisterRow; pdf: PdfFile }>()(issueFamilySchema, {
    roles: ISSUERS,
    file: 'logged',
  }),
  'documents.issueList': method<{ document: RegisterRow; pdf: PdfFile }>()(issueListSchema, {
    roles: ISSUERS,
    file: 'logged',
  }),
  /** What a wisuda batch of these kinds would print now: new documents, and those the families already hold. */
  'documents.batchPlan': method<BatchPlan>()(batchPlanSchema, { roles: ISSUERS }),
  /** Starts a wisuda batch; poll documents.batchProgress, then fetch documents.batchResult. */
  'documents.batchStart': method<{ jobId: string }>()(batchSchema, { roles: ISSUERS }),
  'documents.batchProgress': method<BatchProgress>()(jobRef, { roles: ISSUERS }),
  'documents.batchCancel': method<{ cancelled: boolean }>()(jobRef, { roles: ISSUERS }),
  'documents.batchResult': method<PdfFile>()(jobRef, { roles: ISSUERS, file: 'logged' }),
  /** Prints an issued document again from what it printed (SALINAN when the office wants it). */
  'documents.print': method<PdfFile>()(id, { roles: ISSUERS, file: 'logged' }),
  'documents.printBatch': method<PdfFile>()(id, { roles: ISSUERS, file: 'logged' }),
  'documents.register': method<Page<RegisterRow>>()(registerSchema, { roles: ROLES }),
  'documents.registerXlsx': method<{ fileName: string; base64: string; rows: number }>()(registerFilterSchema, {
    roles: ROLES,
    file: 'logged',
  }),
  'documents.void': method<RegisterRow>()(voidSchema, { roles: DOCUMENT_DUTIES.void }),

  'documents.verify': method<VerifyResult>()(z.object({ code: z.string().max(1000) }), { roles: ROLES }),
  'documents.keys': method<KeyView[]>()(none, { roles: ROLES }),
  /** The office's public key as a file another office can import. */
  'documents.exportKey': method<{ fileName: string; base64: string }>()(none, {
    roles: ROLES,
    file: { unlogged: "the office's public verification key: no personal data" },
  }),
  'documents.importKey': method<KeyView>()(z.object({ fileBase64: z.string().min(1).max(100_000) }), {
    roles: ['admin'],
  }),
} as const;
