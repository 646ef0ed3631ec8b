/**
 * Reports with charts: per kecamatan, desa and pendamping for a period, as data for the page,
 * an .xlsx and a printable PDF; one pendamping's report as a PDF for their monthly performance report.
 * Every role may read them.
 */
import { areaReportSchema, pendampingReportSchema } from '../domain/reports';
import type { PdfFile } from '../services/documents/types';
import type { AreaReport } from '../services/reports/area';
import type { PendampingReport } from '../services/reports/pendamping';
import { method } from './method';

export type { AreaReport, AreaRow, MonthRow } from '../services/reports/area';
export type { PendampingReport } from '../services/reports/pendamping';

export const reportsContract = {
  'reports.area': method<AreaReport>()(areaReportSchema, { duty: 'reports.view' }),
  'reports.areaXlsx': method<{ fileName: string; base64: string; rows: number }>()(areaReportSchema, {
    duty: 'reports.view',
    file: 'logged',
  }),
  'reports.areaPdf': method<PdfFile>()(areaReportSchema, { duty: 'reports.view', file: 'logged' }),
  'reports.pendamping': method<PendampingReport>()(pendampingReportSchema, { duty: 'reports.view' }),
  'reports.pendampingPdf': method<PdfFile>()(pendampingReportSchema, { duty: 'reports.view', file: 'logged' }),
} as const;
