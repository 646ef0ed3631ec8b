/**
 * The documents from the command line: the wisuda batch, a reprint by letter number (the same
 * bytes as the app's reprint) and the offline verification, on a real database file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { reprintDocument } from '../../main/services/documents/print';
import { voidDocument } from '../../main/services/documents/register';
import { runCli } from '../support/cli';
import { graduatedFamilies } from '../support/documents-db';
import { pdfFlatText as pdfText } from '../support/pdf';
import { setUpOffice } from './helpers';

const cli = runCli;

let dbFile: string;
let decisionId: number;

beforeAll(async () => {
  const office = await setUpOffice();
  dbFile = office.file;
  ({ decisionId } = graduatedFamilies(office.db, office.admin, [1, 2]));
  office.db.$client.close();
});

const registered = () => {
  const db = openDatabase(dbFile);
  try {
    return db.$client.prepare('SELECT id, number, verification_code AS code FROM documents ORDER BY id').all() as {
      id: number;
      number: string;
      code: string;
    }[];
  } finally {
    db.$client.close();
  }
};

describe('npm run cli -- wisuda / dokumen / verifikasi', () => {
  it('prints a decision’s wisuda documents, reprints one by number with the app’s bytes, and verifies its code', async () => {
    const out = join(dirname(dbFile), 'wisuda.pdf');
    const batch = await cli(
      'wisuda',
      String(decisionId),
      '--db',
      dbFile,
      '--out',
      out,
      '--jenis',
      'sk_graduasi,piagam',
    );
    expect(batch.stderr).toBe('');
    expect(batch.stdout).toContain('4 dokumen');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+4/);
    const rows = registered();
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(pdfText(out)).toContain(row.number);

    const copy = join(dirname(dbFile), 'salinan.pdf');
    const reprint = await cli('dokumen', rows[0].number, '--db', dbFile, '--out', copy);
    expect(reprint.code).toBe(0);
    expect(pdfText(copy)).toContain('SALINAN');
    const db = openDatabase(dbFile);
    const inApp = await reprintDocument(db, SYSTEM_ACTOR, rows[0].id);
    db.$client.close();
    expect(Buffer.from(inApp.base64, 'base64').equals(readFileSync(copy))).toBe(true);

    const genuine = await cli('verifikasi', rows[0].code, '--db', dbFile);
    expect(genuine.code).toBe(0);
    expect(genuine.stdout).toMatch(/^ASLI/);
    expect(genuine.stdout).toContain(rows[0].number);
    // What a QR printed under an office website holds: the page address with the code after '#'.
    const scanned = await cli('verifikasi', `https://dinsos.contoh.go.id/verifikasi#${rows[0].code}`, '--db', dbFile);
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toMatch(/^ASLI/);
    const last = rows[0].code.at(-2) === 'A' ? 'B' : 'A';
    const forged = await cli('verifikasi', `${rows[0].code.slice(0, -2)}${last}${rows[0].code.at(-1)}`, '--db', dbFile);
    expect(forged.code).toBe(2);
    expect(forged.stdout).toMatch(/TIDAK ASLI/);
  });

  it('says what is wrong: unknown number, missing --out, a database that does not exist', async () => {
    const unknown = await cli('dokumen', '460/999/X/I/2026', '--db', dbFile, '--out', join(dirname(dbFile), 'x.pdf'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('tidak ada di agenda surat');
    const noOut = await cli('wisuda', String(decisionId), '--db', dbFile, '--jenis', 'pernyataan_mandiri');
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain('--out');
    expect(registered()).toHaveLength(4);
    const missing = await cli('dokumen', '1', '--db', join(dirname(dbFile), 'tidak-ada.db'), '--out', 'x.pdf');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('tidak ditemukan');
  });

  it('names the documents issued before and, with --cetak-ulang --urutan keluarga, reprints them family by family', async () => {
    const out = join(dirname(dbFile), 'ulang.pdf');
    const args = ['wisuda', String(decisionId), '--db', dbFile, '--out', out, '--jenis', 'sk_graduasi,piagam'];
    const refused = await cli(...args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('4 dokumen sudah diterbitkan sebelumnya');
    const wrongOrder = await cli(...args, '--urutan', 'acak');
    expect(wrongOrder.code).toBe(1);
    expect(wrongOrder.stderr).toContain('--urutan');

    const again = await cli(...args, '--cetak-ulang', '--urutan', 'keluarga');
    expect(again.code).toBe(0);
    const rows = registered();
    expect(again.stdout).toContain('0 dokumen baru diterbitkan. 4 dokumen sudah diterbitkan sebelumnya');
    for (const row of rows) expect(again.stdout).toContain(row.number);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+4/);
    const text = pdfText(out);
    // Family 1's SK and piagam, then family 2's: the register holds the SKs first (rows 0, 1), then the piagam.
    const positions = [rows[0], rows[2], rows[1], rows[3]].map((row) => text.indexOf(row.number));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
    expect(rows).toHaveLength(4);
  });

  it('exits 3 for a genuine document that was voided, as --help says', async () => {
    const help = await cli('--help');
    expect(help.stdout).toContain('kode keluar: 0 asli dan berlaku; 2 tidak asli; 3 asli tetapi dibatalkan');
    const [row] = registered();
    const db = openDatabase(dbFile);
    voidDocument(db, SYSTEM_ACTOR, { id: row.id, reason: 'Salah ketik nama desa' });
    db.$client.close();
    const voided = await cli('verifikasi', row.code, '--db', dbFile);
    expect(voided.code).toBe(3);
    expect(voided.stdout).toMatch(/^ASLI, tetapi DIBATALKAN/);
    const json = await cli('verifikasi', row.code, '--db', dbFile, '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 'asli',
      document: { voidReason: 'Salah ketik nama desa' },
    });
  });
});
