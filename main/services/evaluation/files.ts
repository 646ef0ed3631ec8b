/**
 * The pendamping's monthly performance report as files: an A4 portrait PDF under the kop through the PDF worker,
 * signed by the pendamping with "Mengetahui" the chosen signatory (the koordinator, from Pengaturan > Dokumen) or the
 * Kepala Dinas; and an .xlsx of the same tables. Not a numbered letter.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { signatories } from '../../../db/schema';
import type { ReportSigner } from '../../documents/report';
import { AppError } from '../../domain/errors';
import { BULAN, formatNumber, formatTanggal } from '../../domain/format';
import { renderReportInWorker } from '../../workers/pdf';
import type { Actor } from '../actor';
import { printedTables } from '../awards/report-pdf';
import type { ReportTable } from '../awards/report-tables';
import { tablesXlsx } from '../awards/report-xlsx';
import { buildKop, signingPlace } from '../documents/context';
import { getDocumentSettings, headSignatory, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { fileNamePart } from '../file-names';
import { type PendampingMonth, pendampingMonth } from './month';

/** '2026-03' -> 'Maret 2026'. */
export const monthLabel = (month: string) => `${BULAN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const percent = (n: number | null) => (n === null ? '-' : `${String(n).replace('.', ',')}%`);
const valueText = (n: number | null, unit: string) =>
  n === null ? '-' : unit === 'persen' ? percent(n) : formatNumber(n);

export function reportTables(report: PendampingMonth): ReportTable[] {
  const figures: ReportTable = {
    sheet: 'Capaian',
    heading: `Capaian bulan ${monthLabel(report.month)}`,
    columns: [
      { header: 'Uraian', kind: 'text', wide: true },
      { header: 'Capaian', kind: 'code' },
      { header: 'Pembanding', kind: 'code' },
      { header: 'Persentase', kind: 'code' },
    ],
    rows: report.figures.map((f) => {
      const cell = report.row.figures[f.key];
      return [
        `${f.label} (${f.unit})`,
        valueText(cell.value, f.unit),
        cell.target === null ? '-' : formatNumber(cell.target),
        percent(cell.achievement),
      ];
    }),
  };
  const indicators: ReportTable = {
    sheet: 'Evaluasi',
    heading: report.row.evaluation ? 'Evaluasi koordinator' : 'Nilai indikator (dari capaian; belum dievaluasi)',
    columns: [
      { header: 'Indikator', kind: 'text', wide: true },
      { header: 'Bobot', kind: 'code' },
      { header: 'Nilai', kind: 'code' },
    ],
    rows: report.indicators.map((i) => {
      const s = report.row.scores[i.key];
      return [i.label, `${i.weight}%`, s === null || s === undefined ? '-' : String(s).replace('.', ',')];
    }),
    total: ['Nilai akhir', '100%', report.row.total === null ? '-' : String(report.row.total).replace('.', ',')],
  };
  const notes: ReportTable = {
    sheet: 'Catatan',
    heading: 'Catatan pendamping',
    columns: [{ header: 'Catatan', kind: 'text', wide: true }],
    rows: [
      [report.notes || '-'],
      ...(report.row.evaluation?.notes ? [[`Catatan koordinator: ${report.row.evaluation.notes}`]] : []),
    ],
  };
  return [figures, indicators, notes];
}

function fileName(report: PendampingMonth, extension: 'pdf' | 'xlsx'): string {
  return `laporan-bulanan-${fileNamePart(report.pendamping.name).slice(0, 60)}-${report.month}.${extension}`;
}

/** "Mengetahui": the chosen signatory, else the Kepala Dinas from the office profile. */
function knowingSigner(db: Db, signatoryId: number | undefined): ReportSigner {
  if (signatoryId !== undefined) {
    const s = db.select().from(signatories).where(eq(signatories.id, signatoryId)).get();
    if (!s?.active) {
      throw new AppError('NOT_FOUND', 'Penanda tangan tidak ditemukan atau tidak aktif.', {
        fields: { signatoryId: 'Pilih penanda tangan dari daftar.' },
      });
    }
    const lines = ['Mengetahui,', ...(s.onBehalfOf ? [s.onBehalfOf] : []), s.position];
    return { lines, name: s.name, rank: s.rank, nip: s.nip };
  }
  const head = headSignatory(requireOffice(db));
  return { lines: ['Mengetahui,', head.position], name: head.name, rank: head.rank, nip: head.nip };
}

export async function monthReportPdf(
  db: Db,
  actor: Actor,
  input: { pendampingId: number; month: string; signatoryId?: number },
  today: string,
): Promise<DigestedPdf> {
  const report = pendampingMonth(db, actor, input.pendampingId, input.month);
  const office = requireOffice(db);
  const settings = getDocumentSettings(db);
  const left = knowingSigner(db, input.signatoryId);
  const { name, nip } = report.pendamping;
  const rendered = await renderReportInWorker({
    kop: buildKop(office, settings.website),
    title: 'Laporan Kinerja Bulanan Pendamping PKH',
    subtitle: [`Pendamping: ${name}${nip ? ` (NIP ${nip})` : ''}`, `Bulan ${monthLabel(report.month)}`],
    date: today,
    orientation: 'portrait',
    tables: printedTables(reportTables(report)),
    notes: report.figures.map((f) => f.note),
    signatures: {
      left,
      right: {
        lines: [`${signingPlace(settings.place, office.regencyName)}, ${formatTanggal(today)}`, 'Pendamping PKH'],
        name,
        rank: '',
        nip: nip ?? '',
      },
    },
  });
  return { fileName: fileName(report, 'pdf'), ...rendered };
}

export async function monthReportXlsx(
  db: Db,
  actor: Actor,
  input: { pendampingId: number; month: string },
): Promise<{ fileName: string; base64: string; rows: number }> {
  const report = pendampingMonth(db, actor, input.pendampingId, input.month);
  const tables = reportTables(report);
  return { fileName: fileName(report, 'xlsx'), base64: await tablesXlsx(tables), rows: tables[0].rows.length };
}
