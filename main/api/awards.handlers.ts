/** Awards (issue 9): programmes, catalogue, planning, stages, handover with its BAST, corrections and reports. */
import { correctAward } from '../services/awards/correction';
import { listEligible } from '../services/awards/eligibility';
import { handOver, recipientsList } from '../services/awards/handover';
import { listItems, saveItem } from '../services/awards/items';
import { awardsForFamily, getAward, listAwards } from '../services/awards/list';
import { planAwards } from '../services/awards/plan';
import { getProgram, listPrograms, loadProgram, saveProgram } from '../services/awards/programs';
import { awardReportPdf } from '../services/awards/report-pdf';
import { awardReportXlsx } from '../services/awards/report-xlsx';
import { awardReport, budgetUse } from '../services/awards/reports';
import { approveAwards, cancelAward } from '../services/awards/stages';
import { nikFor } from '../services/security-settings';
import type { awardsContract } from './awards.contract';
import type { HandlersOf } from './handlers';

export const awardsHandlers = {
  'awards.programs': ({ db }, input) => listPrograms(db, input),
  'awards.program': ({ db }, input) => getProgram(db, input.id),
  'awards.saveProgram': ({ db, actor }, input) => saveProgram(db, actor, input),
  'awards.items': ({ db }) => listItems(db),
  'awards.saveItem': ({ db, actor }, input) => saveItem(db, actor, input),
  'awards.eligible': ({ db }, input) => listEligible(db, loadProgram(db, input.programId), input),
  'awards.plan': ({ db, actor }, input) => planAwards(db, actor, input),
  'awards.list': ({ db }, input) => listAwards(db, input),
  'awards.get': ({ db }, input) => getAward(db, input.id),
  'awards.forFamily': ({ db }, input) => awardsForFamily(db, input.kpmId),
  'awards.approve': ({ db, actor }, input) => approveAwards(db, actor, input),
  'awards.cancel': ({ db, actor }, input) => cancelAward(db, actor, input),
  'awards.handover': ({ db, actor }, input) => handOver(db, actor, input),
  'awards.recipientsList': ({ db, actor }, input) => recipientsList(db, actor, input.programId, input.handoverDate),
  'awards.correct': ({ db, actor }, input) => correctAward(db, actor, input),
  'awards.report': ({ db }, input) => awardReport(db, input),
  'awards.reportXlsx': ({ db, actor }, input) => awardReportXlsx(db, input, nikFor(db, actor.role)),
  'awards.reportPdf': ({ db, actor }, input) => awardReportPdf(db, input, undefined, nikFor(db, actor.role)),
  'awards.budgetUse': ({ db }, input) => budgetUse(db, input.year),
} satisfies HandlersOf<typeof awardsContract>;
