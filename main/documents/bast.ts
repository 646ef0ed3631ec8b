/**
 * Berita acara serah terima (BAST) of an award: kop, title and number, "Pada hari ini ...",
 * PIHAK PERTAMA (the officer, for the office) and PIHAK KEDUA (the family, or its representative), what was
 * handed over as a table with the total in figures and in words, the closing, then the signatures: PIHAK KEDUA
 * left and PIHAK PERTAMA right, the witnesses under them, "Mengetahui" the signatory centred with the QR.
 */
import type { Column, Content, TableCell } from 'pdfmake/interfaces';
import { formatNumber } from '../domain/format';
import type { Handover, HandoverWitness, PrintedDocument } from '../domain/printed-document';
import { plain } from './fonts';
import { letterKop } from './kop';
import { familyOf, type Layout } from './layout';
import { CM, contentWidth, LETTER_MARGINS, type PageSetup, paragraphs, present, titleBlock } from './page';
import { qrBlock } from './qr';
import { placeAndDate } from './signature';

/** Space to sign (and stamp): a little less than a letter's, so two rows of signatures fit one page. */
const SIGN = 36;

function handoverOf(doc: PrintedDocument): Handover {
  if (!doc.handover) throw new Error(`Dokumen ${doc.number} (${doc.kind}) tidak memuat data serah terima.`);
  return doc.handover;
}

/** A party: its number, the identity lines (label : value) and the sentence naming it. */
function party(no: string, rows: [string, string][], role: string): Content {
  const body: TableCell[][] = rows.map(([label, value], i) => [
    i === 0 ? `${no}.` : '',
    label,
    ':',
    { text: plain(value), bold: label === 'Nama' && i === 0 },
  ]);
  body.push(['', { text: plain(role), colSpan: 3, alignment: 'justify' }, '', '']);
  return {
    table: { widths: [14, 4.2 * CM, 6, '*'], body },
    layout: 'noBorders',
    lineHeight: 1.05,
    margin: [0, 0, 0, 4],
  };
}

function firstParty(h: Handover): Content {
  const p = h.firstParty;
  const rows: [string, string][] = [
    ['Nama', p.name],
    ...(p.nip ? [['NIP', p.nip] as [string, string]] : []),
    ['Jabatan', p.position],
  ];
  return party('1', rows, `bertindak atas nama ${p.office}, selanjutnya disebut PIHAK PERTAMA.`);
}

function secondParty(doc: PrintedDocument, h: Handover): Content {
  const f = familyOf(doc);
  const rtRw = [f.rt && `RT ${f.rt}`, f.rw && `RW ${f.rw}`].filter(Boolean).join('/');
  const family: [string, string][] = [
    ['NIK', f.nik],
    ['Alamat', [f.alamat, rtRw].filter(Boolean).join(' ')],
    ['Desa/Kelurahan', f.desa],
    ['Kecamatan', f.kecamatan],
  ];
  if (!h.representative) {
    return party(
      '2',
      [['Nama', f.nama], ...family],
      'selaku pengurus KPM Program Keluarga Harapan, selanjutnya disebut PIHAK KEDUA.',
    );
  }
  const r = h.representative;
  return party(
    '2',
    [['Nama', r.name], ['Hubungan', `${r.relationship} dari pengurus KPM`], ['Pengurus KPM', f.nama], ...family],
    `bertindak atas nama pengurus KPM ${f.nama}, selanjutnya disebut PIHAK KEDUA.`,
  );
}

const CELL = { margin: [3, 1, 3, 1] as [number, number, number, number], fontSize: 9.5 };
const money = (n: number) => ({ text: formatNumber(n), alignment: 'right' as const, ...CELL });

/** The items handed over, cash as its own line, the total, and the total in words under the table. */
function itemsTable(h: Handover): Content[] {
  const header = ['No', 'Uraian', 'Banyaknya', 'Satuan', 'Harga satuan (Rp)', 'Jumlah (Rp)'].map((text) => ({
    text,
    bold: true,
    alignment: 'center' as const,
    ...CELL,
  }));
  const lines: TableCell[][] = h.items.map((item, i) => [
    { text: String(i + 1), alignment: 'right', ...CELL },
    { text: plain(item.name), ...CELL },
    { text: formatNumber(item.quantity), alignment: 'right', ...CELL },
    { text: plain(item.unit), ...CELL },
    money(item.unitPrice),
    money(item.amount),
  ]);
  if (h.cash > 0) {
    lines.push([
      { text: String(lines.length + 1), alignment: 'right', ...CELL },
      { text: 'Uang tunai', ...CELL },
      { text: '', ...CELL },
      { text: '', ...CELL },
      { text: '', ...CELL },
      money(h.cash),
    ]);
  }
  const total: TableCell[] = [
    { text: 'JUMLAH', bold: true, alignment: 'right', colSpan: 5, ...CELL },
    {},
    {},
    {},
    {},
    { ...money(h.total), bold: true },
  ];
  return [
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [20, '*', 56, 45, 80, 80], body: [header, ...lines, total] },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        fillColor: (row: number) => (row === 0 ? '#e8e8e8' : null),
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0,
      },
      margin: [0, 2, 0, 4],
    },
    { text: plain(`Terbilang: (${h.totalWords})`), italics: true, bold: true, margin: [0, 0, 0, 6] },
  ];
}

/** One signer: the lines above, space to sign, the name (bold, underlined) and what is under it. */
function signer(above: string[], name: string, under: Content[] = []): Column {
  return {
    stack: [
      ...above.map((line, i) => ({
        text: plain(line),
        margin: [0, 0, 0, i === above.length - 1 ? SIGN : 0] as [number, number, number, number],
      })),
      name
        ? { text: plain(name), bold: true, decoration: 'underline' }
        : { text: '(.................................)' },
      ...under,
    ],
    alignment: 'center',
    width: '*',
  };
}

/**
 * PIHAK KEDUA (who received) at the left and PIHAK PERTAMA (who handed over) at the right, dated above it,
 * the QR between them.
 */
function parties(doc: PrintedDocument, h: Handover): Content {
  const receiver = h.representative?.name ?? familyOf(doc).nama;
  const nip = present(h.firstParty.nip && { text: plain(`NIP. ${h.firstParty.nip}`) });
  return {
    stack: [
      { text: plain(placeAndDate(doc.signature)), alignment: 'right', margin: [0, 0, 0, 2] },
      {
        columns: [
          signer(['PIHAK KEDUA', 'Yang menerima,'], receiver),
          { stack: [qrBlock(doc)], width: 150, margin: [0, 4, 0, 0] },
          signer(['PIHAK PERTAMA', 'Yang menyerahkan,'], h.firstParty.name, nip),
        ],
        columnGap: 10,
      },
    ],
    unbreakable: true,
    margin: [0, 6, 0, 0],
  };
}

/** The witnesses, one line each (name, position) with a dotted line to sign on. */
function witnessList(list: HandoverWitness[]): Column {
  const rows: TableCell[][] = list.map((w, i) => [
    `${i + 1}.`,
    {
      stack: [
        { text: plain(w.name), bold: true },
        { text: plain(w.position), fontSize: 9 },
      ],
    },
    { text: '..........................', margin: [0, 12, 0, 0] },
  ]);
  return {
    stack: [
      { text: 'Saksi-saksi:' },
      { table: { widths: [12, '*', 90], body: rows }, layout: 'noBorders', margin: [0, 4, 0, 0] },
    ],
    width: '*',
  };
}

/** The witnesses at the left and "Mengetahui," the head of office (or a.n.) at the right. */
function acknowledged(doc: PrintedDocument, h: Handover): Content {
  const s = doc.signature;
  const under = present(s.rank && { text: plain(s.rank) }, s.nip && { text: plain(`NIP. ${s.nip}`) });
  return {
    columns: [
      h.witnesses.length > 0 ? witnessList(h.witnesses) : { text: '', width: '*' },
      signer(['Mengetahui,', s.onBehalfOf, s.position].filter(Boolean), s.name, under),
    ],
    columnGap: 16,
    unbreakable: true,
    margin: [0, 10, 0, 0],
  };
}

export const bast: Layout = (doc, { images }) => {
  // 1.5 cm at the top and bottom: the two parties, the items and three rows of signatures fit one A4 page
  const [left, , right] = LETTER_MARGINS;
  const setup: PageSetup = { paper: doc.paper, orientation: 'portrait', margins: [left, 1.5 * CM, right, 1.5 * CM] };
  const h = handoverOf(doc);
  return {
    setup,
    content: [
      letterKop(doc.kop, contentWidth(setup), images),
      titleBlock(doc.title, doc.number),
      {
        stack: [
          ...paragraphs(doc.opening, { indent: false }),
          firstParty(h),
          secondParty(doc, h),
          ...paragraphs(doc.body, { indent: false }),
          ...itemsTable(h),
          ...paragraphs(doc.closing, { indent: false }),
          parties(doc, h),
          acknowledged(doc, h),
        ],
        fontSize: 10,
        lineHeight: 1.05,
      },
    ],
  };
};
