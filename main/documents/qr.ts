/**
 * The verification QR at the bottom left of every document: the code as a QR (error
 * correction M, about 2.5 cm), the code as small text under it and what the QR is for.
 *
 * The QR is a small 1-bit PNG (4 pixels a module, black and white, no smoothing needed to read it), made
 * here from qrcode's module matrix. As an SVG or as vector rectangles, pdfmake measured and drew hundreds of
 * shapes per letter, most of a 500-letter batch's time; a 1-bit PNG goes into the PDF as it is.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Column } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import type { PrintedDocument } from '../domain/printed-document';
import { CM } from './page';

export const QR_SIZE = 2.5 * CM;
/** The code is about 130 characters: printed in short lines. Readers drop whitespace, so the breaks are harmless. */
const CODE_LINE = 40;
const PIXELS_PER_MODULE = 4;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The code's QR as a 1-bit grayscale PNG data URL (dark modules black, no quiet zone: the page is white). */
export function qrPng(code: string): string {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const side = modules.size * PIXELS_PER_MODULE;
  const stride = Math.ceil(side / 8) + 1; // a filter byte (0: none) before each row
  const raw = Buffer.alloc(stride * side);
  for (let row = 0; row < modules.size; row++) {
    const line = Buffer.alloc(stride);
    for (let x = 0; x < side; x++) {
      // 1 is white in a grayscale PNG: set the bits of light modules
      if (!modules.get(row, Math.floor(x / PIXELS_PER_MODULE))) line[1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
    for (let k = 0; k < PIXELS_PER_MODULE; k++) line.copy(raw, (row * PIXELS_PER_MODULE + k) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, no filter method, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

export function codeLines(code: string): string {
  const lines: string[] = [];
  for (let i = 0; i < code.length; i += CODE_LINE) lines.push(code.slice(i, i + CODE_LINE));
  return lines.join('\n');
}

/** The QR (the page address when the letter has one, else the code) with the bare code printed under it. */
export function qrBlock(doc: Pick<PrintedDocument, 'verificationCode' | 'qrContent'>): Column {
  return {
    stack: [
      { image: qrPng(doc.qrContent ?? doc.verificationCode), width: QR_SIZE, height: QR_SIZE },
      { text: codeLines(doc.verificationCode), fontSize: 6, lineHeight: 1, margin: [0, 4, 0, 1] },
      { text: 'Pindai untuk memeriksa keaslian dokumen', fontSize: 7, italics: true },
    ],
    width: 150,
  };
}
