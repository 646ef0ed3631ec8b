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
import type { PagePublished } from '../services/documents/verification-folder';
import type { VerificationPageFile } from '../services/documents/verification-page';
import { id, method, none } from './method';

export type { DocumentSettings, DocumentTemplate, Signatory } from '../../db/schema';
export type * from '../services/documents/types';
export type { PagePublished } from '../services/documents/verification-folder';
export type { VerificationPageFile } from '../services/documents/verification-page';

const jobRef = z.object({ jobId: z.string().min(1).max(64) });
const registerSchema = pagingSchema.extend(registerFilterSchema.shape);

export const documentsContract = {
  'documents.settings': method<{
    settings: DocumentSettings;
    templates: DocumentTemplate[];
    signatories: Signatory[];
    head: HeadSignatory;
  }>()(none, { duty: 'documents.view' }),
  'documents.saveSettings': method<DocumentSettings>()(documentSettingsSchema, { duty: 'documents.settings' }),
  'documents.saveTemplate': method<DocumentTemplate>()(templateSchema, { duty: 'documents.settings' }),
  'documents.saveSignatory': method<Signatory>()(signatorySchema, { duty: 'documents.settings' }),
  /** The kop as it will print, on the chosen paper (a one-page sample letter). */
  'documents.kopPreview': method<PdfFile>()(z.object({ paper: z.enum(PAPERS).optional() }), {
    duty: 'documents.view',
    file: { unlogged: 'a sample letter under the kop: no family data' },
  }),

  'documents.forFamily': method<FamilyDocuments>()(z.object({ kpmId: z.number().int().positive() }), {
    duty: 'documents.view',
  }),
  'documents.issue': method<{ document: RegisterRow; pdf: PdfFile }>()(issueFamilySchema, {
    duty: 'documents.issue',
    file: 'logged',
  }),
  'documents.issueList': method<{ document: RegisterRow; pdf: PdfFile }>()(issueListSchema, {
    duty: 'documents.issue',
    file: 'logged',
  }),
  /** What a wisuda batch of these kinds would print now: new documents, and those the families already hold. */
  'documents.batchPlan': method<BatchPlan>()(batchPlanSchema, { duty: 'documents.issue' }),
  /** Starts a wisuda batch; poll documents.batchProgress, then fetch documents.batchResult. */
  'documents.batchStart': method<{ jobId: string }>()(batchSchema, { duty: 'documents.issue' }),
  'documents.batchProgress': method<BatchProgress>()(jobRef, { duty: 'documents.issue' }),
  'documents.batchCancel': method<{ cancelled: boolean }>()(jobRef, { duty: 'documents.issue' }),
  'documents.batchResult': method<PdfFile>()(jobRef, { duty: 'documents.issue', file: 'logged' }),
  /** Prints an issued document again from what it printed (SALINAN when the office wants it). */
  'documents.print': method<PdfFile>()(id, { duty: 'documents.issue', file: 'logged' }),
  'documents.printBatch': method<PdfFile>()(id, { duty: 'documents.issue', file: 'logged' }),
  'documents.register': method<Page<RegisterRow>>()(registerSchema, { duty: 'documents.view' }),
  'documents.registerXlsx': method<{ fileName: string; base64: string; rows: number }>()(registerFilterSchema, {
    duty: 'documents.view',
    file: 'logged',
  }),
  /** Voids a letter, then writes the verification page again to its folder when one is set (shown when it fails). */
  'documents.void': method<{ document: RegisterRow; verificationPage: PagePublished | null }>()(voidSchema, {
    duty: 'documents.void',
  }),

  'documents.verify': method<VerifyResult>()(z.object({ code: z.string().max(1000) }), { duty: 'documents.view' }),
  'documents.keys': method<KeyView[]>()(none, { duty: 'documents.view' }),
  /** The office's public key as a file another office can import. */
  'documents.exportKey': method<{ fileName: string; base64: string }>()(none, {
    duty: 'documents.view',
    file: { unlogged: "the office's public verification key: no personal data" },
  }),
  /** The static verification page for the office website (public keys and voided numbers only), audited. */
  'documents.verificationPage': method<VerificationPageFile>()(none, {
    duty: 'documents.settings',
    file: { unlogged: 'public keys and voided letter numbers: no personal data; audited as a download' },
  }),
  'documents.importKey': method<KeyView>()(z.object({ fileBase64: z.string().min(1).max(100_000) }), {
    duty: 'documents.settings',
  }),
} as const;
