import { fileFilters } from '../domain/export-log';
import { todayIso } from '../domain/format';
import { P2K2_AREA_LABEL, type P2k2ReportInput } from '../domain/p2k2-reports';
import { logged } from '../services/exports/log';
import { activeCriteria as criteriaOf } from '../services/graduation/assessments';
import { requireOwnFamilyById } from '../services/own-families';
import { absenceList } from '../services/p2k2-reports/absence';
import { familyP2k2 } from '../services/p2k2-reports/family';
import { p2k2ReportPdf, p2k2ReportXlsx } from '../services/p2k2-reports/files';
import { p2k2Report } from '../services/p2k2-reports/report';
import { siksDraft, siksParticipantsXlsx } from '../services/p2k2-reports/siks';
import { warnWithLetter } from '../services/p2k2-reports/teguran';
import { seesFullNik } from '../services/security-settings';
import type { HandlersOf } from './handlers';
import type { p2k2ReportsContract } from './p2k2-reports.contract';

const period = (input: { fromMonth: number; toMonth: number }) =>
  input.fromMonth === 1 && input.toMonth === 12 ? undefined : `bulan ${input.fromMonth}-${input.toMonth}`;

/** The report names pendamping and their groups' figures: logged like every report about people. */
const reportLog = (input: P2k2ReportInput) => ({
  kind: 'p2k2_report' as const,
  templateName: `Laporan P2K2 per ${P2K2_AREA_LABEL[input.area]}`,
  filters: fileFilters({
    tahun: input.year,
    periode: period(input),
    kecamatan: input.districtCode,
    pendamping: input.pendampingId,
  }),
  nikMode: 'none' as const,
});

export const p2k2ReportsHandlers = {
  'p2k2Reports.report': ({ db }, input) => p2k2Report(db, input),
  'p2k2Reports.reportXlsx': async ({ db, actor }, input) => {
    const file = await p2k2ReportXlsx(db, input);
    return logged(db, actor, file, { ...reportLog(input), templateKey: 'p2k2Reports.reportXlsx', rows: file.rows });
  },
  'p2k2Reports.reportPdf': async ({ db, actor }, input) => {
    const file = await p2k2ReportPdf(db, input);
    return logged(db, actor, file, { ...reportLog(input), templateKey: 'p2k2Reports.reportPdf', rows: file.pages });
  },
  'p2k2Reports.absence': ({ db }, input) =>
    absenceList(db, { year: input.year, fromMonth: input.fromMonth, toMonth: input.toMonth }, input.pendampingId),
  'p2k2Reports.warn': ({ db, actor, clock }, input) => warnWithLetter(db, actor, input, todayIso(clock.now())),
  'p2k2Reports.family': ({ db, actor, clock }, input) => {
    requireOwnFamilyById(db, actor, input.id);
    return familyP2k2(db, input.id, criteriaOf(db), todayIso(clock.now()));
  },
  'p2k2Reports.siks': ({ db }, input) => siksDraft(db, input.meetingId),
  'p2k2Reports.siksXlsx': async ({ db, actor }, input) => {
    const full = seesFullNik(db, actor.role);
    const file = await siksParticipantsXlsx(db, input.meetingId, full);
    return logged(db, actor, file, {
      templateKey: 'p2k2Reports.siksXlsx',
      templateName: 'Peserta P2K2 untuk SIKS-NG',
      kind: 'p2k2_participants',
      filters: fileFilters({ pertemuan: input.meetingId }),
      rows: file.rows,
      nikMode: full ? 'full' : 'masked',
    });
  },
} satisfies HandlersOf<typeof p2k2ReportsContract>;
