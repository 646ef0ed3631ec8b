/**
 * The graduates' business report as files: an .xlsx (awards' tablesXlsx) and an A4 PDF under the kop through the
 * PDF worker, like the P2K2 report. Not a numbered letter.
 */
import type { Db } from '../../../db/open';
import { type BusinessReportFilter, SLIP_REASON_LABEL } from '../../domain/business';
import { formatRupiah, formatTanggal, todayIso } from '../../domain/format';
import { renderReportInWorker } from '../../workers/pdf';
import type { Actor } from '../actor';
import { printedTables } from '../awards/report-pdf';
import type { ReportColumn, ReportTable } from '../awards/report-tables';
import { tablesXlsx } from '../awards/report-xlsx';
import { buildKop } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { type BusinessFigures, type BusinessReport, type BusinessReportRow, businessReport } from './report';

const FIGURES: [keyof BusinessFigures, string][] = [
  ['graduates', 'KPM graduasi'],
  ['withBusiness', 'Tercatat usaha'],
  ['running', 'Usaha berjalan'],
  ['aboveUmk', 'Pendapatan di atas UMK'],
  ['slippedBack', 'Kembali rentan'],
];

function figuresTable(sheet: string, first: string, rows: BusinessReportRow[], total?: BusinessFigures): ReportTable {
  const columns: ReportColumn[] = [
    { header: first, kind: 'text', wide: true },
    ...FIGURES.map(([, header]): ReportColumn => ({ header, kind: 'count' })),
  ];
  return {
    sheet,
    heading: sheet,
    columns,
    rows: rows.map((r) => [r.label, ...FIGURES.map(([key]) => r[key])]),
    total: total ? ['Jumlah', ...FIGURES.map(([key]) => total[key])] : undefined,
  };
}

export function businessTables(report: BusinessReport): ReportTable[] {
  return [
    figuresTable('Per kecamatan', 'Kecamatan', report.byKecamatan, report.total),
    figuresTable('Per program bantuan', 'Program bantuan usaha', report.byProgram),
    {
      sheet: 'Kembali rentan',
      heading: 'Keluarga kembali rentan',
      columns: [
        { header: 'No', kind: 'count' },
        { header: 'Nama', kind: 'text', wide: true },
        { header: 'Kecamatan', kind: 'text' },
        { header: 'Alasan', kind: 'text' },
      ],
      rows: report.slipped.map((s, i) => [i + 1, s.nama, s.kecamatan, SLIP_REASON_LABEL[s.reason]]),
    },
  ];
}

export const BUSINESS_NOTES = [
  'Usaha berjalan dan pendapatan dibaca dari catatan usaha terakhir tiap keluarga; pendapatan sama dengan UMK dihitung di atas UMK.',
  'Kembali rentan: kembali menjadi KPM aktif; atau usaha berhenti setelah sebelumnya berjalan; atau pendapatan terakhir di bawah UMK setelah sebelumnya mencapai UMK.',
  'Per program: keluarga yang menerima bantuan usaha program itu (bantuan yang dibatalkan tidak dihitung).',
];

export async function businessReportXlsx(db: Db, actor: Actor, filter: BusinessReportFilter) {
  const report = businessReport(db, actor, filter);
  return {
    fileName: 'laporan-usaha-keluarga-graduasi.xlsx',
    base64: await tablesXlsx(businessTables(report)),
    rows: report.byKecamatan.length + report.byProgram.length + report.slipped.length,
  };
}

export async function businessReportPdf(
  db: Db,
  actor: Actor,
  filter: BusinessReportFilter,
  today = todayIso(),
): Promise<DigestedPdf> {
  const report = businessReport(db, actor, filter);
  const rendered = await renderReportInWorker({
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    title: 'Laporan Usaha Keluarga Graduasi PKH',
    subtitle: [
      report.umk > 0 ? `UMK ${formatRupiah(report.umk)} per bulan` : 'UMK belum diatur',
      `Keadaan per ${formatTanggal(today)}`,
    ],
    date: today,
    tables: printedTables(businessTables(report)),
    notes: BUSINESS_NOTES,
  });
  return { fileName: 'laporan-usaha-keluarga-graduasi.pdf', ...rendered };
}
