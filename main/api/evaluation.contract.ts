/**
 * The pendamping's month: the complaints log, the monthly performance report (figures, notes, PDF and xlsx), the
 * office's evaluation page and its settings. Every method is scoped in its service: a pendamping account sees its own
 * families' complaints and its own report and evaluation only.
 */
import {
  complaintListSchema,
  complaintSaveSchema,
  evaluationMonthSchema,
  evaluationRecordSchema,
  evaluationSettingsSchema,
  monthNotesSchema,
  pendampingMonthSchema,
  reportFileSchema,
} from '../domain/evaluation';
import type { Page } from '../domain/paging';
import type { PdfFile } from '../services/documents/types';
import type { ComplaintRow } from '../services/evaluation/complaints';
import type { EvaluationMonth, PendampingMonth } from '../services/evaluation/month';
import type { EvaluationSettingsView } from '../services/evaluation/settings';
import { method, none } from './method';

export type { ComplaintRow } from '../services/evaluation/complaints';
export type { EvaluationMonth, EvaluationRow, PendampingMonth } from '../services/evaluation/month';
export type { EvaluationSettingsView } from '../services/evaluation/settings';

type XlsxFile = { fileName: string; base64: string; rows: number };

export const evaluationContract = {
  'complaints.list': method<Page<ComplaintRow>>()(complaintListSchema, { duty: 'complaints.view' }),
  'complaints.save': method<ComplaintRow>()(complaintSaveSchema, { duty: 'complaints.record' }),
  /** Indicators, weights, complaint categories and the figures an indicator may be tied to. */
  'evaluation.settings': method<EvaluationSettingsView>()(none, { duty: 'evaluation.view' }),
  'evaluation.saveSettings': method<EvaluationSettingsView>()(evaluationSettingsSchema, {
    duty: 'evaluation.settings',
  }),
  /** Every pendamping's month ranked, the lowest flagged (a pendamping: its own row). */
  'evaluation.month': method<EvaluationMonth>()(evaluationMonthSchema, { duty: 'evaluation.view' }),
  /** One pendamping's monthly performance report. */
  'evaluation.report': method<PendampingMonth>()(pendampingMonthSchema, { duty: 'evaluation.view' }),
  'evaluation.reportPdf': method<PdfFile>()(reportFileSchema, { duty: 'evaluation.view', file: 'logged' }),
  'evaluation.reportXlsx': method<XlsxFile>()(pendampingMonthSchema, { duty: 'evaluation.view', file: 'logged' }),
  'evaluation.saveNotes': method<{ notes: string }>()(monthNotesSchema, { duty: 'evaluation.notes' }),
  'evaluation.record': method<{ total: number }>()(evaluationRecordSchema, { duty: 'evaluation.evaluate' }),
} as const;
