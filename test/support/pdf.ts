/**
 * Reading a produced PDF back as a person or a scanner would: poppler-utils (pdftotext, pdfinfo, pdftoppm)
 * and jsqr. Shared by the documents and awards tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const DIR = mkdtempSync(join(tmpdir(), 'graduasi-pdf-'));
let files = 0;

/** Writes PDF bytes (a Buffer or the contract's base64) to a temporary file and returns its path. */
export function pdfFile(bytes: Buffer | string): string {
  const file = join(DIR, `doc-${++files}.pdf`);
  writeFileSync(file, typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes);
  return file;
}

export const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The text in reading order, runs of whitespace as one space, so a name wrapped in a table cell reads whole. */
export const pdfFlatText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** pdftotext of one page (-f/-l), to say on which page something printed. */
export const pdfPageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });

/** Page sizes in points from pdfinfo, one per page. */
export function pageSizes(file: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** The QR on a page, read by jsqr from a 150 dpi image of the page, as a scanner would see the printout. */
export function readQr(file: string, page = 1): string | null {
  const prefix = join(DIR, `qr-${++files}`);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Text with pdftotext's layout spacing collapsed, so a value wrapped or spaced out still matches. */
export const squash = (s: string) => s.replace(/\s+/g, ' ');
