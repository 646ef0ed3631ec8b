/**
 * The P2K2 report as tables (awards' ReportTable, written once for the xlsx and the PDF): sessions and attendance
 * per area, the ratings' distribution per area, and the period's months.
 */
import { RATINGS } from '../../domain/p2k2';
import { RATING_LABEL } from '../../domain/p2k2-labels';
import { P2K2_AREA_LABEL } from '../../domain/p2k2-reports';
import type { Cell, ReportColumn, ReportTable } from '../awards/report-tables';
import type { P2k2AreaRow, P2k2Figures, P2k2Report } from './report';

const text = (header: string, wide = false): ReportColumn => ({ header, kind: 'text', wide });
const count = (header: string): ReportColumn => ({ header, kind: 'count' });

const SESSION_COLUMNS = [
  count('Sesi direncanakan'),
  count('Sesi dilaksanakan'),
  count('Kehadiran ditandai'),
  count('Hadir'),
  count('Izin'),
  count('Sakit'),
  count('Alfa'),
  count('Tingkat kehadiran (%)'),
];
const sessionCells = (f: P2k2Figures): Cell[] => [
  f.planned,
  f.held,
  f.marked,
  f.hadir,
  f.izin,
  f.sakit,
  f.alfa,
  f.rate,
];

const RATING_COLUMNS = (['Perilaku', 'Potensi'] as const).flatMap((what) =>
  RATINGS.map((r) => count(`${what}: ${RATING_LABEL[r]}`)),
);
const ratingCells = (f: P2k2Figures): Cell[] => [
  ...RATINGS.map((r) => f.behaviour[r]),
  ...RATINGS.map((r) => f.potential[r]),
];

export function p2k2Tables(report: P2k2Report): ReportTable[] {
  const withParent = report.area === 'kelompok' || report.area === 'desa';
  const area = [
    text(P2K2_AREA_LABEL[report.area], true),
    ...(withParent ? [text(report.area === 'kelompok' ? 'Desa/Kelurahan' : 'Kecamatan')] : []),
  ];
  const areaCells = (r: P2k2AreaRow): Cell[] => [r.label, ...(withParent ? [r.parent] : [])];
  const totalCells: Cell[] = ['Jumlah', ...(withParent ? [null] : [])];
  return [
    {
      sheet: 'Sesi dan kehadiran',
      heading: 'Sesi P2K2 dan kehadiran',
      columns: [...area, ...SESSION_COLUMNS, count('KPM tidak pernah hadir')],
      rows: report.rows.map((r) => [...areaCells(r), ...sessionCells(r), r.neverAttending]),
      total: [...totalCells, ...sessionCells(report.total), report.total.neverAttending],
    },
    {
      sheet: 'Penilaian',
      heading: 'Penilaian P2K2: perubahan perilaku dan kemampuan mengenali potensi',
      columns: [...area, ...RATING_COLUMNS],
      rows: report.rows.map((r) => [...areaCells(r), ...ratingCells(r)]),
      total: [...totalCells, ...ratingCells(report.total)],
    },
    {
      sheet: 'Per bulan',
      heading: 'Sesi P2K2 dan kehadiran menurut bulan',
      columns: [text('Bulan', true), ...SESSION_COLUMNS],
      rows: report.months.map((m) => [m.label, ...sessionCells(m)]),
      total: ['Jumlah', ...sessionCells(report.total)],
    },
  ];
}
