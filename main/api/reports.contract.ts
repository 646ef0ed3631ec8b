import { ROLES } from '../domain/enums';
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
  'reports.area': method<AreaReport>()(areaReportSchema, { roles: ROLES }),
  'reports.areaXlsx': method<{ fileName: string; base64: string; rows: number }>()(areaReportSchema, {
    roles: ROLES,
    file: 'logged',
  }),
  'reports.areaPdf': method<PdfFile>()(areaReportSchema, { roles: ROLES, file: 'logged' }),
  'reports.pendamping': method<PendampingReport>()(pendampingReportSchema, { roles: ROLES }),
  'reports.pendampingPdf': method<PdfFile>()(pendampingReportSchema, { roles: ROLES, file: 'logged' }),
} as const;
