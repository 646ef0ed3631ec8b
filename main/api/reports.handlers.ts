import { fileFilters } from '../domain/export-log';
import { type AreaReportInput, REPORT_GROUP_LABEL } from '../domain/reports';
import { logged } from '../services/exports/log';
import { areaReport } from '../services/reports/area';
import { areaReportPdf, areaReportXlsx, pendampingReportPdf } from '../services/reports/files';
import { pendampingReport } from '../services/reports/pendamping';
import type { HandlersOf } from './handlers';
import type { reportsContract } from './reports.contract';

const period = (input: { year: number; fromMonth: number; toMonth: number }) =>
  input.fromMonth === 1 && input.toMonth === 12 ? undefined : `bulan ${input.fromMonth}-${input.toMonth}`;

/** The area report names pendamping and their results per area: logged like every file about people. */
const areaLog = (input: AreaReportInput) => ({
  kind: 'area_report' as const,
  templateName: `Laporan graduasi per ${REPORT_GROUP_LABEL[input.group]}`,
  filters: fileFilters({ tahun: input.year, periode: period(input), kecamatan: input.districtCode }),
  nikMode: 'none' as const,
});

export const reportsHandlers = {
  'reports.area': ({ db }, input) => areaReport(db, input),
  'reports.areaXlsx': async ({ db, actor }, input) => {
    const file = await areaReportXlsx(db, input);
    return logged(db, actor, file, { ...areaLog(input), templateKey: 'reports.areaXlsx', rows: file.rows });
  },
  'reports.areaPdf': async ({ db, actor }, input) => {
    const file = await areaReportPdf(db, input);
    return logged(db, actor, file, { ...areaLog(input), templateKey: 'reports.areaPdf', rows: file.pages });
  },
  'reports.pendamping': ({ db }, input) => pendampingReport(db, input),
  'reports.pendampingPdf': async ({ db, actor }, input) => {
    const file = await pendampingReportPdf(db, input);
    return logged(db, actor, file, {
      templateKey: 'reports.pendampingPdf',
      templateName: 'Laporan kinerja pendamping',
      kind: 'pendamping_report',
      filters: fileFilters({ pendamping: input.pendampingId, tahun: input.year, periode: period(input) }),
      rows: file.pages,
      nikMode: 'none',
    });
  },
} satisfies HandlersOf<typeof reportsContract>;
