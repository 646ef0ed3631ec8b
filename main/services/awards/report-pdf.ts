/**
 * The award report printed: the tables of report-tables.ts formatted as text, under the
 * office's kop (main/documents/report.ts lays them out). Not a register document: no number, no audit.
 */
import type { Db } from '../../../db/open';
import type { PrintedReport, PrintedReportTable } from '../../documents/report';
import { formatTanggal, todayIso } from '../../domain/format';
import { renderReportInWorker } from '../../workers/pdf';
import { buildKop } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { cellText, type ReportTable, reportTables } from './report-tables';
import { reportFileName } from './report-xlsx';
import { awardReport, type ReportFilter, reportRecipients } from './reports';

/** 'Program Bantuan Usaha Mandiri (2026)', 'Tahun 2026' or 'Semua program'. */
function scopeLine(programs: { id: number; name: string; year: number }[], filter: ReportFilter): string {
  const program = filter.programId !== undefined ? programs.find((p) => p.id === filter.programId) : undefined;
  if (program) return `Program ${program.name} (${program.year})`;
  if (filter.year !== undefined) return `Tahun ${filter.year}`;
  return 'Semua program';
}

/** Report tables as printed text (also the area reports'): figures right-aligned, only text columns wrap. */
export function printedTables(tables: ReportTable[]): PrintedReportTable[] {
  return tables.map((table) => ({
    heading: table.heading,
    columns: table.columns.map((c) => ({
      label: c.header,
      align: c.kind === 'text' || c.kind === 'code' ? 'left' : 'right',
      noWrap: c.kind !== 'text',
      wide: c.wide === true,
    })),
    rows: table.rows.map((row) => row.map((value, i) => cellText(table.columns[i].kind, value))),
    total: table.total?.map((value, i) => cellText(table.columns[i].kind, value)),
  }));
}

export async function awardReportPdf(
  db: Db,
  filter: ReportFilter,
  today = todayIso(),
  /** The viewer's NIK mask (security-settings nikFor): a file leaves the dispatcher's masking behind. */
  nik: (nik: string) => string = (n) => n,
): Promise<DigestedPdf> {
  const report = awardReport(db, filter);
  const recipients = reportRecipients(db, filter).map((r) => ({ ...r, nik: nik(r.nik) }));
  const tables = reportTables(report, recipients);
  const printed: PrintedReport = {
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    title: 'Laporan Bantuan bagi KPM Graduasi',
    subtitle: [scopeLine(report.programs, filter), `Keadaan per ${formatTanggal(today)}`],
    date: today,
    tables: printedTables(tables),
  };
  return { fileName: reportFileName(report.programs, filter, 'pdf'), ...(await renderReportInWorker(printed)) };
}
