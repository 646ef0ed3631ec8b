/**
 * Reading one scanned page of the daftar hadir: the corner marks give the map from the sheet's points to the
 * scan's pixels, the QR at its printed place names the meeting and page, then each row's four boxes are sampled.
 * A box counts as marked when its interior is darker than the page's blank boxes by a clear margin; a row with
 * no such box, or with two, is flagged for the person reviewing it, never guessed.
 */
import jsQR from 'jsqr';
import { AppError } from '../../../domain/errors';
import type { Attendance } from '../../../domain/p2k2';
import {
  choiceBox,
  markCentres,
  type PageReading,
  parseSheetCode,
  type RowReading,
  SHEET_CHOICES,
  SHEET_QR,
  type SheetCode,
} from '../../../domain/p2k2-sheet';
import type { Gray } from './gray';
import { type Homography, homography, project } from './homography';
import { findMarks, inkThreshold } from './marks';

/** What a box needs above the page's blank boxes to count as marked: a ballpoint tick darkens about 6-10% of a box after the speckle filter, blank boxes about 0. */
const MARKED = 0.03;
/** The box's border and the grid lines are left out: its interior starts this far inside the printed cell. */
const INSET = 3.5;

const NOT_A_SHEET =
  'bukan lembar daftar hadir P2K2 dari aplikasi ini (tanda sudut atau kode QR tidak ditemukan). Pindai halaman ' +
  'daftar hadir yang dicetak dari aplikasi, utuh dengan keempat tanda hitam di sudutnya.';

function gray(image: Gray, x: number, y: number): number {
  const xi = Math.min(image.width - 1, Math.max(0, Math.round(x)));
  const yi = Math.min(image.height - 1, Math.max(0, Math.round(y)));
  return image.data[yi * image.width + xi];
}

/** QR sizes tried, in modules: versions 1 to 4 (the sheet's code needs version 1 or 2). */
const QR_MODULES = [21, 25, 29, 33];
const PIXELS_PER_MODULE = 6;
const QUIET = 4;

/**
 * The QR read module by module: its printed square is known on the page, so for each possible size each module's
 * middle is averaged (nine samples) and judged dark or light, and a clean QR is drawn from that for jsQR. A
 * scanner's speckle or a slight blur does not reach the decoder, where reading the noisy pixels failed on a
 * third of generated scans.
 */
function readQrModules(image: Gray, h: Homography, threshold: number): SheetCode | null {
  for (const n of QR_MODULES) {
    const module = SHEET_QR.size / n;
    const side = (n + 2 * QUIET) * PIXELS_PER_MODULE;
    const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        let sum = 0;
        for (const dy of [0.3, 0.5, 0.7]) {
          for (const dx of [0.3, 0.5, 0.7]) {
            const p = project(h, SHEET_QR.x + (c + dx) * module, SHEET_QR.y + (r + dy) * module);
            sum += gray(image, p.x, p.y);
          }
        }
        if (sum / 9 >= threshold) continue;
        for (let y = 0; y < PIXELS_PER_MODULE; y++) {
          const row = ((r + QUIET) * PIXELS_PER_MODULE + y) * side;
          for (let x = 0; x < PIXELS_PER_MODULE; x++) {
            const at = (row + (c + QUIET) * PIXELS_PER_MODULE + x) * 4;
            rgba[at] = 0;
            rgba[at + 1] = 0;
            rgba[at + 2] = 0;
          }
        }
      }
    }
    const found = jsQR(rgba, side, side, { inversionAttempts: 'dontInvert' });
    if (found) return parseSheetCode(found.data);
  }
  return null;
}

/**
 * The dark share of a box's interior: sampled at about one point a pixel, a sample is ink when it and its right
 * and lower neighbours are dark, so the scanner's speckle (single pixels) does not count and a pen's stroke does.
 */
function darkShare(image: Gray, h: Homography, row: number, choice: Attendance, threshold: number, step: number) {
  const box = choiceBox(row, choice);
  let dark = 0;
  let total = 0;
  for (let y = box.y + INSET; y <= box.y + box.height - INSET; y += step) {
    for (let x = box.x + INSET; x <= box.x + box.width - INSET; x += step) {
      const p = project(h, x, y);
      total++;
      if (gray(image, p.x, p.y) >= threshold) continue;
      if (gray(image, p.x + 1, p.y) < threshold && gray(image, p.x, p.y + 1) < threshold) dark++;
    }
  }
  return total ? dark / total : 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function readRows(image: Gray, h: Homography, rows: number, threshold: number): RowReading[] {
  const pixelsPerPoint = Math.hypot(project(h, 1, 0).x - project(h, 0, 0).x, project(h, 1, 0).y - project(h, 0, 0).y);
  const step = Math.max(0.2, 1 / pixelsPerPoint);
  const shares = Array.from({ length: rows }, (_, r) =>
    SHEET_CHOICES.map((choice) => darkShare(image, h, r, choice, threshold, step)),
  );
  // most boxes of a page are blank (one box of four a row at most is marked): their median is the blank's level
  const blank = median(shares.flat());
  return shares.map((row, r) => {
    const darkness = row.map((share) => Math.max(0, share - blank));
    const marked = SHEET_CHOICES.filter((_, i) => darkness[i] >= MARKED);
    const flag = marked.length === 0 ? 'tidak_ada_tanda' : marked.length > 1 ? 'lebih_dari_satu_tanda' : null;
    return {
      row: r,
      choice: marked.length === 1 ? marked[0] : null,
      flag,
      darkness: darkness.map((d) => Math.round(d * 1000) / 1000),
    };
  });
}

/** The page's map for each way it may lie on the glass: upright, then upside down. */
function orientations(found: { x: number; y: number }[]): Homography[] {
  const page = markCentres();
  const upsideDown = [found[3], found[2], found[1], found[0]];
  return [found, upsideDown].map((image) => homography(page, image)).filter((h): h is Homography => h !== null);
}

/** Reads one page; `what` names it in a refusal ("scan.pdf halaman 2"). */
export function readPage(image: Gray, what: string): PageReading {
  const threshold = inkThreshold(image);
  const marks = findMarks(image, threshold);
  if (marks.some((m) => m === null)) throw new AppError('INVALID_INPUT', `${what}: ${NOT_A_SHEET}`);
  for (const h of orientations(marks as { x: number; y: number }[])) {
    const code = readQrModules(image, h, threshold);
    if (code) return { code, rows: readRows(image, h, code.rows, threshold) };
  }
  throw new AppError('INVALID_INPUT', `${what}: ${NOT_A_SHEET}`);
}
