/**
 * The PDF layouts alone, without the database: 500 surat keterangan graduasi (F4, a QR each) rendered in one
 * renderDocuments call, as a wisuda batch prints them. Median of three passes after a warm-up, and the pages.
 * (documents_500_pdf, issuing the numbers too, is the services' figure.)
 */
import { renderDocuments } from '../../main/documents/render';
import { printedDocument, SAMPLE_FAMILY } from '../support/documents';
import { report } from './stats';

const LETTERS = 500;
const PASSES = 3;

export async function benchDocumentsRender(): Promise<void> {
  const docs = Array.from({ length: LETTERS }, (_, i) =>
    printedDocument('sk_graduasi', {
      paper: 'F4',
      number: `460/${i + 1}/Dinsos/XI/2026`,
      family: { ...SAMPLE_FAMILY, nama: `KELUARGA UJI ${i + 1}`, nik: `33750145078${String(50000 + i)}` },
    }),
  );
  await renderDocuments(docs.slice(0, 20));
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < PASSES; i++) {
    const start = performance.now();
    pages = (await renderDocuments(docs)).pages;
    times.push((performance.now() - start) / 1000);
  }
  report('documents_500_render', times.sort((a, b) => a - b)[Math.floor(PASSES / 2)], 's');
  report('documents_500_render_pages', pages, 'pages', 0);
}
