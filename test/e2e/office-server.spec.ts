/**
 * Server mode in Chromium: the administrator turns it on in Pengaturan and sees the address and the
 * certificate's fingerprint; a second browser (another staff PC) opens the HTTPS address without a token and
 * logs in with its own account, and the administrator sees it connected.
 */
import { createServer } from 'node:net';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser } from '../../main/services/auth';
import { App } from '../support/pages/app';
import { LoginPage } from '../support/pages/login';
import { expect, navigate, test } from '../support/web';

const OPERATOR = { username: 'operator1', password: 'operator-rahasia1', fullName: 'Dewi Lestari' };

/** A port free right now, for the server the administrator turns on (the form takes 1024 and up). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test('the administrator turns server mode on; another PC logs in over HTTPS with its own account', async ({
  page,
  web,
  browser,
}) => {
  await createUser(web.db, SYSTEM_ACTOR, { ...OPERATOR, role: 'operator' });
  const port = await freePort();
  await App.signIn(page, web);
  await navigate(page, 'Pengaturan');
  await page.getByRole('tab', { name: 'Server kantor' }).click();
  await expect(page.getByText('Tidak aktif')).toBeVisible();
  await page.getByLabel('Port').fill(String(port));
  await page.getByRole('button', { name: 'Nyalakan mode server' }).click();
  const confirm = page.getByRole('dialog', { name: 'Nyalakan mode server?' });
  await expect(confirm).toContainText(`https://127.0.0.1:${port}/`);
  await confirm.getByRole('button', { name: 'Ya, nyalakan' }).click();
  const url = `https://127.0.0.1:${port}/`;
  await expect(page.getByTestId('server-url')).toHaveText(url);
  await expect(page.getByTestId('server-fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await page.screenshot({ path: 'test-results/office-server-on.png', fullPage: true });
  await page.getByRole('button', { name: 'Cetak lembar petunjuk' }).click();
  const sheet = page.getByRole('dialog', { name: 'Lembar petunjuk server kantor' });
  await expect(sheet.locator('iframe')).toBeVisible();
  await sheet.getByRole('button', { name: 'Tutup dialog', exact: true }).click();

  // Another staff PC: its own browser, the office certificate not installed there (ignoreHTTPSErrors).
  const other = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  await LoginPage.open(other, { ...web, url });
  await new LoginPage(other).signIn(OPERATOR.username, OPERATOR.password);
  await expect(other.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
  expect(other.url()).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${port}/`));
  expect(other.url()).not.toContain('token');
  await other.screenshot({ path: 'test-results/office-server-client.png' });

  const sessions = page.getByRole('table', { name: 'Sesi yang sedang tersambung' });
  await expect(sessions.getByRole('row', { name: /Dewi Lestari/ })).toBeVisible({ timeout: 15_000 });
  const login = web.db.$client
    .prepare("SELECT client_address AS address FROM audit_log WHERE action = 'login' AND username = 'operator1'")
    .get();
  expect(login).toEqual({ address: '127.0.0.1' });
  await page.screenshot({ path: 'test-results/office-server-sessions.png', fullPage: true });
});
