/**
 * Exports for the ministry: built-in and office templates, running an export (the file comes back
 * as bytes, base64), and the export log the personal-data law asks for.
 */
import { z } from 'zod';
import type { ExportLogEntry } from '../../db/schema';
import { type ExportKind, exportTemplateSchema, NIK_MODES, type NikMode } from '../domain/exports';
import { type Page, pagingSchema } from '../domain/paging';
import type { ExportTemplateView } from '../services/exports/templates';
import { id, method, none } from './method';

export type { ExportLogEntry } from '../../db/schema';
export type { ExportTemplateView } from '../services/exports/templates';

/** One column a kind can export; `type` decides the cell (text for identifiers, real dates, whole rupiah). */
export interface CatalogueColumn {
  key: string;
  header: string;
  type: 'text' | 'id' | 'date' | 'money' | 'number';
}

export interface ExportCatalogue {
  /** Each kind with its columns and the stages its stage filter takes (value -> label). */
  kinds: { kind: ExportKind; label: string; columns: CatalogueColumn[]; stages: { value: string; label: string }[] }[];
  /** The role's NIK mode when it asks for the full NIK: 'masked' for roles that may not see it. */
  allowedNikModes: NikMode[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
  nikMode: NikMode;
  logId: number;
}

export const runExportSchema = z.object({
  /** The template the export started from ('bawaan:graduation', 'templat:12'): the log names it. */
  templateKey: z.string().min(1).max(80),
  /** Its columns, filters and format as the user left them on the page (a change need not be saved first). */
  template: exportTemplateSchema,
  nikMode: z.enum(NIK_MODES),
});

export const saveTemplateSchema = exportTemplateSchema.extend({ id: z.number().int().positive().optional() });

export const exportLogFilterSchema = pagingSchema.extend({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  username: z.string().max(64).optional(),
});

export const exportsContract = {
  'exports.catalogue': method<ExportCatalogue>()(none, { duty: 'exports.run' }),
  'exports.templates': method<ExportTemplateView[]>()(none, { duty: 'exports.run' }),
  /** How many rows the template would export now, asked before the file is made. */
  'exports.count': method<{ rows: number }>()(exportTemplateSchema, { duty: 'exports.run' }),
  'exports.saveTemplate': method<ExportTemplateView>()(saveTemplateSchema, { duty: 'exports.templates' }),
  'exports.deleteTemplate': method<{ done: true }>()(id, { duty: 'exports.templates' }),
  'exports.run': method<ExportFile>()(runExportSchema, { duty: 'exports.run', file: 'logged' }),
  'exports.log': method<Page<ExportLogEntry>>()(exportLogFilterSchema, { duty: 'exports.log' }),
} as const;
