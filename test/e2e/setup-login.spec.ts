import { ADMIN, OFFICE } from '../support/office';
import { App } from '../support/pages/app';
import { HomePage } from '../support/pages/home';
import { LoginPage } from '../support/pages/login';
import { SetupWizard } from '../support/pages/setup';
import { expect, test } from '../support/web';

test.describe('first run', () => {
  test.use({ officeSetUp: false });

  test('the setup wizard prepares the office and the administrator', async ({ page, web }) => {
    const wizard = await SetupWizard.open(page, web);

    // Step 1: office profile. A wrong NIP is refused at its field before the wizard moves on.
    await expect(wizard.field('Nama instansi')).toBeFocused();
    // An empty required field refused keeps a grey placeholder: a red one read like typed text.
    await wizard.next();
    const address = wizard.field('Alamat kantor');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    const colours = await address.evaluate((el) => ({
      placeholder: getComputedStyle(el, '::placeholder').color,
      border: getComputedStyle(el).borderColor,
    }));
    expect(colours.placeholder).not.toBe(colours.border);
    // The kabupaten/kota is found the way people abbreviate it.
    for (const [typed, found] of [
      ['kab pamekasan', 'Kabupaten Pamekasan — Jawa Timur'],
      ['kab. pamekasan', 'Kabupaten Pamekasan — Jawa Timur'],
      ['kt. pekalongan', 'Kota Pekalongan — Jawa Tengah'],
    ]) {
      await wizard.regency.fill(typed);
      await expect(page.getByRole('option', { name: found })).toBeVisible();
    }
    await wizard.regency.fill('');
    await wizard.field('Nama instansi').fill(OFFICE.agencyName);
    await wizard.chooseRegency('Kota Pekalongan — Jawa Tengah', 'Kota Pekalongan');
    await expect(page.getByText('Data wilayah Kemendagri dari paket idn-area-data (lisensi ODbL)')).toBeVisible();
    await wizard.field('Alamat kantor').fill(OFFICE.address);
    await wizard.field('Nama kepala dinas').fill(OFFICE.headName);
    await wizard.field('NIP').fill('12345');
    await wizard.next();
    await expect(wizard.field('NIP')).toHaveAttribute('aria-invalid', 'true');
    await wizard.field('NIP').fill(OFFICE.headNip);
    await wizard.field('NIP').press('Enter');

    // Step 2: the first administrator.
    await wizard.fillAdministrator(ADMIN, 'lain-lain-123');
    await wizard.next();
    await expect(page.getByText('Ulangi kata sandi yang sama persis.')).toBeVisible();
    await wizard.field('Ulangi kata sandi').fill(ADMIN.password);
    await wizard.next();

    // Step 3: summary, then save.
    await expect(wizard.summary('Kota Pekalongan — Jawa Tengah')).toBeVisible();
    await expect(wizard.summary(OFFICE.headNip)).toBeVisible();
    await wizard.saveAndStart();

    await expect(new LoginPage(page).signInButton).toBeVisible();
    const saved = web.db.$client.prepare('SELECT agency_name, regency_name, head_nip FROM office').get();
    expect(saved).toEqual({
      agency_name: OFFICE.agencyName,
      regency_name: 'Kota Pekalongan',
      head_nip: OFFICE.headNip,
    });
  });
});

test('a wrong password does not log in', async ({ page, web }) => {
  const login = await LoginPage.open(page, web);
  await login.signIn(ADMIN.username, 'salah-sandi');
  await expect(login.refusal).toContainText('Nama pengguna atau kata sandi salah');
  await login.expectSignedOut();
  await expect(login.signInButton).toBeVisible();
});

test('the administrator logs in with Enter, sees the office and logs out', async ({ page, web }) => {
  const login = await LoginPage.open(page, web);
  await expect(login.username).toBeFocused();
  await login.signIn(ADMIN.username, ADMIN.password);

  const app = new App(page);
  await expect(app.navigation).toBeVisible();
  await app.expectHeading(OFFICE.agencyName);
  for (const item of ['Beranda', 'Data KPM', 'Pendamping', 'Pengguna', 'Pengaturan']) {
    await expect(app.navigation.getByRole('link', { name: item })).toBeVisible();
  }

  await expect(app.userMenu(ADMIN.fullName)).toContainText(ADMIN.fullName);
  await expect(app.userMenu(ADMIN.fullName)).toContainText('Administrator');
  await app.signOut(ADMIN.fullName);
});

test('a new office sees its first steps on Beranda with links, and which are done', async ({ page, web }) => {
  web.db.$client.prepare("UPDATE office SET phone = '(0285) 421234', email = 'dinsos@contoh.go.id'").run();
  const app = await App.signIn(page, web);
  const home = new HomePage(page);
  await expect(home.firstSteps).toBeVisible();
  await expect(home.step('Lengkapi profil kantor', 'selesai')).toBeVisible();
  await expect(home.step('Daftarkan SDM PKH', 'belum')).toBeVisible();
  await expect(home.step('Impor daftar keluarga', 'belum')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('beranda-langkah-awal.png') });
  await home.firstSteps.getByRole('link', { name: 'Buat akun staf kantor' }).click();
  await expect(page.getByRole('heading', { name: 'Pengguna', level: 1 })).toBeVisible();
  // The role descriptions say who decides, voids and approves.
  const admin = page.getByRole('row', { name: new RegExp(ADMIN.username) });
  await expect(admin).toContainText('membatalkan surat');
  await expect(admin).toContainText('menyetujui bantuan');
  await app.screenshot('pengguna-peran');
});
