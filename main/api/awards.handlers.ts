// TEMPORARY during issue 9 development: every method refuses until its service lands (replaced before resolve).
import { AppError } from '../domain/errors';
import { handOver, recipientsList } from '../services/awards/handover';
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
  'awards.handover': ({ db, actor }, input) => handOver(db, actor, input),
  'awards.recipientsList': ({ db, actor }, input) => recipientsList(db, actor, input.programId, input.handoverDate),
  'awards.correct': notYet,
  'awards.report': notYet,
  'awards.reportXlsx': notYet,
  'awards.reportPdf': notYet,
  'awards.budgetUse': notYet,
} satisfies HandlersOf<typeof awardsContract>;
