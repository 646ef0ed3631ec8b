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
import type { Layout } from './layout';
import { CM, closingRow, contentWidth, type Margins, type PageSetup, paragraphs } from './page';
import { qrBlock } from './qr';
import { signatureBlock } from './signature';

const MARGINS: Margins = [2.5 * CM, 2 * CM, 2 * CM, 2 * CM];

const COLUMNS: { label: string; width: number | '*'; value: (row: ListRow) => string }[] = [
  { label: 'Nama pengurus', width: 88, value: (r) => r.nama },
  { label: 'NIK', width: 70, value: (r) => r.nik },
  { label: 'Nomor KK', width: 70, value: (r) => r.noKk },
  { label: 'Alamat', width: '*', value: (r) => r.alamat },
  { label: 'Desa/ Kelurahan', width: 60, value: (r) => r.desa },
  { label: 'Kecamatan', width: 58, value: (r) => r.kecamatan },
  { label: 'Jenis graduasi', width: 62, value: (r) => r.jenisGraduasi },
  { label: 'Pendamping', width: 70, value: (r) => r.pendamping },
];
const KEPUTUSAN = { label: 'Keputusan', width: 70 as const, value: (r: ListRow) => r.keputusan };

/**
 * The last rows printed with the totals and the signature: a signature never stands alone on the last page
 * (the rule of the tata naskah dinas; a page with only a signature could be put under any list).
 */
const KEEP_WITH_SIGNATURE = 2;

type Column = (typeof COLUMNS)[number];

const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  fillColor: (rowIndex: number, node: { table: { headerRows?: number } }) =>
    rowIndex < (node.table.headerRows ?? 0) ? '#e8e8e8' : null,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A table of rows numbered from `first`, with the header row (repeated on each page) or without. */
function table(columns: Column[], rows: ListRow[], first: number, withHeader: boolean): Content {
  const header: TableCell[] = [
    { text: 'No', bold: true, alignment: 'center' },
    ...columns.map((c) => ({ text: c.label, bold: true, alignment: 'center' as const })),
  ];
  const body: TableCell[][] = rows.map((row, i) => [
    { text: String(first + i), alignment: 'right' },
    ...columns.map((c) => ({ text: plain(c.value(row)) })),
  ]);
  return {
    table: {
      headerRows: withHeader ? 1 : 0,
      dontBreakRows: true,
      widths: [18, ...columns.map((c) => c.width)],
      body: withHeader ? [header, ...body] : body,
    },
    layout: TABLE_LAYOUT,
    fontSize: 8.5,
    lineHeight: 1.05,
  };
}

/** The rows as a table over the pages, its last rows kept with `end` (totals, signature) in one block. */
function rowsThenEnd(rows: ListRow[], end: Content[]): Content[] {
  const columns = rows.some((r) => r.keputusan) ? [...COLUMNS, KEPUTUSAN] : COLUMNS;
  const split = Math.max(0, rows.length - KEEP_WITH_SIGNATURE);
  const last = rows.slice(split);
  // Same widths, so the two tables join seamlessly when the block fits under the first one.
  return [
    split > 0 ? table(columns, rows.slice(0, split), 1, true) : '',
    { stack: [table(columns, last, split + 1, split === 0), ...end], unbreakable: true },
  ].filter(Boolean);
}

function totals(rows: ListRow[]): Content {
  const lines = [`Jumlah: ${rows.length} KPM`];
  if (rows.some((r) => r.keputusan)) {
    const approved = rows.filter((r) => r.keputusan.startsWith('Disetujui')).length;
    const rejected = rows.filter((r) => r.keputusan.startsWith('Ditolak')).length;
    lines.push(`Disetujui: ${approved} KPM    Ditolak: ${rejected} KPM`);
  }
  return { text: lines.join('\n'), bold: true, margin: [0, 6, 0, 0] };
}

function heading(doc: PrintedDocument): Content {
  return {
    stack: [
      { text: plain(doc.title.toUpperCase()), bold: true, fontSize: 13 },
      ...(doc.list?.heading ?? []).map((line) => ({ text: plain(line), bold: true })),
      { text: plain(`Nomor: ${doc.number}`) },
    ],
    alignment: 'center',
    margin: [0, 6, 0, 10],
  };
}

export const listDocument: Layout = (doc, { images }) => {
  const setup: PageSetup = { paper: doc.paper, orientation: 'landscape', margins: MARGINS };
  const rows = doc.list?.rows ?? [];
  return {
    setup,
    numbered: true,
    content: [
      letterKop(doc.kop, contentWidth(setup), images),
      heading(doc),
      ...paragraphs(doc.opening, { indent: false }),
      ...rowsThenEnd(rows, [
        totals(rows),
        ...paragraphs(doc.body, { indent: false }),
        ...paragraphs(doc.closing, { indent: false }),
        closingRow(
          { stack: [qrBlock(doc.verificationCode)], width: '*', margin: [0, 30, 0, 0] },
          { ...signatureBlock(doc.signature), width: 260 },
        ),
      ]),
    ],
  };
};
