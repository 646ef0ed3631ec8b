/**
 * The documents methods through the contract (what the renderer calls): a PDF crosses as base64 bytes with its
 * file name and page count, lists are paged, and the roles are enforced before any service runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher, type Dispatcher } from '../../main/api/dispatch';
import { DOCUMENT_KINDS } from '../../main/domain/documents';
import type { Actor } from '../../main/services/actor';
import type { PdfFile, RegisterRow } from '../../main/services/documents/types';
import { graduatedFamilies } from '../support/documents-db';
import { expectFailure, expectOk } from '../support/errors';
import { userActor } from '../support/graduation';
import { ADMIN } from '../support/office';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
let api: Dispatcher;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
  api = createDispatcher(db, () => {});
});
afterEach(() => db.$client.close());

async function session(username: string, password: string): Promise<string> {
  return expectOk<{ sessionToken: string }>(await api.call('auth.login', { username, password }, null)).sessionToken;
}

describe('documents through the contract', () => {
  it('issues, lists, reprints and voids; an operator may issue but not void', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1]);
    userActor(db, admin, 'operator', 'op1');
    const operator = await session('op1', 'rahasia123');
    const issued = expectOk<{ document: RegisterRow; pdf: PdfFile }>(
      await api.call('documents.issue', { kind: 'sk_graduasi', kpmId: kpmIds[0] }, operator),
    );
    expect(Buffer.from(issued.pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(issued.pdf.pages).toBe(1);
    expect(issued.document.issuedByName).toBe('op1');

    const page = expectOk<{ items: RegisterRow[]; total: number }>(
      await api.call('documents.register', { q: 'keluarga uji' }, operator),
    );
    expect(page.total).toBe(1);
    expect(page.items[0].number).toBe(issued.document.number);
    const reprint = expectOk<PdfFile>(await api.call('documents.print', { id: issued.document.id }, operator));
    expect(reprint.fileName).toBe(issued.pdf.fileName);

    expectFailure(
      await api.call('documents.void', { id: issued.document.id, reason: 'Salah cetak' }, operator),
      'FORBIDDEN',
    );
    const admins = await session(ADMIN.username, ADMIN.password);
    expectFailure(
      await api.call('documents.void', { id: issued.document.id, reason: 'x' }, admins),
      'INVALID_INPUT',
      undefined,
      {
        reason: /paling sedikit 5 karakter/,
      },
    );
    const voided = expectOk<{ document: RegisterRow; verificationPage: unknown }>(
      await api.call('documents.void', { id: issued.document.id, reason: 'Salah cetak' }, admins),
    );
    expect(voided.document.voidReason).toBe('Salah cetak');
    // No folder set: nothing written, the renderer reminds the administrator to upload the page again.
    expect(voided.verificationPage).toBeNull();
  });

  it('answers the settings page and the family page', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1]);
    const admins = await session(ADMIN.username, ADMIN.password);
    const setup = expectOk<{ templates: unknown[]; head: { position: string } }>(
      await api.call('documents.settings', {}, admins),
    );
    expect(setup.templates).toHaveLength(DOCUMENT_KINDS.length);
    expect(setup.head.position).toBe('Kepala Dinas Sosial Kota Pekalongan');
    const family = expectOk<{ options: { kind: string; ready: boolean }[] }>(
      await api.call('documents.forFamily', { kpmId: kpmIds[0] }, admins),
    );
    expect(family.options.filter((o) => o.ready).map((o) => o.kind)).toEqual([
      'sk_graduasi',
      'pernyataan_mandiri',
      'piagam',
    ]);
    const preview = expectOk<PdfFile>(await api.call('documents.kopPreview', { paper: 'A4' }, admins));
    expect(preview.pages).toBe(1);
  });
});
