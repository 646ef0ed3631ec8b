/** Accounts in Chromium: a held username, the password rule in the user form, Pengaturan > Keamanan. */
import type { Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser, setUserActive } from '../../main/services/auth';
import { login as loginService } from '../../main/services/login';
import { ADMIN } from '../support/office';
import { expect, login, navigate, test } from '../support/web';

async function typeLogin(page: Page, username: string, password: string) {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

test('five wrong passwords hold the username for 15 minutes, even against the right one', async ({ page, web }) => {
  // The real pauses after each failure (0.5 + 1 + 2 + 4 + 8 s) run here.
  test.setTimeout(90_000);
  await page.goto(web.url);
  const alert = page.getByRole('alert');
  for (let i = 1; i <= 5; i++) {
    await typeLogin(page, ADMIN.username, `salah-sandi-${i}`);
    await expect(alert).toContainText('Nama pengguna atau kata sandi salah', { timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Masuk' })).toBeEnabled({ timeout: 20_000 });
    // The last try before the hold says so.
    if (i === 4) await expect(alert).toContainText('Satu kali lagi salah, akun ditahan 15 menit.');
    else await expect(alert).not.toContainText('Satu kali lagi');
  }
  await typeLogin(page, ADMIN.username, ADMIN.password);
  await expect(alert).toHaveText('Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.');
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
  const held = web.db.$client.prepare("SELECT failures FROM login_throttle WHERE key = 'user:admin'").get();
  expect(held).toEqual({ failures: 5 });
  await page.screenshot({ path: 'test-results/accounts-locked.png' });
});

test('the user form refuses a password that is the username or only spaces', async ({ page, web }) => {
  await login(page, web.url);
  await navigate(page, 'Pengguna');
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await dialog.getByLabel('Nama pengguna').fill('operator1');
  await dialog.getByLabel('Nama lengkap').fill('Dewi Operator');
  await dialog.getByLabel(/^Kata sandi/).fill('Operator1');
  await dialog.getByLabel('Ulangi kata sandi').fill('Operator1');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Kata sandi tidak boleh sama dengan nama pengguna.')).toBeVisible();
  await dialog.getByLabel(/^Kata sandi/).fill('          ');
  await dialog.getByLabel('Ulangi kata sandi').fill('          ');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Kata sandi tidak boleh hanya berisi spasi.')).toBeVisible();
  await page.screenshot({ path: 'test-results/accounts-password-rule.png' });
  expect(web.db.$client.prepare("SELECT count(*) AS n FROM users WHERE username = 'operator1'").get()).toEqual({
    n: 0,
  });

  await dialog.getByLabel(/^Kata sandi/).fill('sandi-operator-1');
  await dialog.getByLabel('Ulangi kata sandi').fill('sandi-operator-1');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toHaveCount(0);
  expect(web.db.$client.prepare("SELECT count(*) AS n FROM users WHERE username = 'operator1'").get()).toEqual({
    n: 1,
  });
});

test('the administrator sets the session length and the roles that see NIKs in full', async ({ page, web }) => {
  await login(page, web.url);
  await navigate(page, 'Pengaturan');
  await page.getByRole('tab', { name: 'Keamanan' }).click();
  const minutes = page.getByLabel('Lama sesi tanpa aktivitas (menit)');
  await expect(minutes).toHaveValue('30');
  const adminBox = page.getByRole('checkbox', { name: 'Administrator' });
  await expect(adminBox).toBeChecked();
  await expect(adminBox).toBeDisabled();
  await expect(page.getByText('Administrator selalu melihat NIK lengkap')).toBeVisible();

  await minutes.fill('2');
  await page.getByRole('button', { name: 'Simpan pengaturan keamanan' }).click();
  await expect(page.getByText('Lama sesi paling sedikit 5 menit.')).toBeVisible();
  await minutes.fill('45');
  await page.getByRole('checkbox', { name: 'Verifikator' }).uncheck();
  await page.getByRole('checkbox', { name: 'Pimpinan' }).check();
  await page.getByRole('button', { name: 'Simpan pengaturan keamanan' }).click();
  await expect(page.getByText('Pengaturan keamanan disimpan.')).toBeVisible();
  await page.screenshot({ path: 'test-results/accounts-security-settings.png' });

  const stored = web.db.$client
    .prepare('SELECT session_idle_minutes AS minutes, full_nik_roles AS roles FROM security_settings')
    .get() as { minutes: number; roles: string };
  expect(stored.minutes).toBe(45);
  expect(JSON.parse(stored.roles).sort()).toEqual(['admin', 'operator', 'pimpinan']);

  await page.reload();
  await page.getByRole('tab', { name: 'Keamanan' }).click();
  await expect(page.getByLabel('Lama sesi tanpa aktivitas (menit)')).toHaveValue('45');
  await expect(page.getByRole('checkbox', { name: 'Pimpinan' })).toBeChecked();
});

test('a user whose account is deactivated meanwhile returns to the login page, told why', async ({ page, web }) => {
  const operator = await createUser(web.db, SYSTEM_ACTOR, {
    username: 'operator1',
    fullName: 'Dewi Operator',
    role: 'operator',
    password: 'operator123',
  });
  await login(page, web.url, 'operator1', 'operator123');
  await page.waitForLoadState('networkidle');
  setUserActive(web.db, SYSTEM_ACTOR, operator.id, false);
  // The next screen's calls meet the ended session (a hash change: a late call of the home page may already
  // have returned to the login page, which would leave no link to click).
  await page.evaluate(() => {
    window.location.hash = '#/kpm';
  });
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sesi Anda berakhir' })).toHaveText(
    'Sesi Anda berakhir karena akun Anda dinonaktifkan atau kata sandinya diganti. Silakan masuk kembali.',
  );
  await page.screenshot({ path: 'test-results/accounts-session-ended.png' });
});

test("the administrator lifts a hold, and edits a user's name and role, both audited", async ({ page, web }) => {
  const operator = await createUser(web.db, SYSTEM_ACTOR, {
    username: 'operator1',
    fullName: 'Dewi Operator',
    role: 'operator',
    password: 'rahasia-panjang',
  });
  // Five wrong passwords, without the real pauses.
  const noWait = { now: () => new Date(), sleep: async () => {} };
  for (let i = 0; i < 5; i++) {
    await loginService(web.db, { username: 'operator1', password: 'salah-sekali', source: 'lokal' }, noWait).catch(
      () => undefined,
    );
  }
  await login(page, web.url);
  await navigate(page, 'Pengguna');
  const holds = page.getByRole('region', { name: 'Ditahan karena salah kata sandi' });
  await expect(holds).toContainText('nama pengguna operator1');
  await holds.getByRole('button', { name: 'Lepas penahanan nama pengguna operator1' }).click();
  await expect(holds).toBeHidden();
  expect(web.db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'unlock'").pluck().get()).toBe(1);

  await page.getByRole('button', { name: 'Ubah operator1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ubah pengguna operator1' });
  await dialog.getByLabel('Nama lengkap').fill('Dewi\u200BOperator');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog.getByLabel('Nama lengkap')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Nama lengkap').fill('Dewi Lestari');
  await dialog.getByRole('combobox', { name: 'Peran' }).click();
  await page.getByRole('option', { name: 'Verifikator' }).click();
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /operator1/ });
  await expect(row).toContainText('Dewi Lestari');
  await expect(row).toContainText('Verifikator');
  const stored = web.db.$client.prepare('SELECT full_name AS fullName, role FROM users WHERE id = ?').get(operator.id);
  expect(stored).toEqual({ fullName: 'Dewi Lestari', role: 'verifikator' });

  // The only administrator cannot step down.
  await page.getByRole('button', { name: `Ubah ${ADMIN.username}` }).click();
  const self = page.getByRole('dialog', { name: `Ubah pengguna ${ADMIN.username}` });
  await self.getByRole('combobox', { name: 'Peran' }).click();
  await page.getByRole('option', { name: 'Operator' }).click();
  await self.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(self.getByRole('alert')).toContainText('satu-satunya administrator aktif');
});

test('an ended idle session hides the data at once and shows the login with the reason', async ({ page, web }) => {
  await page.clock.install();
  await login(page, web.url);
  await navigate(page, 'Pengguna');
  await expect(page.getByRole('cell', { name: ADMIN.fullName })).toBeVisible();
  await page.clock.fastForward('31:00');
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByText('tidak ada aktivitas selama 30 menit')).toBeVisible();
  await expect(page.getByRole('cell', { name: ADMIN.fullName })).toHaveCount(0);
});
