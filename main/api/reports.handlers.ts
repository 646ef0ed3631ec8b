import { areaReport } from '../services/reports/area';
import { areaReportPdf, areaReportXlsx, pendampingReportPdf } from '../services/reports/files';
import { pendampingReport } from '../services/reports/pendamping';
import type { HandlersOf } from './handlers';
import type { reportsContract } from './reports.contract';

export const reportsHandlers = {
  'reports.area': ({ db }, input) => areaReport(db, input),
  'reports.areaXlsx': ({ db }, input) => areaReportXlsx(db, input),
  'reports.areaPdf': ({ db }, input) => areaReportPdf(db, input),
  'reports.pendamping': ({ db }, input) => pendampingReport(db, input),
  'reports.pendampingPdf': ({ db }, input) => pendampingReportPdf(db, input),
} satisfies HandlersOf<typeof reportsContract>;
