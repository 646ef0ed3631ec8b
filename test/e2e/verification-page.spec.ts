/**
 * The office's static verification page as a phone opens it: downloaded by the administrator from
 * Verifikasi dokumen, opened from file:// in Chromium with the code after `#` as the letter's QR puts it.
 * A genuine code is ASLI, a voided one ASLI TETAPI DIBATALKAN, and every one-character change TIDAK ASLI.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { registerTestDocument } from '../support/documents-register';
import { App } from '../support/pages/app';
import { DocumentVerificationPage } from '../support/pages/document-verification';
import { DocumentsRegisterPage } from '../support/pages/documents';
import { expect, navigate, test } from '../support/web';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Another valid character for position i: another base64url character in the signature, else a near one. */
function changedAt(code: string, i: number): string {
  const own = code[i];
  const signatureStart = code.lastIndexOf('*') + 1;
  const substitute =
    i >= signatureStart
      ? BASE64URL[(BASE64URL.indexOf(own) + 1) % 64]
      : own === '*'
        ? '/'
        : /\d/.test(own)
          ? String((Number(own) + 1) % 10)
          : own === 'Z'
            ? 'A'
            : String.fromCharCode(own.charCodeAt(0) + 1);
  return code.slice(0, i) + substitute + code.slice(i + 1);
}

test('the downloaded verification page says ASLI, ASLI TETAPI DIBATALKAN, and TIDAK ASLI for every changed character', async ({
  page,
  web,
}) => {
  web.db.$client.prepare("UPDATE document_settings SET website = 'dinsos.contoh.go.id' WHERE id = 1").run();
  const genuine = registerTestDocument(web.db, { number: '460/071/Dinsos/XII/2026', subject: 'Siti Wulandari' });
  const voided = registerTestDocument(web.db, {
    number: '460/072/Dinsos/XII/2026',
    voided: { at: '2026-12-02T02:00:00.000Z', reason: 'nama salah ketik' },
  });

  await App.signIn(page, web);
  await DocumentVerificationPage.open(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh halaman verifikasi' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('verifikasi.html');
  await expect(
    page.getByText('Unggah berkas ini sehingga terbuka di https://dinsos.contoh.go.id/verifikasi.'),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('unduh-halaman.png'), fullPage: true });
  const file = test.info().outputPath('verifikasi.html');
  copyFileSync(await download.path(), file);
  const address = pathToFileURL(file).href;

  // Opened as the QR opens it, with no network at all.
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(`${address}#${genuine.code}`);
  const result = page.getByRole('status');
  await expect(result).toContainText('ASLI');
  await expect(result).not.toContainText('TIDAK');
  await expect(result).not.toContainText('DIBATALKAN');
  await expect(result).toContainText('460/071/Dinsos/XII/2026');
  await expect(result).toContainText('Surat keterangan graduasi');
  await expect(result).toContainText('30 November 2026');
  await expect(result).toContainText('Dinas Sosial Kota Pekalongan');
  await expect(page.locator('body')).not.toContainText('Siti Wulandari');
  await expect(page.getByText(/Daftar pembatalan per \d+ \w+ 20\d\d/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('halaman-asli.png'), fullPage: true });

  await page.evaluate((code) => {
    location.hash = code;
  }, voided.code);
  await expect(page.locator('#putusan')).toHaveText('ASLI TETAPI DIBATALKAN');
  await expect(result).toContainText('dibatalkan pada 2 Desember 2026');
  await page.screenshot({ path: test.info().outputPath('halaman-dibatalkan.png'), fullPage: true });

  // Typed into the box instead of scanned.
  await page.getByLabel('Kode verifikasi').fill(changedAt(genuine.code, 30));
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.locator('#putusan')).toHaveText('TIDAK ASLI');
  await expect(page.locator('#rincian')).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('halaman-tidak-asli.png'), fullPage: true });

  for (let i = 0; i < genuine.code.length; i++) {
    const changed = changedAt(genuine.code, i);
    await page.evaluate((code) => {
      location.hash = code;
    }, changed);
    await expect(page.getByLabel('Kode verifikasi'), `position ${i}`).toHaveValue(changed);
    await expect(page.locator('#putusan'), `position ${i}: ${changed}`).toHaveText('TIDAK ASLI');
  }
  // And back to the genuine code: the loop's verdicts were not stuck.
  await page.evaluate((code) => {
    location.hash = code;
  }, genuine.code);
  await expect(page.locator('#putusan')).toHaveText('ASLI');
});

test('the administrator sets the website and a folder; voiding a letter writes the page there, which then says DIBATALKAN', async ({
  page,
  web,
}) => {
  const folder = test.info().outputPath('laman-kantor');
  mkdirSync(folder, { recursive: true });
  const letter = registerTestDocument(web.db, { number: '460/091/Dinsos/XII/2026' });
  await App.signIn(page, web);
  await navigate(page, 'Pengaturan');
  await page.getByRole('tab', { name: 'Dokumen' }).click();
  const website = page.getByLabel('Laman (website)');
  const save = page.getByRole('button', { name: 'Simpan pengaturan dokumen' });
  await website.fill('dinsos pekalongan');
  await save.click();
  await expect(page.getByText('Alamat laman tidak dapat dipakai: tulis seperti dinsos.contohkab.go.id')).toBeVisible();
  await website.fill('dinsos.contoh.go.id');
  await page.getByLabel('Folder halaman verifikasi').fill(`${folder}/tidak-ada`);
  await save.click();
  await expect(
    // Under the field (and in the notification).
    page.getByText(/Folder .*tidak-ada tidak ditemukan di komputer yang menyimpan basis data/).first(),
  ).toBeVisible();
  await expect(page.getByLabel('Folder halaman verifikasi')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Folder halaman verifikasi').fill(folder);
  await save.click();
  await expect(page.getByText('Pengaturan dokumen disimpan.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('pengaturan-dokumen.png'), fullPage: true });
  expect(web.db.$client.prepare('SELECT website, verification_folder AS folder FROM document_settings').get()).toEqual({
    website: 'dinsos.contoh.go.id',
    folder,
  });

  const register = await DocumentsRegisterPage.open(page);
  const dialog = await register.askToVoid('460/091/Dinsos/XII/2026');
  await register.confirmVoid(dialog, 'Nama desa salah ketik');
  await expect(dialog).toBeHidden();
  const file = `${folder}/verifikasi.html`;
  await expect(page.getByText(`Halaman verifikasi ditulis ulang ke ${file}.`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('batal-ditulis-ulang.png') });
  expect(existsSync(file)).toBe(true);

  await page.goto(`${pathToFileURL(file).href}#${letter.code}`);
  await expect(page.locator('#putusan')).toHaveText('ASLI TETAPI DIBATALKAN');
  // The QR's whole address pasted into the box reads the same.
  await page.getByLabel('Kode verifikasi').fill('');
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.getByRole('status')).toBeHidden();
  await page.getByLabel('Kode verifikasi').fill(`https://dinsos.contoh.go.id/verifikasi#${letter.code}`);
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.locator('#putusan')).toHaveText('ASLI TETAPI DIBATALKAN');
});
