import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ensureOwnKey } from '../../main/services/documents/keys';
import { expectedFingerprint, otherOffice, registerTestDocument } from '../support/documents-register';
import { expect, login, navigate, test } from '../support/web';

/** Types a code into the big input as a USB scanner does: the characters, then Enter. */
async function scan(page: Page, code: string) {
  const input = page.getByLabel('Kode verifikasi');
  await input.pressSequentially(code, { delay: 0 });
  await input.press('Enter');
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Hasil verifikasi' });

test('a scanned genuine code says ASLI with the document, one changed character says TIDAK ASLI', async ({
  page,
  web,
}) => {
  const { code } = registerTestDocument(web.db, { number: '460/012/Dinsos/XI/2026', subject: "Siti Nur'aini" });
  const voided = registerTestDocument(web.db, {
    number: '460/013/Dinsos/XI/2026',
    voided: { at: '2026-12-01T02:00:00.000Z', reason: 'nama desa salah ketik' },
  });
  await login(page, web.url);
  await navigate(page, 'Verifikasi dokumen');
  const input = page.getByLabel('Kode verifikasi');
  await expect(input).toBeFocused();

  await scan(page, code);
  await expect(verdict(page)).toContainText('ASLI');
  await expect(verdict(page)).toContainText('Dinas Sosial Kota Pekalongan');
  const details = page.getByRole('table', { name: 'Rincian dokumen' });
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
  await scan(page, `${code.slice(0, position)}3${code.slice(position + 1)}`);
  await expect(verdict(page)).toContainText('TIDAK ASLI');
  await expect(verdict(page)).toContainText('tidak ditandatangani oleh Dinas Sosial Kota Pekalongan');
  await expect(details).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('verify-palsu.png'), fullPage: true });

  // Pasted, with the line break of the printout, and checked with the button.
  await input.fill(`${voided.code.slice(0, 50)} ${voided.code.slice(50)}`);
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(verdict(page)).toContainText('ASLI, tetapi DIBATALKAN');
  await expect(verdict(page)).toContainText('1 Desember 2026 karena nama desa salah ketik');
  await page.screenshot({ path: test.info().outputPath('verify-dibatalkan.png'), fullPage: true });

  await scan(page, 'bukan kode');
  await expect(verdict(page)).toContainText('Kode tidak terbaca');
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
  await login(page, web.url);
  await navigate(page, 'Verifikasi dokumen');
  await expect(page.getByLabel('Sidik kunci kantor ini')).toHaveText(expectedFingerprint(own.publicKey));

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh kunci publik kantor' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('kunci-publik-3375.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported).toMatchObject({
    format: 'graduasi-pkh/kunci-publik',
    regencyCode: '3375',
    publicKey: own.publicKey,
  });
  expect(JSON.stringify(exported)).not.toContain(String(own.privateKey));

  const theirCode = tegal.sign('400.9/17/Dinsos/2026');
  await scan(page, theirCode);
  await expect(verdict(page)).toContainText('kode wilayah 3376 (Kota Tegal) yang kuncinya belum diimpor');
  await page.screenshot({ path: test.info().outputPath('verify-kunci-tidak-dikenal.png') });

  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor kunci kantor lain…' }).click();
  await (await choosing).setFiles({
    name: 'kunci-publik-3376.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(tegal.keyFile)),
  });
  const keys = page.getByRole('table', { name: 'Kunci kantor lain' });
  await expect(keys).toContainText('Dinas Sosial Kota Tegal');
  await expect(keys).toContainText(tegal.keyFile.fingerprint);

  // Importing our own file back is refused with the reason.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Impor kunci kantor lain…' }).click();
  await (await again).setFiles({
    name: 'kunci-publik-3375.json',
    mimeType: 'application/json',
    buffer: readFileSync(await download.path()),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Kunci tidak diimpor' })).toContainText(
    'kunci publik kantor Anda sendiri',
  );

  await scan(page, theirCode);
  await expect(verdict(page)).toContainText('ASLI');
  await expect(page.getByRole('table', { name: 'Rincian dokumen' })).toContainText('Dinas Sosial Kota Tegal');
  await page.screenshot({ path: test.info().outputPath('verify-keys.png'), fullPage: true });
});
