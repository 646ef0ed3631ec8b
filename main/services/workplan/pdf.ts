/**
 * The printed monthly work plan: A4 portrait under the office's kop, one row per activity with its date, kind,
 * place and (once submitted) whether it was done; signed by the pendamping, "Mengetahui" the koordinator (not
 * recorded in the app: a line to write the name on). Laid out by the report layout in the PDF worker.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { pendamping } from '../../../db/schema';
import type { PrintedReport } from '../../documents/report';
import { formatHari, formatTanggal } from '../../domain/format';
import { monthLabel, officeDate, type PlanRef, WORK_PLAN_KIND_LABEL } from '../../domain/workplan';
import { renderReportInWorker } from '../../workers/pdf';
import type { Actor } from '../actor';
import { buildKop, signingPlace } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { PdfFile } from '../documents/types';
import { fileNamePart } from '../file-names';
import { getWorkPlan, type WorkPlanView } from './view';

const OUTCOME_TEXT = { done: 'Terlaksana', not_done: 'Tidak terlaksana' } as const;

function outcomeCell(item: WorkPlanView['items'][number]): string {
  if (!item.outcome) return '-';
  return item.outcome === 'not_done'
    ? `${OUTCOME_TEXT[item.outcome]}: ${item.outcomeReason}`
    : OUTCOME_TEXT[item.outcome];
}

export function workPlanReport(db: Db, view: WorkPlanView, today: string): PrintedReport {
  const office = requireOffice(db);
  const settings = getDocumentSettings(db);
  const nip = db
    .select({ nip: pendamping.nip })
    .from(pendamping)
    .where(eq(pendamping.id, view.pendampingId))
    .get()?.nip;
  const { achievement: a } = view;
  const submitted = view.plan?.status === 'submitted' && view.plan.submittedAt;
  const status = submitted ? `Diajukan ${formatTanggal(officeDate(new Date(submitted)))}` : 'Draf';
  return {
    kop: buildKop(office, settings.website),
    title: `RENCANA KERJA BULANAN PENDAMPING PKH`,
    subtitle: [
      `Pendamping: ${view.pendampingName}${nip ? ` (NIP ${nip})` : ''}`,
      `Bulan ${monthLabel(view.month)} · ${status}`,
    ],
    date: today,
    orientation: 'portrait',
    tables: [
      {
        heading: `Kegiatan (${view.items.length})`,
        columns: [
          { label: 'No', align: 'right', noWrap: true, wide: false },
          { label: 'Hari, tanggal', align: 'left', noWrap: true, wide: false },
          { label: 'Jenis kegiatan', align: 'left', noWrap: false, wide: false },
          { label: 'Uraian', align: 'left', noWrap: false, wide: true },
          { label: 'Tempat', align: 'left', noWrap: false, wide: false },
          { label: 'Pelaksanaan', align: 'left', noWrap: false, wide: false },
        ],
        rows: view.items.map((item, i) => [
          String(i + 1),
          `${formatHari(item.date)}, ${formatTanggal(item.date)}`,
          WORK_PLAN_KIND_LABEL[item.kind],
          item.title,
          item.place || '-',
          outcomeCell(item),
        ]),
      },
    ],
    notes:
      a.planned > 0
        ? [
            `Direncanakan ${a.planned} kegiatan; terlaksana ${a.done}, tidak terlaksana ${a.notDone}, belum dicatat ${a.unmarked}.`,
          ]
        : [],
    signatures: {
      left: { lines: ['Mengetahui,', 'Koordinator PKH'], name: '', rank: '', nip: '' },
      right: {
        lines: [`${signingPlace(settings.place, office.regencyName)}, ${formatTanggal(today)}`, 'Pendamping PKH'],
        name: view.pendampingName,
        rank: '',
        nip: nip ?? '',
      },
    },
  };
}

export async function workPlanPdf(db: Db, actor: Actor, ref: PlanRef, now: Date, today: string): Promise<PdfFile> {
  const view = getWorkPlan(db, actor, ref, now);
  const { base64, pages } = await renderReportInWorker(workPlanReport(db, view, today));
  return {
    fileName: `rencana-kerja-${fileNamePart(view.pendampingName).slice(0, 60)}-${ref.month}.pdf`,
    base64,
    pages,
  };
}
