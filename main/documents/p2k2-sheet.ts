/**
 * The P2K2 daftar hadir: A4 landscape, the kop, the title and the meeting's lines, then a table of up to 15
 * families a page with their komponen, a place to sign and one box per attendance choice (H, I, S, A). Each page
 * carries a QR naming the meeting and the page, and four solid corner marks, so a scan of the signed page is read
 * back (main/services/p2k2/scan). The table is drawn at fixed positions (main/domain/p2k2-sheet.ts), never in the
 * flow: a long kop or a wrapped name cannot move a box. Prints a plain object of strings the service formatted.
 */
import type { CanvasElement, Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  columnLefts,
  MARK,
  SHEET_CHOICES,
  SHEET_COLUMNS,
  SHEET_MARGIN,
  SHEET_PAGE,
  SHEET_QR,
  SHEET_ROWS_PER_PAGE,
  SHEET_TABLE,
  type SheetColumnKey,
} from '../domain/p2k2-sheet';
import type { Kop } from '../domain/printed-document';
import { FONT, plain } from './fonts';
import { Images } from './images';
import { letterKop } from './kop';
import { qrPng } from './qr';
import { writePdf } from './render';

/** One family's printed row: each text column's value (the attendance boxes and TTD print empty). */
export type PrintedSheetRow = Partial<Record<SheetColumnKey, string>>;

export interface PrintedSheet {
  kop: Kop;
  /** 'DAFTAR HADIR P2K2 KELOMPOK MAWAR, TAHUN 2026' */
  title: string;
  /** The meeting's lines under the title: [label, value] (Waktu, Kelompok, Modul/Sesi, Tempat). */
  details: [string, string][];
  /** ISO date: the PDF's creation date, so the same sheet prints the same bytes. */
  date: string;
  pages: { code: string; rows: PrintedSheetRow[] }[];
}

const TEXT_BLOCK = SHEET_PAGE.width - 2 * SHEET_MARGIN;
const LINE = 0.5;

/** One cell's text at a fixed place, wrapped within its column (a one-cell table gives the width). */
function cell(
  x: number,
  y: number,
  width: number,
  text: string,
  options: { bold?: boolean; center?: boolean; size?: number } = {},
) {
  return {
    absolutePosition: { x, y },
    table: {
      widths: [width - 4],
      body: [
        [
          {
            text: plain(text),
            fontSize: options.size ?? 7,
            lineHeight: 1,
            bold: options.bold ?? false,
            alignment: options.center ? 'center' : 'left',
          },
        ],
      ],
    },
    layout: {
      defaultBorder: false,
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  } as Content;
}

/** The grid: the outer frame, every column's line, the header's and each row's line; the boxes shaded lightly. */
function grid(rows: number): CanvasElement[] {
  const lefts = columnLefts();
  const top = SHEET_TABLE.top;
  const bodyTop = top + SHEET_TABLE.headerHeight;
  const bottom = bodyTop + rows * SHEET_TABLE.rowHeight;
  const right = SHEET_MARGIN + TEXT_BLOCK;
  const lines: CanvasElement[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number, width = LINE): CanvasElement => ({
    type: 'line',
    x1,
    y1,
    x2,
    y2,
    lineWidth: width,
  });
  lines.push({ type: 'rect', x: SHEET_MARGIN, y: top, w: TEXT_BLOCK, h: SHEET_TABLE.headerHeight, color: '#e8e8e8' });
  for (const column of SHEET_COLUMNS) lines.push(line(lefts[column.key], top, lefts[column.key], bottom));
  lines.push(line(right, top, right, bottom));
  // the boxes' block is framed more boldly: the eye finds the row's boxes, the reader ignores its lines
  lines.push(line(lefts.hadir, top, lefts.hadir, bottom, 1.2));
  lines.push(line(SHEET_MARGIN, top, right, top));
  lines.push(line(SHEET_MARGIN, bodyTop, right, bodyTop));
  for (let r = 1; r <= rows; r++) {
    const y = bodyTop + r * SHEET_TABLE.rowHeight;
    lines.push(line(SHEET_MARGIN, y, right, y));
  }
  return lines;
}

function marks(): CanvasElement[] {
  const { size, inset } = MARK;
  const far = { x: SHEET_PAGE.width - inset - size, y: SHEET_PAGE.height - inset - size };
  return [
    [inset, inset],
    [far.x, inset],
    [inset, far.y],
    [far.x, far.y],
  ].map(([x, y]) => ({ type: 'rect', x, y, w: size, h: size, color: '#000000' }));
}

/** The box letters large, so a family finds H, I, S and A at a glance; the narrow komponen headers smaller. */
function headerSize(key: SheetColumnKey, width: number): number {
  if ((SHEET_CHOICES as readonly string[]).includes(key)) return 9;
  return width <= 26 ? 5.5 : 7;
}

function header(): Content[] {
  const lefts = columnLefts();
  const y = SHEET_TABLE.top + 8;
  // the narrow komponen columns take their header a size smaller, so DISAB and LANSIA stay on one line
  return SHEET_COLUMNS.map((c) =>
    cell(lefts[c.key], y, c.width, c.label, { bold: true, center: true, size: headerSize(c.key, c.width) }),
  );
}

function rowCells(rows: PrintedSheetRow[]): Content[] {
  const lefts = columnLefts();
  const out: Content[] = [];
  for (const [r, row] of rows.entries()) {
    const y = SHEET_TABLE.top + SHEET_TABLE.headerHeight + r * SHEET_TABLE.rowHeight + 2;
    for (const column of SHEET_COLUMNS) {
      const text = row[column.key];
      if (!text) continue;
      const center = column.width <= 26;
      out.push(cell(lefts[column.key], y, column.width, text, { center }));
    }
  }
  return out;
}

/** The kop, narrowed so the QR at the top right never sits on its lines; then the title and the meeting. */
function heading(sheet: PrintedSheet, images: Images): Content {
  const kopWidth = TEXT_BLOCK - SHEET_QR.size - 12;
  const details: Content = {
    table: {
      widths: ['auto', '*', 'auto', '*'],
      body: pairs(sheet.details).map(([a, b]) => [
        { text: a[0], bold: true },
        { text: plain(`: ${a[1]}`) },
        { text: b?.[0] ?? '', bold: true },
        { text: b ? plain(`: ${b[1]}`) : '' },
      ]),
    },
    layout: 'noBorders',
    fontSize: 9,
  };
  return {
    stack: [
      {
        columns: [
          { width: kopWidth, stack: [letterKop(sheet.kop, kopWidth, images)] },
          { width: '*', text: '' },
        ],
      },
      { text: plain(sheet.title.toUpperCase()), bold: true, fontSize: 12, alignment: 'center', margin: [0, 0, 0, 4] },
      details,
    ],
  };
}

function pairs<T>(items: T[]): [T, T | undefined][] {
  const out: [T, T | undefined][] = [];
  for (let i = 0; i < items.length; i += 2) out.push([items[i], items[i + 1]]);
  return out;
}

function footer(page: number, pages: number): Content {
  const y = SHEET_TABLE.top + SHEET_TABLE.headerHeight + SHEET_ROWS_PER_PAGE * SHEET_TABLE.rowHeight + 6;
  return {
    absolutePosition: { x: SHEET_MARGIN, y },
    columns: [
      {
        text: 'Beri tanda (X atau centang) di satu kotak H (hadir), I (izin), S (sakit) atau A (alfa) tiap keluarga. Jangan menulis di tanda sudut dan kode QR.',
        fontSize: 7,
        italics: true,
        width: TEXT_BLOCK - 90,
      },
      { text: `Halaman ${page} dari ${pages}`, fontSize: 8, alignment: 'right', width: 90 },
    ],
  };
}

function pageContent(sheet: PrintedSheet, index: number, images: Images): Content[] {
  const page = sheet.pages[index];
  return [
    { ...(heading(sheet, images) as object), ...(index > 0 ? { pageBreak: 'before' } : {}) } as Content,
    { canvas: [...marks(), ...grid(page.rows.length)], absolutePosition: { x: 0, y: 0 } },
    { image: qrPng(page.code), width: SHEET_QR.size, height: SHEET_QR.size, absolutePosition: SHEET_QR },
    ...header(),
    ...rowCells(page.rows),
    footer(index + 1, sheet.pages.length),
  ];
}

export async function renderSheet(sheet: PrintedSheet): Promise<{ bytes: Buffer; pages: number }> {
  const images = new Images();
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [SHEET_MARGIN, 52, SHEET_MARGIN, 40],
    content: sheet.pages.flatMap((_, i) => pageContent(sheet, i, images)),
    images: images.dictionary,
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.05 },
    info: {
      title: sheet.title,
      author: sheet.kop.agency,
      creator: 'Graduasi PKH',
      producer: 'Graduasi PKH',
      creationDate: new Date(`${sheet.date.slice(0, 10)}T00:00:00Z`),
    },
  };
  return writePdf(definition, {});
}
