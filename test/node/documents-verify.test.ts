import { generateKeyPairSync } from 'node:crypto';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, inTransaction, openDatabase } from '../../db/open';
import type { ErrorCode } from '../../main/domain/errors';
import type { Actor } from '../../main/services/actor';
import { exportPublicKey, importPublicKey, listKeys } from '../../main/services/documents/key-exchange';
import { ensureOwnKey, signCode } from '../../main/services/documents/keys';
import { verifyDocumentCode } from '../../main/services/documents/verify';
import { DOCUMENT_FIELDS, expectedFingerprint, otherOffice, registerTestDocument } from '../support/documents-register';
import { expectAppError } from '../support/errors';
import { setUpTestOffice } from '../support/office';
import { setUpOffice, tempDbFile } from './helpers';

/** Kota Tegal: a second, small office with its own database and key. */
const TEGAL = '3376';

let db: Db;
let admin: Actor;
let tegal: Db;

beforeAll(async () => {
  tegal = openDatabase(tempDbFile('tegal.db'));
  await setUpTestOffice(tegal, TEGAL);
});
afterAll(() => tegal.$client.close());
beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

const operator: Actor = { id: null, username: 'operator1', role: 'operator' };
const FIELDS = DOCUMENT_FIELDS;
const registerDocument = (number: string, voided?: { at: string; reason: string }) =>
  registerTestDocument(db, { number, voided });

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Verifies every one-character change of a genuine code; throws at the first one found genuine. Payload: two
 * substitutes per position (the next character, and a letter for a digit or a digit otherwise). Signature:
 * every other base64url character, which covers the last character's 4 spare bits too. Returns the count.
 */
function singleCharacterChanges(code: string): number {
  const signatureStart = code.lastIndexOf('*') + 1;
  let tried = 0;
  inTransaction(db, () => {
    for (let i = 0; i < code.length; i++) {
      const own = code[i];
      const substitutes =
        i >= signatureStart
          ? [...BASE64URL].filter((c) => c !== own)
          : [String.fromCharCode(own.charCodeAt(0) + 1), /\d/.test(own) ? 'X' : '7'];
      for (const substitute of substitutes) {
        const changed = code.slice(0, i) + substitute + code.slice(i + 1);
        const result = verifyDocumentCode(db, admin, changed);
        if (result.status === 'asli') throw new Error(`position ${i}: "${own}" -> "${substitute}" verified as asli`);
        tried++;
      }
    }
  });
  return tried;
}

const keyCount = () => (db.$client.prepare('SELECT count(*) AS n FROM signing_keys').get() as { n: number }).n;
const lastAudit = () =>
  db.$client.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
const keyFile = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64');
const exportedFile = (from: Db) => JSON.parse(Buffer.from(exportPublicKey(from).base64, 'base64').toString('utf8'));

describe('verifying a code', () => {
  it('finds a code signed by the own key genuine, with the register entry, and audits who checked what', () => {
    const { code, id } = registerDocument('460/001/Dinsos/XI/2026');
    const result = verifyDocumentCode(db, admin, code);
    expect(result).toMatchObject({
      status: 'asli',
      officeName: 'Dinas Sosial Kota Pekalongan',
      code: { number: '460/001/Dinsos/XI/2026', kind: 'sk_graduasi', issuedDate: '2026-11-30', regencyCode: '3375' },
      document: { subject: 'Siti Wulandari', issuedByName: 'Rahmat Hidayat', voidedAt: null },
    });
    expect(result.message).toMatch(/^ASLI/);
    expect(lastAudit()).toMatchObject({
      action: 'documents.verify',
      entity: 'document',
      entity_id: id,
      username: 'admin',
      summary: 'Memeriksa kode dokumen nomor 460/001/Dinsos/XI/2026: ASLI',
    });
  });

  it('reads a code wrapped over lines on the printout or typed with spaces', () => {
    const { code } = registerDocument('460/002/Dinsos/XI/2026');
    const wrapped = `  ${code.slice(0, 40)}\n${code.slice(40, 90)} ${code.slice(90)}\r\n`;
    expect(verifyDocumentCode(db, admin, wrapped).status).toBe('asli');
  });

  it('refuses every code with one character changed, anywhere in the payload or the signature', () => {
    // Own letters are also checked against the register; another office's rest on the signature alone.
    const { code } = registerDocument('460/003/Dinsos/XI/2026');
    importPublicKey(db, admin, exportPublicKey(tegal).base64);
    const theirs = signCode(ensureOwnKey(tegal), { ...FIELDS, regencyCode: TEGAL, number: '400.9/3/Dinsos/2026' });
    for (const genuine of [code, theirs]) {
      expect(verifyDocumentCode(db, admin, genuine).status).toBe('asli');
      expect(singleCharacterChanges(genuine)).toBeGreaterThan(86 * 63);
    }
  });

  it('says palsu for a code claiming this regency signed by another key, and names the office', () => {
    const forged = otherOffice('3375', 'Pemalsu').sign('460/004/Dinsos/XI/2026');
    const result = verifyDocumentCode(db, admin, forged);
    expect(result.status).toBe('palsu');
    expect(result.message).toMatch(/^TIDAK ASLI: kode ini tidak ditandatangani oleh Dinas Sosial Kota Pekalongan/);
    expect(result.message).toMatch(/karakter yang diubah|dipalsukan/);
    expect(lastAudit().summary).toBe('Memeriksa kode dokumen nomor 460/004/Dinsos/XI/2026: TIDAK ASLI');
  });

  it('says palsu for a code signed by the own key that the register does not hold', () => {
    const unregistered = signCode(ensureOwnKey(db), { ...FIELDS, number: '460/099/Dinsos/XI/2026' });
    registerDocument('460/005/Dinsos/XI/2026');
    const result = verifyDocumentCode(db, admin, unregistered);
    expect(result).toMatchObject({ status: 'palsu', document: null });
    expect(result.message).toMatch(/460\/099\/Dinsos\/XI\/2026 tidak tercatat/);
  });

  it('says a voided document is genuine but DIBATALKAN, when and why', () => {
    const { code } = registerDocument('460/006/Dinsos/XI/2026', {
      at: '2026-12-02T02:00:00.000Z',
      reason: 'salah ketik nama desa',
    });
    const result = verifyDocumentCode(db, admin, code);
    expect(result).toMatchObject({
      status: 'asli',
      document: { voidedAt: '2026-12-02T02:00:00.000Z', voidReason: 'salah ketik nama desa' },
    });
    expect(result.message).toBe('ASLI, tetapi DIBATALKAN pada 2 Desember 2026 karena salah ketik nama desa.');
    expect(lastAudit().summary).toMatch(/: ASLI, DIBATALKAN$/);
  });

  it("checks another office's code once its key is imported, and not before", () => {
    const theirs = signCode(ensureOwnKey(tegal), { ...FIELDS, regencyCode: TEGAL, number: '400.9/17/Dinsos/2026' });
    const before = verifyDocumentCode(db, admin, theirs);
    expect(before.status).toBe('kunci_tidak_dikenal');
    expect(before.message).toMatch(/kode wilayah 3376 \(Kota Tegal\) yang kuncinya belum diimpor/);

    importPublicKey(db, admin, exportPublicKey(tegal).base64);
    const after = verifyDocumentCode(db, admin, theirs);
    expect(after).toMatchObject({ status: 'asli', officeName: 'Dinas Sosial Kota Tegal', document: null });
    expect(after.code?.number).toBe('400.9/17/Dinsos/2026');

    const changed = theirs.replace('/17/', '/18/');
    expect(verifyDocumentCode(db, admin, changed).message).toMatch(/tidak ditandatangani oleh Dinas Sosial Kota Tegal/);
  });

  it('tries every key held for a regency (a re-keyed office keeps its old letters verifiable)', () => {
    const old = otherOffice(TEGAL, 'Kunci lama Tegal');
    importPublicKey(db, admin, exportPublicKey(tegal).base64);
    importPublicKey(db, admin, keyFile(old.keyFile));
    const oldCode = old.sign('LAMA/1/2025');
    expect(verifyDocumentCode(db, admin, oldCode)).toMatchObject({ status: 'asli', officeName: 'Kunci lama Tegal' });
  });

  it('says format salah with what is wrong, and audits no raw text (it may hold a NIK)', () => {
    const nik = '3375014507850001';
    const result = verifyDocumentCode(db, admin, nik);
    expect(result).toMatchObject({ status: 'format_salah', code: null });
    expect(result.message).toMatch(/bukan kode verifikasi dokumen Graduasi PKH/);
    expect(verifyDocumentCode(db, admin, '').message).toBe('Kode verifikasi masih kosong.');
    const typedNik = signCode(ensureOwnKey(db), { ...FIELDS, number: `460/${nik}/2026` });
    verifyDocumentCode(db, admin, typedNik);
    const audits = db.$client.prepare("SELECT * FROM audit_log WHERE action = 'documents.verify'").all();
    expect(audits).toHaveLength(3);
    expect(JSON.stringify(audits)).not.toContain(nik);
  });

  it('reads the code back from a QR image exactly and verifies it', async () => {
    const { code } = registerDocument('460/007/Dinsos/XI/2026');
    const png = PNG.sync.read(await QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', scale: 4 }));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(read?.data).toBe(code);
    expect(verifyDocumentCode(db, admin, read?.data ?? '').status).toBe('asli');
  });
});

describe('keys', () => {
  it('exports the public key only, with its fingerprint, as kunci-publik-<regency>.json', () => {
    const own = ensureOwnKey(db);
    const exported = exportPublicKey(db);
    const text = Buffer.from(exported.base64, 'base64').toString('utf8');
    expect(exported.fileName).toBe('kunci-publik-3375.json');
    expect(JSON.parse(text)).toEqual({
      format: 'graduasi-pkh/kunci-publik',
      version: 1,
      regencyCode: '3375',
      officeName: 'Dinas Sosial Kota Pekalongan',
      publicKey: own.publicKey,
      fingerprint: expectedFingerprint(own.publicKey),
      createdAt: own.createdAt,
    });
    expect(own.privateKey).toBeTruthy();
    expect(text).not.toContain(own.privateKey);
    expect(text).not.toMatch(/private/i);
  });

  it('lists the own key first with a 4-4 grouped fingerprint, then imported ones', () => {
    importPublicKey(db, admin, exportPublicKey(tegal).base64);
    const keys = listKeys(db);
    expect(keys.map((k) => [k.regencyCode, k.own, k.officeName])).toEqual([
      ['3375', true, 'Dinas Sosial Kota Pekalongan'],
      ['3376', false, 'Dinas Sosial Kota Tegal'],
    ]);
    expect(keys[0].fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect(keys[1].fingerprint).toBe(expectedFingerprint(ensureOwnKey(tegal).publicKey));
    expect(keys[1]).not.toHaveProperty('publicKey');
    expect(lastAudit()).toMatchObject({ action: 'documents.importKey', entity: 'signing_key', entity_id: keys[1].id });
    expect(String(lastAudit().summary)).toContain(keys[1].fingerprint);
  });

  it('refuses wrong files, foreign key types, tampered fingerprints, its own key and a key imported twice', () => {
    const good = exportedFile(tegal);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const rsaSpki = rsa.export({ format: 'der', type: 'spki' }).toString('base64');
    const refusals: [string, ErrorCode, RegExp][] = [
      [Buffer.from('NO;NIK;NAMA\n1;2;3').toString('base64'), 'FILE_UNSUPPORTED', /bukan berkas kunci publik Graduasi/],
      [keyFile({ ...good, format: 'lain' }), 'FILE_UNSUPPORTED', /bukan berkas kunci publik Graduasi PKH/],
      [keyFile({ ...good, regencyCode: undefined }), 'FILE_UNSUPPORTED', /bukan berkas kunci publik Graduasi PKH/],
      [keyFile({ ...good, version: 2 }), 'FILE_UNSUPPORTED', /versi 2 belum dikenal/],
      [keyFile({ ...good, publicKey: 'AAAA' }), 'FILE_CORRUPT', /rusak/],
      [
        keyFile({ ...good, publicKey: rsaSpki, fingerprint: expectedFingerprint(rsaSpki) }),
        'FILE_CORRUPT',
        /bukan kunci Ed25519/,
      ],
      [keyFile({ ...good, fingerprint: '0000 0000 0000 0000' }), 'FILE_CORRUPT', /\(0000 0000 0000 0000\) tidak cocok/],
      [
        keyFile({ ...good, regencyCode: '9999' }),
        'FILE_CORRUPT',
        /Kode wilayah 9999 pada berkas bukan kabupaten\/kota/,
      ],
      [exportPublicKey(db).base64, 'DUPLICATE', /kunci publik kantor Anda sendiri/],
      [keyFile(otherOffice('3375', 'Dinas Sosial Kota Pekalongan').keyFile), 'CONFLICT', /wilayah kantor ini sendiri/],
    ];
    for (const [file, code, message] of refusals) expectAppError(() => importPublicKey(db, admin, file), code, message);
    expect(keyCount()).toBe(1);

    importPublicKey(db, admin, keyFile(good));
    expectAppError(
      () => importPublicKey(db, admin, keyFile(good)),
      'DUPLICATE',
      /sudah diimpor pada \d+ \w+ 2\d{3} .*Kota Tegal/,
    );
    expectAppError(() => importPublicKey(db, operator, keyFile(good)), 'FORBIDDEN');
    expect(keyCount()).toBe(2);
    const imported = db.$client.prepare('SELECT private_key FROM signing_keys WHERE own = 0').all();
    expect(imported).toEqual([{ private_key: null }]);
  });
});
