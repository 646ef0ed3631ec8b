/**
 * The piagam's wording follows the graduation type: a graduasi sejahtera mandiri is the family's achievement
 * ("keberhasilan"); a graduasi alamiah (no komponen left: the children finished school) is not, and the piagam thanks
 * the family for taking part instead. The template keeps both texts, each editable; an empty alamiah text falls back
 * to the main one. Read back with pdftotext.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { templateSchema } from '../../main/domain/documents';
import type { Actor } from '../../main/services/actor';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { getTemplate, saveTemplate } from '../../main/services/documents/settings';
import type { PdfFile } from '../../main/services/documents/types';
import { graduatedFamilies } from '../support/documents-db';
import { pdfFile, pdfFlatText } from '../support/pdf';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});

const textOf = (pdf: PdfFile) => pdfFlatText(pdfFile(pdf.base64));

async function piagamOf(kind: 'mandiri' | 'alamiah', n: number) {
  const [kpmId] = graduatedFamilies(db, admin, [n], { kind }).kpmIds;
  // The fixture gives each decision's pendamping the same NIP, which must stay unique.
  db.$client.prepare('UPDATE pendamping SET nip = NULL').run();
  return textOf((await issueFamilyDocument(db, admin, { kind: 'piagam', kpmId, issuedDate: '2026-11-02' })).pdf);
}

describe('piagam per graduation type', () => {
  it('praises the achievement of a mandiri family and thanks an alamiah family for taking part', async () => {
    const mandiri = await piagamOf('mandiri', 1);
    expect(mandiri).toContain('atas keberhasilan keluarga mencapai graduasi sejahtera mandiri');
    const alamiah = await piagamOf('alamiah', 2);
    expect(alamiah).not.toContain('keberhasilan');
    expect(alamiah).toContain(
      'atas komitmen dan partisipasi keluarga selama menjadi peserta Program Keluarga Harapan (PKH) hingga selesai masa kepesertaannya (graduasi alamiah) pada tahun 2026',
    );
  });

  it('prints the main text for an alamiah family when the office empties the alamiah one', async () => {
    const template = getTemplate(db, 'piagam');
    saveTemplate(db, admin, templateSchema.parse({ ...template, bodyAlamiah: '' }));
    expect(getTemplate(db, 'piagam').bodyAlamiah).toBe('');
    expect(await piagamOf('alamiah', 3)).toContain('atas keberhasilan keluarga mencapai graduasi alamiah');
  });

  it('refuses an unknown placeholder in the alamiah text at its field', () => {
    const template = getTemplate(db, 'piagam');
    const parsed = templateSchema.safeParse({ ...template, bodyAlamiah: 'Atas {prestasi} keluarga' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['bodyAlamiah']);
  });
});
