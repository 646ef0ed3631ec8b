import { createUser } from '../../main/services/auth';
import { ADMIN, OFFICE } from '../support/office';
import { expect, login, navigate, test } from '../support/web';

const NEW_NAME = 'Dinas Sosial P3A Kota Pekalongan';

test('the administrator updates the office profile; a wrong NIP is refused at its field', async ({
  page,
  web,
  browser,
}) => {
  await login(page, web.url);
  await navigate(page, 'Pengaturan');
  await expect(page.getByRole('tab', { name: 'Profil kantor' })).toHaveAttribute('aria-selected', 'true');
  const name = page.getByLabel('Nama instansi');
  await expect(name).toHaveValue(OFFICE.agencyName);
  await expect(page.getByLabel('Kabupaten/kota')).toHaveValue('Kota Pekalongan');
  await expect(page.getByLabel('Kabupaten/kota')).not.toBeEditable();

  await name.fill(NEW_NAME);
  await page.getByLabel('Nama kepala dinas').fill('Ir. BAMBANG SUTRISNO, M.M.');
  await page.getByLabel('NIP').fill('12345');
  await page.getByRole('button', { name: 'Simpan profil kantor' }).click();
  await expect(page.getByLabel('NIP')).toHaveAttribute('aria-invalid', 'true');
  expect(web.db.$client.prepare('SELECT agency_name FROM office').get()).toEqual({ agency_name: OFFICE.agencyName });

  await page.getByLabel('NIP').fill('196805121994031006');
  await page.getByRole('button', { name: 'Simpan profil kantor' }).click();
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
  const elsewhere = await browser.newPage();
  await login(elsewhere, web.url);
  await expect(elsewhere.getByRole('heading', { name: NEW_NAME })).toBeVisible();
  await elsewhere.close();
});

test('a deactivated user cannot log in until the administrator activates them again', async ({
  page,
  web,
  browser,
}) => {
  await createUser(
    web.db,
    { id: 1, username: ADMIN.username, role: 'admin' },
    {
      username: 'operator1',
      fullName: 'Dewi Operator',
      role: 'operator',
      password: 'operator123',
    },
  );
  await login(page, web.url);
  await navigate(page, 'Pengguna');
  const row = page.getByRole('row', { name: /operator1/ });
  await row.getByRole('button', { name: 'Nonaktifkan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nonaktifkan pengguna operator1?' });
  await expect(dialog).toContainText('Dewi Operator tidak dapat masuk lagi');
  await dialog.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
  await expect(row).toContainText('Tidak aktif');

  const other = await browser.newPage();
  await other.goto(web.url);
  await other.getByLabel('Nama pengguna').fill('operator1');
  await other.getByLabel('Kata sandi').fill('operator123');
  await other.getByLabel('Kata sandi').press('Enter');
  await expect(other.getByRole('alert')).toContainText('akun tidak aktif');
  await expect(other.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);

  await row.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(row).toContainText('Aktif');
  await expect(row).not.toContainText('Tidak aktif');
  await login(other, web.url, 'operator1', 'operator123');
  await other.close();
});
