/**
 * The P2K2 report as files: an .xlsx (awards' tablesXlsx: numbers as numbers, header bold and frozen) and an A4
 * landscape PDF under the kop, through the PDF worker like the other reports. Not a numbered letter.
 */
import type { Db } from '../../../db/open';
import { formatTanggal, todayIso } from '../../domain/format';
import { P2K2_AREA_LABEL, type P2k2ReportInput } from '../../domain/p2k2-reports';
import { renderReportInWorker } from '../../workers/pdf';
import { printedTables } from '../awards/report-pdf';
import { tablesXlsx } from '../awards/report-xlsx';
import { buildKop } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { fileNamePart } from '../file-names';
import { type P2k2Report, p2k2Report } from './report';
import { p2k2Tables } from './tables';

/** 'laporan-p2k2-per-kecamatan-2026', 'laporan-p2k2-per-desa-2026-03-03' */
function fileName(report: P2k2Report, extension: 'xlsx' | 'pdf'): string {
  const { year, fromMonth, toMonth } = report.period;
  const pad = (n: number) => String(n).padStart(2, '0');
  const months = fromMonth === 1 && toMonth === 12 ? '' : `-${pad(fromMonth)}-${pad(toMonth)}`;
  return `laporan-p2k2-per-${fileNamePart(report.area)}-${year}${months}.${extension}`;
}

export const P2K2_NOTES = [
  'Tingkat kehadiran: hadir dibagi kehadiran yang sudah ditandai (hadir, izin, sakit, alfa).',
  'KPM tidak pernah hadir: ditandai pada sesi dalam periode, tetapi tidak satu kali pun hadir.',
  'Wilayah dan pendamping: menurut kelompok yang melaksanakan sesi.',
];

export async function p2k2ReportXlsx(
  db: Db,
  input: P2k2ReportInput,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const report = p2k2Report(db, input);
  return { fileName: fileName(report, 'xlsx'), base64: await tablesXlsx(p2k2Tables(report)), rows: report.rows.length };
}

export async function p2k2ReportPdf(db: Db, input: P2k2ReportInput, today = todayIso()): Promise<DigestedPdf> {
  const report = p2k2Report(db, input);
  const rendered = await renderReportInWorker({
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    title: `Laporan P2K2 per ${P2K2_AREA_LABEL[report.area]}`,
    subtitle: [`Periode ${report.periodLabel}`, `Keadaan per ${formatTanggal(today)}`],
    date: today,
    tables: printedTables(p2k2Tables(report)),
    notes: P2K2_NOTES,
  });
  return { fileName: fileName(report, 'pdf'), ...rendered };
}
