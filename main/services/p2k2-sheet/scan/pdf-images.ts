/**
 * The page images of a scanner's PDF: a scanner embeds one image per page, a JPEG (DCTDecode) or deflated pixels
 * (FlateDecode, sometimes with PNG predictors). The largest image of each page is the scan; a PDF without images
 * (a printed sheet sent back as it was made) has nothing to read and is refused, never rasterised here.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFPage, PDFRawStream } from 'pdf-lib';
import { AppError } from '../../../domain/errors';
import { checkSize, decodeImage, type Gray, toGray } from './gray';
import { unfilterRows } from './png-rows';

const name = (dict: PDFDict, key: string) => dict.lookup(PDFName.of(key));
const num = (dict: PDFDict | undefined, key: string, fallback: number) => {
  const value = dict?.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : fallback;
};

/** The image XObjects of a page's resources, largest first. */
function pageImages(resources: PDFDict | undefined): PDFRawStream[] {
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return [];
  const images: PDFRawStream[] = [];
  for (const key of xobjects.keys()) {
    const object = xobjects.lookup(key);
    if (object instanceof PDFRawStream && name(object.dict, 'Subtype') === PDFName.of('Image')) images.push(object);
  }
  const area = (s: PDFRawStream) => num(s.dict, 'Width', 0) * num(s.dict, 'Height', 0);
  return images.sort((a, b) => area(b) - area(a));
}

function filters(dict: PDFDict): string[] {
  const filter = name(dict, 'Filter');
  if (filter instanceof PDFName) return [filter.decodeText()];
  if (filter instanceof PDFArray) return filter.asArray().map((f) => (f instanceof PDFName ? f.decodeText() : ''));
  return [];
}

/** Channels of the image's colour space: gray, RGB, or an ICC profile's N. */
function channels(dict: PDFDict): 1 | 3 | 4 | null {
  const space = name(dict, 'ColorSpace');
  if (space === PDFName.of('DeviceGray')) return 1;
  if (space === PDFName.of('DeviceRGB')) return 3;
  if (space instanceof PDFArray && space.lookup(0) === PDFName.of('ICCBased')) {
    const profile = space.lookup(1);
    const n = profile instanceof PDFRawStream ? num(profile.dict, 'N', 0) : 0;
    return n === 1 || n === 3 ? n : null;
  }
  return null;
}

/** Deflated or uncompressed pixels, 8 bits a channel or 1-bit black and white. */
function pixelImage(stream: PDFRawStream, what: string, deflated: boolean): Gray {
  const { dict } = stream;
  const width = num(dict, 'Width', 0);
  const height = num(dict, 'Height', 0);
  const bits = num(dict, 'BitsPerComponent', 8);
  const n = channels(dict);
  if (!n || (bits !== 8 && !(bits === 1 && n === 1))) {
    throw new AppError(
      'FILE_UNSUPPORTED',
      `${what}: jenis gambar di PDF ini tidak didukung; pindai sebagai JPEG atau PNG.`,
    );
  }
  checkSize(width, height, what);
  const parms = dict.lookupMaybe(PDFName.of('DecodeParms'), PDFDict);
  const rowBytes = Math.ceil((width * n * bits) / 8);
  let data: Uint8Array = deflated ? inflateSync(stream.contents) : stream.contents;
  if (num(parms, 'Predictor', 1) >= 10) data = unfilterRows(data, rowBytes, Math.max(1, (n * bits) >> 3), height);
  if (bits === 1) {
    const gray = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) gray[y * width + x] = data[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
    }
    return { width, height, data: gray };
  }
  return toGray(data, width, height, n);
}

/** Each page's scan as gray, in page order. */
export async function pdfPages(bytes: Uint8Array, fileName: string): Promise<Gray[]> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    throw new AppError('FILE_CORRUPT', `${fileName}: berkas PDF rusak atau tidak dapat dibaca.`);
  }
  const grays: Gray[] = [];
  for (const [i, page] of pdf.getPages().entries()) {
    grays.push(await pageGray(page, `${fileName} halaman ${i + 1}`));
  }
  return grays;
}

/** A page's first image as gray: a scanner writes one JPEG (DCTDecode) or pixel image per page. */
async function pageGray(page: PDFPage, what: string): Promise<Gray> {
  const [image] = pageImages(page.node.Resources());
  if (!image) {
    throw new AppError(
      'FILE_UNSUPPORTED',
      `${what}: tidak ada gambar pindaian di halaman ini. Unggah PDF hasil mesin pindai (scanner), bukan PDF cetakan.`,
    );
  }
  const kinds = filters(image.dict);
  if (kinds.includes('DCTDecode')) return decodeImage(image.contents, what, 'jpeg');
  if (kinds.length === 0) return pixelImage(image, what, false);
  if (kinds.length === 1 && kinds[0] === 'FlateDecode') return pixelImage(image, what, true);
  throw new AppError(
    'FILE_UNSUPPORTED',
    `${what}: pemadatan gambar ${kinds.join(', ')} tidak didukung; atur mesin pindai ke JPEG atau simpan sebagai PNG.`,
  );
}
