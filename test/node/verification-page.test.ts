/**
 * Letters a phone can check: the QR holds `<website>/verifikasi#<code>` once the website is set (reprints keep
 * what was printed), the app's offline check reads both forms, and the static verification page is made from
 * the office's own keys and voided numbers with the verifier script bundled from its sources.
 */

import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createDispatcher } from '../../main/api/dispatch';
import { documentSettingsSchema } from '../../main/domain/documents';
import {
  codeOfScan,
  qrContentFor,
  verificationPageAddress,
  websiteProblem,
} from '../../main/domain/verification-address';
import { judgePageCode, type SignatureCheck } from '../../main/domain/verification-page';
import type { Actor } from '../../main/services/actor';
import { issueFamilyDocument } from '../../main/services/documents/issue';
import { importPublicKey } from '../../main/services/documents/key-exchange';
import { ensureOwnKey } from '../../main/services/documents/keys';
import { reprintDocument } from '../../main/services/documents/print';
import { voidDocument } from '../../main/services/documents/register';
import { getDocumentSettings, saveDocumentSettings } from '../../main/services/documents/settings';
import { downloadVerificationPage, verificationPageData } from '../../main/services/documents/verification-page';
import { verifyDocumentCode } from '../../main/services/documents/verify';
import { bundleVerifier, scriptModule } from '../../main/verification-page/bundle';
import { verificationPageHtml } from '../../main/verification-page/html';
import { graduatedFamilies } from '../support/documents-db';
import { otherOffice, registerTestDocument } from '../support/documents-register';
import { expectAppError, expectOk } from '../support/errors';
import { ADMIN } from '../support/office';
import { pdfFile, readQr } from '../support/pdf';
import { setUpOffice } from './helpers';

let db: Db;
let admin: Actor;
beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

const lastAudit = () =>
  db.$client.prepare('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string;

/** The page's clock: a fixed moment, never the machine's. */
const NOW = new Date('2026-12-08T01:00:00.000Z');
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** node:crypto's check of a page key (raw key as JWK), apart from the browser library. */
const nodeCheck: SignatureCheck = (key, payload, signature) =>
  verify(
    null,
    Buffer.from(payload),
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
/** The page's own library, as bundled. */
const nobleCheck: SignatureCheck = (key, payload, signature) =>
  ed25519.verify(Buffer.from(signature, 'base64url'), Buffer.from(payload), Buffer.from(key.publicKey, 'base64url'), {
    zip215: false,
  });

const saveWebsite = (website: string) => saveDocumentSettings(db, admin, { ...getDocumentSettings(db), website });

describe('the office website as the QR address', () => {
  it('puts the code after /verifikasi# with https:// when none is typed and no double slash', () => {
    expect(qrContentFor('dinsos.contoh.go.id', 'GP1*X')).toBe('https://dinsos.contoh.go.id/verifikasi#GP1*X');
    expect(qrContentFor('http://dinsos.contoh.go.id/', 'GP1*X')).toBe('http://dinsos.contoh.go.id/verifikasi#GP1*X');
    expect(qrContentFor('https://contoh.go.id/dinsos//', 'GP1*X')).toBe('https://contoh.go.id/dinsos/verifikasi#GP1*X');
    expect(qrContentFor('', 'GP1*X')).toBe('GP1*X');
    expect(qrContentFor('dinsos pekalongan', 'GP1*X')).toBe('GP1*X');
    expect(verificationPageAddress('dinsos.contoh.go.id')).toBe('https://dinsos.contoh.go.id/verifikasi');
    expect(verificationPageAddress('')).toBeNull();
  });

  it('refuses a website that is not an address, saying how to write it', () => {
    for (const bad of [
      'dinsos pekalongan',
      'localhost',
      'https://dinsos.go.id/?x=1',
      'dinsos.go.id#a',
      'ftp://a.go.id',
    ]) {
      expect(websiteProblem(bad), bad).toContain('tulis seperti dinsos.contohkab.go.id');
    }
    for (const good of ['', 'dinsos.pekalongankota.go.id', 'https://www.contoh.go.id/dinsos', 'http://10.0.0.5:8080']) {
      expect(websiteProblem(good), good).toBeNull();
    }
    const form = {
      paper: 'A4',
      unitCode: 'Dinsos',
      place: 'Pekalongan',
      verificationFolder: '',
      separateSequences: false,
      markCopies: true,
    };
    const refused = documentSettingsSchema.safeParse({ ...form, website: 'dinsos pekalongan' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['website'] });
    expect(documentSettingsSchema.safeParse({ ...form, website: 'dinsos.contoh.go.id' }).success).toBe(true);
  });

  it('reads the code from a scanned page address, percent-escaped or not, and leaves a bare code alone', () => {
    expect(codeOfScan('https://dinsos.contoh.go.id/verifikasi#GP1*3375*SKG')).toBe('GP1*3375*SKG');
    expect(codeOfScan('https://dinsos.contoh.go.id/verifikasi/#GP1%2A3375%2ASKG')).toBe('GP1*3375*SKG');
    expect(codeOfScan('GP1*3375*SKG')).toBe('GP1*3375*SKG');
  });

  it('checks the page address offline in the app like the bare code: ASLI, and one changed character TIDAK ASLI', () => {
    const { code } = registerTestDocument(db, { number: '460/021/Dinsos/XII/2026' });
    const scanned = qrContentFor('dinsos.contoh.go.id', code);
    expect(verifyDocumentCode(db, admin, scanned)).toMatchObject({
      status: 'asli',
      code: { number: '460/021/Dinsos/XII/2026' },
    });
    const changed = scanned.replace('/021/', '/022/');
    expect(verifyDocumentCode(db, admin, changed).status).toBe('palsu');
  });

  it('prints the address in the QR of letters issued once the website is set; reprints keep what each printed', async () => {
    const { kpmIds } = graduatedFamilies(db, admin, [1, 2], { skDate: '2026-10-15' });
    const before = await issueFamilyDocument(db, admin, {
      kind: 'sk_graduasi',
      kpmId: kpmIds[0],
      issuedDate: '2026-11-02',
    });
    saveWebsite('https://dinsos.contoh.go.id/');
    const after = await issueFamilyDocument(db, admin, {
      kind: 'sk_graduasi',
      kpmId: kpmIds[1],
      issuedDate: '2026-11-03',
    });
    const code = (id: number) =>
      db.$client.prepare('SELECT verification_code FROM documents WHERE id = ?').pluck().get(id) as string;

    expect(readQr(pdfFile(before.pdf.base64))).toBe(code(before.document.id));
    const address = `https://dinsos.contoh.go.id/verifikasi#${code(after.document.id)}`;
    expect(readQr(pdfFile(after.pdf.base64))).toBe(address);
    expect(readQr(pdfFile((await reprintDocument(db, admin, before.document.id)).base64))).toBe(
      code(before.document.id),
    );
    saveWebsite('');
    expect(readQr(pdfFile((await reprintDocument(db, admin, after.document.id)).base64))).toBe(address);
  });
});

describe('the verification page', () => {
  it('carries the bundle of the current script sources (npm run build:verifier)', async () => {
    const committed = readFileSync(new URL('../../main/verification-page/verifier-script.ts', import.meta.url), 'utf8');
    expect(committed).toBe(scriptModule(await bundleVerifier()));
  }, 60_000);

  it("holds the own keys and voided numbers, not another office's key, a name or a NIK; the same data gives the same bytes", () => {
    importPublicKey(
      db,
      admin,
      Buffer.from(JSON.stringify(otherOffice('3376', 'Dinas Sosial Kota Tegal').keyFile)).toString('base64'),
    );
    const { code } = registerTestDocument(db, { number: '460/031/Dinsos/XII/2026', subject: 'Siti Wulandari' });
    registerTestDocument(db, {
      number: '460/032/Dinsos/XII/2026',
      voided: { at: '2026-12-02T02:00:00.000Z', reason: 'NIK 3375014507850001 salah' },
    });
    const data = verificationPageData(db, NOW);
    expect(data.keys).toEqual([
      expect.objectContaining({ regencyCode: '3375', officeName: 'Dinas Sosial Kota Pekalongan' }),
    ]);
    expect(data.voided).toEqual([{ number: '460/032/Dinsos/XII/2026', voidedAt: '2026-12-02T02:00:00.000Z' }]);
    const html = verificationPageHtml(data);
    expect(html).toBe(verificationPageHtml(data));
    const carried = /<script id="data-halaman" type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(carried)).toEqual(data);
    expect(html.replace(carried, '')).not.toMatch(/Siti Wulandari|3375014507850001|Tegal|salah/);
    expect(carried).not.toMatch(/Siti Wulandari|3375014507850001|Tegal|salah/);
    expect(html).not.toContain(ensureOwnKey(db).privateKey);
    expect(html).not.toMatch(/<script[^>]+src=|<link|https?:\/\/(?!paulmillr)/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('Daftar pembatalan per 8 Desember 2026');
    expect(judgePageCode(data, code, nodeCheck).kind).toBe('asli');
  });

  it('judges a genuine code ASLI, a voided one ASLI TETAPI DIBATALKAN, each with number, kind, date and office', () => {
    const genuine = registerTestDocument(db, { number: '460/041/Dinsos/XII/2026' }).code;
    const voided = registerTestDocument(db, {
      number: '460/042/Dinsos/XII/2026',
      voided: { at: '2026-12-03T02:00:00.000Z', reason: 'salah ketik' },
    }).code;
    const data = verificationPageData(db, NOW);
    for (const check of [nodeCheck, nobleCheck]) {
      expect(judgePageCode(data, genuine, check)).toMatchObject({
        headline: 'ASLI',
        details: {
          number: '460/041/Dinsos/XII/2026',
          kind: 'Surat keterangan graduasi',
          date: '30 November 2026',
          office: 'Dinas Sosial Kota Pekalongan',
        },
      });
      expect(judgePageCode(data, qrContentFor('dinsos.contoh.go.id', voided), check)).toMatchObject({
        headline: 'ASLI TETAPI DIBATALKAN',
        explanation: expect.stringContaining('dibatalkan pada 3 Desember 2026'),
      });
    }
  });

  it('judges every one-character change TIDAK ASLI with both the browser library and node:crypto', () => {
    const { code } = registerTestDocument(db, { number: '460/051/Dinsos/XII/2026' });
    const data = verificationPageData(db, NOW);
    const signatureStart = code.lastIndexOf('*') + 1;
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      const substitutes =
        i >= signatureStart
          ? [...BASE64URL].filter((c) => c !== code[i])
          : [String.fromCharCode(code.charCodeAt(i) + 1), /\d/.test(code[i]) ? 'X' : '7'];
      substitutes.forEach((substitute, n) => {
        const changed = code.slice(0, i) + substitute + code.slice(i + 1);
        expect(judgePageCode(data, changed, nodeCheck).headline, `${i}: ${substitute}`).toBe('TIDAK ASLI');
        // The browser library in pure JavaScript takes milliseconds a check: two substitutes per position.
        if (n < 2) expect(judgePageCode(data, changed, nobleCheck).headline, `${i}: ${substitute}`).toBe('TIDAK ASLI');
        tried++;
      });
    }
    expect(tried).toBeGreaterThan(86 * 63);
  });

  it('never shows a NIK typed into a code', () => {
    const data = verificationPageData(db, NOW);
    const verdict = judgePageCode(data, 'GP1*3375*3375014507850001*20261130*1*x', nodeCheck);
    expect(verdict.headline).toBe('TIDAK ASLI');
    expect(verdict.explanation).not.toContain('3375014507850001');
  });

  it('downloads for the administrator only, audited, with where to put it', () => {
    saveWebsite('dinsos.contoh.go.id');
    const file = downloadVerificationPage(db, admin, NOW);
    expect(file).toMatchObject({
      fileName: 'verifikasi.html',
      address: 'https://dinsos.contoh.go.id/verifikasi',
      voided: 0,
    });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain(
      '<title>Verifikasi surat Dinas Sosial Kota Pekalongan</title>',
    );
    const audit = db.$client
      .prepare("SELECT username, summary FROM audit_log WHERE action = 'documents.verificationPage'")
      .all();
    expect(audit).toEqual([
      { username: 'admin', summary: 'Mengunduh halaman verifikasi (1 kunci, 0 surat dibatalkan)' },
    ]);
    expectAppError(
      () => downloadVerificationPage(db, { id: null, username: 'operator1', role: 'operator' }, NOW),
      'FORBIDDEN',
    );
  });

  it('lists a letter voided since in the next download', () => {
    const { id, code } = registerTestDocument(db, { number: '460/061/Dinsos/XII/2026' });
    expect(judgePageCode(verificationPageData(db, NOW), code, nodeCheck).kind).toBe('asli');
    voidDocument(db, admin, { id, reason: 'diganti surat baru' });
    expect(judgePageCode(verificationPageData(db, NOW), code, nodeCheck).kind).toBe('dibatalkan');
  });

  it('is written again to its folder after a voiding through the contract; a folder gone is shown and the voiding stands', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'laman-'));
    expectAppError(
      () => saveDocumentSettings(db, admin, { ...getDocumentSettings(db), verificationFolder: 'laman/verifikasi' }),
      'INVALID_INPUT',
    );
    expectAppError(
      () =>
        saveDocumentSettings(db, admin, { ...getDocumentSettings(db), verificationFolder: join(folder, 'tidak-ada') }),
      'INVALID_INPUT',
    );
    saveDocumentSettings(db, admin, { ...getDocumentSettings(db), verificationFolder: folder });
    const first = registerTestDocument(db, { number: '460/081/Dinsos/XII/2026' });
    const second = registerTestDocument(db, { number: '460/082/Dinsos/XII/2026' });
    const clock = { now: () => NOW, sleep: async () => {} };
    const api = createDispatcher(db, () => {}, { clock });
    const token = expectOk<{ sessionToken: string }>(
      await api.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null),
    ).sessionToken;

    const voided = expectOk<{ verificationPage: unknown }>(
      await api.call('documents.void', { id: first.id, reason: 'salah ketik nama' }, token),
    );
    const file = join(folder, 'verifikasi.html');
    expect(voided.verificationPage).toEqual({ file, problem: null });
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(verificationPageHtml(verificationPageData(db, NOW)));
    expect(readdirSync(folder)).toEqual(['verifikasi.html']);
    const carried = JSON.parse(
      /<script id="data-halaman" type="application\/json">(.*?)<\/script>/.exec(written)?.[1] ?? '',
    );
    expect(judgePageCode(carried, first.code, nodeCheck).kind).toBe('dibatalkan');
    expect(lastAudit()).toMatch(/^Halaman verifikasi ditulis ulang ke .*verifikasi.html \(1 surat dibatalkan\)$/);

    rmSync(folder, { recursive: true });
    const failed = expectOk<{ document: { voidReason: string }; verificationPage: { problem: string } }>(
      await api.call('documents.void', { id: second.id, reason: 'diganti surat baru' }, token),
    );
    expect(failed.document.voidReason).toBe('diganti surat baru');
    expect(failed.verificationPage.problem).toContain('Pembatalan tetap tersimpan');
    expect(db.$client.prepare('SELECT voided_at FROM documents WHERE id = ?').pluck().get(second.id)).not.toBeNull();
  });
});
