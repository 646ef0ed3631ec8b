/**
 * Verifikasi komitmen: the school attendance form (preview, then commit), health visits by hand or from a
 * sheet, the quarter's non-compliant families (page, xlsx, PDF), a family's record and the threshold setting.
 * Who may do what is VERKOM_DUTIES (main/domain/duties.ts); a pendamping sees its own families only.
 */
import { z } from 'zod';
import {
  familyCommitmentsSchema,
  healthRecordSchema,
  healthSheetSchema,
  quarterSchema,
  schoolFormCommitSchema,
  schoolFormSchema,
  thresholdSchema,
} from '../domain/verkom';
import type { PdfFile } from '../services/documents/types';
import type { FamilyCommitments, QuarterNonCompliance } from '../services/verkom/quarter';
import type { SchoolFormCommitted, SchoolFormPreview } from '../services/verkom/school-import';
import { MB, method } from './method';

export type { FamilyCommitments, QuarterNonCompliance } from '../services/verkom/quarter';
export type { SchoolFormCommitted, SchoolFormPreview } from '../services/verkom/school-import';

type XlsxFile = { fileName: string; base64: string; rows: number };
const FORM_BYTES = 30 * MB;

export const verkomContract = {
  /** Reads and matches the form; writes nothing. Unmatched rows come back with their row number and why. */
  'verkom.school.preview': method<SchoolFormPreview>()(schoolFormSchema, {
    duty: 'verkom.import',
    maxBodyBytes: FORM_BYTES,
  }),
  /** Writes the matched months of the previewed file (same SHA-256), all or nothing, audited. */
  'verkom.school.commit': method<SchoolFormCommitted>()(schoolFormCommitSchema, {
    duty: 'verkom.import',
    maxBodyBytes: FORM_BYTES,
  }),
  'verkom.health.record': method<{ saved: boolean }>()(healthRecordSchema, { duty: 'verkom.record' }),
  /** NIK, BULAN, JENIS, HADIR: all rows or none. */
  'verkom.health.sheet': method<{ records: number }>()(healthSheetSchema, {
    duty: 'verkom.record',
    maxBodyBytes: 10 * MB,
  }),
  'verkom.quarter': method<QuarterNonCompliance>()(quarterSchema, { duty: 'verkom.view' }),
  'verkom.quarterXlsx': method<XlsxFile>()(quarterSchema, { duty: 'verkom.view', file: 'logged' }),
  'verkom.quarterPdf': method<PdfFile>()(quarterSchema, { duty: 'verkom.view', file: 'logged' }),
  'verkom.family': method<FamilyCommitments>()(familyCommitmentsSchema, { duty: 'verkom.view' }),
  'verkom.settings.get': method<{ thresholdPercent: number }>()(z.object({}).default({}), { duty: 'verkom.view' }),
  'verkom.settings.update': method<{ thresholdPercent: number }>()(thresholdSchema, { duty: 'verkom.settings' }),
} as const;
