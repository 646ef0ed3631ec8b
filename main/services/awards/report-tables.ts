/**
 * The award report as tables, once for both files: the xlsx writes each cell with its type (money as a
 * number, NIK as text, a date as a date), the PDF prints the same cells formatted. A table here is data with
 * typed columns, not a layout.
 */
import { AWARD_STAGE_LABEL, PROGRAM_STATUS_LABEL } from '../../domain/awards';
import { formatNumber, formatRupiah } from '../../domain/format';
import type { AwardReport, AwardRow, BudgetFigures, GroupFigure } from './types';

/**
 * text: as written; code: text never broken over lines (a NIK stays a string, a BAST number stays whole);
 * count: families, grouped '1.234'; year: a plain number; money: whole rupiah; date: an ISO date or null.
 */
export type CellKind = 'text' | 'code' | 'count' | 'year' | 'money' | 'date';
export type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  kind: CellKind;
  /** The column that takes the spare width in print (names, packages). */
  wide?: boolean;
}

export interface ReportTable {
  /** The sheet's name (at most 31 characters) and the printed heading. */
  sheet: string;
  heading: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** A closing 'Jumlah' row, when the table has one. */
  total?: Cell[];
}

const text = (header: string, wide = false): ReportColumn => ({ header, kind: 'text', wide });
const code = (header: string): ReportColumn => ({ header, kind: 'code' });
const count = (header: string): ReportColumn => ({ header, kind: 'count' });
const money = (header: string): ReportColumn => ({ header, kind: 'money' });

const STAGE_MONEY = [money('Direncanakan'), money('Disetujui'), money('Diserahkan')];
const FIGURE_COLUMNS = [
  money('Pagu'),
  ...STAGE_MONEY,
  money('Sisa'),
  count('KPM direncanakan'),
  count('KPM disetujui'),
  count('KPM diserahkan'),
  count('KPM dibatalkan'),
];

const figureCells = (f: BudgetFigures): Cell[] => [
  f.budget,
  f.planned,
  f.approved,
  f.handedOver,
  f.remaining,
  f.counts.planned,
  f.counts.approved,
  f.counts.handed_over,
  f.counts.cancelled,
];

function summary(report: AwardReport): ReportTable {
  return {
    sheet: 'Ringkasan',
    heading: 'Ringkasan per program',
    columns: [
      text('Program', true),
      { header: 'Tahun', kind: 'year' },
      text('Sumber dana'),
      text('Status'),
      ...FIGURE_COLUMNS,
    ],
    rows: report.programs.map((p) => [
      p.name,
      p.year,
      p.sponsorName ? `${p.fundingSource} (${p.sponsorName})` : p.fundingSource,
      PROGRAM_STATUS_LABEL[p.status],
      ...figureCells(p),
    ]),
    total: ['Jumlah', null, null, null, ...figureCells(report.totals)],
  };
}

const groupCells = (g: GroupFigure): Cell[] => [
  g.families,
  g.planned,
  g.approved,
  g.handedOver,
  g.planned + g.approved + g.handedOver,
];
const GROUP_COLUMNS = [count('KPM'), ...STAGE_MONEY, money('Jumlah')];

function groupTable(sheet: string, heading: string, label: string, groups: GroupFigure[]): ReportTable {
  return {
    sheet,
    heading,
    columns: [text(label, true), ...GROUP_COLUMNS],
    rows: groups.map((g) => [g.label, ...groupCells(g)]),
  };
}

function recipientsTable(recipients: AwardRow[]): ReportTable {
  return {
    sheet: 'Penerima',
    heading: 'Daftar penerima',
    columns: [
      count('No'),
      text('Program'),
      text('Nama'),
      code('NIK'),
      text('Desa'),
      text('Kecamatan'),
      text('Jenis usaha'),
      text('Paket', true),
      money('Nilai'),
      text('Tahap'),
      { header: 'Tanggal serah', kind: 'date' },
      code('Nomor BAST'),
    ],
    rows: recipients.map((r, i) => [
      i + 1,
      r.programName,
      r.nama,
      r.nik,
      r.desa,
      r.kecamatan,
      r.businessType,
      r.packageText,
      r.total,
      AWARD_STAGE_LABEL[r.stage],
      r.handoverDate,
      r.bastNumber ?? '',
    ]),
  };
}

export function reportTables(report: AwardReport, recipients: AwardRow[]): ReportTable[] {
  return [
    summary(report),
    groupTable('Per kecamatan', 'Per kecamatan', 'Kecamatan', report.byDistrict),
    {
      sheet: 'Per desa',
      heading: 'Per desa/kelurahan',
      columns: [text('Desa/Kelurahan', true), text('Kecamatan'), ...GROUP_COLUMNS],
      rows: report.byVillage.map((g) => [g.label, g.district, ...groupCells(g)]),
    },
    groupTable('Sumber dana', 'Per sumber dana', 'Sumber dana', report.bySource),
    groupTable('Jenis usaha', 'Per jenis usaha', 'Jenis usaha', report.byBusiness),
    recipientsTable(recipients),
  ];
}

/** A cell as printed: 'Rp1.500.000', '1.234', '30/11/2026'. */
export function cellText(kind: CellKind, value: Cell): string {
  if (value === null || value === '') return '';
  if (kind === 'money') return formatRupiah(Number(value));
  if (kind === 'count') return typeof value === 'number' ? formatNumber(value) : value;
  if (kind === 'date') return String(value).slice(0, 10).split('-').reverse().join('/');
  return String(value);
}
