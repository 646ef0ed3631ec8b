/** The registry of families (KPM): the list, one family, and its changes. */
import { z } from 'zod';
import { type Page, pagingSchema } from '../domain/paging';
import { kpmSchema, kpmSearchSchema } from '../domain/schemas';
import type { PdfFile } from '../services/documents/types';
import type { SaveResult } from '../services/kpm';
import type { KpmListRow } from '../services/kpm-search';
import type { KpmView } from '../services/privacy/nik-view';
import { id, method } from './method';

// Types the renderer needs that are part of an output, not a whole one (it imports them from here).
export type { AuditEntry } from '../../db/schema';
export type { FieldWarning } from '../services/kpm';

/** The list's filters and sort, paged like every list. */
export const kpmListSchema = kpmSearchSchema.extend(pagingSchema.shape);

export const kpmUpdateSchema = z.object({ id: z.number().int().positive(), data: kpmSchema });

export const kpmContract = {
  'kpm.search': method<Page<KpmListRow>>()(kpmListSchema, { duty: 'families.viewOwn' }),
  'kpm.get': method<KpmView>()(id, { duty: 'families.viewOwn' }),
  /** Everything stored about one family, as PDF (UU PDP); fullNikRoles only, checked in the service. */
  'kpm.privacyReport': method<PdfFile>()(id, { duty: 'families.view', file: 'logged' }),
  'kpm.create': method<SaveResult>()(kpmSchema, { duty: 'families.edit' }),
  'kpm.update': method<SaveResult>()(kpmUpdateSchema, { duty: 'families.edit' }),
} as const;
