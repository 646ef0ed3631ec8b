/** Awards: programmes, catalogue, planning, stages, handover with its BAST, corrections and reports. */
import type { Db } from '../../db/open';
import { fileFilters } from '../domain/export-log';
import type { Actor } from '../services/actor';
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
import { logged } from '../services/exports/log';
import { nikFor, seesFullNik } from '../services/security-settings';
import type { awardsContract } from './awards.contract';
import type { HandlersOf } from './handlers';

/** The award report lists each recipient with the NIK the viewer may see: logged like a template export. */
function reportLog(db: Db, actor: Actor, input: { year?: number; programId?: number }, method: string) {
  return {
    templateKey: method,
    templateName: 'Laporan bantuan usaha',
    kind: 'award_report' as const,
    filters: fileFilters({
      program: input.programId ? loadProgram(db, input.programId).name : undefined,
      tahun: input.year,
    }),
    nikMode: seesFullNik(db, actor.role) ? ('full' as const) : ('masked' as const),
  };
}

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
  'awards.reportXlsx': async ({ db, actor }, input) => {
    const file = await awardReportXlsx(db, input, nikFor(db, actor.role));
    return logged(db, actor, file, { ...reportLog(db, actor, input, 'awards.reportXlsx'), rows: file.rows });
  },
  'awards.reportPdf': async ({ db, actor }, input) => {
    const file = await awardReportPdf(db, input, undefined, nikFor(db, actor.role));
    return logged(db, actor, file, { ...reportLog(db, actor, input, 'awards.reportPdf'), rows: file.pages });
  },
  'awards.budgetUse': ({ db }, input) => budgetUse(db, input.year),
} satisfies HandlersOf<typeof awardsContract>;
