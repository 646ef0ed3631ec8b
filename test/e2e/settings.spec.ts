import { createUser } from '../../main/services/auth';
import { ADMIN, OFFICE } from '../support/office';
import { App } from '../support/pages/app';
import { LoginPage } from '../support/pages/login';
import { SettingsPage } from '../support/pages/settings';
import { UsersPage } from '../support/pages/users';
import { expect, test } from '../support/web';

const NEW_NAME = 'Dinas Sosial P3A Kota Pekalongan';

test('the administrator updates the office profile; a wrong NIP is refused at its field', async ({
  page,
  web,
  browser,
}) => {
  await App.signIn(page, web);
  const settings = await SettingsPage.open(page);
  await expect(settings.field('Nama instansi')).toHaveValue(OFFICE.agencyName);
  await expect(settings.field('Kabupaten/kota')).toHaveValue('Kota Pekalongan');
  await expect(settings.field('Kabupaten/kota')).not.toBeEditable();

  await settings.field('Nama instansi').fill(NEW_NAME);
  await settings.field('Nama kepala dinas').fill('Ir. BAMBANG SUTRISNO, M.M.');
  await settings.field('NIP').fill('12345');
  await settings.saveProfile();
  await expect(settings.field('NIP')).toHaveAttribute('aria-invalid', 'true');
  expect(web.db.$client.prepare('SELECT agency_name FROM office').get()).toEqual({ agency_name: OFFICE.agencyName });

  await settings.field('NIP').fill('196805121994031006');
  await settings.saveProfile();
  await expect(page.getByText('Profil kantor disimpan.')).toBeVisible();
  // The header follows without a reload.
  await expect(page.getByRole('heading', { name: NEW_NAME })).toBeVisible();
  expect(web.db.$client.prepare('SELECT agency_name, head_name, head_nip, regency_code FROM office').get()).toEqual({
    agency_name: NEW_NAME,
    head_name: 'Ir. BAMBANG SUTRISNO, M.M.',
    head_nip: '196805121994031006',
    regency_code: '3375',
  });
  const audit = web.db.$client
    .prepare("SELECT username, summary FROM audit_log WHERE entity = 'office' AND action = 'update'")
    .all();
  expect(audit).toEqual([{ username: ADMIN.username, summary: 'Profil kantor diubah' }]);

  // Saved means saved: a new login elsewhere reads the new profile.
  const elsewhere = await App.signIn(await browser.newPage(), web);
  await expect(elsewhere.page.getByRole('heading', { name: NEW_NAME })).toBeVisible();
  await elsewhere.page.close();
});

test('a deactivated user cannot log in until the administrator activates them again', async ({
  page,
  web,
  browser,
}) => {
  const operator = { username: 'operator1', password: 'operator123' };
  await createUser(
    web.db,
    { id: 1, username: ADMIN.username, role: 'admin' },
    { ...operator, fullName: 'Dewi Operator', role: 'operator' },
  );
  await App.signIn(page, web);
  const users = await UsersPage.open(page);
  await users.deactivate(operator.username, (dialog) =>
    expect(dialog).toContainText('Dewi Operator tidak dapat masuk lagi'),
  );
  await expect(users.user(operator.username)).toContainText('Tidak aktif');

  const other = await LoginPage.open(await browser.newPage(), web);
  await other.signIn(operator.username, operator.password);
  await expect(other.refusal).toContainText('akun tidak aktif');
  await other.expectSignedOut();

  await users.activate(operator.username);
  await expect(users.user(operator.username)).toContainText('Aktif');
  await expect(users.user(operator.username)).not.toContainText('Tidak aktif');
  await App.signIn(other.page, web, operator);
  await other.page.close();
});
