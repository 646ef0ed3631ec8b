/**
 * PDFs laid out in the long-jobs worker: pdfmake lays a document out in one synchronous run (500 letters
 * blocked the main thread 2-3 s, a 2,500-recipient report about 7 s). The same layouts run there, so the
 * bytes are the ones main/documents/render.ts gives in process.
 */

import type { PrintedSheet } from '../documents/p2k2-sheet';
import type { RenderOptions } from '../documents/render';
import type { PrintedReport } from '../documents/report';
import type { PrintedServerSheet } from '../documents/server-sheet';
import type { Paper } from '../domain/documents';
import type { Kop, PrintedDocument, Signature } from '../domain/printed-document';
import type { EncodedFile } from '../services/exports/file-digest';
import { currentLongJobs } from './scope';

/** The PDF's base64 and sha256 are made in the worker too (file-digest.ts). */
type Rendered = EncodedFile & { pages: number };

export function renderDocumentsInWorker(docs: PrintedDocument[], options: RenderOptions = {}): Promise<Rendered> {
  const { copy, onProgress, signal } = options;
  return currentLongJobs().run<Rendered>(
    'render-documents',
    { docs, copy },
    {
      signal,
      cancelMessage: 'Pembuatan dokumen dibatalkan.',
      onProgress: (progress) => {
        const { done, total } = progress as { done: number; total: number };
        onProgress?.(done, total);
      },
    },
  );
}

export function renderKopPreviewInWorker(kop: Kop, signature: Signature, paper: Paper): Promise<Rendered> {
  return currentLongJobs().run<Rendered>('render-kop-preview', { kop, signature, paper });
}

export function renderReportInWorker(report: PrintedReport): Promise<Rendered> {
  return currentLongJobs().run<Rendered>('render-report', { report });
}

export function renderSheetInWorker(sheet: PrintedSheet): Promise<Rendered> {
  return currentLongJobs().run<Rendered>('render-p2k2-sheet', { sheet });
}

export function renderServerSheetInWorker(sheet: PrintedServerSheet): Promise<Rendered> {
  return currentLongJobs().run<Rendered>('render-server-sheet', { sheet });
}
