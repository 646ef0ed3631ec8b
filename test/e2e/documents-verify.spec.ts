import { readFileSync } from 'node:fs';
import { ensureOwnKey } from '../../main/services/documents/keys';
import { expectedFingerprint, otherOffice, registerTestDocument } from '../support/documents-register';
import { App } from '../support/pages/app';
import { DocumentVerificationPage } from '../support/pages/document-verification';
import { expect, test } from '../support/web';

test('a scanned genuine code says ASLI with the document, one changed character says TIDAK ASLI', async ({
  page,
  web,
}) => {
  const { code } = registerTestDocument(web.db, { number: '460/012/Dinsos/XI/2026', subject: "Siti Nur'aini" });
  const voided = registerTestDocument(web.db, {
    number: '460/013/Dinsos/XI/2026',
    voided: { at: '2026-12-01T02:00:00.000Z', reason: 'nama desa salah ketik' },
  });
  await App.signIn(page, web);
  const verification = await DocumentVerificationPage.open(page);
  const { verdict, details, code: input } = verification;
  await expect(input).toBeFocused();

  await verification.scan(code);
  await expect(verdict).toContainText('ASLI');
  await expect(verdict).toContainText('Dinas Sosial Kota Pekalongan');
  await expect(details).toContainText('460/012/Dinsos/XI/2026');
  await expect(details).toContainText('Surat keterangan graduasi');
  await expect(details).toContainText('30 November 2026');
  await expect(details).toContainText("Siti Nur'aini");
  await expect(details).toContainText('Rahmat Hidayat');
  // Ready for the next scan.
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('verify-asli.png'), fullPage: true });

  const position = code.indexOf('/012/') + 3;
  await verification.scan(`${code.slice(0, position)}3${code.slice(position + 1)}`);
  await expect(verdict).toContainText('TIDAK ASLI');
  await expect(verdict).toContainText('tidak ditandatangani oleh Dinas Sosial Kota Pekalongan');
  await expect(details).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('verify-palsu.png'), fullPage: true });

  // Pasted, with the line break of the printout, and checked with the button.
  await verification.paste(`${voided.code.slice(0, 50)} ${voided.code.slice(50)}`);
  await expect(verdict).toContainText('ASLI, tetapi DIBATALKAN');
  await expect(verdict).toContainText('1 Desember 2026 karena nama desa salah ketik');
  await page.screenshot({ path: test.info().outputPath('verify-dibatalkan.png'), fullPage: true });

  await verification.scan('bukan kode');
  await expect(verdict).toContainText('Kode tidak terbaca');
  await page.screenshot({ path: test.info().outputPath('verify-format-salah.png') });
  const audits = web.db.$client
    .prepare("SELECT username, summary FROM audit_log WHERE action = 'documents.verify' ORDER BY id")
    .all();
  expect(audits).toEqual([
    { username: 'admin', summary: 'Memeriksa kode dokumen nomor 460/012/Dinsos/XI/2026: ASLI' },
    { username: 'admin', summary: 'Memeriksa kode dokumen nomor 460/013/Dinsos/XI/2026: TIDAK ASLI' },
    { username: 'admin', summary: 'Memeriksa kode dokumen nomor 460/013/Dinsos/XI/2026: ASLI, DIBATALKAN' },
    { username: 'admin', summary: 'Memeriksa kode dokumen: FORMAT SALAH' },
  ]);
});

test("the office's public key downloads; another office's key is imported and its letters verify", async ({
  page,
  web,
}) => {
  const own = ensureOwnKey(web.db);
  const tegal = otherOffice('3376', 'Dinas Sosial Kota Tegal');
  await App.signIn(page, web);
  const verification = await DocumentVerificationPage.open(page);
  const { verdict } = verification;
  await expect(verification.fingerprint).toHaveText(expectedFingerprint(own.publicKey));

  const download = await verification.downloadPublicKey();
  expect(download.suggestedFilename()).toBe('kunci-publik-3375.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported).toMatchObject({
    format: 'graduasi-pkh/kunci-publik',
    regencyCode: '3375',
    publicKey: own.publicKey,
  });
  expect(JSON.stringify(exported)).not.toContain(String(own.privateKey));

  const theirCode = tegal.sign('400.9/17/Dinsos/2026');
  await verification.scan(theirCode);
  await expect(verdict).toContainText('kode wilayah 3376 (Kota Tegal) yang kuncinya belum diimpor');
  await page.screenshot({ path: test.info().outputPath('verify-kunci-tidak-dikenal.png') });

  await verification.importKey('kunci-publik-3376.json', Buffer.from(JSON.stringify(tegal.keyFile)));
  await expect(verification.otherKeys).toContainText('Dinas Sosial Kota Tegal');
  await expect(verification.otherKeys).toContainText(tegal.keyFile.fingerprint);

  // Importing our own file back is refused with the reason.
  await verification.importKey('kunci-publik-3375.json', readFileSync(await download.path()));
  await expect(page.getByRole('alert').filter({ hasText: 'Kunci tidak diimpor' })).toContainText(
    'kunci publik kantor Anda sendiri',
  );

  await verification.scan(theirCode);
  await expect(verdict).toContainText('ASLI');
  await expect(verification.details).toContainText('Dinas Sosial Kota Tegal');
  await page.screenshot({ path: test.info().outputPath('verify-keys.png'), fullPage: true });
});
