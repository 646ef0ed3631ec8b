import { fileFilters } from '../domain/export-log';
import { todayIso } from '../domain/format';
import { listComplaints, saveComplaint } from '../services/evaluation/complaints';
import { monthReportPdf, monthReportXlsx } from '../services/evaluation/files';
import { evaluationMonth, pendampingMonth } from '../services/evaluation/month';
import { recordEvaluation, saveMonthNotes } from '../services/evaluation/record';
import { getEvaluationSettings, saveEvaluationSettings } from '../services/evaluation/settings';
import { logged } from '../services/exports/log';
import type { evaluationContract } from './evaluation.contract';
import type { HandlersOf } from './handlers';

/** The report names a pendamping and their figures: logged like the other pendamping reports. */
const reportLog = (input: { pendampingId: number; month: string }) => ({
  kind: 'pendamping_report' as const,
  templateName: 'Laporan kinerja bulanan pendamping',
  filters: fileFilters({ pendamping: input.pendampingId, bulan: input.month }),
  nikMode: 'none' as const,
});

export const evaluationHandlers = {
  'complaints.list': ({ db, actor }, input) => listComplaints(db, actor, input),
  'complaints.save': ({ db, actor, clock }, input) => saveComplaint(db, actor, input, todayIso(clock.now())),
  'evaluation.settings': ({ db }) => getEvaluationSettings(db),
  'evaluation.saveSettings': ({ db, actor }, input) => saveEvaluationSettings(db, actor, input),
  'evaluation.month': ({ db, actor }, input) => evaluationMonth(db, actor, input.month),
  'evaluation.report': ({ db, actor }, input) => pendampingMonth(db, actor, input.pendampingId, input.month),
  'evaluation.reportPdf': async ({ db, actor, clock }, input) => {
    const file = await monthReportPdf(db, actor, input, todayIso(clock.now()));
    return logged(db, actor, file, { ...reportLog(input), templateKey: 'evaluation.reportPdf', rows: file.pages });
  },
  'evaluation.reportXlsx': async ({ db, actor }, input) => {
    const file = await monthReportXlsx(db, actor, input);
    return logged(db, actor, file, { ...reportLog(input), templateKey: 'evaluation.reportXlsx', rows: file.rows });
  },
  'evaluation.saveNotes': ({ db, actor }, input) => saveMonthNotes(db, actor, input),
  'evaluation.record': ({ db, actor }, input) => recordEvaluation(db, actor, input),
} satisfies HandlersOf<typeof evaluationContract>;
