/**
 * Backups and restore in Chromium: make a backup, change a family, restore, see the family
 * as it was; a server started on a damaged file shows the Indonesian message and restores the latest backup;
 * the list names each copy's office, another office's copy cannot be restored, and the login page says why
 * everyone was logged out.
 */
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createBackup } from '../../main/services/backup';
import { updateKpm } from '../../main/services/kpm';
import { startWebServer } from '../../main/web';
import { familyInput } from '../node/helpers';
import { ADMIN, setUpTestOffice } from '../support/office';
import { App } from '../support/pages/app';
import { BackupPage } from '../support/pages/backup';
import { FamilyPage } from '../support/pages/family';
import { LoginPage } from '../support/pages/login';
import { RecoveryPage } from '../support/pages/recovery';
import { expect, registerFamily, test } from '../support/web';

test('a backup made before a change brings the family back as it was', async ({ page, web }) => {
  const id = registerFamily(web, familyInput({ nama: 'Siti Wulandari' }));
  await App.signIn(page, web);
  await expect(page.getByLabel('Status cadangan')).toContainText('Cadangan terakhir:');
  let backups = await BackupPage.open(page);
  await expect(page.getByText('Cadangan berada di disk yang sama dengan database')).toBeVisible();
  await backups.backUpNow();
  await expect(backups.backup('Cadangkan sekarang')).toHaveCount(1);

  updateKpm(web.db, SYSTEM_ACTOR, id, familyInput({ nama: 'Siti Diubah Sesudah Cadangan' }));
  const family = await FamilyPage.openById(page, id);
  await expect(family.name('Siti Diubah Sesudah Cadangan').first()).toBeVisible();

  backups = await BackupPage.open(page);
  const dialog = await backups.askToRestore(backups.backup('Cadangkan sekarang'));
  await expect(dialog).toContainText('1 keluarga, 0 keputusan, 0 bantuan');
  await expect(dialog).toContainText('Cadangkan sekarang');
  await page.screenshot({ path: 'test-results/backup-restore-dialog.png' });
  await backups.confirmRestore(dialog);
  await expect(page.getByText(/Database dipulihkan dari cadangan/)).toBeVisible();
  // Every session ended with the restore: the login page, then the family as it was.
  await expect(new LoginPage(page).username).toBeVisible();
  await App.signIn(page, web);
  await FamilyPage.openById(page, id);
  await expect(family.name('Siti Wulandari').first()).toBeVisible();
  await expect(family.name('Siti Diubah Sesudah Cadangan')).toHaveCount(0);
  const audit = web.db.$client.prepare("SELECT username FROM audit_log WHERE action = 'restore'").all();
  expect(audit).toEqual([{ username: ADMIN.username }]);
});

test("the list names each backup's office, offers no restore of another office's, and the login page says who restored", async ({
  page,
  web,
}) => {
  const folder = join(dirname(web.db.$client.name), 'cadangan');
  const otherFile = join(mkdtempSync(join(tmpdir(), 'graduasi-e2e-lain-')), 'pamekasan.db');
  const other = openDatabase(otherFile);
  await setUpTestOffice(other, '3528');
  await createBackup(other, folder, 'manual');
  other.$client.close();

  await App.signIn(page, web);
  const backups = await BackupPage.open(page);
  await backups.backUpNow();
  await expect(backups.list.getByRole('columnheader', { name: 'Kantor' })).toBeVisible();
  const theirs = backups.backup('Dinas Sosial Kabupaten Pamekasan');
  await expect(theirs).toHaveCount(1);
  await expect(theirs).toContainText('Kantor lain');
  await expect(theirs).toContainText('Tidak dapat dipulihkan ke database ini');
  await expect(theirs.getByRole('button', { name: 'Pulihkan' })).toHaveCount(0);
  const ours = backups.backup('Dinas Sosial Kota Pekalongan', 'Cadangkan sekarang');
  await expect(ours).toHaveCount(1);
  await expect(ours).not.toContainText('Kantor lain');
  await page.screenshot({ path: 'test-results/backup-list-offices.png', fullPage: true });

  const dialog = await backups.askToRestore(ours);
  await expect(dialog).toContainText('milik Dinas Sosial Kota Pekalongan');
  await backups.confirmRestore(dialog);
  const reason = page.getByRole('status').filter({ hasText: 'Data dipulihkan dari cadangan' });
  await expect(reason).toContainText(`oleh ${ADMIN.fullName}; semua pengguna keluar. Silakan masuk lagi.`);
  await expect(new LoginPage(page).username).toBeVisible();
  await page.screenshot({ path: 'test-results/backup-login-after-restore.png' });
  rmSync(dirname(otherFile), { recursive: true, force: true });
});

test('a damaged database file shows the Indonesian message and is restored from the latest backup', async ({
  page,
  officeTemplate,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-e2e-rusak-'));
  const dbFile = join(dir, 'kantor.db');
  copyFileSync(officeTemplate, dbFile);
  const db = openDatabase(dbFile);
  await createBackup(db, join(dir, 'cadangan'), 'manual');
  db.$client.close();
  // Bad sectors in the middle of the file (its first page, the header, stays).
  const pages = statSync(dbFile).size / 4096;
  const fd = openSync(dbFile, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, 4096 * Math.floor(pages / 2));
  closeSync(fd);

  const server = await startWebServer({ dbFile, port: 0, staticDir: 'dist-web' });
  try {
    const recovery = await RecoveryPage.open(page, server.url);
    await expect(page.getByText(/Aplikasi tidak menulis apa pun ke berkas ini/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Buat salinan penyelamatan' })).toBeVisible();
    await page.screenshot({ path: 'test-results/backup-damaged-file.png', fullPage: true });
    // Another file (another office's, perhaps) opens only after its own confirmation.
    const confirm = await recovery.askToOpen(join(dir, 'kantor-lain.db'));
    await expect(confirm).toContainText('Bila berkas ini milik kantor lain');
    await page.screenshot({ path: 'test-results/backup-choose-file-confirm.png' });
    await confirm.getByRole('button', { name: 'Batal' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(recovery.heading).toBeVisible();
    await recovery.restoreLatest();
    const login = new LoginPage(page);
    await expect(login.username).toBeVisible();
    await login.signIn(ADMIN.username, ADMIN.password);
    await expect(new App(page).navigation).toBeVisible();
    await page.screenshot({ path: 'test-results/backup-after-recovery.png' });
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
