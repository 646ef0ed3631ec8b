/** In Chromium: a held username, the password rule in the user form, Pengaturan > Keamanan. */
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser, setUserActive } from '../../main/services/auth';
import { login as loginService } from '../../main/services/login';
import { ADMIN } from '../support/office';
import { App } from '../support/pages/app';
import { LoginPage } from '../support/pages/login';
import { SecurityPage } from '../support/pages/security';
import { UsersPage } from '../support/pages/users';
import { expect, test } from '../support/web';

test('five wrong passwords hold the username for 15 minutes, even against the right one', async ({ page, web }) => {
  // The real pauses after each failure (0.5 + 1 + 2 + 4 + 8 s) run here.
  test.setTimeout(90_000);
  const login = await LoginPage.open(page, web);
  const alert = login.refusal;
  for (let i = 1; i <= 5; i++) {
    await login.signIn(ADMIN.username, `salah-sandi-${i}`, 'button');
    await expect(alert).toContainText('Nama pengguna atau kata sandi salah', { timeout: 20_000 });
    await expect(login.signInButton).toBeEnabled({ timeout: 20_000 });
    // The last try before the hold says so.
    if (i === 4) await expect(alert).toContainText('Satu kali lagi salah, akun ditahan 15 menit.');
    else await expect(alert).not.toContainText('Satu kali lagi');
  }
  await login.signIn(ADMIN.username, ADMIN.password, 'button');
  await expect(alert).toHaveText('Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.');
  await login.expectSignedOut();
  const held = web.db.$client.prepare("SELECT failures FROM login_throttle WHERE key = 'user:admin'").get();
  expect(held).toEqual({ failures: 5 });
  await page.screenshot({ path: 'test-results/accounts-locked.png' });
});

test('the user form refuses a password that is the username or only spaces', async ({ page, web }) => {
  await App.signIn(page, web);
  const users = await UsersPage.open(page);
  const dialog = await users.add({ username: 'operator1', fullName: 'Dewi Operator', password: 'Operator1' });
  await expect(dialog.getByText('Kata sandi tidak boleh sama dengan nama pengguna.')).toBeVisible();
  await users.typePassword(dialog, '          ');
  await expect(dialog.getByText('Kata sandi tidak boleh hanya berisi spasi.')).toBeVisible();
  await page.screenshot({ path: 'test-results/accounts-password-rule.png' });
  expect(web.db.$client.prepare("SELECT count(*) AS n FROM users WHERE username = 'operator1'").get()).toEqual({
    n: 0,
  });

  await users.typePassword(dialog, 'sandi-operator-1');
  await expect(dialog).toHaveCount(0);
  expect(web.db.$client.prepare("SELECT count(*) AS n FROM users WHERE username = 'operator1'").get()).toEqual({
    n: 1,
  });
});

test('the administrator sets the session length and the roles that see NIKs in full', async ({ page, web }) => {
  await App.signIn(page, web);
  const security = await SecurityPage.open(page);
  const minutes = security.idleMinutes;
  await expect(minutes).toHaveValue('30');
  const adminBox = security.fullNik('Administrator');
  await expect(adminBox).toBeChecked();
  await expect(adminBox).toBeDisabled();
  await expect(page.getByText('Administrator selalu melihat NIK lengkap')).toBeVisible();

  await minutes.fill('2');
  await security.save();
  await expect(page.getByText('Lama sesi paling sedikit 5 menit.')).toBeVisible();
  await minutes.fill('45');
  await security.fullNik('Verifikator').uncheck();
  await security.fullNik('Pimpinan').check();
  await security.save();
  await expect(page.getByText('Pengaturan keamanan disimpan.')).toBeVisible();
  await page.screenshot({ path: 'test-results/accounts-security-settings.png' });

  const stored = web.db.$client
    .prepare('SELECT session_idle_minutes AS minutes, full_nik_roles AS roles FROM security_settings')
    .get() as { minutes: number; roles: string };
  expect(stored.minutes).toBe(45);
  expect(JSON.parse(stored.roles).sort()).toEqual(['admin', 'operator', 'pimpinan']);

  await page.reload();
  const reloaded = await SecurityPage.openTab(page);
  await expect(reloaded.idleMinutes).toHaveValue('45');
  await expect(reloaded.fullNik('Pimpinan')).toBeChecked();
});

test('a user whose account is deactivated meanwhile returns to the login page, told why', async ({ page, web }) => {
  const operator = await createUser(web.db, SYSTEM_ACTOR, {
    username: 'operator1',
    fullName: 'Dewi Operator',
    role: 'operator',
    password: 'operator123',
  });
  await App.signIn(page, web, { username: 'operator1', password: 'operator123' });
  await page.waitForLoadState('networkidle');
  setUserActive(web.db, SYSTEM_ACTOR, operator.id, false);
  // The next screen's calls meet the ended session (a hash change: a late call of the home page may already
  // have returned to the login page, which would leave no link to click).
  await page.evaluate(() => {
    window.location.hash = '#/kpm';
  });
  await expect(new LoginPage(page).signInButton).toBeVisible();
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
  await App.signIn(page, web);
  const users = await UsersPage.open(page);
  await expect(users.holds).toContainText('nama pengguna operator1');
  await users.liftHold('operator1');
  await expect(users.holds).toBeHidden();
  expect(web.db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'unlock'").pluck().get()).toBe(1);

  const dialog = await users.openEdit('operator1');
  await dialog.getByLabel('Nama lengkap').fill('Dewi\u200BOperator');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog.getByLabel('Nama lengkap')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Nama lengkap').fill('Dewi Lestari');
  await users.chooseRole(dialog, 'Verifikator');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog).toBeHidden();
  const row = users.user('operator1');
  await expect(row).toContainText('Dewi Lestari');
  await expect(row).toContainText('Verifikator');
  const stored = web.db.$client.prepare('SELECT full_name AS fullName, role FROM users WHERE id = ?').get(operator.id);
  expect(stored).toEqual({ fullName: 'Dewi Lestari', role: 'verifikator' });

  // The only administrator cannot step down.
  const self = await users.openEdit(ADMIN.username);
  await users.chooseRole(self, 'Operator');
  await self.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(self.getByRole('alert')).toContainText('satu-satunya administrator aktif');
});

test('an ended idle session hides the data at once and shows the login with the reason', async ({ page, web }) => {
  await page.clock.install();
  await App.signIn(page, web);
  await UsersPage.open(page);
  await expect(page.getByRole('cell', { name: ADMIN.fullName })).toBeVisible();
  await page.clock.fastForward('31:00');
  await expect(new LoginPage(page).signInButton).toBeVisible();
  await expect(page.getByText('tidak ada aktivitas selama 30 menit')).toBeVisible();
  await expect(page.getByRole('cell', { name: ADMIN.fullName })).toHaveCount(0);
});
