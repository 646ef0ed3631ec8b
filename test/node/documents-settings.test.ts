/**
 * Document settings: the Kepala Dinas from the office profile, templates with their
 * placeholders checked at the field and a version per edit, number patterns that cannot collide, and
 * signatories that cannot be switched off while a kind signs with them. Each change audited.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { DOCUMENT_KINDS } from '../../main/domain/documents';
import type { Actor } from '../../main/services/actor';
import {
  documentSetup,
  getDocumentSettings,
  getTemplate,
  saveDocumentSettings,
  saveSignatory,
  saveTemplate,
} from '../../main/services/documents/settings';
import { expectAppError, expectFailure, expectOk } from '../support/errors';
import { userActor } from '../support/graduation';
import { ADMIN, OFFICE } from '../support/office';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});

const audits = (action: string, entity: string) =>
  db.$client.prepare('SELECT count(*) FROM audit_log WHERE action = ? AND entity = ?').pluck().get(action, entity);

const KABID = {
  onBehalfOf: 'a.n. Kepala Dinas Sosial Kota Pekalongan',
  position: 'Kepala Bidang Perlindungan dan Jaminan Sosial',
  name: 'Ir. BAMBANG SUTRISNO',
  rank: 'Pembina (IV/a)',
  nip: '197001011995031002',
  active: true,
};

async function loggedIn(): Promise<{ api: Dispatcher; session: string }> {
  const api = createDispatcher(db, () => {});
  const login = expectOk<{ sessionToken: string }>(
    await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null),
  );
  return { api, session: login.sessionToken };
}

describe('document settings', () => {
  it('shows the Kepala Dinas from the office profile and every kind template in order', () => {
    const setup = documentSetup(db);
    expect(setup.head).toEqual({
      position: 'Kepala Dinas Sosial Kota Pekalongan',
      name: OFFICE.headName,
      rank: OFFICE.headRank,
      nip: OFFICE.headNip,
    });
    expect(setup.templates.map((t) => t.kind)).toEqual([...DOCUMENT_KINDS]);
    expect(setup.settings).toMatchObject({
      paper: 'A4',
      unitCode: 'Dinsos',
      separateSequences: false,
      markCopies: true,
    });
  });

  it('refuses an unknown placeholder at the field, before anything is stored', async () => {
    const { api, session } = await loggedIn();
    const template = getTemplate(db, 'sk_graduasi');
    const result = await api.call(
      'documents.saveTemplate',
      { ...template, body: 'Keluarga {nama} lulus {jenis_graduasi} dengan {nama_lengkap}.' },
      session,
    );
    expectFailure(result, 'INVALID_INPUT', undefined, { body: /Isian \{nama_lengkap\} tidak dikenal/ });
    expect(getTemplate(db, 'sk_graduasi')).toEqual(template);
  });

  it('counts a version per edit, with who and when, audited', () => {
    const template = getTemplate(db, 'sk_graduasi');
    const saved = saveTemplate(db, admin, { ...template, closing: 'Demikian, untuk dipergunakan seperlunya.' });
    expect(saved).toMatchObject({
      version: 2,
      updatedByName: 'admin',
      closing: 'Demikian, untuk dipergunakan seperlunya.',
    });
    expect(saved.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(audits('update', 'document_template')).toBe(1);
  });

  it('refuses a pattern without the year, and one another kind uses when sequences are separate', () => {
    const sk = getTemplate(db, 'sk_graduasi');
    expectAppError(
      () => saveTemplate(db, admin, { ...sk, numberPattern: '460/{nomor}/{kode unit}' }),
      'INVALID_INPUT',
      undefined,
      {
        numberPattern: /harus memuat \{tahun\}/,
      },
    );
    // Every kind still shares the default pattern: one sequence per kind would print each number up to five times.
    expectAppError(
      () => saveDocumentSettings(db, admin, { ...getDocumentSettings(db), separateSequences: true }),
      'INVALID_INPUT',
      undefined,
      { separateSequences: /Surat keterangan graduasi, Surat pernyataan graduasi mandiri, Piagam penghargaan/ },
    );
    expect(getDocumentSettings(db).separateSequences).toBe(false);
    for (const [kind, code] of [
      ['pernyataan_mandiri', 'SPM'],
      ['piagam', 'PGM'],
      ['daftar_usulan', 'DUS'],
      ['lampiran_keputusan', 'LKP'],
      ['bast', 'BST'],
      ['daftar_penerima', 'DPN'],
      ['surat_teguran', 'STG'],
    ] as const) {
      saveTemplate(db, admin, { ...getTemplate(db, kind), numberPattern: `460/{nomor}/${code}/{tahun}` });
    }
    expect(
      saveDocumentSettings(db, admin, { ...getDocumentSettings(db), separateSequences: true }).separateSequences,
    ).toBe(true);
    expectAppError(
      () => saveTemplate(db, admin, { ...sk, numberPattern: '460/{nomor}/PGM/{tahun}' }),
      'INVALID_INPUT',
      undefined,
      {
        numberPattern: /sudah dipakai Piagam penghargaan/,
      },
    );
  });

  it('keeps a default signatory on until its kinds sign with someone else', () => {
    const kabid = saveSignatory(db, admin, KABID);
    expect(audits('create', 'signatory')).toBe(1);
    saveTemplate(db, admin, { ...getTemplate(db, 'piagam'), signatoryId: kabid.id });
    expectAppError(
      () => saveSignatory(db, admin, { ...KABID, id: kabid.id, active: false }),
      'INVALID_INPUT',
      undefined,
      {
        active: /penandatangan bawaan Piagam penghargaan/,
      },
    );
    saveTemplate(db, admin, { ...getTemplate(db, 'piagam'), signatoryId: null });
    const off = saveSignatory(db, admin, { ...KABID, id: kabid.id, rank: 'Pembina Tingkat I (IV/b)', active: false });
    expect(off).toMatchObject({ active: false, rank: 'Pembina Tingkat I (IV/b)' });
    // A signatory switched off cannot become a kind's default.
    expectAppError(
      () => saveTemplate(db, admin, { ...getTemplate(db, 'piagam'), signatoryId: kabid.id }),
      'INVALID_INPUT',
      undefined,
      {
        signatoryId: /tidak aktif/,
      },
    );
  });

  it('is for the administrator alone', () => {
    const operator = userActor(db, admin, 'operator', 'op1');
    expectAppError(() => saveSignatory(db, operator, KABID), 'FORBIDDEN');
    expectAppError(() => saveDocumentSettings(db, operator, { ...getDocumentSettings(db) }), 'FORBIDDEN');
    expectAppError(() => saveTemplate(db, operator, getTemplate(db, 'piagam')), 'FORBIDDEN');
  });
});
