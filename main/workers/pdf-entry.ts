/** The long-jobs worker file for PDFs: documents, the kop sample and reports, laid out by pdfmake. */

import { workerData } from 'node:worker_threads';
import { setFontFolder } from '../documents/font-files';
import { type PrintedSheet, renderSheet } from '../documents/p2k2-sheet';
import { renderDocuments, renderKopPreview } from '../documents/render';
import { type PrintedReport, renderReport } from '../documents/report';
import type { Paper } from '../domain/documents';
import type { Kop, PrintedDocument, Signature } from '../domain/printed-document';
import { serve } from './serve';

if (workerData?.fontFolder) setFontFolder(workerData.fontFolder);

export default serve({
  'render-documents': async (payload: { docs: PrintedDocument[]; copy?: boolean | boolean[] }, post) => {
    const { bytes, pages } = await renderDocuments(payload.docs, {
      copy: payload.copy,
      onProgress: (done, total) => post({ done, total }),
    });
    return { bytes, value: { pages } };
  },
  'render-kop-preview': async (payload: { kop: Kop; signature: Signature; paper: Paper }) => {
    const { bytes, pages } = await renderKopPreview(payload.kop, payload.signature, payload.paper);
    return { bytes, value: { pages } };
  },
  'render-report': async (payload: { report: PrintedReport }) => {
    const { bytes, pages } = await renderReport(payload.report);
    return { bytes, value: { pages } };
  },
  'render-p2k2-sheet': async (payload: { sheet: PrintedSheet }) => {
    const { bytes, pages } = await renderSheet(payload.sheet);
    return { bytes, value: { pages } };
  },
});
