// TEMPORARY during issue 9 development: every method refuses until its service lands (replaced before resolve).
import { AppError } from '../domain/errors';
import { awardReportPdf } from '../services/awards/report-pdf';
import { awardReportXlsx } from '../services/awards/report-xlsx';
import { awardReport, budgetUse } from '../services/awards/reports';
import type { awardsContract } from './awards.contract';
import type { HandlersOf } from './handlers';

const notYet = (): never => {
  throw new AppError('INTERNAL', 'Fitur bantuan sedang dibangun.');
};

export const awardsHandlers = {
  'awards.programs': notYet,
  'awards.program': notYet,
  'awards.saveProgram': notYet,
  'awards.items': notYet,
  'awards.saveItem': notYet,
  'awards.eligible': notYet,
  'awards.plan': notYet,
  'awards.list': notYet,
  'awards.get': notYet,
  'awards.forFamily': notYet,
  'awards.approve': notYet,
  'awards.cancel': notYet,
  'awards.handover': notYet,
  'awards.recipientsList': notYet,
  'awards.correct': notYet,
  'awards.report': ({ db }, input) => awardReport(db, input),
  'awards.reportXlsx': ({ db }, input) => awardReportXlsx(db, input),
  'awards.reportPdf': ({ db }, input) => awardReportPdf(db, input),
  'awards.budgetUse': ({ db }, input) => budgetUse(db, input.year),
} satisfies HandlersOf<typeof awardsContract>;
