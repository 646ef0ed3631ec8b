/** The long-jobs worker file for PDFs: documents, the kop sample and reports, laid out by pdfmake. */

import { workerData } from 'node:worker_threads';
import { setFontFolder } from '../documents/font-files';
import { type PrintedSheet, renderSheet } from '../documents/p2k2-sheet';
import { renderDocuments, renderKopPreview } from '../documents/render';
import { type PrintedReport, renderReport } from '../documents/report';
import { type PrintedServerSheet, renderServerSheet } from '../documents/server-sheet';
import type { Paper } from '../domain/documents';
import type { Kop, PrintedDocument, Signature } from '../domain/printed-document';
import { encodedFile } from '../services/exports/file-digest';
import { serve } from './serve';

if (workerData?.fontFolder) setFontFolder(workerData.fontFolder);

/** The PDF as the contract carries it (base64) and its sha256 for the export log, both made here. */
const answer = ({ bytes, pages }: { bytes: Buffer; pages: number }) => ({ value: { ...encodedFile(bytes), pages } });

export default serve({
  'render-documents': async (payload: { docs: PrintedDocument[]; copy?: boolean | boolean[] }, post) => {
    const rendered = await renderDocuments(payload.docs, {
      copy: payload.copy,
      onProgress: (done, total) => post({ done, total }),
    });
    return answer(rendered);
  },
  'render-kop-preview': async (payload: { kop: Kop; signature: Signature; paper: Paper }) => {
    return answer(await renderKopPreview(payload.kop, payload.signature, payload.paper));
  },
  'render-report': async (payload: { report: PrintedReport }) => {
    return answer(await renderReport(payload.report));
  },
  'render-p2k2-sheet': async (payload: { sheet: PrintedSheet }) => {
    return answer(await renderSheet(payload.sheet));
  },
  'render-server-sheet': async (payload: { sheet: PrintedServerSheet }) => {
    return answer(await renderServerSheet(payload.sheet));
  },
});
