/**
 * Daftar usulan / lampiran keputusan: the families of a proposal or decision as a table over as many
 * pages as needed. Landscape, because ten columns (two of them 16-digit numbers) do not fit a portrait
 * page at a readable size. Kop on the first page, header row on every page, totals and the signature at the
 * end, the QR on the last page; render.ts adds "Halaman x dari y".
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ListRow, PrintedDocument } from '../domain/printed-document';
import { plain } from './fonts';
import { letterKop } from './kop';
import type { Layout, LayoutContext } from './layout';
import { CM, closingRow, contentWidth, type Margins, type PageSetup, paragraphs, present } from './page';
import { qrBlock } from './qr';
import { signatureBlock } from './signature';
import { wholeNumbers } from './whole-numbers';

const MARGINS: Margins = [2.5 * CM, 2 * CM, 2 * CM, 2 * CM];

/** A column of a list: its header, width (of the text) and value; `style` sets a cell's own look. */
export interface ListColumn<R> {
  label: string;
  width: number | '*';
  value: (row: R) => string;
  /** Extra style of the column's cells by row number (alignment, a tall signature cell). */
  style?: (no: number) => Partial<TableCell & object>;
}

const COLUMNS: ListColumn<ListRow>[] = [
  { label: 'Nama pengurus', width: 88, value: (r) => r.nama },
  { label: 'NIK', width: 70, value: (r) => r.nik },
  { label: 'Nomor KK', width: 70, value: (r) => r.noKk },
  { label: 'Alamat', width: '*', value: (r) => r.alamat },
  { label: 'Desa/ Kelurahan', width: 60, value: (r) => r.desa },
  { label: 'Kecamatan', width: 58, value: (r) => r.kecamatan },
  { label: 'Jenis graduasi', width: 62, value: (r) => r.jenisGraduasi },
  { label: 'Pendamping', width: 70, value: (r) => r.pendamping },
];
const KEPUTUSAN: ListColumn<ListRow> = { label: 'Keputusan', width: 70, value: (r) => r.keputusan };

/**
 * The last rows printed with the totals and the signature: a signature never stands alone on the last page
 * (the rule of the tata naskah dinas; a page with only a signature could be put under any list).
 */
const KEEP_WITH_SIGNATURE = 2;

/** Cell padding is each cell's margin (the layout pads nothing), so the closing cell can span edge to edge. */
const CELL_MARGIN: Margins = [3, 2, 3, 2];
/** The rows' cells are set small; the closing cell keeps the letter's size for totals and signature. */
const CELL = { margin: CELL_MARGIN, fontSize: 8.5, lineHeight: 1.05 };

const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  fillColor: (rowIndex: number, node: { table: { headerRows?: number } }) =>
    rowIndex < (node.table.headerRows ?? 0) ? '#e8e8e8' : null,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

function headerRow<R>(columns: ListColumn<R>[]): TableCell[] {
  return [{ text: 'No' }, ...columns.map((c) => ({ text: c.label }))].map((cell) => ({
    ...cell,
    bold: true,
    alignment: 'center' as const,
    ...CELL,
  }));
}

function bodyRows<R>(columns: ListColumn<R>[], rows: R[], first: number): TableCell[][] {
  return rows.map((row, i) => [
    { text: String(first + i), alignment: 'right', ...CELL },
    ...columns.map((c) => ({ text: plain(c.value(row)), ...CELL, ...c.style?.(first + i) }) as TableCell),
  ]);
}

/** A column's width with its cells' side margins (the widths above are the text's). */
function withMargins(width: number | '*'): number | '*' {
  return width === '*' ? width : width + CELL_MARGIN[0] + CELL_MARGIN[2];
}

function table<R>(
  columns: ListColumn<R>[],
  header: TableCell[] | null,
  body: TableCell[][],
  margin?: Margins,
): Content {
  return {
    margin,
    table: {
      headerRows: header ? 1 : 0,
      dontBreakRows: true,
      widths: [18, ...columns.map((c) => c.width)].map(withMargins),
      body: header ? [header, ...body] : body,
    },
    layout: TABLE_LAYOUT,
  };
}

/**
 * The rows as one table over the pages, header row on each. Its last row is one borderless cell across the
 * table holding the last rows (a table of the same widths), the totals and the signature: a table row is
 * never split, so they move to a new page together, under the repeated header.
 */
function rowsThenEnd<R>(columns: ListColumn<R>[], rows: R[], end: Content[]): Content {
  const split = Math.max(0, rows.length - KEEP_WITH_SIGNATURE);
  const closing: TableCell = {
    // pulled out by half a line so its lines fall on the outer table's (the cell starts inside them)
    stack: present(
      rows.length > 0 && table(columns, null, bodyRows(columns, rows.slice(split), split + 1), [-0.5, -0.5, -0.5, 0]),
      ...end,
    ),
    colSpan: columns.length + 1,
    border: [false, false, false, false],
  };
  const spanned: TableCell[] = columns.map(() => ({}));
  return table(columns, headerRow(columns), [...bodyRows(columns, rows.slice(0, split), 1), [closing, ...spanned]]);
}

/** The totals under the table, bold, in the letter's size. */
export function totalsBlock(lines: string[]): Content {
  return { text: lines.join('\n'), bold: true, margin: [0, 6, 0, 0] };
}

function totals(rows: ListRow[]): Content {
  const lines = [`Jumlah: ${rows.length} KPM`];
  if (rows.some((r) => r.keputusan)) {
    const approved = rows.filter((r) => r.keputusan.startsWith('Disetujui')).length;
    const rejected = rows.filter((r) => r.keputusan.startsWith('Ditolak')).length;
    lines.push(`Disetujui: ${approved} KPM    Ditolak: ${rejected} KPM`);
  }
  return totalsBlock(lines);
}

function heading(doc: PrintedDocument, lines: string[]): Content {
  return {
    stack: [
      { text: plain(doc.title.toUpperCase()), bold: true, fontSize: 13 },
      ...lines.map((line) => ({ text: wholeNumbers(line), bold: true })),
      { text: plain(`Nomor: ${doc.number}`) },
    ],
    alignment: 'center',
    margin: [0, 6, 0, 10],
  };
}

/** What a list document is made of: its heading lines, columns, rows and the totals under the table. */
export interface ListContent<R> {
  heading: string[];
  columns: ListColumn<R>[];
  rows: R[];
  totals: Content;
}

/**
 * What follows the table. With no text after the totals (the default wording), the signature rides in the
 * table's last row with the last rows. A body or closing text flows on instead (a table row is never split,
 * so a long text there would be lost), and its last paragraph is kept with the signature.
 */
function afterTable<R>(doc: PrintedDocument, list: ListContent<R>): Content[] {
  const signature = closingRow(
    { stack: [qrBlock(doc)], width: '*', margin: [0, 30, 0, 0] },
    { ...signatureBlock(doc.signature), width: 260 },
  );
  const text = [...paragraphs(doc.body, { indent: false }), ...paragraphs(doc.closing, { indent: false })];
  if (text.length === 0) return [rowsThenEnd(list.columns, list.rows, [list.totals, signature])];
  return [
    rowsThenEnd(list.columns, list.rows, [list.totals]),
    { text: '', margin: [0, 6, 0, 0] },
    ...text.slice(0, -1),
    { stack: [...text.slice(-1), signature], unbreakable: true },
  ];
}

/** A list document: kop, title, heading and number, the opening, then the table and what follows it. */
export function listLayout<R>(doc: PrintedDocument, images: LayoutContext['images'], list: ListContent<R>) {
  const setup: PageSetup = { paper: doc.paper, orientation: 'landscape', margins: MARGINS };
  return {
    setup,
    numbered: true,
    content: [
      letterKop(doc.kop, contentWidth(setup), images),
      heading(doc, list.heading),
      ...paragraphs(doc.opening, { indent: false }),
      ...afterTable(doc, list),
    ],
  };
}

export const listDocument: Layout = (doc, { images }) => {
  const rows = doc.list?.rows ?? [];
  return listLayout(doc, images, {
    heading: doc.list?.heading ?? [],
    columns: rows.some((r) => r.keputusan) ? [...COLUMNS, KEPUTUSAN] : COLUMNS,
    rows,
    totals: totals(rows),
  });
};
