/**
 * Exports for the ministry and the province (issue 10): the kinds of data, the file formats, and the shape of a
 * template (columns with their header names, filters, format, title row). Built-in templates and the column
 * catalogue of each kind live here too, so the renderer, the services and the command line read one list.
 */
import { z } from 'zod';
import { KPM_STATUS } from './enums';

/** What an export lists: one row per graduation (proposal/decision), family member, award recipient or visit. */
export const EXPORT_KINDS = ['graduation', 'registry', 'awards', 'visits'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_KIND_LABEL: Record<ExportKind, string> = {
  graduation: 'Usulan dan penetapan graduasi',
  registry: 'Data KPM dan anggota keluarga',
  awards: 'Penerima bantuan usaha',
  visits: 'Kunjungan pemantauan',
};

/** xlsx, or CSV (UTF-8 with BOM) with Indonesian Excel's `;` or a plain `,`. */
export const EXPORT_FORMATS = ['xlsx', 'csv_semicolon', 'csv_comma'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How the NIK and No. KK leave: in full (only for roles that may see them) or masked (3528********0001). */
export const NIK_MODES = ['full', 'masked'] as const;
export type NikMode = (typeof NIK_MODES)[number];

export const exportColumnSchema = z.object({
  /** A key of the kind's column catalogue. */
  key: z.string().min(1).max(64),
  /** The header printed in the file. */
  header: z.string().trim().min(1, 'Judul kolom wajib diisi.').max(100, 'Judul kolom paling banyak 100 karakter.'),
});
export type ExportColumn = z.infer<typeof exportColumnSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berbentuk tttt-bb-hh.');

export const exportFiltersSchema = z.object({
  status: z.array(z.enum(KPM_STATUS)).max(KPM_STATUS.length).optional(),
  /** Graduation stage (e.g. diusulkan, ditetapkan) or award stage, by kind. */
  stage: z.string().max(40).optional(),
  periodFrom: isoDate.optional(),
  periodTo: isoDate.optional(),
  kecamatanCode: z.string().max(20).optional(),
  desaCode: z.string().max(20).optional(),
  pendampingId: z.number().int().positive().optional(),
});
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export const exportTemplateSchema = z.object({
  name: z.string().trim().min(1, 'Nama templat wajib diisi.').max(100, 'Nama templat paling banyak 100 karakter.'),
  kind: z.enum(EXPORT_KINDS),
  columns: z.array(exportColumnSchema).min(1, 'Pilih paling sedikit satu kolom.').max(80),
  filters: exportFiltersSchema,
  format: z.enum(EXPORT_FORMATS),
  /** A line printed above the header (offices often put the report's name there); null for none. */
  titleRow: z.string().trim().max(200).nullable(),
});
export type ExportTemplateInput = z.infer<typeof exportTemplateSchema>;
