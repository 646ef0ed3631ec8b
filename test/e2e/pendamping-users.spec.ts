import type { Page } from '@playwright/test';
import { pendampingSchema } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createPendamping, reassignKpm } from '../../main/services/pendamping';
import { ADMIN } from '../support/office';
import { expect, login, registerFamily, test, type WebServer } from '../support/web';

/**
 * Every test starts from two pendamping and three synthetic families with the first one, written through the
 * services into the test's own database.
 */
function seedPendampingAndFamilies(web: WebServer) {
  const db = web.db;
  const addPendamping = (name: string, districtCode: string) =>
    createPendamping(db, SYSTEM_ACTOR, pendampingSchema.parse({ name, districtCodes: [districtCode] }));
  const rina = addPendamping('RINA MARLINA', '337501');
  const dedi = addPendamping('DEDI SUPRIYADI', '337502');
  const families = [
    { idKpm: 'P-E2E-1', nik: '3375014101800001', nama: 'ANI WIDYA' },
    { idKpm: 'P-E2E-2', nik: '3375014202810002', nama: 'BUDI ASTUTI' },
    { idKpm: 'P-E2E-3', nik: '3375014303820003', nama: 'CICI HANDAYANI' },
  ];
  const ids = families.map((f) =>
    registerFamily(web, {
      ...f,
      noKk: '3375010101200001',
      districtCode: '337501',
      villageCode: '3375011002',
      pendampingId: rina.id,
    }),
  );
  return { rina, dedi, ids };
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name }).click();

const pendampingOf = (web: WebServer, nama: string) =>
  (
    web.db.$client
      .prepare('SELECT p.name FROM kpm k LEFT JOIN pendamping p ON p.id = k.pendamping_id WHERE k.nama = ?')
      .get(nama) as { name: string | null }
  ).name;

test('add a pendamping with the kecamatan they cover', async ({ page, web }) => {
  await login(page, web.url);
  await nav(page, 'Pendamping');
  await page.getByRole('button', { name: 'Tambah pendamping' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pendamping' });
  await expect(dialog.getByRole('textbox', { name: 'Nama pendamping' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Nama pendamping' }).fill('SRI LESTARI');
  await dialog.getByRole('textbox', { name: 'NIP / NI PPPK' }).fill('198501012010012001');
  await dialog.getByRole('combobox', { name: 'Kecamatan wilayah tugas' }).click();
  await page.getByRole('option', { name: 'Pekalongan Utara' }).click();
  await page.getByRole('option', { name: 'Pekalongan Selatan' }).click();
  await dialog.getByRole('textbox', { name: 'Nama pendamping' }).press('Enter');

  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /SRI LESTARI/ });
  await expect(row).toContainText('198501012010012001');
  await expect(row).toContainText('Pekalongan Utara');
  await expect(row).toContainText('Pekalongan Selatan');
  await expect(row).toContainText('Aktif');
});

test('move selected families to another pendamping from the KPM list', async ({ page, web }) => {
  seedPendampingAndFamilies(web);
  await login(page, web.url);
  await nav(page, 'Data KPM');
  await page.getByRole('checkbox', { name: 'Pilih ANI WIDYA' }).check();
  await page.getByRole('checkbox', { name: 'Pilih BUDI ASTUTI' }).check();
  await expect(page.getByText('2 KPM dipilih')).toBeVisible();
  await page.getByRole('button', { name: 'Pindahkan ke pendamping…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Pindahkan ke pendamping lain' });
  await dialog.getByRole('combobox', { name: 'Pendamping tujuan' }).click();
  await page.getByRole('option', { name: 'DEDI SUPRIYADI' }).click();
  await dialog.getByRole('button', { name: 'Pindahkan 2 KPM' }).click();

  await expect(page.getByText('2 KPM dipindahkan ke DEDI SUPRIYADI.')).toBeVisible();
  await expect(page.getByRole('row', { name: /ANI WIDYA/ })).toContainText('DEDI SUPRIYADI');
  expect(pendampingOf(web, 'ANI WIDYA')).toBe('DEDI SUPRIYADI');
  expect(pendampingOf(web, 'CICI HANDAYANI')).toBe('RINA MARLINA');
});

test('move every family of one pendamping after a confirmation naming both', async ({ page, web }) => {
  const { dedi, ids } = seedPendampingAndFamilies(web);
  reassignKpm(web.db, SYSTEM_ACTOR, { kpmIds: ids.slice(0, 2), toPendampingId: dedi.id });
  createPendamping(
    web.db,
    SYSTEM_ACTOR,
    pendampingSchema.parse({ name: 'SRI LESTARI', districtCodes: ['337503', '337504'] }),
  );
  await login(page, web.url);
  await nav(page, 'Pendamping');
  await page.getByRole('button', { name: 'Pindahkan semua KPM DEDI SUPRIYADI' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pindahkan semua KPM' });
  await dialog.getByRole('combobox', { name: 'Pendamping tujuan' }).click();
  await page.getByRole('option', { name: /^SRI LESTARI/ }).click();
  await expect(dialog).toContainText('Pindahkan 2 KPM aktif dari DEDI SUPRIYADI ke SRI LESTARI?');
  await dialog.getByRole('button', { name: 'Ya, pindahkan 2 KPM' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /DEDI SUPRIYADI/ }).getByRole('link')).toHaveText('0');
  await expect(page.getByRole('row', { name: /SRI LESTARI/ }).getByRole('link')).toHaveText('2');
  expect(pendampingOf(web, 'BUDI ASTUTI')).toBe('SRI LESTARI');
});

test('the administrator adds an operator, who does not see the admin pages', async ({ page, web }) => {
  await login(page, web.url);
  await nav(page, 'Pengguna');
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await dialog.getByRole('textbox', { name: 'Nama pengguna' }).fill('operator1');
  await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill('Dewi Operator');
  await expect(dialog.getByRole('combobox', { name: 'Peran' })).toHaveValue(/^Operator/);
  await dialog.getByLabel(/^Kata sandi/).fill('operator123');
  await dialog.getByLabel(/^Ulangi kata sandi/).fill('operator123');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('row', { name: /operator1/ })).toContainText('Dewi Operator');

  await page.getByRole('button', { name: `Menu pengguna ${ADMIN.fullName}` }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await login(page, web.url, 'operator1', 'operator123');
  const menu = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(menu.getByRole('link', { name: 'Data KPM' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Pengaturan' })).toHaveCount(0);
});

test('an expired session sends the user back to the login page', async ({ page, web }) => {
  await login(page, web.url);
  // The server forgets sessions on restart; a token it does not know stands in for that.
  await page.evaluate(() => sessionStorage.setItem('graduasi.session', 'kedaluwarsa'));
  await nav(page, 'Data KPM');
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
});
