import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser } from '../../main/services/auth';
import { ADMIN } from '../support/office';
import { App } from '../support/pages/app';
import { LoginPage } from '../support/pages/login';
import { UsersPage } from '../support/pages/users';
import { expect, test } from '../support/web';

const OPERATOR = {
  username: 'sari',
  fullName: 'Sari Operator',
  role: 'operator' as const,
  password: 'sandi-lama-sari',
};

test('an administrator resets a password; the user must choose a new one, then works', async ({ page, web }) => {
  await createUser(web.db, SYSTEM_ACTOR, OPERATOR);
  const admin = await App.signIn(page, web);
  const users = await UsersPage.open(page);
  const temporary = await users.resetPassword(OPERATOR.username);
  expect(temporary).toMatch(/^[a-z2-9]{10}$/);
  await expect(users.user(OPERATOR.username).getByText('Harus ganti sandi')).toBeVisible();
  await admin.signOut(ADMIN.fullName);

  const login = new LoginPage(page);
  await login.signIn(OPERATOR.username, OPERATOR.password);
  await expect(login.refusal).toContainText('Nama pengguna atau kata sandi salah');

  await login.signIn(OPERATOR.username, temporary);
  await login.expectSignedOut();
  await login.chooseNewPassword(temporary, 'sandi-baru-sari', 'sandi-baru-sarI');
  await expect(page.getByText('Ulangi kata sandi baru yang sama persis.')).toBeVisible();
  await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-sari');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();

  const operator = new App(page);
  await expect(operator.navigation).toBeVisible();
  await operator.open('Data KPM');
  await operator.expectHeading('Data KPM');
  await operator.signOut(OPERATOR.fullName);
  await login.signIn(OPERATOR.username, 'sandi-baru-sari');
  await expect(operator.navigation).toBeVisible();
  const stored = web.db.$client
    .prepare('SELECT must_change_password AS flag FROM users WHERE username = ?')
    .get(OPERATOR.username);
  expect(stored).toEqual({ flag: 0 });
});

test('a user changes their own password from the user menu', async ({ page, web }) => {
  const app = await App.signIn(page, web);
  const dialog = await app.changeOwnPassword(ADMIN.fullName, 'bukan-sandinya', 'sandi-admin-baru');
  await expect(dialog.getByText('Kata sandi lama salah.')).toBeVisible();
  await dialog.getByLabel('Kata sandi lama').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(dialog).toHaveCount(0);
  await app.signOut(ADMIN.fullName);
  await new LoginPage(page).signIn(ADMIN.username, 'sandi-admin-baru');
  await expect(app.navigation).toBeVisible();
});
