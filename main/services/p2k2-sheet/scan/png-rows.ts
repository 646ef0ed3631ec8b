/**
 * PNG row filters (and a PDF's Flate predictors 10-15, which are the same): each row starts with its filter byte,
 * and the bytes are differences from the pixel to the left, above, their average or the Paeth predictor.
 */
export function unfilterRows(data: Uint8Array, rowBytes: number, bpp: number, rows: number): Uint8Array {
  const out = new Uint8Array(rows * rowBytes);
  for (let y = 0; y < rows; y++) {
    const type = data[y * (rowBytes + 1)];
    const src = y * (rowBytes + 1) + 1;
    const at = y * rowBytes;
    const prev = at - rowBytes;
    if (type === 0 || (type === 2 && y === 0)) {
      out.set(data.subarray(src, src + rowBytes), at);
      continue;
    }
    for (let x = 0; x < rowBytes; x++) {
      const left = x >= bpp ? out[at + x - bpp] : 0;
      const up = y > 0 ? out[prev + x] : 0;
      let add = 0;
      if (type === 1) add = left;
      else if (type === 2) add = up;
      else if (type === 3) add = (left + up) >> 1;
      else if (type === 4) {
        const upLeft = y > 0 && x >= bpp ? out[prev + x - bpp] : 0;
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[at + x] = (data[src + x] + add) & 0xff;
    }
  }
  return out;
}
