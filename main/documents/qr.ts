/**
 * The verification QR (issue 8 point 6) at the bottom left of every document: the code as a QR (error
 * correction M, about 2.5 cm), the code as small text under it and what the QR is for.
 */
import type { Column } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import { CM } from './page';

export const QR_SIZE = 2.5 * CM;
/** The code is about 130 characters: printed in short lines. Readers drop whitespace, so the breaks are harmless. */
const CODE_LINE = 32;

export function qrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
}

export function codeLines(code: string): string {
  const lines: string[] = [];
  for (let i = 0; i < code.length; i += CODE_LINE) lines.push(code.slice(i, i + CODE_LINE));
  return lines.join('\n');
}

/** The QR block; `svg` from qrSvg(code), made beforehand since qrcode is asynchronous. */
export function qrBlock(code: string, svg: string): Column {
  return {
    stack: [
      { svg, width: QR_SIZE, height: QR_SIZE },
      { text: codeLines(code), fontSize: 6.5, lineHeight: 1, margin: [0, 3, 0, 2] },
      { text: 'Pindai untuk memeriksa keaslian dokumen', fontSize: 7, italics: true },
    ],
    width: 150,
  };
}
