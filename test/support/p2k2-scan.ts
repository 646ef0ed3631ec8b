/**
 * A scanner's output made from a printed daftar hadir, for the tests and the bench: the PDF rendered by poppler's
 * pdftoppm at a chosen dpi, boxes marked in the image as a pen would (a filled box, a tick, a cross), then turned a
 * few degrees, sprinkled with the scanner's speckle, and saved as PNG, JPEG or a scanner-style PDF (one image a
 * page, pdf-lib). Deterministic: a seed drives the noise.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { Attendance } from '../../main/domain/p2k2';
import { choiceBox, SHEET_PAGE } from '../../main/domain/p2k2-sheet';

export interface Image {
  width: number;
  height: number;
  /** Gray, one byte a pixel. */
  data: Uint8Array;
  dpi: number;
}

export type PenMark = 'fill' | 'tick' | 'cross';

/** Every page of the PDF as a gray image at `dpi`. */
export function rasterise(pdf: Buffer, dpi: number): Image[] {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-scan-'));
  writeFileSync(join(dir, 'sheet.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', String(dpi), join(dir, 'sheet.pdf'), join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('page'))
    .sort()
    .map((f) => {
      const png = PNG.sync.read(readFileSync(join(dir, f)));
      const data = new Uint8Array(png.width * png.height);
      for (let i = 0; i < data.length; i++) data[i] = png.data[i * 4];
      return { width: png.width, height: png.height, data, dpi };
    });
}

/** A pen stroke: a disc of radius r (pixels) stamped along the segment. */
function stroke(image: Image, x1: number, y1: number, x2: number, y2: number, r: number): void {
  const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1));
  for (let s = 0; s <= steps; s++) {
    const cx = x1 + ((x2 - x1) * s) / Math.max(1, steps);
    const cy = y1 + ((y2 - y1) * s) / Math.max(1, steps);
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (dx * dx + dy * dy > r * r) continue;
        const x = Math.round(cx + dx);
        const y = Math.round(cy + dy);
        if (x >= 0 && y >= 0 && x < image.width && y < image.height) image.data[y * image.width + x] = 30;
      }
    }
  }
}

/** Marks a row's box on an upright page image, as a person with a ballpoint pen would. */
export function markBox(image: Image, row: number, choice: Attendance, mark: PenMark): void {
  const k = image.dpi / 72;
  const box = choiceBox(row, choice);
  const [x0, y0, x1, y1] = [
    (box.x + 4) * k,
    (box.y + 4) * k,
    (box.x + box.width - 4) * k,
    (box.y + box.height - 4) * k,
  ];
  const pen = Math.max(1, Math.round(0.4 * k));
  if (mark === 'fill') {
    for (let y = y0; y <= y1; y += pen) stroke(image, x0, y, x1, y, pen);
  } else if (mark === 'tick') {
    const midX = x0 + (x1 - x0) * 0.35;
    stroke(image, x0, y0 + (y1 - y0) * 0.55, midX, y1, pen);
    stroke(image, midX, y1, x1, y0, pen);
  } else {
    stroke(image, x0, y0, x1, y1, pen);
    stroke(image, x0, y1, x1, y0, pen);
  }
}

/** A small deterministic random source (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The page turned `degrees` about its centre on white (bilinear), as a scanner's glass turns a sheet. */
export function rotate(image: Image, degrees: number): Image {
  const a = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [image.width / 2, image.height / 2];
  const data = new Uint8Array(image.width * image.height).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= image.width - 1 || y0 >= image.height - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const at = y0 * image.width + x0;
      const top = image.data[at] * (1 - fx) + image.data[at + 1] * fx;
      const bottom = image.data[at + image.width] * (1 - fx) + image.data[at + image.width + 1] * fx;
      data[y * image.width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { ...image, data };
}

/** The page sheared sideways (x moves by k pixels per pixel down from the middle), as a skewed feed does. */
export function shear(image: Image, k: number): Image {
  const data = new Uint8Array(image.data.length).fill(255);
  for (let y = 0; y < image.height; y++) {
    const shift = Math.round(k * (y - image.height / 2));
    for (let x = 0; x < image.width; x++) {
      const sx = x + shift;
      if (sx >= 0 && sx < image.width) data[y * image.width + x] = image.data[y * image.width + sx];
    }
  }
  return { ...image, data };
}

/** Gray paper and speckle: every pixel shifted by up to ±amount, and a share of pixels turned dark or white. */
export function addNoise(image: Image, seed: number, amount = 25, speckle = 0.01): Image {
  const next = random(seed);
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) {
    let v = image.data[i] - 12 + (next() * 2 - 1) * amount;
    const s = next();
    if (s < speckle / 2) v = 20;
    else if (s < speckle) v = 255;
    data[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return { ...image, data };
}

export function toPng(image: Image): Buffer {
  const png = new PNG({
    width: image.width,
    height: image.height,
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
  });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

export function toJpeg(image: Image, quality = 80): Buffer {
  const rgba = Buffer.alloc(image.width * image.height * 4);
  for (let i = 0; i < image.data.length; i++) rgba.fill(image.data[i], i * 4, i * 4 + 3).writeUInt8(255, i * 4 + 3);
  return Buffer.from(jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality).data);
}

/** A scanner's PDF: one A4 landscape page per image, the JPEG drawn over the whole page. */
export async function toScannerPdf(images: Image[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const image of images) {
    const embedded = await pdf.embedJpg(toJpeg(image));
    const page = pdf.addPage([SHEET_PAGE.width, SHEET_PAGE.height]);
    page.drawImage(embedded, { x: 0, y: 0, width: SHEET_PAGE.width, height: SHEET_PAGE.height });
  }
  return Buffer.from(await pdf.save());
}
