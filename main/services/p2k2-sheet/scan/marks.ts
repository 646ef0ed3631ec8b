/**
 * Finding the four solid corner marks of a scanned sheet. In each corner of the image the dark blobs are followed
 * (flood fill) and the one nearest the corner that looks like the mark is kept: about the mark's size for the
 * scan's resolution, square, and solid (a rotated square still fills 90% of its bounding box; a QR finder ring, a
 * letter or a logo does not fit). Blobs touching the image's edge are a scanner's shadow, not a mark.
 */
import { MARK, SHEET_PAGE } from '../../../domain/p2k2-sheet';
import type { Gray } from './gray';
import type { Point } from './homography';

/** The share of the width and height searched in each corner: the mark sits within 36 pt of the corner. */
const WINDOW = 0.2;

/** Otsu's threshold over a sample of the pixels: the gray level that best splits ink from paper. */
export function inkThreshold(gray: Gray): number {
  const histogram = new Uint32Array(256);
  const step = Math.max(1, Math.floor(gray.data.length / 400_000));
  let total = 0;
  for (let i = 0; i < gray.data.length; i += step) {
    histogram[gray.data[i]]++;
    total++;
  }
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v];
  let below = 0;
  let belowSum = 0;
  let best = 128;
  let bestVariance = -1;
  for (let v = 0; v < 256; v++) {
    below += histogram[v];
    if (below === 0 || below === total) continue;
    belowSum += v * histogram[v];
    const above = total - below;
    const mb = belowSum / below;
    const ma = (sum - belowSum) / above;
    const variance = below * above * (mb - ma) * (mb - ma);
    if (variance > bestVariance) {
      bestVariance = variance;
      best = v;
    }
  }
  // a page that is nearly all paper splits its paper's own shades: ink is clearly darker than that
  return Math.min(170, Math.max(70, best));
}

interface Blob {
  count: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  sumX: number;
  sumY: number;
  edge: boolean;
}

/** The dark blobs of one window of the image (4-connected). */
function blobs(gray: Gray, threshold: number, x0: number, y0: number, w: number, h: number, minCount: number): Blob[] {
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const found: Blob[] = [];
  const dark = (x: number, y: number) => gray.data[(y0 + y) * gray.width + x0 + x] < threshold;
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || !dark(start % w, (start / w) | 0)) continue;
    const blob: Blob = { count: 0, minX: w, maxX: 0, minY: h, maxY: 0, sumX: 0, sumY: 0, edge: false };
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const at = stack[--top];
      const x = at % w;
      const y = (at / w) | 0;
      blob.count++;
      blob.sumX += x;
      blob.sumY += y;
      if (x < blob.minX) blob.minX = x;
      if (x > blob.maxX) blob.maxX = x;
      if (y < blob.minY) blob.minY = y;
      if (y > blob.maxY) blob.maxY = y;
      if (x0 + x === 0 || y0 + y === 0 || x0 + x === gray.width - 1 || y0 + y === gray.height - 1) blob.edge = true;
      const next = [x > 0 ? at - 1 : -1, x < w - 1 ? at + 1 : -1, y > 0 ? at - w : -1, y < h - 1 ? at + w : -1];
      for (const n of next) {
        if (n >= 0 && !seen[n] && dark(n % w, (n / w) | 0)) {
          seen[n] = 1;
          stack[top++] = n;
        }
      }
    }
    if (blob.count >= minCount)
      found.push({
        ...blob,
        minX: blob.minX + x0,
        maxX: blob.maxX + x0,
        minY: blob.minY + y0,
        maxY: blob.maxY + y0,
        sumX: blob.sumX + x0 * blob.count,
        sumY: blob.sumY + y0 * blob.count,
      });
  }
  return found;
}

/**
 * The centres of the marks in the image's corners, top-left, top-right, bottom-left, bottom-right, or null for
 * each corner without one. The expected side comes from the image's longer edge against A4's.
 */
export function findMarks(gray: Gray, threshold: number): (Point | null)[] {
  const pixelsPerPoint = Math.max(gray.width, gray.height) / SHEET_PAGE.width;
  const side = MARK.size * pixelsPerPoint;
  const w = Math.floor(gray.width * WINDOW);
  const h = Math.floor(gray.height * WINDOW);
  const corners = [
    { x0: 0, y0: 0, cx: 0, cy: 0 },
    { x0: gray.width - w, y0: 0, cx: gray.width, cy: 0 },
    { x0: 0, y0: gray.height - h, cx: 0, cy: gray.height },
    { x0: gray.width - w, y0: gray.height - h, cx: gray.width, cy: gray.height },
  ];
  return corners.map(({ x0, y0, cx, cy }) => {
    let best: { point: Point; distance: number } | null = null;
    for (const blob of blobs(gray, threshold, x0, y0, w, h, Math.floor(side * side * 0.3))) {
      const bw = blob.maxX - blob.minX + 1;
      const bh = blob.maxY - blob.minY + 1;
      const sized = bw > side * 0.6 && bw < side * 1.6 && bh > side * 0.6 && bh < side * 1.6;
      const square = bw / bh > 0.75 && bw / bh < 1.33;
      if (blob.edge || !sized || !square || blob.count / (bw * bh) < 0.75) continue;
      const point = { x: blob.sumX / blob.count, y: blob.sumY / blob.count };
      const distance = Math.hypot(point.x - cx, point.y - cy);
      if (!best || distance < best.distance) best = { point, distance };
    }
    return best?.point ?? null;
  });
}
