import type { Locator, Page } from '@playwright/test';
import { registerTestDocument } from '../support/documents-register';
import { expect, login, registerFamily, test } from '../support/web';

/**
 * The daily tasks with the keyboard alone: Tab, Shift+Tab, Enter, typing. Each step presses keys until the
 * wanted control has the focus (as a user would), never clicks. After a step the focus must be somewhere
 * useful, not back at the top of the page.
 */

async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab tidak sampai ke ${target}`);
}

/** Where the focus is: never the page itself (document.body) after a step. */
const focusIsOnPage = (page: Page) => page.evaluate(() => document.activeElement === document.body);

/** From now on every timer of the page fires 50 ms late, as on a busy office PC; animation frames do not wait. */
const runTimersLate = (page: Page) =>
  page.evaluate(() => {
    const setTimer = window.setTimeout;
    window.setTimeout = ((run: TimerHandler, ms = 0, ...args: unknown[]) =>
      setTimer(run, ms + 50, ...args)) as typeof window.setTimeout;
  });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

async function openFromNavigation(page: Page, label: string) {
  await tabTo(page, nav(page).getByRole('link', { name: label, exact: true }));
  await page.keyboard.press('Enter');
}

const FAMILY = {
  idKpm: 'P3375010000001',
  noKk: '3375010101200001',
  nik: '3375014507850001',
  nama: 'Siti Nurjanah Uji',
  districtCode: '337501',
  villageCode: '3375011002',
  members: [
    { nik: '3375011203100002', nama: 'Ahmad Fauzi', hubungan: 'anak', tanggalLahir: '2010-03-12', jenisKelamin: 'L' },
  ],
} as const;

test('the first Tab offers "Lewati ke konten utama", which moves the focus past the navigation', async ({
  page,
  web,
}) => {
  await login(page, web.url);
  await expect(page).toHaveTitle('Beranda – Graduasi PKH');
  const address = page.url();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Lewati ke konten utama' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab lands in the page, not on the 17 navigation links.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  // The link moved the focus only: the hash route (the page) is the same.
  expect(page.url()).toBe(address);
});

test('every screen has its own window title', async ({ page, web }) => {
  const id = registerFamily(web, { ...FAMILY, members: [...FAMILY.members] });
  await page.goto(web.url);
  await expect(page).toHaveTitle('Masuk – Graduasi PKH');
  await login(page, web.url);
  await openFromNavigation(page, 'Data KPM');
  await expect(page).toHaveTitle('Daftar KPM – Graduasi PKH');
  await page.goto(`${web.url}#/kpm/${id}/ubah`);
  await expect(page).toHaveTitle('Ubah data keluarga – Graduasi PKH');
  await openFromNavigation(page, 'Pengaturan');
  await expect(page).toHaveTitle('Pengaturan – Graduasi PKH');
});

test('find a family and edit a member with the keyboard alone', async ({ page, web }) => {
  registerFamily(web, { ...FAMILY, members: [...FAMILY.members] });
  await login(page, web.url);
  await openFromNavigation(page, 'Data KPM');
  const search = page.getByRole('textbox', { name: 'Cari KPM' });
  await expect(search).toBeFocused();
  await page.keyboard.type('nurjan');
  await expect(page.getByTestId('kpm-count')).toHaveText('1–1 dari 1 KPM');
  await tabTo(page, page.getByRole('link', { name: 'SITI NURJANAH UJI' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'SITI NURJANAH UJI' })).toBeVisible();

  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Ubah', exact: true }));
  await page.keyboard.press('Enter');
  const memberName = page.getByRole('textbox', { name: 'Nama anggota 1', exact: true });
  await tabTo(page, memberName);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Ahmad Fauzan');
  // Enter in a field saves the form.
  await page.keyboard.press('Enter');
  const members = page.getByRole('region', { name: 'Anggota keluarga (1)' });
  await expect(members.getByRole('row', { name: /AHMAD FAUZAN/ })).toBeVisible();
});

test('add a family with the keyboard alone: Enter picks the match in a select, focus follows new rows and warnings', async ({
  page,
  web,
}) => {
  await login(page, web.url);
  await openFromNavigation(page, 'Data KPM');
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'Tambah KPM' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'ID KPM', exact: true })).toBeFocused();
  await page.keyboard.type('P3375010000003');
  const typeInto = async (name: string, text: string) => {
    await tabTo(page, page.getByRole('textbox', { name, exact: true }));
    await page.keyboard.type(text);
  };
  await typeInto('No. KK', '3375010101200003');
  await typeInto('NIK pengurus', '3375016302800004');
  await typeInto('Nama pengurus', 'Warsini Uji');
  // The NIK says 23 February 1980: a different birth date is a warning, not an error.
  await tabTo(page, page.getByLabel('Tanggal lahir', { exact: true }));
  await page.keyboard.type('24/02/1980');

  const kecamatan = page.getByRole('combobox', { name: 'Kecamatan' });
  await tabTo(page, kecamatan);
  await page.keyboard.type('Barat');
  await page.keyboard.press('Enter');
  await expect(kecamatan).toHaveValue('Pekalongan Barat');
  const desa = page.getByRole('combobox', { name: 'Desa/kelurahan' });
  await tabTo(page, desa);
  await page.keyboard.type('Medo');
  await page.keyboard.press('Enter');
  await expect(desa).toHaveValue('Medono');
  // Enter picked the desa and did not send the form: a sent form would show its warnings by now.
  await expect(page.getByRole('heading', { name: 'Tambah KPM' })).toBeVisible();
  await expect(page.getByText('Periksa peringatan berikut')).toHaveCount(0);

  await tabTo(page, page.getByRole('button', { name: '+ Tambah anggota' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'NIK anggota 1', exact: true })).toBeFocused();
  // The NISN sits beside the NIK (both identify the member); an adult's stays empty.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'NISN 1', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Nama anggota 1', exact: true })).toBeFocused();
  await page.keyboard.type('Bayu Uji');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Anak');
  await tabTo(page, page.getByLabel('Tanggal lahir anggota 1'));
  await page.keyboard.type('10/01/2012');

  await tabTo(page, page.getByRole('button', { name: 'Simpan', exact: true }));
  await page.keyboard.press('Enter');
  const saveAnyway = page.getByRole('button', { name: 'Simpan meskipun ada peringatan' });
  await expect(saveAnyway).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'WARSINI UJI' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Anggota keluarga (1)' })).toContainText('BAYU UJI');
});

const CSV = [
  'NOMOR KK;NOMOR NIK;NAMA;TANGGAL LAHIR;JENIS KELAMIN;ALAMAT;KECAMATAN;DESA/KELURAHAN',
  '3375010101200011;3375014507850011;SRI WAHYUNI UJI;05-07-1985;PEREMPUAN;JL. MERDEKA 1;PEKALONGAN BARAT;MEDONO',
  '3375010101200012;3375015203880012;NUR HAYATI UJI;12-03-1988;PEREMPUAN;JL. MERDEKA 2;PEKALONGAN BARAT;MEDONO',
].join('\r\n');

test('import a file with the keyboard alone; each step takes the focus', async ({ page, web }) => {
  await login(page, web.url);
  await openFromNavigation(page, 'Impor Data');
  await tabTo(page, page.getByRole('button', { name: 'Berkas data KPM' }));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'kpm-kelurahan.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await tabTo(page, page.getByRole('button', { name: 'Baca dan periksa berkas' }));
  await page.keyboard.press('Enter');

  const step = (n: number) => page.getByRole('region', { name: new RegExp(`Impor langkah ${n} dari 4`) });
  await expect(step(2)).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Lanjut: laporan uji coba' }));
  await page.keyboard.press('Enter');
  await expect(step(3)).toBeFocused();
  await expect(page.getByRole('group', { name: 'akan ditambah: 2' })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Simpan ke database' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Simpan hasil impor ke database?' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Ya, simpan' }), 10);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Impor selesai' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Impor selesai' })).toBeFocused();
  expect(await focusIsOnPage(page)).toBe(false);
});

test('after voiding a letter the focus stays on its row', async ({ page, web }) => {
  const number = '460/007/Dinsos/XI/2026';
  registerTestDocument(web.db, { number });
  await login(page, web.url);
  await openFromNavigation(page, 'Agenda surat');
  await page.getByRole('combobox', { name: 'Tahun' }).waitFor();
  await tabTo(page, page.getByRole('button', { name: `Batalkan ${number}` }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Batalkan dokumen nomor ${number}` });
  await expect(dialog.getByRole('textbox', { name: 'Alasan pembatalan' })).toBeFocused();
  await page.keyboard.type('Salah ketik nama penerima');
  await tabTo(page, dialog.getByRole('button', { name: 'Batalkan dokumen' }), 10);
  // A busy PC: timers fire a frame late, so the register's new rows are drawn after the next animation frame.
  // Focusing the row before they are drawn put the focus on the "Batalkan" button about to disappear.
  await runTimersLate(page);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText('Batal');
  await expect(page.getByRole('button', { name: `Cetak ulang ${number}` })).toBeFocused();
});
