/**
 * The NIK on a document, per kind (Pengaturan > Dokumen, "NIK di dokumen"): the piagam, handed over in public,
 * prints it masked by default; the official letters (surat keterangan, surat pernyataan, BAST) in full. The issued
 * document keeps what it printed: after the setting changes a reprint is byte for byte the issued PDF.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { templateSchema } from '../../main/domain/documents';
import type { Actor } from '../../main/services/actor';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { reprintDocument } from '../../main/services/documents/print';
import {
  getDocumentSettings,
  getTemplate,
  saveDocumentSettings,
  saveTemplate,
} from '../../main/services/documents/settings';
import type { PdfFile } from '../../main/services/documents/types';
import { graduatedFamilies } from '../support/documents-db';
import { pdfFile, pdfFlatText } from '../support/pdf';
import { setUpOffice } from './helpers';

const NIK = '3375014507850001';
const MASKED = '3375********0001';

let db: Db;
let admin: Actor;
let kpmId: number;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  [kpmId] = graduatedFamilies(db, admin, [1]).kpmIds;
});

const textOf = (pdf: PdfFile) => pdfFlatText(pdfFile(pdf.base64));
const issue = (kind: 'piagam' | 'sk_graduasi' | 'pernyataan_mandiri') =>
  issueFamilyDocument(db, admin, { kind, kpmId, issuedDate: '2026-11-02' });

function setNikDisplay(kind: 'piagam' | 'sk_graduasi', nikDisplay: 'lengkap' | 'disamarkan') {
  const { title, opening, body, closing, numberPattern, signatoryId } = getTemplate(db, kind);
  saveTemplate(
    db,
    admin,
    templateSchema.parse({ kind, title, opening, body, closing, numberPattern, signatoryId, nikDisplay }),
  );
}

describe('NIK on documents', () => {
  it('masks the NIK on the piagam and prints it in full on the surat keterangan and the surat pernyataan', async () => {
    expect(
      ['sk_graduasi', 'pernyataan_mandiri', 'piagam', 'bast'].map((k) => getTemplate(db, k as 'bast').nikDisplay),
    ).toEqual(['lengkap', 'lengkap', 'disamarkan', 'lengkap']);
    const piagam = await issue('piagam');
    expect(textOf(piagam.pdf)).toContain(`NIK ${MASKED}`);
    expect(textOf(piagam.pdf)).not.toContain(NIK);
    const sk = await issue('sk_graduasi');
    expect(textOf(sk.pdf)).toContain(NIK);
    const pernyataan = await issue('pernyataan_mandiri');
    expect(textOf(pernyataan.pdf)).toContain(NIK);
  });

  it('follows the setting per kind, keeps it when a template is saved without it, and audits the change', async () => {
    setNikDisplay('piagam', 'lengkap');
    setNikDisplay('sk_graduasi', 'disamarkan');
    const { title, opening, body, closing, numberPattern, signatoryId } = getTemplate(db, 'sk_graduasi');
    saveTemplate(
      db,
      admin,
      templateSchema.parse({ kind: 'sk_graduasi', title, opening, body, closing, numberPattern, signatoryId }),
    );
    expect(getTemplate(db, 'sk_graduasi').nikDisplay).toBe('disamarkan');
    expect(textOf((await issue('piagam')).pdf)).toContain(`NIK ${NIK}`);
    expect(textOf((await issue('sk_graduasi')).pdf)).toContain(MASKED);
    const audit = db.$client
      .prepare("SELECT after FROM audit_log WHERE entity = 'document_template' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ kind: 'sk_graduasi', nikDisplay: 'disamarkan' });
  });

  it('reprints an issued piagam byte for byte as issued after the setting changed', async () => {
    saveDocumentSettings(db, admin, { ...getDocumentSettings(db), markCopies: false });
    const issued = await issue('piagam');
    setNikDisplay('piagam', 'lengkap');
    const again = await reprintDocument(db, admin, issued.document.id);
    expect(Buffer.from(again.base64, 'base64').equals(Buffer.from(issued.pdf.base64, 'base64'))).toBe(true);
    expect(textOf(again)).toContain(MASKED);
  });
});
