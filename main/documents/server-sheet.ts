/**
 * The office server's sheet (A4 portrait) for the staff PCs' desks: the kop, the address to open (with a QR of
 * it), the certificate's SHA-256 fingerprint to compare before trusting it, and the short steps. Prints a plain
 * object of strings the service formatted.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Kop } from '../domain/printed-document';
import { FONT, plain } from './fonts';
import { Images } from './images';
import { letterKop } from './kop';
import { qrPng } from './qr';
import { writePdf } from './render';

export interface PrintedServerSheet {
  kop: Kop;
  /** 'https://192.168.1.10:5443/' */
  url: string;
  /** 'AB:CD:…' (32 pairs). */
  fingerprint: string;
  /** The server PC's name. */
  hostname: string;
  /** Formatted day of printing: 'Senin, 7 Desember 2026'. */
  printedOn: string;
  /** ISO date: the PDF's creation date, so the same sheet prints the same bytes. */
  date: string;
  steps: string[];
}

const MARGIN = 56;
const TEXT_BLOCK = 595.28 - 2 * MARGIN;

/** The fingerprint in four lines of eight pairs: easier to compare pair by pair than one long line. */
function fingerprintLines(fingerprint: string): string {
  const pairs = fingerprint.split(':');
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 8) lines.push(pairs.slice(i, i + 8).join(' : '));
  return lines.join('\n');
}

function body(sheet: PrintedServerSheet, images: Images): Content[] {
  return [
    letterKop(sheet.kop, TEXT_BLOCK, images),
    { text: 'PETUNJUK MEMBUKA GRADUASI PKH DARI KOMPUTER STAF', bold: true, fontSize: 13, alignment: 'center' },
    { text: `Server kantor: ${plain(sheet.hostname)}`, alignment: 'center', margin: [0, 2, 0, 14] },
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: 'Alamat yang dibuka di Chrome atau Edge', bold: true },
            { text: sheet.url, fontSize: 18, bold: true, margin: [0, 4, 0, 12] },
            { text: 'Sidik jari sertifikat kantor (SHA-256)', bold: true },
            { text: fingerprintLines(sheet.fingerprint), fontSize: 10.5, lineHeight: 1.3, margin: [0, 4, 0, 0] },
          ],
        },
        { width: 110, image: qrPng(sheet.url), fit: [110, 110] },
      ],
      columnGap: 16,
    },
    { text: 'Langkah', bold: true, fontSize: 12, margin: [0, 18, 0, 6] },
    { ol: sheet.steps.map((step) => ({ text: plain(step), margin: [0, 0, 0, 4] })) },
    {
      text:
        'Bila sidik jari yang tampil di komputer Anda berbeda dengan lembar ini, jangan lanjutkan dan jangan ' +
        'memasukkan kata sandi: hubungi administrator.',
      bold: true,
      margin: [0, 14, 0, 0],
    },
    { text: `Dicetak ${sheet.printedOn}`, fontSize: 9, italics: true, margin: [0, 18, 0, 0] },
  ];
}

export async function renderServerSheet(sheet: PrintedServerSheet): Promise<{ bytes: Buffer; pages: number }> {
  const images = new Images();
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [MARGIN, 48, MARGIN, 48],
    content: body(sheet, images),
    images: images.dictionary,
    defaultStyle: { font: FONT, fontSize: 11, lineHeight: 1.15 },
    info: {
      title: 'Petunjuk server kantor Graduasi PKH',
      author: sheet.kop.agency,
      creator: 'Graduasi PKH',
      producer: 'Graduasi PKH',
      creationDate: new Date(`${sheet.date.slice(0, 10)}T00:00:00Z`),
    },
  };
  return writePdf(definition, {});
}
