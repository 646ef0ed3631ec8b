/**
 * Made once, printed anywhere: the PDF is rendered from the stored snapshot, so a reprint is
 * the letter as issued even after the family's data changed, marked SALINAN when the office wants it; a voided
 * document is not reprinted. Read back with pdftotext (poppler-utils).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { kopPreview } from '../../main/services/documents/pdf';
import { reprintDocument } from '../../main/services/documents/print';
import { voidDocument } from '../../main/services/documents/register';
import { getDocumentSettings, saveDocumentSettings } from '../../main/services/documents/settings';
import type { PdfFile } from '../../main/services/documents/types';
import { updateKpm } from '../../main/services/kpm';
import { graduatedFamilies } from '../support/documents-db';
import { OFFICE } from '../support/office';
import { pdfFile, pdfFlatText } from '../support/pdf';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});

/** The PDF's text, lines joined by single spaces. */
const textOf = (pdf: PdfFile) => pdfFlatText(pdfFile(pdf.base64));

async function issuedSk() {
  const { kpmIds } = graduatedFamilies(db, admin, [1]);
  const issued = await issueFamilyDocument(db, admin, {
    kind: 'sk_graduasi',
    kpmId: kpmIds[0],
    issuedDate: '2026-11-02',
  });
  return { kpmId: kpmIds[0], ...issued };
}

describe('printing', () => {
  it('prints the number, the family, its desa, the signatory and NIP on the first print, without SALINAN', async () => {
    const { pdf } = await issuedSk();
    const text = textOf(pdf);
    for (const expected of [
      '460/1/Dinsos/XI/2026',
      'KELUARGA UJI 1',
      '3375014507850001',
      'Medono',
      OFFICE.headName,
      OFFICE.headNip,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('SALINAN');
  });

  it('reprints the letter as issued after the family name changed, marked SALINAN, counted and audited', async () => {
    const { kpmId, document } = await issuedSk();
    const saved = updateKpm(
      db,
      admin,
      kpmId,
      familyInput({
        idKpm: 'P000000000001',
        noKk: '3375010101100001',
        nik: '3375014507850001',
        nama: 'Sri Rahayuningsih',
        members: [],
        acceptWarnings: true,
      }),
    );
    expect(saved.status).toBe('saved');
    const copy = await reprintDocument(db, admin, document.id);
    const text = textOf(copy);
    expect(text).toContain('KELUARGA UJI 1');
    expect(text).not.toMatch(/Rahayuningsih/i);
    expect(text).toContain('SALINAN');
    expect(db.$client.prepare('SELECT print_count FROM documents WHERE id = ?').pluck().get(document.id)).toBe(2);
    expect(
      db.$client
        .prepare("SELECT summary FROM audit_log WHERE action = 'reprint_document' AND entity_id = ?")
        .pluck()
        .get(document.id),
    ).toBe('Cetak ulang Surat keterangan graduasi nomor 460/1/Dinsos/XI/2026 (cetakan ke-2)');

    saveDocumentSettings(db, admin, { ...getDocumentSettings(db), place: 'Pekalongan', markCopies: false });
    expect(textOf(await reprintDocument(db, admin, document.id))).not.toContain('SALINAN');
  });

  it('does not reprint a voided document, and says why', async () => {
    const { document } = await issuedSk();
    voidDocument(db, admin, { id: document.id, reason: 'Tanggal SK salah' });
    await expect(reprintDocument(db, admin, document.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/sudah dibatalkan pada .*\(Tanggal SK salah\)/),
    });
    expect(db.$client.prepare('SELECT print_count FROM documents WHERE id = ?').pluck().get(document.id)).toBe(1);
  });

  it('previews the kop from the current settings on the chosen paper', async () => {
    const preview = await kopPreview(db, 'F4');
    expect(preview.fileName).toBe('contoh-kop-F4.pdf');
    const text = textOf(preview);
    expect(text).toContain('PEMERINTAH KOTA PEKALONGAN');
    expect(text).toContain('DINAS SOSIAL KOTA PEKALONGAN');
  });
});
