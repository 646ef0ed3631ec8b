/**
 * Reading the uploaded scans (run in the long-jobs worker): each file, PDF, PNG or JPEG, becomes its pages, and
 * each page its reading and a small image for the review screen. A page that is not a sheet refuses the upload
 * with its file and page named: nothing of an upload is half-read.
 */

import { AppError } from '../../../domain/errors';
import type { PageReading } from '../../../domain/p2k2-sheet';
import { decodeImage, fileType, type Gray, previewPng } from './gray';
import { readPage } from './page';
import { pdfPages } from './pdf-images';

export interface ScanFile {
  name: string;
  bytes: Uint8Array;
}

export interface ScannedPage {
  /** The file and the page in it ("scan.pdf halaman 2", or the image file's name). */
  source: string;
  reading: PageReading;
  /** The page as a PNG about 1,100 pixels wide, base64, shown beside the rows. */
  preview: string;
}

async function pagesOf(file: ScanFile): Promise<{ source: string; gray: Gray }[]> {
  const type = fileType(file.bytes);
  if (type === 'png' || type === 'jpeg')
    return [{ source: file.name, gray: await decodeImage(file.bytes, file.name, type) }];
  if (type === 'pdf') {
    const pages = await pdfPages(file.bytes, file.name);
    return pages.map((gray, i) => ({ source: pages.length > 1 ? `${file.name} halaman ${i + 1}` : file.name, gray }));
  }
  throw new AppError(
    'FILE_UNSUPPORTED',
    `${file.name}: bukan berkas PDF, PNG atau JPEG. Unggah hasil pindaian lembar daftar hadir.`,
  );
}

export async function readScans(files: ScanFile[], options: { previews?: boolean } = {}): Promise<ScannedPage[]> {
  const out: ScannedPage[] = [];
  for (const file of files) {
    for (const { source, gray } of await pagesOf(file)) {
      const reading = readPage(gray, source);
      const preview = options.previews === false ? '' : previewPng(gray).toString('base64');
      out.push({ source, reading, preview });
    }
  }
  return out;
}
