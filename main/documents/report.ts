/**
 * A printed report (the award report, the area and pendamping reports, the family data report):
 * A4, landscape unless told, the kop on the first page, then the report's tables one after another, each with
 * its heading and header row repeated on every page it runs over, notes, optional signatures, and
 * "Halaman x dari y". A report is not a numbered letter: no number, no QR, no register entry. It prints a
 * plain object of strings the service has already formatted, so the layout decides nothing about figures.
 */
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Kop } from '../domain/printed-document';
import { barChart, type PrintedBarChart } from './bar-chart';
import { FONT, plain } from './fonts';
import { Images } from './images';
import { letterKop } from './kop';
import { CM, closingRow, contentWidth, type Margins, type PageSetup } from './page';
import { writePdf } from './render';
import { SIGNING_SPACE, signerName } from './signature';

export interface PrintedReportTable {
  heading: string;
  /** noWrap: figures, dates and codes (NIK, numbers) stay on one line; wide: takes the spare width. */
  columns: { label: string; align: 'left' | 'right'; noWrap: boolean; wide: boolean }[];
  rows: string[][];
  /** The closing 'Jumlah' row, printed bold. */
  total?: string[];
}

export interface PrintedReport {
  kop: Kop;
  title: string;
  /** Lines under the title: the filter, the printing date. */
  subtitle: string[];
  /** ISO date: the PDF's creation date, so the same report prints the same bytes on the same day. */
  date: string;
  tables: PrintedReportTable[];
  /** Charts printed above the tables (the screen's bar chart). */
  charts?: PrintedBarChart[];
  /** Portrait for a one-person report (the pendamping's); landscape (the default) for wide tables. */
  orientation?: 'portrait' | 'landscape';
  /** Small print under the tables (how a figure is counted). */
  notes?: string[];
  /** Signatures under the report: the signer at the right, "Mengetahui" at the left. */
  signatures?: { left?: ReportSigner; right: ReportSigner };
}

/** A signer under a report: the lines above the signing space, then the name, rank and NIP. */
export interface ReportSigner {
  lines: string[];
  name: string;
  rank: string;
  nip: string;
}

const MARGINS: Margins = [2 * CM, 1.5 * CM, 1.5 * CM, 1.5 * CM];
const CELL = { fontSize: 8, lineHeight: 1.05, margin: [3, 2, 3, 2] as Margins };

const TABLE_LAYOUT = {
  hLineWidth: (row: number) => (row === 0 ? 0 : 0.5),
  vLineWidth: () => 0.5,
  // The heading row (0) stands free above the grid; the header row (1) is shaded.
  fillColor: (row: number) => (row === 1 ? '#e8e8e8' : null),
};

function reportTable(table: PrintedReportTable): Content {
  const n = table.columns.length;
  const heading: TableCell[] = [
    { text: plain(table.heading), bold: true, fontSize: 11, colSpan: n, border: [false, false, false, false] },
    ...table.columns.slice(1).map(() => ({})),
  ];
  const header: TableCell[] = table.columns.map((c) => ({ text: c.label, bold: true, alignment: 'center', ...CELL }));
  // '-Rp40.000.000' would break at its sign, a BAST number at its slashes: only text columns wrap.
  const row = (cells: string[], bold = false): TableCell[] =>
    cells.map((cell, i) => {
      const { align, noWrap } = table.columns[i];
      return { text: plain(cell), alignment: align, noWrap, bold, ...CELL };
    });
  const empty: TableCell[] = [
    { text: 'Tidak ada data.', italics: true, colSpan: n, ...CELL },
    ...table.columns.slice(1).map(() => ({})),
  ];
  const body = table.rows.length > 0 ? table.rows.map((cells) => row(cells)) : [empty];
  return {
    table: {
      headerRows: 2,
      // the heading and header never stand at a page's foot without a row under them
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: table.columns.map((c) => (c.wide ? '*' : 'auto')),
      body: [heading, header, ...body, ...(table.total ? [row(table.total, true)] : [])],
    },
    layout: TABLE_LAYOUT,
    margin: [0, 0, 0, 12],
  };
}

function signer(who: ReportSigner): Column {
  const lines = who.lines.map((line) => ({ text: plain(line) }));
  const last = lines.length - 1;
  return {
    // an unnamed signer (a koordinator not recorded in the app) gets a line to write the name on
    stack: [
      ...lines.map((line, i) => (i === last ? { ...line, margin: [0, 0, 0, SIGNING_SPACE] as Margins } : line)),
      ...(who.name ? signerName(who.name, who.rank, who.nip) : [{ text: '(.......................................)' }]),
    ],
    alignment: 'center',
    width: '*',
  };
}

function signatures(report: PrintedReport): Content[] {
  if (!report.signatures) return [];
  const { left, right } = report.signatures;
  return [closingRow(left ? signer(left) : { text: '', width: '*' }, signer(right), [0, 18, 0, 0])];
}

const notes = (report: PrintedReport): Content[] =>
  (report.notes ?? []).map((note) => ({ text: plain(note), fontSize: 8, italics: true, margin: [0, 0, 0, 2] }));

export async function renderReport(report: PrintedReport): Promise<{ bytes: Buffer; pages: number }> {
  const setup: PageSetup = { paper: 'A4', orientation: report.orientation ?? 'landscape', margins: MARGINS };
  const images = new Images();
  const title: Content = {
    stack: [
      { text: plain(report.title.toUpperCase()), bold: true, fontSize: 13 },
      ...report.subtitle.map((line) => ({ text: plain(line) })),
    ],
    alignment: 'center',
    margin: [0, 0, 0, 10],
  };
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: setup.orientation,
    pageMargins: setup.margins,
    content: [
      letterKop(report.kop, contentWidth(setup), images),
      title,
      ...(report.charts ?? []).map((chart) => barChart(chart, contentWidth(setup))),
      ...report.tables.map(reportTable),
      ...notes(report),
      ...signatures(report),
    ],
    footer: (page, pages) => ({
      text: `Halaman ${page} dari ${pages}`,
      alignment: 'right',
      fontSize: 8,
      margin: [0, 0.5 * CM, 1.5 * CM, 0],
    }),
    images: images.dictionary,
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.1 },
    info: {
      title: report.title,
      author: report.kop.agency,
      creator: 'Graduasi PKH',
      producer: 'Graduasi PKH',
      creationDate: new Date(`${report.date.slice(0, 10)}T00:00:00Z`),
    },
  };
  return writePdf(definition, {});
}
