/**
 * The reports as files: the area report as an .xlsx (awards' tablesXlsx: numbers as numbers,
 * header bold and frozen) and as an A4 landscape PDF under the kop; the pendamping's report as an A4 portrait PDF
 * with their signature and "Mengetahui" the Kepala Dinas. The same report machinery as the award report
 * (documents/report.ts). A report is not a numbered letter: no number, no register entry.
 */
import type { Db } from '../../../db/open';
import type { PrintedBarChart } from '../../documents/bar-chart';
import { formatTanggal, todayIso } from '../../domain/format';
import { type AreaReportInput, chartAreas, type PendampingReportInput, REPORT_GROUP_LABEL } from '../../domain/reports';
import { renderReportInWorker } from '../../workers/pdf';
import { printedTables } from '../awards/report-pdf';
import { tablesXlsx } from '../awards/report-xlsx';
import { buildKop, signingPlace } from '../documents/context';
import { getDocumentSettings, headSignatory, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { fileNamePart } from '../file-names';
import { P2K2_NOTES } from '../p2k2-reports/files';
import { p2k2Tables } from '../p2k2-reports/tables';
import { type AreaReport, areaReport } from './area';
import { pendampingReport } from './pendamping';
import { areaTables, pendampingTables } from './tables';

/** 'laporan-per-kecamatan-2026', 'laporan-per-desa-Pekalongan-Barat-2026-01-03' */
function areaFileName(report: AreaReport, extension: 'xlsx' | 'pdf'): string {
  const { year, fromMonth, toMonth } = report.period;
  const months =
    fromMonth === 1 && toMonth === 12
      ? ''
      : `-${String(fromMonth).padStart(2, '0')}-${String(toMonth).padStart(2, '0')}`;
  const parts = [`laporan-per-${report.group}`, report.districtName, `${year}${months}`]
    .filter((part): part is string => Boolean(part))
    .map((part) => fileNamePart(part).slice(0, 60));
  return `${parts.join('-')}.${extension}`;
}

export async function areaReportXlsx(
  db: Db,
  input: AreaReportInput,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const report = areaReport(db, input);
  return {
    fileName: areaFileName(report, 'xlsx'),
    base64: await tablesXlsx(areaTables(report)),
    rows: report.rows.length,
  };
}

function subtitle(report: AreaReport, today: string): string[] {
  return [
    `Periode ${report.periodLabel}${report.districtName ? `, Kecamatan ${report.districtName}` : ''}`,
    `Keadaan per ${formatTanggal(today)}`,
  ];
}

/** The screen's bar chart of the area report: graduations against target (or exits, for desa) per area. */
function areaChart(report: AreaReport): PrintedBarChart {
  const areas = chartAreas(report.rows);
  const area = REPORT_GROUP_LABEL[report.group].toLowerCase();
  const withTarget = report.group !== 'desa';
  return {
    heading: withTarget ? `Graduasi dan target per ${area}` : `Graduasi per ${area}`,
    categories: areas.map((r) => r.label),
    series: [
      { name: 'Graduasi', color: '#12b886', values: areas.map((r) => r.graduated) },
      withTarget
        ? { name: 'Target', color: '#adb5bd', values: areas.map((r) => r.target ?? 0) }
        : { name: 'Keluar', color: '#fd7e14', values: areas.map((r) => r.keluar) },
    ],
  };
}

export async function areaReportPdf(db: Db, input: AreaReportInput, today = todayIso()): Promise<DigestedPdf> {
  const report = areaReport(db, input);
  const rendered = await renderReportInWorker({
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    title: `Laporan Graduasi PKH per ${REPORT_GROUP_LABEL[report.group]}`,
    subtitle: subtitle(report, today),
    date: today,
    charts: [areaChart(report)],
    tables: printedTables(areaTables(report)),
    notes: [
      'KPM aktif dan calon graduasi: keadaan saat ini. Graduasi: hanya yang ditetapkan dengan keputusan yang tidak dibatalkan.',
      'Target: target tahunan (per kecamatan: bagian target pendamping yang bertugas di kecamatan itu).',
    ],
  });
  return { fileName: areaFileName(report, 'pdf'), ...rendered };
}

export async function pendampingReportPdf(
  db: Db,
  input: PendampingReportInput,
  today = todayIso(),
): Promise<DigestedPdf> {
  const report = pendampingReport(db, input);
  const office = requireOffice(db);
  const settings = getDocumentSettings(db);
  const head = headSignatory(office);
  const { name, nip, districts } = report.pendamping;
  const rendered = await renderReportInWorker({
    kop: buildKop(office, settings.website),
    title: 'Laporan Kinerja Pendamping PKH',
    subtitle: [
      `Pendamping: ${name}${nip ? ` (NIP ${nip})` : ''}`,
      ...(districts.length > 0 ? [`Wilayah tugas: Kecamatan ${districts.join(', ')}`] : []),
      `Periode ${report.periodLabel}`,
    ],
    date: today,
    orientation: 'portrait',
    tables: printedTables([
      ...pendampingTables(report.row, report.months, report.period.year),
      ...p2k2Tables(report.p2k2).map((t) => ({ ...t, heading: `${t.heading} per kelompok` })),
    ]),
    notes: P2K2_NOTES,
    signatures: {
      left: { lines: ['Mengetahui,', head.position], name: head.name, rank: head.rank, nip: head.nip },
      right: {
        lines: [`${signingPlace(settings.place, office.regencyName)}, ${formatTanggal(today)}`, 'Pendamping PKH'],
        name,
        rank: '',
        nip: nip ?? '',
      },
    },
  });
  const fileName = `laporan-pendamping-${fileNamePart(name).slice(0, 60)}-${report.period.year}.pdf`;
  return { fileName, ...rendered };
}
