import { ADMIN, OFFICE } from '../support/office';
import { choose, expect, login, test } from '../support/web';

test.describe('first run', () => {
  test.use({ officeSetUp: false });

  test('the setup wizard prepares the office and the administrator', async ({ page, web }) => {
    await page.goto(web.url);
    await expect(page.getByRole('heading', { name: 'Penyiapan aplikasi Graduasi PKH' })).toBeVisible();

    // Step 1: office profile. A wrong NIP is refused at its field before the wizard moves on.
    await expect(page.getByLabel('Nama instansi')).toBeFocused();
    // An empty required field refused keeps a grey placeholder: a red one read like typed text.
    await page.getByRole('button', { name: 'Lanjut' }).click();
    const address = page.getByLabel('Alamat kantor');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    const colours = await address.evaluate((el) => ({
      placeholder: getComputedStyle(el, '::placeholder').color,
      border: getComputedStyle(el).borderColor,
    }));
    expect(colours.placeholder).not.toBe(colours.border);
    // The kabupaten/kota is found the way people abbreviate it.
    const regency = page.getByRole('combobox', { name: 'Kabupaten/kota' });
    for (const [typed, found] of [
      ['kab pamekasan', 'Kabupaten Pamekasan — Jawa Timur'],
      ['kab. pamekasan', 'Kabupaten Pamekasan — Jawa Timur'],
      ['kt. pekalongan', 'Kota Pekalongan — Jawa Tengah'],
    ]) {
      await regency.fill(typed);
      await expect(page.getByRole('option', { name: found })).toBeVisible();
    }
    await regency.fill('');
    await page.getByLabel('Nama instansi').fill(OFFICE.agencyName);
    await choose(page, 'Kabupaten/kota', 'Kota Pekalongan — Jawa Tengah', 'Kota Pekalongan');
    await expect(page.getByText('Data wilayah Kemendagri dari paket idn-area-data (lisensi ODbL)')).toBeVisible();
    await page.getByLabel('Alamat kantor').fill(OFFICE.address);
    await page.getByLabel('Nama kepala dinas').fill(OFFICE.headName);
    await page.getByLabel('NIP').fill('12345');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByLabel('NIP')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('NIP').fill(OFFICE.headNip);
    await page.getByLabel('NIP').press('Enter');

    // Step 2: the first administrator.
    await expect(page.getByLabel('Nama lengkap')).toBeVisible();
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
    await page.getByLabel(/^Kata sandi/).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').fill('lain-lain-123');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByText('Ulangi kata sandi yang sama persis.')).toBeVisible();
    await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // Step 3: summary, then save.
    await expect(page.getByRole('cell', { name: 'Kota Pekalongan — Jawa Tengah' })).toBeVisible();
    await expect(page.getByRole('cell', { name: OFFICE.headNip })).toBeVisible();
    await page.getByRole('button', { name: 'Simpan dan mulai' }).click();

    await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
    const saved = web.db.$client.prepare('SELECT agency_name, regency_name, head_nip FROM office').get();
    expect(saved).toEqual({
      agency_name: OFFICE.agencyName,
      regency_name: 'Kota Pekalongan',
      head_nip: OFFICE.headNip,
    });
  });
});

test('a wrong password does not log in', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Kata sandi').fill('salah-sandi');
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah');
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
});

test('the administrator logs in with Enter, sees the office and logs out', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByLabel('Kata sandi').press('Enter');

  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav).toBeVisible();
  await expect(page.getByRole('heading', { name: OFFICE.agencyName })).toBeVisible();
  for (const item of ['Beranda', 'Data KPM', 'Pendamping', 'Pengguna', 'Pengaturan']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }

  const userMenu = page.getByRole('button', { name: `Menu pengguna ${ADMIN.fullName}` });
  await expect(userMenu).toContainText(ADMIN.fullName);
  await expect(userMenu).toContainText('Administrator');
  await userMenu.click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
});

test('a new office sees its first steps on Beranda with links, and which are done', async ({ page, web }) => {
  web.db.$client.prepare("UPDATE office SET phone = '(0285) 421234', email = 'dinsos@contoh.go.id'").run();
  await login(page, web.url);
  const steps = page.getByRole('region', { name: 'Langkah awal' });
  await expect(steps).toBeVisible();
  await expect(steps.getByRole('listitem', { name: 'Lengkapi profil kantor: selesai' })).toBeVisible();
  await expect(steps.getByRole('listitem', { name: 'Daftarkan SDM PKH: belum' })).toBeVisible();
  await expect(steps.getByRole('listitem', { name: 'Impor daftar keluarga: belum' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('beranda-langkah-awal.png') });
  await steps.getByRole('link', { name: 'Buat akun staf kantor' }).click();
  await expect(page.getByRole('heading', { name: 'Pengguna', level: 1 })).toBeVisible();
  // The role descriptions say who decides, voids and approves.
  const admin = page.getByRole('row', { name: new RegExp(ADMIN.username) });
  await expect(admin).toContainText('membatalkan surat');
  await expect(admin).toContainText('menyetujui bantuan');
  await page.screenshot({ path: test.info().outputPath('pengguna-peran.png') });
});
