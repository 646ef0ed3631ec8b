import type { Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser } from '../../main/services/auth';
import { ADMIN } from '../support/office';
import { expect, login, test } from '../support/web';

const OPERATOR = {
  username: 'sari',
  fullName: 'Sari Operator',
  role: 'operator' as const,
  password: 'sandi-lama-sari',
};

async function logout(page: Page, fullName: string) {
  await page.getByRole('button', { name: `Menu pengguna ${fullName}` }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
}

async function typeLogin(page: Page, username: string, password: string) {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByLabel('Kata sandi').press('Enter');
}

test('an administrator resets a password; the user must choose a new one, then works', async ({ page, web }) => {
  await createUser(web.db, SYSTEM_ACTOR, OPERATOR);
  await login(page, web.url);
  await page.getByRole('link', { name: 'Pengguna' }).click();
  const row = page.getByRole('row').filter({ hasText: OPERATOR.username });
  await row.getByRole('button', { name: 'Atur ulang sandi' }).click();
  await page.getByRole('button', { name: 'Ya, atur ulang' }).click();
  const temporary =
    (await page.getByRole('dialog', { name: 'Kata sandi sementara' }).locator('code').textContent()) ?? '';
  expect(temporary).toMatch(/^[a-z2-9]{10}$/);
  await page.getByRole('button', { name: 'Selesai' }).click();
  await expect(row.getByText('Harus ganti sandi')).toBeVisible();
  await logout(page, ADMIN.fullName);

  await typeLogin(page, OPERATOR.username, OPERATOR.password);
  await expect(page.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah');

  await typeLogin(page, OPERATOR.username, temporary);
  await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
  await page.getByLabel('Kata sandi sementara').fill(temporary);
  await page.getByLabel(/^Kata sandi baru/).fill('sandi-baru-sari');
  await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-sarI');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByText('Ulangi kata sandi baru yang sama persis.')).toBeVisible();
  await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-sari');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();

  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
  await page.getByRole('link', { name: 'Data KPM' }).click();
  await expect(page.getByRole('heading', { name: 'Data KPM' })).toBeVisible();
  await logout(page, OPERATOR.fullName);
  await typeLogin(page, OPERATOR.username, 'sandi-baru-sari');
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
  const stored = web.db.$client
    .prepare('SELECT must_change_password AS flag FROM users WHERE username = ?')
    .get(OPERATOR.username);
  expect(stored).toEqual({ flag: 0 });
});

test('a user changes their own password from the user menu', async ({ page, web }) => {
  await login(page, web.url);
  await page.getByRole('button', { name: `Menu pengguna ${ADMIN.fullName}` }).click();
  await page.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ganti kata sandi' });
  await dialog.getByLabel('Kata sandi lama').fill('bukan-sandinya');
  await dialog.getByLabel(/^Kata sandi baru/).fill('sandi-admin-baru');
  await dialog.getByLabel('Ulangi kata sandi baru').fill('sandi-admin-baru');
  await dialog.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(dialog.getByText('Kata sandi lama salah.')).toBeVisible();
  await dialog.getByLabel('Kata sandi lama').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(dialog).toHaveCount(0);
  await logout(page, ADMIN.fullName);
  await typeLogin(page, ADMIN.username, 'sandi-admin-baru');
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
});
