/**
 * A scanned page as 8-bit grayscale, the one form the reader works on: PNG and JPEG files decoded here, and the
 * page images a scanner's PDF embeds (scan/pdf-images.ts). Transparent pixels count as white paper.
 */
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../../../domain/errors';
import { unfilterRows } from './png-rows';

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A 300 dpi A4 page is 8.7 million pixels; 40 million is a 600 dpi scan, more than the reader needs. */
const MAX_PIXELS = 40_000_000;

export function checkSize(width: number, height: number, what: string): void {
  if (width < 200 || height < 200)
    throw new AppError('FILE_UNSUPPORTED', `${what}: gambar terlalu kecil untuk dibaca.`);
  if (width * height > MAX_PIXELS) {
    throw new AppError('FILE_UNSUPPORTED', `${what}: gambar terlalu besar; pindai ulang pada 150-300 dpi.`);
  }
}

/** RGBA (or RGB, or gray) pixels to gray with the usual luma weights, alpha over white. */
export function toGray(pixels: Uint8Array, width: number, height: number, channels: 1 | 3 | 4): Gray {
  const n = width * height;
  const data = new Uint8Array(n);
  if (channels === 1) {
    data.set(pixels.subarray(0, n));
    return { width, height, data };
  }
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    let v = (pixels[p] * 77 + pixels[p + 1] * 150 + pixels[p + 2] * 29) >> 8;
    if (channels === 4 && pixels[p + 3] < 255) v = 255 - (((255 - v) * pixels[p + 3]) >> 8);
    data[i] = v;
  }
  return { width, height, data };
}

/**
 * An 8-bit gray, RGB or RGBA PNG without interlace (what scanners and pdftoppm write) read straight: inflated
 * natively and unfiltered here, faster than pngjs, which expands every pixel to RGBA first. Null for any other
 * PNG, which pngjs reads.
 */
function plainPng(bytes: Uint8Array): Gray | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 33 || view.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = view.readUInt32BE(16);
  const height = view.readUInt32BE(20);
  const [depth, colour, , , interlace] = view.subarray(24, 29);
  const channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, 1 | 3 | 4>)[colour];
  if (depth !== 8 || !channels || interlace !== 0) return null;
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= view.length; ) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') parts.push(view.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  checkSize(width, height, 'PNG');
  const rows = unfilterRows(inflateSync(Buffer.concat(parts)), width * channels, channels, height);
  return toGray(rows, width, height, channels);
}

export function decodePng(bytes: Uint8Array, what: string): Gray {
  let plain: Gray | null;
  try {
    plain = plainPng(bytes);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${what}: ${error.message.replace(/^PNG: /, '')}`);
    throw new AppError('FILE_CORRUPT', `${what}: berkas PNG rusak atau tidak dapat dibaca.`);
  }
  if (plain) return plain;
  let png: { width: number; height: number; data: Buffer };
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new AppError('FILE_CORRUPT', `${what}: berkas PNG rusak atau tidak dapat dibaca.`);
  }
  checkSize(png.width, png.height, what);
  return toGray(png.data, png.width, png.height, 4);
}

/**
 * A JPEG's luma: decoded without the colour transform, the first channel is Y, which is the gray the reader wants,
 * and the transform to RGB (and back to gray) is a third of jpeg-js's time saved.
 */
export function decodeJpeg(bytes: Uint8Array, what: string): Gray {
  let image: { width: number; height: number; data: Uint8Array };
  try {
    image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      colorTransform: false,
      maxMemoryUsageInMB: 1024,
    });
  } catch {
    throw new AppError('FILE_CORRUPT', `${what}: berkas JPEG rusak atau tidak dapat dibaca.`);
  }
  checkSize(image.width, image.height, what);
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * 3];
  return { width: image.width, height: image.height, data };
}

/** What a file's first bytes say it is. */
export function fileType(bytes: Uint8Array): 'png' | 'jpeg' | 'pdf' | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
  return null;
}

/**
 * A smaller copy for the review screen (box average, about `width` pixels wide) as PNG bytes, in 16 shades: a
 * scan's speckle made the full-shade PNG of a page about 600 KB, the 16-shade one a fraction of it.
 */
export function previewPng(gray: Gray, width = 1000): Buffer {
  const step = Math.max(1, gray.width / width);
  const w = Math.max(1, Math.floor(gray.width / step));
  const h = Math.max(1, Math.floor(gray.height / step));
  const png = new PNG({ width: w, height: h, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  const out = Buffer.alloc(w * h);
  const s = Math.floor(step);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y * step);
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x * step);
      let sum = 0;
      let count = 0;
      for (let dy = 0; dy < s && y0 + dy < gray.height; dy++) {
        const row = (y0 + dy) * gray.width;
        for (let dx = 0; dx < s && x0 + dx < gray.width; dx++) {
          sum += gray.data[row + x0 + dx];
          count++;
        }
      }
      const v = count ? Math.round(sum / count) : 255;
      out[y * w + x] = (v & 0xf0) | (v >> 4);
    }
  }
  png.data = out;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, deflateLevel: 6 });
}
