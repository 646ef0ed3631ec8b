/**
 * The area and pendamping reports as tables (awards/report-tables.ts's ReportTable: typed columns, written once
 * for both files: the xlsx keeps numbers as numbers, the PDF prints them formatted).
 */
import { KOMPONEN, KOMPONEN_LABEL } from '../../domain/komponen';
import { REPORT_GROUP_LABEL } from '../../domain/reports';
import type { Cell, ReportColumn, ReportTable } from '../awards/report-tables';
import type { AreaReport, AreaRow, MonthRow } from './area';

const text = (header: string, wide = false): ReportColumn => ({ header, kind: 'text', wide });
const count = (header: string): ReportColumn => ({ header, kind: 'count' });
const money = (header: string): ReportColumn => ({ header, kind: 'money' });

function monthsTable(months: MonthRow[]): ReportTable {
  const cells = (r: { mandiri: number; alamiah: number; keluar: number }): Cell[] => [
    r.mandiri,
    r.alamiah,
    r.keluar,
    r.mandiri + r.alamiah + r.keluar,
  ];
  const sum = (field: 'mandiri' | 'alamiah' | 'keluar') => months.reduce((s, m) => s + m[field], 0);
  return {
    sheet: 'Per bulan',
    heading: 'Graduasi dan KPM keluar per bulan',
    columns: [
      text('Bulan', true),
      count('Graduasi mandiri'),
      count('Graduasi alamiah'),
      count('Keluar'),
      count('Jumlah'),
    ],
    rows: months.map((m) => [m.label, ...cells(m)]),
    total: ['Jumlah', ...cells({ mandiri: sum('mandiri'), alamiah: sum('alamiah'), keluar: sum('keluar') })],
  };
}

/** Tables of an area report: graduations against target, families by komponen, pipeline/visits/awards, months. */
export function areaTables(report: AreaReport): ReportTable[] {
  const desa = report.group === 'desa';
  const area = [text(REPORT_GROUP_LABEL[report.group], true), ...(desa ? [text('Kecamatan')] : [])];
  const areaCells = (r: AreaRow): Cell[] => [r.label, ...(desa ? [r.parent] : [])];
  const totalCells = (): Cell[] => ['Jumlah', ...(desa ? [null] : [])];
  const table = (sheet: string, heading: string, columns: ReportColumn[], cells: (r: AreaRow) => Cell[]) => ({
    sheet,
    heading,
    columns: [...area, ...columns],
    rows: report.rows.map((r) => [...areaCells(r), ...cells(r)]),
    total: [...totalCells(), ...cells(report.total)],
  });
  const target = desa
    ? []
    : [count(`Target ${report.period.year}`), { header: 'Capaian (%)', kind: 'count' } as ReportColumn];
  return [
    table(
      'Graduasi dan target',
      'Graduasi menurut jenis dan target',
      [count('Graduasi mandiri'), count('Graduasi alamiah'), count('Jumlah graduasi'), ...target, count('Keluar')],
      (r) => [r.mandiri, r.alamiah, r.graduated, ...(desa ? [] : [r.target, r.percent]), r.keluar],
    ),
    table(
      'KPM aktif',
      'KPM aktif menurut komponen (keadaan saat ini)',
      [count('KPM aktif'), ...KOMPONEN.map((k) => count(KOMPONEN_LABEL[k])), count('Tanpa komponen')],
      (r) => [r.families, ...KOMPONEN.map((k) => r.komponen[k]), r.withoutKomponen],
    ),
    table(
      'Calon kunjungan bantuan',
      'Calon graduasi, kunjungan pemantauan dan bantuan',
      [
        count('Calon'),
        count('Terverifikasi'),
        count('Diusulkan'),
        count('Kunjungan jatuh tempo'),
        count('Sudah dikunjungi'),
        count('Bantuan (paket)'),
        money('Nilai bantuan'),
        money('Sudah diserahkan'),
      ],
      (r) => [
        r.pipeline.candidate,
        r.pipeline.verified,
        r.pipeline.proposed,
        r.visitsDue,
        r.visitsDone,
        r.awards,
        r.amount,
        r.handedOver,
      ],
    ),
    monthsTable(report.months),
  ];
}

/** Two-column tables of one pendamping's figures (portrait page). */
function figureTable(sheet: string, heading: string, rows: [string, Cell][]): ReportTable {
  return { sheet, heading, columns: [text('Uraian', true), count('Jumlah')], rows };
}

export function pendampingTables(row: AreaRow, months: MonthRow[], year: number): ReportTable[] {
  return [
    figureTable('Keluarga', 'Keluarga dampingan (keadaan saat ini)', [
      ['KPM aktif', row.families],
      ...KOMPONEN.map((k): [string, Cell] => [`KPM dengan komponen ${KOMPONEN_LABEL[k]}`, row.komponen[k]]),
      ['KPM tanpa komponen', row.withoutKomponen],
    ]),
    figureTable('Graduasi', 'Target dan hasil graduasi', [
      [`Target graduasi tahun ${year}`, row.target],
      ['Graduasi sejahtera mandiri', row.mandiri],
      ['Graduasi alamiah', row.alamiah],
      ['Jumlah graduasi', row.graduated],
      ['Capaian terhadap target (%)', row.percent],
      ['KPM keluar karena sebab lain', row.keluar],
    ]),
    monthsTable(months),
    figureTable('Calon graduasi', 'Calon graduasi dalam proses (keadaan saat ini)', [
      ['Calon', row.pipeline.candidate],
      ['Terverifikasi', row.pipeline.verified],
      ['Diusulkan', row.pipeline.proposed],
    ]),
    figureTable('Kunjungan', 'Kunjungan pemantauan pascagraduasi', [
      ['Jatuh tempo dalam periode', row.visitsDue],
      ['Sudah dikunjungi', row.visitsDone],
      ['Belum dikunjungi', row.visitsDue - row.visitsDone],
    ]),
    {
      sheet: 'Bantuan',
      heading: 'Bantuan usaha bagi KPM graduasi',
      columns: [text('Program tahun', true), count('Paket'), money('Nilai'), money('Sudah diserahkan')],
      rows: [[String(year), row.awards, row.amount, row.handedOver]],
    },
  ];
}
